"""The layout of a Nexis Uni / Lexis Advance export, read over its paragraphs: the cover page (the
search, the export's date and job number, the list of documents), then per article its title,
publication, date line, labelled fields ("Length: 543 words"), the `Body` marker, the body, the
closing blocks (Graphic, Classification, "Load-Date:") and "End of Document".

The Word and the RTF export give the same paragraphs (`Para`); the Word file adds what its
structure says (bold labels, the bookmarks Nexis sets at each article and at its body, the links
that carry the document id), the RTF file only the text. The labels
are read in the interface languages Nexis Uni prints them in (`WORDS`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from ..dates import parse_date
from .export import FIELDS, Article, Export


class Para(NamedTuple):
    """One paragraph of an export as its container gives it; all but `text` only from Word."""

    text: str                    # whitespace collapsed to single spaces
    label: str = ""              # the bold text it opens with, when that ends in a colon
    bold: bool = False           # all of its text is bold
    marks: tuple[str, ...] = ()  # its bookmarks ("Bookmark_3" opens article 3, "Body_1" its body)
    link: str = ""               # the Nexis document id its hyperlink points to
    cells: tuple[str, ...] = ()  # a table row's cells


#: The words Nexis Uni prints around the articles, by what they mark, in its interface languages
#: (English, German, French, Spanish, Dutch, Italian, Portuguese). Compared in lower case, with
#: hyphens as spaces and without the colon of a label.
WORDS: dict[str, tuple[str, ...]] = {
    # an article's last line, its body's first marker, and the blocks that follow the body
    "end": ("end of document", "ende des dokuments", "dokumentende", "fin du document",
            "fin del documento", "einde van document", "einde document", "fine del documento",
            "fim do documento"),
    "body": ("body", "text", "texte", "corps", "corps du texte", "cuerpo", "texto", "hoofdtekst",
             "tekst", "testo", "corpo"),
    "closing": ("classification", "klassifikation", "klassifizierung", "clasificación",
                "classificatie", "classificazione", "classificação", "graphic", "graphics",
                "grafik", "graphique", "gráfico", "gráficos", "grafico", "afbeelding", "grafiek",
                "notes", "anmerkungen", "hinweise", "notas", "opmerkingen", "note"),
    # labelled fields of the article
    "section": ("section", "rubrik", "ressort", "rubrique", "sección", "seccion", "rubriek",
                "sectie", "sezione", "rubrica", "seção", "secao", "editoria"),
    "length": ("length", "länge", "laenge", "longueur", "longitud", "extensión", "lengte",
               "lunghezza", "comprimento", "tamanho"),
    "author": ("byline", "author", "autor", "autoren", "verfasser", "auteur", "auteurs",
               "signature", "firma", "autores", "autore", "autori"),
    "updated": ("updated", "aktualisiert", "mis à jour", "mise à jour", "actualizado",
                "actualización", "bijgewerkt", "aggiornato", "atualizado"),
    "load_date": ("load date", "ladedatum", "datum des ladens", "date de chargement",
                  "fecha de carga", "laaddatum", "datum geladen", "data di caricamento",
                  "data de carregamento"),
    "language": ("language", "sprache", "langue", "idioma", "taal", "lingua"),
    # the classification lists and the other labels after the body: removed
    "classification": (
        "publication type", "publikationstyp", "publikationsart", "type de publication",
        "type publication", "tipo de publicación", "publicatietype", "tipo di pubblicazione",
        "tipo de publicação", "document type", "dokumenttyp", "dokumentart", "type de document",
        "tipo de documento", "documenttype", "tipo di documento", "subject", "thema", "themen",
        "sachgebiet", "sujet", "sujets", "tema", "temas", "asunto", "materia", "onderwerp",
        "onderwerpen", "argomento", "assunto", "industry", "branche", "branchen", "industrie",
        "secteur", "secteurs", "industria", "sector", "sectores", "settore", "setor",
        "geographic", "geografie", "geografisch", "geographisch", "geografische angaben",
        "géographique", "géographie", "zone géographique", "geográfico", "geografía",
        "geografico", "geografia", "region", "région", "región", "person", "personen",
        "personne", "personnes", "persona", "personas", "persoon", "pessoa", "pessoas",
        "company", "companies", "unternehmen", "société", "sociétés", "entreprise",
        "entreprises", "empresa", "empresas", "compañía", "bedrijf", "bedrijven", "società",
        "azienda", "organization", "organisation", "organisationen", "organización",
        "organisatie", "organizzazione", "organização", "ticker", "journal code", "city",
        "stadt", "ville", "ciudad", "stad", "città", "cidade", "state", "country", "land",
        "pays", "país", "paese", "correction date", "graphic", "grafik", "graphique", "gráfico",
        "afbeelding", "grafiek", "notes", "anmerkungen", "notas"),
    # the cover page: what the provenance keeps, and what it only removes
    "exported": ("date and time", "datum und uhrzeit", "date et heure", "fecha y hora",
                    "datum en tijd", "data e ora", "data e hora"),
    "job number": ("job number", "auftragsnummer", "jobnummer", "numéro de tâche",
                   "numéro de travail", "numéro du travail", "número de trabajo", "opdrachtnummer",
                   "taaknummer", "numero di lavoro", "número do trabalho"),
    "search": ("search terms", "suchbegriffe", "suchbegriff", "termes de recherche",
               "termes recherchés", "términos de búsqueda", "zoektermen", "termini di ricerca",
               "termos de pesquisa", "termos da pesquisa"),
    "search type": ("search type", "suchtyp", "suchart", "type de recherche", "tipo de búsqueda",
                    "zoektype", "tipo di ricerca", "tipo de pesquisa"),
    "narrowed by": ("narrowed by", "eingegrenzt durch", "eingegrenzt nach", "eingeschränkt durch",
                    "eingeschränkt nach", "gefiltert nach", "affiné par", "filtré par",
                    "limité par", "limitado por", "filtrado por", "acotado por", "verfijnd op",
                    "verfijnd door", "beperkt tot", "gefilterd op", "ristretto da", "filtrato per",
                    "refinado por"),
    "content type": ("content type", "inhaltstyp", "inhaltsart", "type de contenu",
                     "tipo de contenido", "inhoudstype", "tipo di contenuto", "tipo de conteúdo"),
    "client/matter": ("user name", "benutzername", "nom d'utilisateur", "nombre de usuario",
                      "gebruikersnaam", "client/matter", "client / matter", "mandant/vorgang",
                      "mandant/akte", "mandant/aktenzeichen", "kunde/projekt", "mandant/projekt",
                      "client/dossier", "client/affaire", "cliente/asunto", "cliente/caso",
                      "klant/zaak", "klant/dossier", "cliente/pratica", "cliente/processo"),
    "documents": ("documents", "dokumente", "documentos", "documenten", "documenti"),
}


def _key(label: str) -> str:
    return " ".join(label.lower().replace("-", " ").replace("_", " ").split())


#: the header's fields by label; the labels after the body that end it, with the field they fill
#: ("" where they are only removed); the cover's labels by what the provenance calls them
HEADER = {_key(w): f for f in ("section", "length", "author", "updated", "load_date", "language")
          for w in WORDS[f]}
CLOSING = {_key(w): "" for w in WORDS["classification"]} | {
    _key(w): f for f in ("load_date", "language", "updated") for w in WORDS[f]}
COVER = {_key(w): f for f in ("exported", "job number", "search", "search type",
                              "narrowed by", "content type", "client/matter") for w in WORDS[f]}
END, BODY, BLOCKS, DOCUMENTS = (frozenset(map(_key, WORDS[k]))
                                for k in ("end", "body", "closing", "documents"))

_LABEL = re.compile(r"([^\W\d_](?:[^\W\d_]|[ /'’.-]){0,40}?)\s*:\s*(.*)", re.S)  # no digits
_TOC = re.compile(r"(\d{1,4})\.(?:\s+(.+))?$", re.S)  # "12. Headline" in the list of documents
_COUNT = re.compile(r"([^\W\d_]+)\s*\((\d+)\)$")       # "Documents (100)"
_UPDATED = re.compile(r"[\s,;]*\b(" + "|".join(sorted(map(re.escape, WORDS["updated"]), key=len,
                                                       reverse=True)) + r")\b\s*:?\s*", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SENTENCE_END = ('.', '!', '?', '"', '»', '”', '“', "'")
_BOOKMARK = re.compile(r"Bookmark_\d+$")  # where an article begins,
_BODY_MARK = re.compile(r"Body(?:_\d+)?$")  # and its body: "Body", then "Body_0", "Body_1", ...
_COPYRIGHT = ("copyright", "©", "(c)")


def _split(text: str) -> tuple[str, str] | None:
    """(label key, value) of a "Label: value" line, or None."""
    if ":" not in text[:44] or not (m := _LABEL.match(text)):
        return None
    return _key(m[1]), m[2].strip()


def _is_date_line(text: str) -> bool:
    return len(text) <= 90 and parse_date(text) is not None


def _ordered(fields: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((f, fields[f]) for f in FIELDS if fields.get(f))


def _word(text: str) -> str:
    """A short line as the vocabulary compares it ("" for a long one)."""
    return _key(text) if len(text) <= 40 else ""


class _Reader:
    """One pass over an export's paragraphs: `styled` when they come from Word (bold labels,
    bookmarks), `ids` the document ids in list order when only the raw file gives them, `cut`
    when the text breaks off (a truncated file)."""

    def __init__(self, paras: Sequence[Para], styled: bool, ids: Sequence[str], cut: bool):
        self.paras, self.styled, self.ids, self.cut = paras, styled, ids, cut
        self.words = [_word(p.text) for p in paras]

    # --- what a paragraph is -----------------------------------------------------------------
    def is_end(self, i: int) -> bool:
        return self.words[i] in END

    def is_body(self, i: int) -> bool:
        return any(map(_BODY_MARK.match, self.paras[i].marks)) or (
            self.words[i] in BODY and (self.paras[i].bold or not self.styled))

    def is_block(self, i: int) -> bool:
        """A heading that opens a block after the body (Graphic, Classification, Notes)."""
        return self.words[i] in BLOCKS and (self.paras[i].bold or not self.styled)

    def bold_heading(self, i: int) -> bool:
        """In Word, a short bold line such as Nexis sets its block headings in: taken for one
        in an unknown language only right above the closing labels, never inside the body."""
        para = self.paras[i]
        return self.styled and para.bold and len(para.text.split()) <= 3 and not (
            para.text.endswith(_SENTENCE_END) or ":" in para.text)

    def closing_label(self, i: int) -> tuple[str, str] | None:
        """(field or "", value) of a label line after the body, or None."""
        para = self.paras[i]
        if not (split := _split(para.text)):
            return None
        key, value = split
        if key in CLOSING:
            return CLOSING[key], value
        # an unknown label in bold, as Nexis sets its own: a list or a date, never a sentence
        if para.label and len(key.split()) <= 3 and value and not value.endswith(_SENTENCE_END):
            return "", value
        return None

    def end_of(self, lo: int, hi: int) -> int | None:
        """The End of Document line of a span: its words, or in Word, where they are in an
        unknown language, its last line when that is short and bold (unless the text breaks
        off inside the span)."""
        last = None
        for i in range(hi - 1, lo - 1, -1):
            if self.is_end(i):
                return i
            if last is None and self.paras[i].text:
                last = i
        if self.styled and last is not None and last > lo and not (self.cut and hi == len(
                self.paras)) and self.paras[last].bold and len(self.paras[last].text.split()) <= 6 \
                and ":" not in self.paras[last].text:
            return last
        return None

    # --- the export ------------------------------------------------------------------------
    def read(self, format: str) -> Export:
        spans, unread = self.spans()
        n = len(self.paras)
        provenance, removed, links, listed = self.cover(0, min([s[0] for s in spans + unread] or [n]))
        articles = [self.article(k, *span) for k, span in enumerate(spans, start=1)]
        problems = []
        for lo, hi in unread:
            removed += [(self.paras[i].text, "unread") for i in range(lo, hi) if self.paras[i].text]
            problems.append(f"paragraphs {lo + 1}-{hi} hold no article: " + (
                "the export's markers stop before them" if hi == n
                else "no title, date line or body marker"))
        if not articles:
            problems.append("no article found: the export holds no title with a date line, "
                            "labels or body marker, nor an End of Document")
        return Export(format, tuple(self.with_ids(articles, links, listed)),
                      tuple(dict.fromkeys(provenance)), tuple(removed), tuple(problems))

    def spans(self) -> tuple[list[tuple[int, int, int | None, str]], list[tuple[int, int]]]:
        """The articles' (start, end, End of Document line, problem), and the (start, end) of
        the stretches of text that hold no article."""
        n = len(self.paras)
        starts = [i for i, p in enumerate(self.paras) if any(map(_BOOKMARK.match, p.marks))]
        if starts:  # Word: Nexis sets a bookmark where each article begins
            bounds = list(zip(starts, starts[1:] + [n]))
        else:
            ends = [i for i in range(n) if self.is_end(i)]
            bounds = list(zip([0] + [e + 1 for e in ends], [e + 1 for e in ends] + [n]))
            bounds[0] = (self.first_article(bounds[0][1]), bounds[0][1])
        spans, unread = [], []
        for lo, hi in bounds:
            for start, end in self.split(lo, hi):
                if not self.has_article(start, end):
                    if any(self.paras[i].text for i in range(start, end)):
                        unread.append((start, end))
                    continue
                mark = self.end_of(start, end)
                problem = "" if mark is not None else (
                    "cut off: the export ends inside it (no End of Document)" if end == n
                    else "no End of Document before the next article")
                spans.append((start, end, mark, problem))
        return spans, unread

    def first_article(self, hi: int) -> int:
        """Where the first article begins after the cover page: the first line that is no cover
        label, table row or entry of the list of documents (numbered 1, 2, 3, ...) and that
        opens an article's header."""
        expected = 1
        for i in range(hi):
            para = self.paras[i]
            toc = _TOC.match(para.text)
            if toc and int(toc[1]) == expected:
                expected += 1
            elif not (para.text == "" or para.cells or self.cover_label(i) or self.count(i)):
                if self.is_end(i) or self.is_body(i) or self.looks_like_header(i, hi):
                    return i
        return hi

    def count(self, i: int) -> str:
        """The number of documents a cover line gives ("Documents (100)"), or ""."""
        m = _COUNT.match(self.paras[i].text)
        return m[2] if m and _key(m[1]) in DOCUMENTS else ""

    def cover_label(self, i: int) -> bool:
        split = _split(self.paras[i].text)
        return bool(split) and (split[0] in COVER or bool(self.paras[i].label))

    def looks_like_header(self, i: int, hi: int) -> bool:
        """Whether a title at `i` is followed, within three lines, by a date line, a header
        label or the body marker: the shape of an article's header."""
        seen = 0
        for j in range(i + 1, hi):
            if not self.paras[j].text:
                continue
            if _is_date_line(self.paras[j].text) or self.is_body(j) or (
                    (split := _split(self.paras[j].text)) and split[0] in HEADER):
                return True
            seen += 1
            if seen == 3:
                return False
        return False

    def split(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """A span, cut where a second article begins inside it (its End of Document missing)."""
        cuts = [lo]
        for b in [i for i in range(lo, hi) if self.is_body(i)][1:]:
            if (top := self.header_top(b, cuts[-1])) is not None and top > cuts[-1]:
                cuts.append(top)
        return list(zip(cuts, cuts[1:] + [hi]))

    def header_top(self, body: int, lo: int) -> int | None:
        """The title above a body marker: up over the labels and the copyright to the date line,
        then the publication and the title above it."""
        j = body - 1
        while j > lo and (not self.paras[j].text or _split(self.paras[j].text)
                          or self.paras[j].text.lower().startswith(_COPYRIGHT)):
            j -= 1
        lines = [i for i in range(max(lo, j - 8), j + 1) if self.paras[i].text]
        dates = [i for i in lines[-4:] if _is_date_line(self.paras[i].text)
                 and not _split(self.paras[i].text)]
        above = [i for i in lines if dates and i < dates[-1]]
        return above[-2] if len(above) >= 2 else None

    def has_article(self, lo: int, hi: int) -> bool:
        texts = [i for i in range(lo, hi) if self.paras[i].text]
        return bool(texts) and (any(self.is_end(i) or self.is_body(i) for i in texts)
                                or self.looks_like_header(texts[0], hi))

    # --- the cover page ----------------------------------------------------------------------
    def cover(self, lo: int, hi: int):
        """(provenance, removed lines, {list number: document id}, how many entries the list of
        documents has) of the cover page."""
        provenance, removed, links, listed = [("archive", "Nexis Uni")], [], {}, 0
        header_row = False
        for i in range(lo, hi):
            para = self.paras[i]
            if not para.text:
                continue
            if toc := _TOC.match(para.text):
                removed.append((para.text, "list of documents"))
                listed += 1
                if para.link:
                    links[int(toc[1])] = para.link
                continue
            removed.append((para.text, "cover"))
            if para.cells:
                if header_row and len(para.cells) >= 2:
                    provenance += [("content type", para.cells[0]),
                                   ("narrowed by", "; ".join(para.cells[1:]))]
                header_row = COVER.get(_key(para.cells[0])) == "content type"
            elif number := self.count(i):
                provenance.append(("documents", number))
            elif (split := _split(para.text)) and split[1] and COVER.get(split[0]) not in (
                    None, "client/matter"):
                provenance.append((COVER[split[0]], split[1]))
        return provenance, removed, links, listed

    def with_ids(self, articles: list[Article], links: dict[int, str], listed: int):
        """The document ids: an article's own link, else its entry in the list of documents,
        else (RTF) the ids in list order when there are as many as entries or articles."""
        ordered = self.ids if len(self.ids) in (listed, len(articles)) else ()
        for a in articles:
            known = links.get(a.number) or (
                ordered[a.number - 1] if a.number <= len(ordered) else "")
            if known and not a.field("source_id"):
                a = replace(a, fields=_ordered(dict(a.fields) | {"source_id": known}))
            yield a

    # --- one article -------------------------------------------------------------------------
    def article(self, number: int, lo: int, hi: int, end: int | None, problem: str) -> Article:
        paras = self.paras
        end = hi if end is None else end
        lines = [i for i in range(lo, hi) if paras[i].text]
        fields: dict[str, str] = {}
        rule: dict[int, str] = {end: "end of document"} if end < hi else {}
        title = next((i for i in lines if i < end), None)
        if title is None:
            return Article(number, (), (), tuple((paras[i].text, rule[i]) for i in lines
                                                 if i in rule), problem or "no text")
        fields["title"], rule[title] = paras[title].text, "title"
        if paras[title].link:
            fields["source_id"] = paras[title].link

        body = next((i for i in lines if title < i < end and self.is_body(i)), None)
        header_end = body if body is not None else self.header_end(title, end)
        self.header(title, header_end, fields, rule)
        if body is not None:
            rule[body] = "body marker"
        first = header_end + (body is not None)

        # the blocks after the body: up from the end over its labels, then down to a heading
        closing = end
        for i in reversed([i for i in lines if first <= i < end]):
            if self.is_block(i) or self.bold_heading(i):
                closing, rule[i] = i, "closing block"
            elif (label := self.closing_label(i)) is not None:
                closing, rule[i] = i, "label"
                if label[0] and label[1]:
                    fields.setdefault(label[0], label[1])
            elif paras[i].text.lower().startswith(_COPYRIGHT):
                closing, rule[i] = i, "copyright"
            else:
                break
        closing = next((i for i in lines if first <= i < closing and self.is_block(i)), closing)
        for i in lines:
            if i not in rule and i >= closing:
                rule[i] = "closing block" if i < end else "after End of Document"
        return Article(number, _ordered(fields),
                       tuple(paras[i].text for i in lines if first <= i < closing and i not in rule),
                       tuple((paras[i].text, rule[i]) for i in lines if i in rule), problem)

    def header_end(self, title: int, end: int) -> int:
        """Without a body marker: the header ends after its last label, copyright or date line
        before the first line of running text past the header's first four lines."""
        last, seen = title, 0
        for i in range(title + 1, end):
            text = self.paras[i].text
            if not text:
                continue
            seen += 1
            if _split(text) or text.lower().startswith(_COPYRIGHT) or _is_date_line(text):
                last = i
            elif seen > 4:
                break
        return last + 1

    def header(self, title: int, stop: int, fields: dict[str, str], rule: dict[int, str]):
        """The lines between the title and the body: publication, date line, edition, copyright
        and labelled fields."""
        paras = self.paras
        lines = [i for i in range(title + 1, stop) if paras[i].text]
        before_labels = []
        for i in lines:
            if _split(paras[i].text) or paras[i].text.lower().startswith(_COPYRIGHT):
                break
            before_labels.append(i)
        date = next((i for i in before_labels[:3] if _is_date_line(paras[i].text)), None)
        if date is not None:
            printed = paras[date].text
            if m := _UPDATED.search(printed):  # "..., Updated 6:02 PM": not the date
                printed, updated = printed[:m.start()].strip(), printed[m.end():].strip()
                if updated:
                    fields["updated"] = updated
            if printed and parse_date(printed) is not None:
                fields["date"] = printed
            rule[date] = "date line"
            above = [i for i in before_labels if i < date]
            if above:
                fields["outlet"], rule[above[-1]] = paras[above[-1]].text, "publication"
        elif len(before_labels) == 1 and not _YEAR.search(paras[before_labels[0]].text):
            fields["outlet"], rule[before_labels[0]] = paras[before_labels[0]].text, "publication"
        for i in lines:
            if i in rule:
                continue
            text = paras[i].text
            if split := _split(text):
                key, value = split
                field = HEADER.get(key)
                if field and value:
                    fields.setdefault(field, value)
                rule[i] = "label"
            elif text.lower().startswith(_COPYRIGHT):
                rule[i] = "copyright"
            else:
                rule[i] = "edition" if date is not None and i > date else "header"


def read_paragraphs(paras: Sequence[Para], *, format: str, styled: bool, ids: Sequence[str] = (),
                    cut: bool = False) -> Export:
    """The export in `paras`: its articles, cover-page provenance and what was not read.

    `styled` says the paragraphs carry Word's structure (bold labels, bookmarks); `ids` are the
    document ids in the order the list of documents gives them, where only the raw file has them;
    `cut` says the text breaks off, so that its last article cannot be complete.
    """
    return _Reader(paras, styled, ids, cut).read(format)
