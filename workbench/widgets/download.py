"""A download button: the file is made in Python when it is clicked and saved by the browser.

The browser asks the kernel for the file over the widget's comm and saves the bytes it gets
back (a Blob and an `<a download>`), so the same button works in JupyterLab and in Voilà, offline,
and a large table is written only when someone wants it. `Download.file()` is what a click
receives, for tests and scripts.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import anywidget
import pandas as pd
import traitlets

#: The button in the browser: labels set as text (inert), the file saved from the bytes sent.
_ESM = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "jupyter-button widget-button wb-download";
  const label = () => {
    button.textContent = "\u2913 " + model.get("description");
    button.title = "download " + model.get("filename");
  };
  label();
  model.on("change:description", label);
  model.on("change:filename", label);
  button.addEventListener("click", () => {
    button.disabled = true;
    model.send({ event: "download" });
  });
  model.on("msg:custom", (msg, buffers) => {
    button.disabled = false;
    if (!msg.filename) return;  // the error is shown by the dashboard
    const url = URL.createObjectURL(new Blob(buffers, { type: msg.mime }));
    const link = document.createElement("a");
    link.href = url;
    link.download = msg.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
  el.appendChild(button);
}
export default { render };
"""

MIME = {"csv": "text/csv", "png": "image/png", "svg": "image/svg+xml", "json": "application/json",
        "gexf": "application/xml", "graphml": "application/xml"}


class Download(anywidget.AnyWidget):
    """A button labelled `description` that saves `filename` with the bytes `make()` returns.

    `make` runs when the button is clicked; when it raises, or returns None (a dashboard's
    `guarded` callback shows the error), nothing is saved.
    """

    _esm = _ESM
    description = traitlets.Unicode().tag(sync=True)
    filename = traitlets.Unicode().tag(sync=True)

    def __init__(self, description: str, filename: str, make: Callable[[], bytes | None]):
        super().__init__(description=description, filename=filename)
        self.make = make
        self.on_msg(self._answer)

    def file(self) -> bytes | None:
        """The bytes a click saves now (None when they could not be made)."""
        return self.make()

    def _answer(self, widget, content: dict, buffers) -> None:
        if content.get("event") != "download":
            return
        data = None
        try:
            data = self.file()
        finally:
            if data is None:
                self.send({})  # the button is enabled again; nothing is saved
        if data is None:
            return
        suffix = self.filename.rsplit(".", 1)[-1]
        self.send({"filename": self.filename, "mime": MIME.get(suffix, "application/octet-stream")},
                  buffers=[data])


def csv_bytes(df: pd.DataFrame) -> bytes:
    """`df` as UTF-8 CSV without the index, as every table download writes it."""
    return df.to_csv(index=False).encode("utf-8")


def figure_bytes(figure, fmt: str) -> bytes:
    """A matplotlib figure saved as `fmt` ("png" or "svg"), cropped to what it draws."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, bbox_inches="tight")
    return buffer.getvalue()
