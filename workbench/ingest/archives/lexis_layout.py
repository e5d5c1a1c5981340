"""The classic LexisNexis layout of one article (LexisNexis Academic and its national interfaces),
as its plain-text and HTML exports print it, read paragraph by paragraph:

    [Copyright 2010 Publisher]                  centred, sometimes above the publication
    Publication                                 centred
    Date line [edition lines]                   centred
    Headline                                    left
    BYLINE: …  SECTION: …  LENGTH: …            labels, in the interface's language
    the body, paragraph by paragraph
    LOAD-DATE: …  LANGUAGE: …  PUBLICATION-TYPE: …  GRAPHIC: …
    Copyright 2010 Publisher / All Rights Reserved   centred

A label is an upper-case word (or hyphenated words) and a colon opening a paragraph. The labels
between the headline and the body are known by name in English, German, French, Spanish,
Italian, Dutch and the Scandinavian interfaces (`HEADER`); the body ends at the first label that
closes articles (`CLOSING`, or any hyphenated one: LOAD-DATE, JOURNAL-CODE, DATE-CHARGEMENT) or
where the article's closing run of labels and copyright lines begins. `article` gives the
fields as printed and where each was printed, and every paragraph that is not body with its rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..dates import parse_date
from .export import Article


@dataclass(frozen=True)
class Para:
    """A paragraph of an export: its lines (stripped, spaces collapsed), whether it is centred,
    and the line of the file it starts on."""

    lines: tuple[str, ...]
    centred: bool = False
    line: int = 0

    @property
    def text(self) -> str:
        """The paragraph as one line (a wrapped paragraph's lines joined)."""
        return " ".join(self.lines)


def _fold(label: str) -> str:
    """A label as looked up: upper case, spaces collapsed, accents dropped (SECCIÓN = SECCION)."""
    decomposed = unicodedata.normalize("NFKD", " ".join(label.split()).upper())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _table(rows: dict[str | None, str]) -> dict[str, str | None]:
    """label -> field from {field: "LABEL LABEL …"} (one word per label, `_` for a space)."""
    return {_fold(label.replace("_", " ")): field for field, labels in rows.items()
            for label in labels.split()}


#: labels between the headline and the body -> the field they give (None: furniture only)
HEADER = _table({
    "author": "BYLINE AUTOR AUTEUR AUTORE FIRMA BY-LINE SIGNATURE",
    "section": "SECTION RUBRIK RUBRIQUE SECCIÓN SEZIONE RUBRIEK SECTIE SEKTION",
    "length": "LENGTH LÄNGE LAENGE LONGUEUR LONGITUD EXTENSIÓN LUNGHEZZA LENGTE LÆNGDE LÄNGD",
    "title": "HEADLINE TITLE KOP TITRE TITEL ÜBERSCHRIFT TITULAR TÍTULO TITOLO",
    None: "DATELINE ORTSZEILE HIGHLIGHT CHAPEAU EDITION AUSGABE ÉDITION EDICIÓN EDIZIONE UITGAVE "
          "SOURCE QUELLE SHOW GUESTS ANCHORS",
})
#: labels that open the body (the text follows them)
BODY = _table({None: "BODY TEXT TEKST TEXTE TEXTO TESTO CORPS CUERPO TEKSTI ARTICLE"})
#: labels that close an article: the body ends at the first of them
CLOSING = _table({
    "load_date": "LOAD-DATE DATE-CHARGEMENT FECHA-CARGA LADEDATUM DATA-CARICAMENTO LAADDATUM",
    "language": "LANGUAGE SPRACHE LANGUE IDIOMA LINGUA TAAL SPROG SPRÅK",
    None: "PUBLICATION-TYPE TYPE-PUBLICATION PUB-TYPE TIPO-PUBLICACIÓN PUBLIKATIONSTYP "
          "DOCUMENT-TYPE JOURNAL-CODE CODE-REVUE GRAPHIC GRAFIK GRAPHIQUE GRÁFICO GRAFICO "
          "CORRECTION-DATE URL SUBJECT ORGANIZATION PERSON GEOGRAPHIC INDUSTRY TICKER COMPANY "
          "SUJET SOCIETE SECTEUR-ACTIVITE LOCALISATION-GEO SYMBOLE-BOURSIER ENCART ACC-NO",
})
#: closing labels that are also words a paragraph may open with ("UPDATE: police now say …"):
#: they close the body only inside the article's closing run of labels
LATE = _table({"updated": "UPDATE MISE-À-JOUR ACTUALIZACIÓN AKTUALISIERT",
               None: "CORRECTION NOTES NOTE SERIES DISTRIBUTION NAME TYPE"})
FIELDS = {**HEADER, **CLOSING, **LATE}

_LABEL = re.compile(r"([^\W\d_]{2}(?:[^\W\d_]|[-/ ]){1,40}?)\s?:(?:\s+|$)")
_COPYRIGHT = re.compile(r"(copyright\b|\(c\)\s*\d{4}|©)", re.IGNORECASE)
_RIGHTS = re.compile(r"(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los "
                     r"derechos reservados|tutti i diritti riservati|alle rechten voorbehouden|alle "
                     r"rettigheder forbeholdes)\.?$", re.IGNORECASE)
_END = re.compile(r"(end of document|fin du document|ende des dokuments|fin del documento|einde "
                  r"document|return to list)$", re.IGNORECASE)
#: what LexisNexis prints in place of an article it cannot give
_MISSING = re.compile(r"we are sorry but there is an error in this document", re.IGNORECASE)
_COUNT = re.compile(r"\d[\d.,]*\s+[^\W\d_]+\.?$")  # "355 words", "306 Wörter", "543 mots"
_WORDS = re.compile(r"\w+")
HEADER_SPAN = 12  # paragraphs after the document line within which the header's labels begin
SHORT_VALUE = 40  # words: a closing label's value longer than this is a paragraph of text
UNKNOWN_LABEL_WORDS = 8  # an unknown label among the header's labels holds at most so many words
CENTRED_WIDTH = 60  # columns within which LexisNexis sets a centred header line


@dataclass(frozen=True)
class Label:
    """A label paragraph: the label as printed, as looked up, and its value."""

    printed: str
    key: str
    value: str

    @property
    def known(self) -> bool:
        """A label of the vocabularies, or a hyphenated one (LOAD-DATE, CODE-REVUE)."""
        return self.key in FIELDS or self.key in BODY or "-" in self.key


def label(para: Para) -> Label | None:
    """The label opening `para` ("LENGTH: 355 words"): an upper-case word of three letters or
    more, or up to three such words joined by hyphens or spaces, and a colon; else None."""
    m = _LABEL.match(para.lines[0])
    if m is None or not m.group(1).isupper() or m.group(1).count(" ") > 2:
        return None
    printed = m.group(1).strip()
    value = " ".join((para.lines[0][m.end():], *para.lines[1:])).strip()
    return Label(printed, _fold(printed), value)


def _label_line(line: str) -> Label | None:
    """The known label a line opens with, or None."""
    found = label(Para((line,))) if line[:1].isupper() and ":" in line[:45] else None
    return found if found is not None and found.known else None


def breaks_paragraph(first: str, line: str) -> bool:
    """Whether `line` opens a paragraph of its own where the export leaves no empty line before
    it: a known label under a paragraph that opens with a label ("BYLINE: …" / "LENGTH: …"), or
    a label that ends the body under any line; not a label inside running text ("… COST: 43
    million. LENGTH: 19.43 meters.")."""
    found = _label_line(line)
    return found is not None and (_label_line(first) is not None or (
        _closes(found) and found.key not in HEADER))


def is_copyright(line: str) -> bool:
    """A copyright notice ("Copyright 2010 Guardian Unlimited", "© 2010 …") or rights line."""
    return bool(_COPYRIGHT.match(line) and re.search(r"\d{4}", line)) or bool(_RIGHTS.match(line))


def _runs_on(above: str, line: str) -> bool:
    """Whether `line` continues the centred header line above it: its first word would not have
    fit on that line."""
    return len(above) + 1 + len(line.split()[0]) > CENTRED_WIDTH


def _notice(lines: tuple[str, ...]) -> set[int]:
    """Which lines of a header paragraph are its copyright notice: a copyright or rights line,
    and the lines a long notice runs on to ("Copyright 2015 Washingtonpost.Newsweek Interactive
    Company, LLC d/b/a" / "Washington Post Digital")."""
    out: set[int] = set()
    for k, line in enumerate(lines):
        if is_copyright(line) or (k - 1 in out and _runs_on(lines[k - 1], line)):
            out.add(k)
    return out


def is_end(para: Para) -> bool:
    """The "End of Document" line of later exports (or an HTML export's "Return to List")."""
    return bool(_END.match(para.text))


def is_date_line(line: str) -> bool:
    """A date line of the header: a date is read from it ("January 11, 2010 Monday",
    "Mittwoch 31. August 2011", "15 de enero de 2010")."""
    return len(line) <= 80 and parse_date(line) is not None


def _headline(lines: tuple[str, ...]) -> str:
    """A headline paragraph's headline: its lines up to the one that ends in ";", under which
    LexisNexis prints the subheadline ("Euro crisis weighs on bank;" / "Writedown on Greek
    bonds"), or all of them when no line ends so."""
    cut = next((k for k, line in enumerate(lines[:-1]) if line.endswith(";")), None)
    return " ".join(lines) if cut is None else " ".join(lines[:cut + 1])[:-1].rstrip()


def _header_label(lab: Label | None) -> bool:
    """A label that stands between the headline and the body: one of `HEADER` or `BODY`, a
    hyphenated one that does not close articles, or an unknown one whose value is a count
    ("LONGITUD: 543 palabras": the length, in any interface)."""
    return lab is not None and (lab.key in HEADER or lab.key in BODY or bool(_COUNT.match(lab.value))
                                or ("-" in lab.key and lab.key not in CLOSING and lab.key not in LATE))


def _header_run(labels: list[Label | None], i: int) -> bool:
    """Whether paragraph `i` continues the header's labels: a header label, a closing one, or an
    unknown label with a short value between two of them ("WASHINGTON: The president …" opens a
    body instead)."""
    lab = labels[i]
    if lab is None:
        return False
    if _header_label(lab) or lab.known:
        return True
    following = labels[i + 1] if i + 1 < len(labels) else None
    return len(_WORDS.findall(lab.value)) <= UNKNOWN_LABEL_WORDS and _header_label(following)


def _closes(lab: Label | None) -> bool:
    """A label that ends the body wherever it stands: a known one but `LATE` and `BODY`, or a
    hyphenated one."""
    return lab is not None and lab.known and lab.key not in LATE and lab.key not in BODY


def _closing_item(para: Para, lab: Label | None, previous: Label | None) -> bool:
    """A paragraph of an article's closing run: a known label with a short value, an unknown
    one whose value is a date (a load date in an interface whose label is not known: "FECHA DE
    CARGA: 15 de enero de 2010"), a copyright or rights line, "End of Document", or the text of
    a known label printed without a value ("CORRECTION:" and the correction under it)."""
    if lab is not None and lab.known:
        return len(_WORDS.findall(lab.value)) <= SHORT_VALUE
    if lab is not None and is_date_line(lab.value):
        return True
    return is_copyright(para.lines[0]) or is_end(para) or (
        previous is not None and previous.known and not previous.value and previous.key not in BODY)


@dataclass(frozen=True)
class Read:
    """One article as read: the `Article` (its `problem` left to the export's reader), whether it
    has the closing lines articles end with, its LENGTH in words (None when not printed), and the
    paragraphs after its end that belong to no article (the export's markers stop)."""

    article: Article
    closed: bool
    length: int | None
    unread: tuple[Para, ...]


def article(number: int, marker: str, paras: list[Para], *, centring: bool) -> Read:
    """Read one article from its document line (`marker`: "1 of 10 DOCUMENTS") and the
    paragraphs after it; `centring` says whether the export centres its header lines (a text
    export indents them, an HTML one aligns them), so that publication and date lines are told
    from the headline by it."""
    labels = [label(p) for p in paras]
    fields: dict[str, str] = {}
    where: dict[str, str] = {}
    removed: list[tuple[str, str]] = [(marker, "marker")]

    def field(name: str | None, value: str, printed: str) -> None:
        if name and value and name not in fields:
            fields[name], where[name] = value, printed

    top, headline = _top(paras, centring)
    start = next((i for i in range(top, min(top + HEADER_SPAN, len(paras)))
                  if _header_label(labels[i])), None)
    if centring and start is not None and _trailing(labels, start):
        if headline is None and top < start:  # the headline is the first paragraph under the header
            headline, top = top, top + 1
        start = None  # SECTION and LENGTH printed after the body, as wire stories have them
    headed = start is not None
    if start is None:  # no labels: the header is what is centred (or dated) at the top
        start = top if headline is not None else _header_end(paras, centring)
    _header(paras[:start], centring, field, removed, headed=headed, headline=headline)
    body = start
    while headed and body < len(paras) and _header_run(labels, body):
        lab = labels[body]
        removed.append((paras[body].text, "label"))
        body += 1
        if lab.key in BODY:
            break
        name = FIELDS.get(lab.key, "length" if _COUNT.match(lab.value) else None)
        value = label(Para((_headline(paras[body - 1].lines),))).value if name == "title" else lab.value
        field(name, value, f"{lab.printed} line")
    end = _body_end(paras, labels, body)
    header_keys = {lab.key for lab in labels[:body] if lab is not None}
    closing, unread = _closing(paras, labels, end, header_keys)
    for p, lab in zip(paras[end:end + closing], labels[end:end + closing]):
        removed.append((p.text, "copyright" if is_copyright(p.lines[0]) else
                        "end" if is_end(p) else "label"))
        if lab is not None:
            field(FIELDS.get(lab.key), lab.value, f"{lab.printed} line")
    removed += [(p.text, "unread") for p in unread]
    length = re.match(r"\d[\d,.\s]*", fields.get("length", ""))
    text = []
    for p, lab in zip(paras[body:end], labels[body:end]):
        if lab is not None and lab.key in BODY and not lab.value:  # "ARTICLE:" after a standfirst
            removed.append((p.text, "label"))
        else:
            text.append(p.text)
    if any(_MISSING.match(p) for p in text):
        removed += [(p, "missing") for p in text]
        text = []
    read = Article(number, tuple(fields.items()), tuple(text), tuple(removed),
                   problem="the archive could not give this article (an error in the document)"
                   if any(rule == "missing" for _, rule in removed) else "",
                   where=tuple(where.items()))
    return Read(read, closing > 0, int(re.sub(r"\D", "", length.group())) if length else None,
                tuple(unread))


def _top(paras: list[Para], centring: bool) -> tuple[int, int | None]:
    """Where the centred block at the top of an article ends, and the headline a wire service
    prints inside it, above the date line ("Deutsche Presse-Agentur" / headline / "April 20,
    2003, Sunday"), or None: a paragraph that is not centred stands in the block only between
    the centred lines and a centred date line right under it. Without centring, 0 and None."""
    if not centring:
        return 0, None
    i, headline, dated = 0, None, False
    while i < len(paras):
        p = paras[i]
        if p.centred or is_copyright(p.lines[0]):
            dated = dated or any(map(is_date_line, p.lines))
        elif headline is None and not dated and i > 0 and i + 1 < len(paras) and (
                paras[i + 1].centred and any(map(is_date_line, paras[i + 1].lines))):
            headline = i
        else:
            break
        i += 1
    return i, headline


def _trailing(labels: list[Label | None], start: int) -> bool:
    """Whether the run of labels from `start` runs into the labels that close an article with no
    text between them: printed after the body, not before it."""
    i = start
    while i < len(labels) and _header_run(labels, i):
        if _closes(labels[i]) and labels[i].key not in HEADER:
            return True
        i += 1
    return False


def _header_end(paras: list[Para], centring: bool) -> int:
    """Where the body begins in an article without labels: after the centred lines at its top,
    or, in an export that centres nothing, after a date line among its first three paragraphs."""
    if centring:
        return next((i for i, p in enumerate(paras) if not p.centred and not is_copyright(p.lines[0])),
                    len(paras))
    dated = [i for i, p in enumerate(paras[:3]) if is_date_line(p.lines[0])]
    return dated[0] + 1 if dated else 0


def _header(paras: list[Para], centring: bool, field, removed: list, *, headed: bool,
            headline: int | None) -> None:
    """The paragraphs before the labels: publication, date line (the edition lines under it),
    headline. With centring the header lines are the centred ones and the headline the one
    printed above the date line (`headline`), else the first of the others; without, the
    header ends at a date line among its first paragraphs and the headline follows it, and no
    headline is taken when there is none (a publication cannot be told from a headline then).
    The date is the header's first date line; the publication the lines above it in its
    paragraph, else the first paragraph above it (with no date line, its first paragraph): its
    first line, with the lines that line runs on to and a qualifier in parentheses under it;
    copyright notices are removed."""
    if centring:
        top = [i for i, p in enumerate(paras) if i != headline and (p.centred or is_copyright(p.lines[0]))]
    else:
        dated = next((i for i, p in enumerate(paras[:4]) if any(map(is_date_line, p.lines))), None)
        top = list(range(dated + 1)) if dated is not None else []
    top += [i for i, p in enumerate(paras) if is_copyright(p.lines[0]) and i not in top]
    heads = [p for i, p in enumerate(paras) if i not in top and i != headline]
    lines = []
    for n, i in enumerate(sorted(top)):
        notice = _notice(paras[i].lines)
        removed += [(line, "copyright") for k, line in enumerate(paras[i].lines) if k in notice]
        lines += [(n, line) for k, line in enumerate(paras[i].lines) if k not in notice]
    dated = next((k for k, (_, line) in enumerate(lines) if is_date_line(line)), None)
    if dated is None:  # the first paragraph
        outlet = [k for k, (n, _) in enumerate(lines) if n == lines[0][0]]
    elif dated == 0:
        outlet = []
    else:  # the lines above the date in its paragraph, else the first paragraph above it
        above = [k for k in range(dated) if lines[k][0] == lines[dated][0]]
        outlet = above or [k for k in range(dated) if lines[k][0] == lines[0][0]]
    ends = [k for k in outlet[1:] if not (_runs_on(lines[k - 1][1], lines[k][1])
                                          or lines[k][1].startswith("("))]
    outlet = [k for k in outlet if not ends or k < ends[0]]  # not the name under it
    for k, (_, line) in enumerate(lines):
        if k == dated:
            field("date", line, "date line")
        removed.append((line, "date" if k == dated else "publication" if k in outlet
                        else "edition" if dated is not None and k > dated else "header"))
    if outlet:
        field("outlet", " ".join(lines[k][1] for k in outlet), "publication line")
    if headline is not None:
        field("title", _headline(paras[headline].lines), "headline")
        removed.append((paras[headline].text, "headline"))
    for i, p in enumerate(heads):
        if i == 0 and headed and headline is None and (centring or dated is not None):
            field("title", _headline(p.lines), "headline")
        removed.append((p.text, "headline"))


def _body_end(paras: list[Para], labels: list[Label | None], body: int) -> int:
    """Where the body ends: at the first label that closes articles, or before the run of
    closing paragraphs (late labels such as UPDATE, copyright lines) that leads up to it."""
    end = next((i for i in range(body, len(paras)) if _closes(labels[i])), len(paras))
    while end > body and _closing_item(paras[end - 1], labels[end - 1],
                                       labels[end - 2] if end - 2 >= body else None):
        end -= 1
    return end


def _closing(paras: list[Para], labels: list[Label | None], end: int,
             header: set[str]) -> tuple[int, list[Para]]:
    """How many paragraphs from `end` close the article, and the paragraphs after them that
    belong to no article: from the header of another article (a centred line that is no
    copyright line, with a date line in it or the two paragraphs after it), or from a header
    label the article has already had (its LENGTH, its BYLINE) back to the text that leads up
    to it."""
    for i in range(end, len(paras)):
        lab, p = labels[i], paras[i]
        if p.centred and lab is None and not is_copyright(p.lines[0]) and not is_end(p) and any(
                is_date_line(line) for q in paras[i:i + 3] for line in q.lines):
            return i - end, paras[i:]
        if lab is not None and lab.key in HEADER and lab.key in header:
            start = i
            while start > end and labels[start - 1] is None and not is_copyright(paras[start - 1].lines[0]):
                start -= 1
            return start - end, paras[start:]
    return len(paras) - end, []
