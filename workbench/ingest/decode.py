"""Bytes to clean Unicode text: BOMs, UTF-16, legacy encodings, newlines, NFC.

Returns a `Decoded` that says how the bytes were read, or why they could not be,
so the loader can put every file in the corpus or in the report with a reason.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an MS Office (OLE) document",
}
#: Legacy code pages tried in order of preference (ties go to the earlier one).
LEGACY = ["cp1252", "cp1251", "cp1254", "koi8_r", "cp1250", "iso8859_9", "mac_cyrillic", "cp866"]
_COMMON = set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "çğıİöşüÇĞÖŞÜəƏ"
    "àáâäãåæèéêëìíîïñòóôõøùúûÿßœÀÁÂÄÃÅÆÈÉÊËÌÍÎÏÑÒÓÔÕØÙÚÛŒ"
    "«»“”‘’„–—…•€°№©®™§±·"
)
_LETTER = re.compile(r"[^\s\d!-/:-@\[-`{-~]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CASE_FLIP = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_NEWLINE_MARKS = ("\r", "\u2028", "\u2029", "\x85")  # what _NEWLINES finds


@dataclass(frozen=True)
class Decoded:
    """Outcome of decoding: `text` is None when the bytes are not usable text."""

    text: str | None
    encoding: str | None
    note: str | None = None  # something the researcher should know (a warning)
    reason: str | None = None  # why the bytes were rejected


def normalise(text: str) -> str:
    """Unify newlines to \\n, apply Unicode NFC and drop control characters except tab/newline."""
    if any(mark in text for mark in _NEWLINE_MARKS):  # 70x faster than the scan when none is
        text = _NEWLINES.sub("\n", text)
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def utf8_lines(open_bytes: Callable[[], BinaryIO], *, block: int = 1 << 20) -> Iterator[str] | None:
    """The lines of a UTF-8 file read as a stream, each ending in a newline (but the last),
    normalised as `decode_bytes` normalises the whole text; None when `decode_bytes` must judge
    the file whole: a BOM of UTF-16 or UTF-32, UTF-16 without one, a binary signature, NUL
    bytes, an invalid UTF-8 byte anywhere, garbled or blank content at its start.

    A first pass only checks the bytes, so a large export is never held in memory as bytes or
    as text; the second decodes `block` bytes at a time. `open_bytes` opens the file (twice).
    The text is normalised up to the last newline of what has been decoded: NFC never composes
    across a newline, and a carriage return waits for what follows it.
    """
    with open_bytes() as fh:
        head = fh.read(8000)
        if any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8-sig") \
                or _utf16_without_bom(head) or b"\x00" in head \
                or any(head.startswith(magic) for magic in MAGIC):
            return None
        check = codecs.getincrementaldecoder("utf-8-sig")()
        try:
            start = check.decode(head)
            while data := fh.read(block):
                text = check.decode(data)
                start += text[:5000] if len(start) < 5000 else ""
            check.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    if _looks_binary(start) or not normalise(start).lstrip("\ufeff").strip():
        return None
    return _normalised_lines(open_bytes, block)


def _normalised_lines(open_bytes: Callable[[], BinaryIO], block: int) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    rest, at_start = "", True
    with open_bytes() as fh:
        while True:
            data = fh.read(block)
            text = rest + decoder.decode(data, final=not data)
            cut = text.rfind("\n") + 1 if data else len(text)
            text, rest = normalise(text[:cut]), text[cut:]
            if at_start:
                text = text.lstrip("\ufeff")
                at_start = not text
            lines = text.split("\n")
            yield from (line + "\n" for line in lines[:-1])
            if not data:
                if lines[-1]:
                    yield lines[-1]
                return


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot UTF-16 without a BOM: NUL in every other byte of mostly ASCII text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:5000]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad > max(3, 0.02 * len(sample))


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes to normalised text, detecting the encoding.

    Order: BOM, UTF-16 without BOM, binary signatures, strict UTF-8, then
    charset-normalizer for legacy code pages (cp1251 Cyrillic, cp1252 Western, ...).
    """
    if not data.strip():
        return Decoded(None, None, reason="empty file (no text)")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _finish(data.decode(encoding, errors="replace"), encoding, "byte-order mark")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16, "UTF-16 without BOM")
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return Decoded(None, None, reason=f"binary file: looks like {kind}, not text")
    if b"\x00" in data[:8000]:
        return Decoded(None, None, reason="binary file: contains NUL bytes, not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy(data)
    if encoding is None:
        return Decoded(None, None, reason="undecodable bytes: no text encoding fits this file")
    return _finish(data.decode(encoding, errors="replace"), encoding, "detected legacy encoding")


def _implausibility(text: str) -> float:
    """Share of letters/symbols unusual in our languages, plus words that mix scripts or case."""
    letters = _LETTER.findall(text)
    if not letters:
        return 1.0
    odd = sum(1 for ch in letters if ch not in _COMMON)
    mixed = sum(1 for w in _WORD.findall(text) if _mixes(w))
    return (odd + 3 * mixed) / len(letters)


def _mixes(word: str) -> bool:
    latin = any("a" <= c.lower() <= "z" for c in word)
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
    return (latin and cyrillic) or bool(_CASE_FLIP.search(word))


def _guess_legacy(data: bytes) -> str | None:
    """Pick the code page whose decoding reads most naturally; charset-normalizer as fallback."""
    scored = []
    for rank, encoding in enumerate(LEGACY):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_implausibility(text), rank, encoding))
    if scored and min(scored)[0] < 0.02:
        return min(scored)[2]
    best = from_bytes(data).best()
    return best.encoding if best is not None else (min(scored)[2] if scored else None)


def _finish(text: str, encoding: str, how: str | None) -> Decoded:
    if _looks_binary(text):
        return Decoded(None, encoding, reason=f"binary or garbled content (tried {encoding})")
    text = normalise(text).lstrip("\ufeff")
    if not text.strip():
        return Decoded(None, encoding, reason="empty file (only whitespace)")
    note = None
    if how == "detected legacy encoding":
        note = f"not UTF-8: decoded as {encoding} (detected); check accents and Cyrillic"
    elif how == "UTF-16 without BOM":
        note = f"decoded as {encoding} (no byte-order mark)"
    replaced = text.count("\ufffd")
    if replaced:
        note = (note + "; " if note else "") + f"{replaced} undecodable byte(s) replaced by �"
    return Decoded(text, encoding, note=note)
