"""A saved view named in the app page's address (`?view=<name>`, which Voilà hands the kernel as
QUERY_STRING) opens on the notebook's dashboard; a missing or bad one is said in the dashboard,
escaped, and the dashboard still shows."""

from __future__ import annotations

import pytest

from workbench.widgets.corpus import DocumentViewer
from workbench.widgets.views import open_view_in_address, view_in_address, view_state


@pytest.mark.parametrize(("query", "name"), [
    ("", None), ("theme=dark", None), ("view=", None), ("view=%20", None),
    ("view=september", "september"), ("view=my+view&theme=dark", "my view"),
    ("view=a&view=b%20c", "b c"),
])
def test_the_view_an_address_names(query, name):
    assert view_in_address(query) == name


def test_the_view_in_the_address_opens_for_a_colleague(seed_corpus, tmp_path, monkeypatch):
    mine = DocumentViewer(seed_corpus, views=tmp_path)
    mine.controls["find"].value = "_"
    mine.controls["document"].value = mine.controls["document"].options[2][1]
    mine.save_view("third article")

    monkeypatch.setenv("QUERY_STRING", "view=third+article")
    colleague = DocumentViewer(seed_corpus, views=tmp_path)
    assert view_state(colleague.controls) != view_state(mine.controls)
    assert open_view_in_address(colleague) == "third article"
    assert view_state(colleague.controls) == view_state(mine.controls)
    assert "Showing the saved view <b>third article</b>" in colleague.message.value


def test_no_view_in_the_address_leaves_the_dashboard_as_it_opens(seed_corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("QUERY_STRING", raising=False)  # JupyterLab, the report
    dash = DocumentViewer(seed_corpus, views=tmp_path)
    before = view_state(dash.controls)
    assert open_view_in_address(dash) is None
    assert view_state(dash.controls) == before and dash.message.value == ""


@pytest.mark.parametrize(("query", "said"), [
    ("view=nothing", "no saved view 'nothing'"),
    ("view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "view name '&lt;img src=x onerror=alert(1)&gt;' "
                                                       "is not usable"),
    ("view=..%2Fsecrets", "view name '../secrets' is not usable"),
])
def test_a_view_that_cannot_be_opened_is_said_in_the_dashboard(seed_corpus, tmp_path, query, said):
    dash = DocumentViewer(seed_corpus, views=tmp_path)
    before = view_state(dash.controls)
    assert open_view_in_address(dash, query) is None
    message = dash.message.value
    assert "could not be opened" in message and said in message and "<img" not in message
    assert view_state(dash.controls) == before


def test_a_view_of_another_dashboard_is_said_too(seed_corpus, tmp_path):
    (tmp_path / "trend view.json").write_text('{"dashboard": "trends", "format": 1, "controls": {}}',
                                              encoding="utf-8")
    dash = DocumentViewer(seed_corpus, views=tmp_path)
    assert open_view_in_address(dash, "view=trend%20view") is None
    assert "a view of the 'trends' dashboard, not of 'corpus'" in dash.message.value
