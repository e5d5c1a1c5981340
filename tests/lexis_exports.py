"""LexisNexis exports in the classic layout, written for tests from invented articles: a
plain-text export (`text_export`: header lines centred by spaces, the body wrapped at 78
columns, CRLF and a BOM as LexisNexis writes them) and an HTML one (`html_export`: blocks whose
style sheet centres the header), each with a cover page, in an interface language's labels."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field

#: an interface language's words: document line, labels, their order, the rights line
INTERFACES = {
    "en": dict(count="{n} of {total} DOCUMENTS", byline="BYLINE", section="SECTION", length="LENGTH",
               words="words", loaded="LOAD-DATE", language="LANGUAGE", kind="PUBLICATION-TYPE",
               rights="All Rights Reserved", terms="Terms", time="Time Of Request",
               names="ENGLISH"),
    "de": dict(count="{n} von {total} DOKUMENTEN", byline="AUTOR", section="RUBRIK", length="LÄNGE",
               words="Wörter", loaded="UPDATE", language="SPRACHE", kind="PUBLICATION-TYPE",
               rights="Alle Rechte vorbehalten", terms="Suchbegriffe", time="Zeitpunkt der Anfrage",
               names="GERMAN; DEUTSCH"),
    "fr": dict(count="Document {n} de {total}", byline="AUTEUR", section="RUBRIQUE",
               length="LONGUEUR", words="mots", loaded="DATE-CHARGEMENT", language="LANGUE",
               kind="TYPE-PUBLICATION", rights="Tous droits réservés", terms="Termes de recherche",
               time="Date/heure", names="FRENCH; FRANÇAIS"),
    "es": dict(count="{n} de {total} DOCUMENTOS", byline="AUTOR", section="SECCIÓN",
               length="LONGITUD", words="palabras", loaded="FECHA-CARGA", language="IDIOMA",
               kind="TIPO-PUBLICACIÓN", rights="Todos los derechos reservados", terms="Términos",
               time="Fecha/hora", names="SPANISH; ESPAÑOL"),
}


@dataclass
class Story:
    """An invented article as an archive prints it: fields as printed, body by paragraph."""

    outlet: str
    date: str
    title: str
    body: list[str]
    byline: str = ""
    section: str = ""
    edition: str = ""
    graphic: str = ""
    extra: list[tuple[str, str]] = field(default_factory=list)  # more closing labels


def story(n: int, outlet: str = "The Daily Courier", date: str = "March 3, 2020 Tuesday", **kw) -> Story:
    """Invented article `n`: its own headline and four paragraphs of its own words."""
    body = [f"Story {n} opens: the harbour council of Westbridge voted on {word} plans for the new "
            f"ferry pier, and residents of the old quarter gathered outside the town hall to hear "
            f"the result read aloud by the clerk in paragraph {k}." for k, word in
            enumerate(("early", "revised", "final", "costed"), start=1)]
    body[-1] = f"The clerk said story {n} would be continued next week."
    return Story(outlet, date, f"Harbour council votes on pier plan number {n}", body, **kw)


def _labels(s: Story, words: dict[str, str]) -> list[str]:
    head = [f"{words['byline']}: {s.byline}"] if s.byline else []
    head += [f"{words['section']}: {s.section}"] if s.section else []
    n = sum(len(p.split()) for p in s.body)
    return head + [f"{words['length']}: {n} {words['words']}"]


def _closing(s: Story, words: dict[str, str], year: str) -> list[str]:
    tail = [f"{words['loaded']}: {s.date}", f"{words['language']}: {words['names']}"]
    tail += [f"GRAPHIC: {s.graphic}"] if s.graphic else []
    return tail + [f"{k}: {v}" for k, v in s.extra] + [f"{words['kind']}: Newspaper"]


def text_export(stories: list[Story], lang: str = "en", *, search: str = "pier AND harbour",
                total: int | None = None, first: int = 1) -> str:
    """A LexisNexis plain-text export of `stories` (as str; `encode_export` gives its bytes)."""
    words = INTERFACES[lang]
    out = ["", "", f"Download Request: Selected Items: {first}-{first + len(stories) - 1}",
           f"{words['time']}: Friday, March 20, 2020  16:51:31", "", "Send To:", "   WESTBRIDGE LIBRARY",
           "", f"{words['terms']}: {search}", "", "Source: Newspapers", "", ""]
    for k, s in enumerate(stories):
        count = words["count"].format(n=first + k, total=total or first + len(stories) - 1)
        out += [count.center(80).rstrip(), "", "", s.outlet.center(80).rstrip(), "",
                s.date.center(80).rstrip()]
        out += [s.edition.center(80).rstrip()] if s.edition else []
        out += ["", *textwrap.wrap(s.title, 78), ""]
        for line in _labels(s, words):
            out += [*textwrap.wrap(line, 78), ""]
        for p in s.body:
            out += [*textwrap.wrap(p, 78), ""]
        for line in _closing(s, words, s.date[-4:]):
            out += [*textwrap.wrap(line, 78), ""]
        out += ["", f"Copyright 2020 {s.outlet}".center(80).rstrip(), words["rights"].center(80).rstrip(),
                ""]
    return "\n".join(out)


def encode_export(text: str) -> bytes:
    """The bytes LexisNexis writes: UTF-8 with a BOM, CRLF line ends."""
    return "\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8")


_STYLE = """.c0 { text-align: center; } .c1 { text-align: center; margin-top: 0em; }
.c3 { text-align: center; margin-left: 13%; } .c5 { text-align: left; }
.c6 { text-align: left; margin-top: 0em; } .c9 { text-align: left; margin-top: 1em; }"""


def html_export(stories: list[Story], lang: str = "en") -> str:
    """A LexisNexis HTML export of `stories`: one block per line, the header centred by class."""
    words = INTERFACES[lang]
    esc = html.escape

    def block(cls: str, *paras: str) -> str:
        inner = "".join(f'<P CLASS="{"c1" if cls in ("c0", "c3") else "c9" if len(paras) > 1 else "c6"}">'
                        f'<SPAN CLASS="c2">{p}</SPAN></P>\n' for p in paras)
        return f'<BR><DIV CLASS="{cls}">{inner}</DIV>\n'

    def labelled(line: str) -> str:
        name, value = line.split(": ", 1)
        return block("c5", f'{esc(name)}: </SPAN><SPAN CLASS="c2">{esc(value)}')

    out = [f'<HTML><HEAD><STYLE TYPE="text/css"><!--\n{_STYLE}\n--></STYLE>\n<TITLE>&nbsp;</TITLE>'
           f'<META DOCUMENTS="{len(stories)}" UPDATED="Friday, March 20, 2020 16:51:31 EST" /></HEAD><BODY>']
    for k, s in enumerate(stories, start=1):
        out.append(f'<A NAME="DOC_ID_0_{k}"></A><!-- Hide XML section from browser <DOC NUMBER={k}> '
                   '<DOCFULL> -->')
        out.append(block("c0", esc(words["count"].format(n=k, total=len(stories)))))
        out.append(block("c3", esc(s.outlet)))
        out.append(block("c3", esc(s.date) + (f"<BR>{esc(s.edition)}" if s.edition else "")))
        out.append(block("c5", esc(s.title)))
        out += [labelled(line) for line in _labels(s, words)]
        out.append(block("c5", *(esc(p) for p in s.body)))
        out += [labelled(line) for line in _closing(s, words, s.date[-4:])]
        out.append(block("c3", esc(f"Copyright 2020 {s.outlet}")))
        out.append('<!-- Hide XML section from browser </DOCFULL> </DOC> --><DIV CLASS="c10"/>')
    return "\n".join(out + ["</BODY></HTML>"])
