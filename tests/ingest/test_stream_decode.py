"""A UTF-8 export is decoded as a stream; its lines are exactly the lines of the text that decoding
the whole file gives, and a file that needs judging whole is left to `decode_bytes`."""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.decode import decode_bytes, utf8_lines


def _streamed(data: bytes, block: int) -> str | None:
    lines = utf8_lines(lambda: io.BytesIO(data), block=block)
    return None if lines is None else "".join(lines)


@pytest.mark.parametrize("data", [
    b'{"text": "caf\\u00e9"}\r\n{"text": "two"}\r\n',  # CRLF split at every block size below
    "e\u0301\ne\u0301 \u2028third\x85fourth\rfifth\x07\n".encode(),  # NFC, odd newlines, a bell
    codecs.BOM_UTF8 + "\ufeffid,text\n1,Баку\n".encode(),  # a BOM, and one more after it
    b"no newline at the end",
    b"a\n\n\nb\n\n",
])
@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 20])
def test_streamed_lines_join_to_the_whole_decoded_text(data, block):
    assert _streamed(data, block) == decode_bytes(data).text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
       st.integers(1, 40))
def test_any_utf8_text_streams_as_it_decodes_whole(text, block):
    data = text.encode()
    whole = decode_bytes(data)
    streamed = _streamed(data, block)
    assert streamed is None or streamed == whole.text


@pytest.mark.parametrize("data", [
    "text,id\n1,2\n".encode("utf-16"),  # UTF-16 with its BOM
    "Привет,мир\n".encode("cp1251") * 50,  # a legacy code page: not UTF-8
    b"id,text\n1,ok\n" * 1000 + b"2,caf\xe9\n",  # an invalid byte far from the start
    b"%PDF-1.4 binary",
    b"   \n\n  ",
])
def test_a_file_that_must_be_judged_whole_is_not_streamed(data):
    assert _streamed(data, 64) is None
