"""What a layout reader makes of one archive export (Nexis Uni / LexisNexis, Factiva): its
articles, each with the fields the archive printed and the body paragraph by paragraph, the
furniture it removed with the rule that removed it, and the export's provenance.

Readers only find things where the layout puts them; they do not parse dates or decide the
metadata: `fields` hold the values as printed ("March 3, 2020 Tuesday", "By Jane Doe",
"543 words"), and ingest turns them into the document's metadata with their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: what ingest puts before the rule of every line a reader removed ("label" -> "archive label"):
#: the archive's own furniture, not what cleaning took from a text
RULE_PREFIX = "archive "
#: the fields a reader may fill, by the names ingest knows them by
FIELDS = ("title", "date", "outlet", "author", "section", "length", "language", "source_id",
          "updated", "load_date")


@dataclass(frozen=True)
class Article:
    """One article of an export.

    - `number`: its position in the export, from 1 (the report names it "file #number").
    - `fields`: (field, value as printed) pairs, a field of `FIELDS` at most once; what the
      export does not give is absent. `date` is the publication date only: an "Updated" or
      "Load-date" line goes to `updated` / `load_date`.
    - `paragraphs`: the body, one paragraph each, without the headline, byline or labels.
    - `removed`: (line, rule) for every line of the article's block that is not body text (labels,
      copyright, the archive's ids and word counts), in the order they came; each rule begins
      with `RULE_PREFIX`.
    - `problem`: why the article is incomplete ("cut off: the export ends inside it"), "" if whole.
    - `where`: (field, where the layout printed it: "BYLINE line", "field PD", "publication
      line"), the evidence ingest keeps with the field's value; a field without one is named
      by its field.
    """

    number: int
    fields: tuple[tuple[str, str], ...] = ()
    paragraphs: tuple[str, ...] = ()
    removed: tuple[tuple[str, str], ...] = ()
    problem: str = ""
    where: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> str:
        """The printed value of field `name`, "" when the export gives none."""
        return next((v for k, v in self.fields if k == name), "")


@dataclass(frozen=True)
class Export:
    """One export file as read.

    - `format`: which layout read it ("nexis-docx", "nexis-rtf", "nexis-text", "nexis-html",
      "factiva-html", "factiva-text", …).
    - `articles`: every article found, complete or not, in the export's order.
    - `provenance`: (what, value) pairs from the cover page or search summary: the search string,
      the export date, the number of results, the archive's name.
    - `removed`: (line, rule) for the lines outside any article (cover page, page headers).
    - `problems`: the parts that could not be read ("lines 812-840 hold no article: the
      markers stop"), each a sentence for the ingest report.
    """

    format: str
    articles: tuple[Article, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()
    removed: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()
