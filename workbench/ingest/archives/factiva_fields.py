"""What Factiva's exports share, whatever their container (`factiva_html`, `factiva_text`): its
field codes (HD headline, WC word count, PD date, SN source, AN accession number, …), the
article-display header that prints the same fields without codes, the "Document <accession
number>" line that ends every article, its page furniture and its search summary.

Field codes are the same in every interface language; what is printed around them is not ("475
words", "916 Wörter", "1 234 mots", "354 字"; "Document", "Dokument", "文件"), so the patterns here
read the shapes (a number and one word, a word and an accession number) rather than the words.
"""

from __future__ import annotations

import re

from ..dates import parse_date
from ..page import n_words
from .metadata import language_code

#: Factiva's field codes, with what each holds
CODES = {
    "SE": "section", "HD": "headline", "BY": "byline", "CR": "credit", "WC": "word count",
    "PD": "publication date", "ET": "time", "SN": "source name", "SC": "source code",
    "ED": "edition", "PG": "page", "CLM": "column", "VOL": "volume", "LA": "language",
    "CY": "copyright", "LP": "lead paragraph", "TD": "text", "CT": "contact", "RF": "reference",
    "ART": "captions", "CX": "correction", "CO": "companies", "IN": "industries", "NS": "subjects",
    "RE": "regions", "IPC": "information provider codes", "IPD": "information provider descriptors",
    "PUB": "publisher", "NGC": "newspaper group", "GC": "group code", "RST": "restrictor",
    "AN": "accession number",
}
#: the codes whose value is a field of the article (`Article.fields`), by the field's name
FIELD_OF = {"SE": "section", "HD": "title", "BY": "author", "WC": "length", "PD": "date",
            "SN": "outlet", "LA": "language", "AN": "source_id"}
BODY_CODES = ("LP", "TD")  # lead paragraph(s), then the text: the body, in this order

SEARCH_SUMMARY = "search summary"
PAGE_FURNITURE = "page furniture"

# "Document SUDOS00020131120e9bj0001v": a word of the interface language and the accession number
# (25 characters: the source code padded to 8, the date, 9 letters and digits), alone on its line
# or in the AN field
_ACCESSION = r"([A-Za-z][A-Za-z0-9]{7}(?:19|20)\d{6}[a-z][a-z0-9]{8})"
ACCESSION_LINE = re.compile(rf"^(?:AN\b[\s|:]*)?(?:[^\W\d_]{{2,12}}[\s:]+)?{_ACCESSION}[\s|]*$")
ACCESSION_BYTES = re.compile(rb"(?<![A-Za-z0-9])" + _ACCESSION.encode() + rb"(?![A-Za-z0-9])")
_WORD_COUNT = re.compile(r"^(?:\d{1,3}(?:[.,' ]\d{3})+|\d+) ?[^\W\d_]{1,12}\.?$")
# "15:32", "14 h 32", "오후 3:46", "11:14 AM EST"
_TIME = re.compile(r"^(?:[^\d\s]{1,4} ?)?\d{1,2} ?[:.h] ?\d{2}(?: ?[^\d\s]{1,5}){0,2}$")
_SOURCE_CODE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{1,10}$")  # "J", "SUDOS", "WSJO"
_PAGE = re.compile(r"^[A-Z]?\d{1,4}[A-Z]?$")
_COPYRIGHT = re.compile(
    r"^(?:\(c\)|copyright\b)|[©\u24b8]|\(c\) ?(?:19|20)\d\d|rights reserved|droits réservés|"
    r"rechte vorbehalten|derechos reservados|diritti riservati|rechten voorbehouden|"
    r"direitos reservados|版權所有|版权所有|著作権", re.IGNORECASE)
# "Page 2 of 14", "Seite 2 von 14", "Página 2 de 14", "第 2 页", and Factiva's own footer
_PAGE_OF = re.compile(r"^(?:(?:page|seite|página|pagina|pág\.|strona|sida|side|страница) ?\d+ ?"
                      r"(?:of|von|sur|de|di|van|z|av|af|из|/) ?\d+|第 ?\d+ ?[页頁].{0,12})$",
                      re.IGNORECASE)
_FACTIVA = re.compile(r"\bfactiva,? inc\b|\bdow jones factiva\b|\bfactiva (?:rtf|html|pdf)\b",
                      re.IGNORECASE)
# "By Jane Doe", "Von Lorenz Honegger", "Par Jean Dupont", "Por …", "Door …", "Af …", "От …", "作者：王明"
_BY = re.compile(r"^(?:(?:[Bb]y|BY|[Vv]on|VON|Par|PAR|par|Por|POR|por|Door|DOOR|door|Af|AF|Av|AV|"
                 r"От|ОТ|от)[\s:]+|作者 ?[:：]? ?)(?=\S)")
_HEADER_WORDS = 12  # a header line (edition, page, volume) is never longer
_COUNTER = re.compile(r"^\d{1,4}[)）] ?")  # "96) ", "96）" before a headline Factiva numbered
_SENTENCE_END = re.compile(r"[.!?…»\"”。！？]$")
_COMPANY_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|S\.A|N\.V|B\.V|Pty|L\.P|P\.L\.C|S\.p\.A)\.$")


def clean(text: str) -> str:
    """Text as a reader sees it: one line, single spaces (source line breaks, no-break spaces and
    Factiva's literal `&softReturn;` become spaces)."""
    return " ".join(text.replace("&softReturn;", " ").split())


def rule(code: str) -> str:
    """The rule naming a line read as Factiva field `code` ("WC: word count")."""
    return f"{code}: {CODES.get(code, 'indexing')}"


def accession(line: str) -> str | None:
    """The accession number of a "Document <AN>" line (or an AN field), None for other lines."""
    m = ACCESSION_LINE.match(line.strip())
    return m[1] if m else None


def an_field(value: str) -> str | None:
    """The accession number in an AN field's value: "Document <AN>", or a long code alone."""
    last = value.split()[-1] if value.split() else ""
    return accession(value) or (last if len(last) >= 16 and last.isalnum() else None)


def is_word_count(value: str) -> bool:
    """A number and one word: "475 words", "1.234 Wörter", "1 234 mots", "354 字"."""
    return bool(_WORD_COUNT.match(value)) and parse_date(value) is None


def is_date(value: str) -> bool:
    """A short value that reads as a date with its year ("3 April 2017", "2018 年 9 月 18 日")."""
    return len(value) <= 40 and parse_date(value) is not None


def is_page(value: str) -> bool:
    """A page number as the header prints it: "14", "A4", "12B"."""
    return bool(_PAGE.match(value))


def is_copyright(value: str) -> bool:
    return bool(_COPYRIGHT.search(value))


def is_page_furniture(line: str) -> bool:
    """A page header or footer of an export: "Page 2 of 14", "© 2020 Factiva, Inc. All rights
    reserved."."""
    return bool(_PAGE_OF.match(line)) or (len(line) <= 120 and bool(_FACTIVA.search(line)))


def author(byline: str) -> str:
    """The byline without its "By" word, in the interface languages."""
    return _BY.sub("", byline).strip(" ,;")


def is_byline(line: str) -> bool:
    """A line starting with "By", "Von", "Par", … and then a name ("By the numbers" is none)."""
    name = author(line)
    return name != line and not name[:1].islower()


def headline(value: str, *, counted: bool = False) -> str:
    """The headline, without the "96) " a result list numbered it with (`counted`)."""
    return _COUNTER.sub("", value) if counted else value


def is_publisher(line: str) -> bool:
    """The publisher line the article display prints before the accession number
    ("Verlag der Tagesspiegel GmbH", "Dow Jones & Company, Inc."): short, no sentence."""
    return n_words(line) <= 12 and (not _SENTENCE_END.search(line) or bool(_COMPANY_END.search(line)))


def add(fields: list[tuple[str, str]], name: str, value: str) -> None:
    """Give field `name` its value, unless it has one (the first printed wins) or `value` is empty."""
    if value and all(k != name for k, _ in fields):
        fields.append((name, value))


def display_header(values: list[str], *, bounded: bool) -> tuple[list[tuple[str, str]],
                                                                  list[tuple[str, str]], int]:
    """Read the article display's header lines, which print the fields without their codes in
    Factiva's order: [BY] [CR] [PG] WC PD [ET] SN [SC] [ED] [PG] [LA] [CY]. Returns the fields, every
    line with its rule, and how many of `values` were header. `bounded`: the header's end is to
    be found (text exports, where the body follows on the next line); otherwise every value is
    header (a page's header divs)."""
    fields: list[tuple[str, str]] = []
    removed: list[tuple[str, str]] = []
    n = len(values)

    def take(i: int, code: str) -> int:
        removed.append((values[i], rule(code)))
        if code in FIELD_OF:
            add(fields, FIELD_OF[code], author(values[i]) if code == "BY" else values[i])
        return i + 1

    wc = next((k for k in range(min(n, 3)) if is_word_count(values[k])), None)
    i = 0
    if wc is not None:
        while i < wc:  # a page number, a byline printed as a plain line, the credit under it
            i = take(i, "PG" if is_page(values[i]) else "BY" if is_byline(values[i]) else "CR")
        i = take(i, "WC")
    if i < n and is_date(values[i]):
        i = take(i, "PD")
        if i < n and _TIME.match(values[i]):
            i = take(i, "ET")
        if i < n and not is_copyright(values[i]):
            i = take(i, "SN")
            if i < n and _SOURCE_CODE.match(values[i]):
                i = take(i, "SC")
    if bounded:
        rest, cy = _header_rest(values[i:i + 5])
    else:
        cy = next((k for k, v in enumerate(values[i:]) if is_copyright(v)), None)
        rest = values[i:i + cy] if cy is not None else values[i:]
    for k, v in enumerate(rest):
        last = k == len(rest) - 1
        if is_page(v):
            i = take(i, "PG")
        elif last and n_words(v) <= 3 and not any(c.isdigit() for c in v):
            i = take(i, "LA")
        else:
            i = take(i, "ED")
    if cy is not None:
        i = take(i, "CY")
    return fields, removed, i


def _header_rest(window: list[str]) -> tuple[list[str], int | None]:
    """The header lines after the source (edition, page, language) among the first lines of a text
    export's article, and where its copyright line is among them (None: it prints none). The header
    is short lines, up to the copyright line, the language its last line before that; without a
    copyright line, at most three very short lines (a dateline, "BERLIN (dpa)", is the body's)."""
    rest: list[str] = []
    for k, v in enumerate(window):
        if is_copyright(v):
            return rest, k
        words = n_words(v)
        if words > _HEADER_WORDS or (words > 3 and _SENTENCE_END.search(v)) or (
                rest and language_code(rest[-1])):
            break
        rest.append(v)
    short: list[str] = []
    for v in rest[:3]:
        if n_words(v) > 3 or len(v) > 25 or _SENTENCE_END.search(v):
            break
        short.append(v)
        if language_code(v):
            break
    return short, None


def summary_provenance(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Provenance from a search summary's (label, value) rows, whatever the interface language:
    the first row is the search text, a number alone the results found, a date with a time the
    moment the export was made; other rows (date range, sources, languages) keep their label."""
    out = [("archive", "Factiva")]
    for k, (label, value) in enumerate(rows):
        if not value:
            continue
        if k == 0:
            out.append(("search", value))
        elif re.fullmatch(r"\d[\d.,' ]*", value):
            out.append(("results", value))
        elif is_date(value) and re.search(r"\d:\d\d", value):
            out.append(("exported", value))
        else:
            out.append((label, value))
    return out
