"""Per site (a page's site: its URL's domain, its outlet or its folder): what cleaning removed by
each rule, the template learned from the site's pages, and the pages whose removal looks unusual,
so that a researcher checks the decisions that matter most first. Rows of exports and articles of
archive exports are article text, not pages: they have no site and are not in these tables."""

from __future__ import annotations

import pandas as pd

from ..corpus.corpus import Corpus
from ..ingest.template import RULE, reads_as_prose
from .quality import _documents

SITE_COLUMNS = ["site", "pages", "lines", "removed_share"]  # then one column per rule
TEMPLATE_COLUMNS = ["site", "site_pages", "line", "pages", "share"]
UNUSUAL_COLUMNS = ["doc_id", "site", "lines", "removed_share", "prose_removed", "rules", "example"]


def _pages(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents that are pages (with their site, kept and removed lines) and their removed
    lines (doc_id, text, rule, site)."""
    docs = _documents(corpus)
    pages = docs[docs.site.notna()] if "site" in docs else docs.iloc[:0].assign(site=pd.Series(
        dtype="string"))
    site = pages.set_index("doc_id").site
    removed = corpus.removed.assign(doc_id=corpus.removed.doc_id.astype(str),
                                    rule=corpus.removed.rule.astype(str),
                                    text=corpus.removed.text.astype(str))
    removed = removed[removed.doc_id.isin(site.index)]
    return pages, removed.assign(site=removed.doc_id.map(site))


def site_removals(corpus: Corpus) -> pd.DataFrame:
    """Per site: its pages, their lines (kept and removed), the share removed, and how many lines
    each rule removed (one column per rule, the rule that removed most first), largest site first.

    Columns: site, pages, lines, removed_share, then one per rule.
    """
    pages, removed = _pages(corpus)
    counts = removed.pivot_table(index="site", columns="rule", values="doc_id", aggfunc="size",
                                 fill_value=0)
    counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
    size = pages.groupby("site").agg(pages=("doc_id", "size"), kept=("kept", "sum"),
                                     removed=("removed", "sum"))
    out = size.assign(lines=size.kept + size.removed)
    out["removed_share"] = out.removed / out.lines.where(out.lines > 0)
    out = out[SITE_COLUMNS[1:]].join(counts).fillna({rule: 0 for rule in counts.columns})
    out = out.astype({rule: "int64" for rule in counts.columns})
    return out.sort_values("pages", ascending=False, kind="stable").rename_axis("site").reset_index()


def site_templates(corpus: Corpus) -> pd.DataFrame:
    """The template learned for each site: every line removed as its site's template, with the
    number of the site's pages it was removed from, and their share, most shared first.

    Columns: site, site_pages (the site's pages the template was learned from), line, pages,
    share.
    """
    pages, removed = _pages(corpus)
    learned = removed[removed.rule == RULE]
    counts = learned.groupby(["site", "text"]).doc_id.nunique().rename("pages").reset_index()
    site_pages = pages.groupby("site").size()
    out = counts.rename(columns={"text": "line"}).assign(
        site_pages=counts.site.map(site_pages).astype("int64"))
    out["share"] = out.pages / out.site_pages
    return out.sort_values(["site_pages", "site", "pages"], ascending=[False, True, False],
                           kind="stable").reset_index(drop=True)[TEMPLATE_COLUMNS]


def unusual_removals(corpus: Corpus, *, share: float = 0.9) -> pd.DataFrame:
    """The pages whose cleaning a researcher should check first: those where lines that read as
    prose were removed (an article's sentence lost would be among them), then those with more than
    `share` of their lines removed (a scraped page is mostly furniture: half of it removed is
    usual); most prose removed first, then the largest share removed.

    Columns: doc_id, site, lines (kept and removed), removed_share, prose_removed (lines of prose
    removed), rules (the rules that removed them, with how many), example (the first of them).
    """
    pages, removed = _pages(corpus)
    prose = removed[removed.text.map(reads_as_prose).astype(bool)]
    lines = pages.kept + pages.removed
    out = pages.assign(lines=lines, removed_share=pages.removed / lines.where(lines > 0),
                       prose_removed=pages.doc_id.map(prose.doc_id.value_counts()).fillna(0)
                       .astype("int64"))
    by_page = prose.groupby("doc_id")
    out["rules"] = out.doc_id.map(by_page.rule.agg(
        lambda r: ", ".join(f"{rule} {n}" for rule, n in r.value_counts().items()))).fillna("")
    out["example"] = out.doc_id.map(by_page.text.first().str.slice(0, 120)).fillna("")
    out = out[(out.prose_removed > 0) | (out.removed_share > share)]
    return out.sort_values(["prose_removed", "removed_share"], ascending=False,
                           kind="stable").reset_index(drop=True)[UNUSUAL_COLUMNS]
