"""Small Nexis Uni exports written for the tests, in the layout the archive gives them: a Word
file made with python-docx (bold labels, the article and body bookmarks, links carrying the
document ids, a section per article) and the same export as RTF text. Invented articles."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: the labels as Nexis Uni prints them: one row per label, one column per interface language
_TABLE = """
              |en              |de                |fr                 |es                  |nl
date_time     |Date and Time   |Datum und Uhrzeit |Date et heure      |Fecha y hora        |Datum en tijd
job           |Job Number      |Auftragsnummer    |Numéro de tâche    |Número de trabajo   |Opdrachtnummer
documents     |Documents       |Dokumente         |Documents          |Documentos          |Documenten
client        |Client/Matter   |Mandant/Akte      |Client/Dossier     |Cliente/Asunto      |Klant/Zaak
terms         |Search Terms    |Suchbegriffe      |Termes de recherche|Términos de búsqueda|Zoektermen
type          |Search Type     |Suchtyp           |Type de recherche  |Tipo de búsqueda    |Zoektype
narrowed      |Narrowed by     |Eingegrenzt durch |Affiné par         |Limitado por        |Verfijnd op
content       |Content Type    |Inhaltstyp        |Type de contenu    |Tipo de contenido   |Inhoudstype
sources       |Sources         |Quellen           |Sources            |Fuentes             |Bronnen
section       |Section         |Rubrik            |Rubrique           |Sección             |Rubriek
length        |Length          |Länge             |Longueur           |Longitud            |Lengte
words         |words           |Wörter            |mots               |palabras            |woorden
byline        |Byline          |Autor             |Auteur             |Autor               |Auteur
highlight     |Highlight       |Highlight         |Highlight          |Highlight           |Highlight
body          |Body            |Text              |Corps              |Cuerpo              |Hoofdtekst
graphic       |Graphic         |Grafik            |Graphique          |Gráfico             |Afbeelding
classification|Classification  |Klassifikation    |Classification     |Clasificación       |Classificatie
language      |Language        |Sprache           |Langue             |Idioma              |Taal
pubtype       |Publication-Type|Publikationstyp   |Type de publication|Tipo de publicación |Publicatietype
subject       |Subject         |Thema             |Sujet              |Tema                |Onderwerp
geographic    |Geographic      |Geografisch       |Géographique       |Geográfico          |Geografisch
load_date     |Load-Date       |Ladedatum         |Date de chargement |Fecha de carga      |Laaddatum
updated       |Updated         |Aktualisiert      |Mis à jour         |Actualizado         |Bijgewerkt
end           |End of Document |Ende des Dokuments|Fin du document    |Fin del documento   |Einde van document
"""
_ROWS = [[cell.strip() for cell in line.split("|")] for line in _TABLE.strip().splitlines()]
LABELS = {language: {row[0]: row[k] for row in _ROWS[1:]}
          for k, language in enumerate(_ROWS[0]) if k}


@dataclass
class Story:
    """One invented article, with what its export prints."""

    title: str
    outlet: str
    date: str                       # the date line as printed
    body: list[str]
    byline: str = ""
    section: str = ""
    words: int = 0
    doc_id: str = ""
    edition: str = ""
    highlight: str = ""
    updated: str = ""               # an "Updated:" label line
    load_date: str = ""
    graphic: str = ""               # the caption of a Graphic block
    classification: dict[str, str] = field(default_factory=dict)
    end: bool = True                # ends with End of Document
    marker: bool = True             # has the Body marker


def url(doc_id: str) -> str:
    return f"https://advance.lexis.com/api/document?id=urn:contentItem:{doc_id}&idtype=PID"


def _lines(story: Story, lab: dict[str, str]) -> list[tuple[str, str, str]]:
    """The article's lines after its title as (bold label, text, kind)."""
    out = [("", story.outlet, ""), ("", story.date, "")]
    out += [("", story.edition, "")] if story.edition else []
    out += [("", f"Copyright 2020 {story.outlet} Ltd. All Rights Reserved", "")]
    out += [(lab["section"], story.section, "")] if story.section else []
    out += [(lab["length"], f"{story.words} {lab['words']}", "")] if story.words else []
    out += [(lab["byline"], story.byline, "")] if story.byline else []
    out += [(lab["updated"], story.updated, "")] if story.updated else []
    out += [(lab["highlight"], story.highlight, "")] if story.highlight else []
    out += [("", lab["body"], "body")] if story.marker else []
    out += [("", p, "text") for p in story.body]
    if story.graphic:
        out += [("", lab["graphic"], "heading"), ("", story.graphic, "")]
    if story.classification:
        out += [("", lab["classification"], "heading")]
        out += [(lab[k], v, "") for k, v in story.classification.items()]
    out += [(lab["load_date"], story.load_date, "")] if story.load_date else []
    out += [("", lab["end"], "heading")] if story.end else []
    return out


def _cover(stories: list[Story], lab: dict[str, str], search: str):
    """The cover page as (bold label, text, kind) lines and (cells) table rows."""
    yield (lab["date_time"], "Tuesday, March 10, 2020 9:15:00 AM EST", "")
    yield (lab["job"], "93150442", "")
    yield ("", f"{lab['documents']} ({len(stories)})", "heading")
    for n, story in enumerate(stories, start=1):
        yield ("", f"{n}. {story.title}", f"toc:{story.doc_id}")
        yield (lab["client"], "-None-", "")
        yield (lab["terms"], search, "")
        yield (lab["type"], "Boolean", "")
        yield (lab["narrowed"], "", "")
        yield ((lab["content"], lab["narrowed"]), (
            "News", f"{lab['sources']}: Harbour Gazette; Timeline: Jan 01, 2020 to Mar 09, 2020"),
            "table")


# --- Word ---------------------------------------------------------------------------------------
class _Bookmarks:
    """Word's bookmarks, each with its own id; Word keeps their names unique, so the body marks
    are "Body", then "Body_0", "Body_1", ..."""

    def __init__(self) -> None:
        self.count = self.bodies = 0

    def add(self, paragraph, name: str) -> None:
        self.count += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(self.count))
        start.set(qn("w:name"), name)
        end.set(qn("w:id"), str(self.count))
        paragraph._p.append(start)
        paragraph._p.append(end)

    def body(self, paragraph) -> None:
        self.add(paragraph, f"Body_{self.bodies - 1}" if self.bodies else "Body")
        self.bodies += 1


def _link(paragraph, target: str, text: str) -> None:
    rid = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link, run, t = OxmlElement("w:hyperlink"), OxmlElement("w:r"), OxmlElement("w:t")
    link.set(qn("r:id"), rid)
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _add(doc, label: str, text: str, kind: str, bookmarks: _Bookmarks) -> None:
    if kind == "table":
        table = doc.add_table(rows=2, cols=len(label))
        for row, values in zip(table.rows, (label, text)):
            for cell, value in zip(row.cells, values):
                cell.text = value
        return
    paragraph = doc.add_paragraph()
    if label:
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f"\xa0{text}")
    elif kind.startswith("toc:"):
        number, _, title = text.partition(" ")
        paragraph.add_run(number)
        if doc_id := kind[4:]:
            _link(paragraph, url(doc_id), f" {title}")
        else:
            paragraph.add_run(f" {title}")
    else:  # "**hit**" in a body paragraph: Nexis sets the search terms in bold
        for k, piece in enumerate(text.split("**")):
            paragraph.add_run(piece).bold = kind in ("heading", "body") or k % 2 == 1
    if kind == "body":
        bookmarks.body(paragraph)


def docx_export(stories: list[Story], language: str | dict[str, str] = "en", *, cover: bool = True,
                search: str = "harbour AND ferry", title_links: bool = True) -> bytes:
    """The stories as a Nexis Uni Word export in an interface language of `LABELS` (or with
    the labels given), with its cover page or (a single document's download) without; with
    `title_links`, each title links to its document, as the list of documents does."""
    lab = LABELS[language] if isinstance(language, str) else language
    doc, bookmarks = docx.Document(), _Bookmarks()
    for line in _cover(stories, lab, search) if cover else ():
        _add(doc, *line, bookmarks)
    for n, story in enumerate(stories, start=1):
        if cover or n > 1:
            doc.add_section(WD_SECTION.NEW_PAGE)
        bookmarks.add(doc.add_paragraph(), f"Bookmark_{n}")
        title = doc.add_paragraph()
        if story.doc_id and title_links:
            _link(title, url(story.doc_id), story.title)
        else:
            title.add_run(story.title)
        for line in _lines(story, lab):
            _add(doc, *line, bookmarks)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def plain(text: str) -> str:
    """A body paragraph as printed, without the marks of its bold search hits."""
    return text.replace("**", "")


# --- RTF ----------------------------------------------------------------------------------------
def _rtf_text(text: str) -> str:
    out = []
    for ch in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        if ch == "\xa0":
            out.append("\\~")
        elif ord(ch) < 128:
            out.append(ch)
        elif ord(ch) < 256:
            out.append(f"\\'{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def _rtf_line(label: str, text: str, kind: str) -> str:
    if kind == "table":
        cells = "".join(f"\\cellx{3000 * (i + 1)}" for i in range(len(label)))
        return "".join(f"\\trowd{cells}\\pard\\intbl " + "".join(
            f"{_rtf_text(v)}\\cell " for v in values) + "\\row\n" for values in (label, text))
    if label:
        return f"{{\\pard\\b {_rtf_text(label)}:\\b0\\~{_rtf_text(text)}\\par}}\n"
    if kind.startswith("toc:"):
        number, _, title = text.partition(" ")
        field_ = (f"{{\\field{{\\*\\fldinst HYPERLINK \"{url(kind[4:])}\"}}"
                  f"{{\\fldrslt {_rtf_text(title)}}}}}") if kind[4:] else _rtf_text(title)
        return f"{{\\pard {number} {field_}\\par}}\n"
    bold = "\\b " if kind in ("heading", "body") else ""
    mark = "{\\*\\bkmkstart Body}{\\*\\bkmkend Body}" if kind == "body" else ""
    hits = "".join(_rtf_text(piece) if k % 2 == 0 else f"{{\\b {_rtf_text(piece)}}}"
                   for k, piece in enumerate(text.split("**")))
    return f"{{\\pard {mark}{bold}{hits}\\par}}\n"


def rtf_export(stories: list[Story], language: str = "en", *, cover: bool = True,
               search: str = "harbour AND ferry", title_links: bool = True) -> bytes:
    """The stories as a Nexis Uni RTF export in an interface language of `LABELS`."""
    lab = LABELS[language]
    parts = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"]
    parts += [_rtf_line(*line) for line in _cover(stories, lab, search)] if cover else []
    for n, story in enumerate(stories, start=1):
        parts.append(f"\\sect\\sectd{{\\*\\bkmkstart Bookmark_{n}}}{{\\*\\bkmkend Bookmark_{n}}}\n")
        title = _rtf_text(story.title)
        if story.doc_id and title_links:
            title = f"{{\\field{{\\*\\fldinst HYPERLINK \"{url(story.doc_id)}\"}}{{\\fldrslt {title}}}}}"
        parts.append(f"{{\\pard\\qc {title}\\par}}\n")
        parts += [_rtf_line(*line) for line in _lines(story, lab)]
    parts.append("}")
    return "".join(parts).encode("ascii")
