"""A date the story mentions keeps a page undated, with the bound as the reason, until the
researcher opts in to lower bounds; then the page is dated at the bound and says so."""

from __future__ import annotations

import pandas as pd

from workbench.project import Project
from workbench.trends import excluded_documents, place_documents


def test_an_undated_page_is_placed_at_its_bound_only_when_the_researcher_opts_in(seed_copy):
    """The seed from Vestnik Kavkaza states no date; the latest date it mentions is 2021-09."""
    (seed_copy.parent.parent / "workbench.toml").write_text('[corpus]\nmetadata = ""\n')
    here = Project.find(seed_copy.parent.parent)
    default = here.open_corpus()
    undated = default.documents[default.documents.date.isna()]
    bounded = undated[undated.date_not_before.notna()]
    assert len(bounded) >= 1
    doc = str(bounded.doc_id.iloc[0])
    bound = str(bounded.date_not_before.iloc[0])
    reason = excluded_documents(default, by="month").set_index("doc_id").reason[doc]
    assert reason.startswith(f"undated (published on or after {bound}")

    (seed_copy.parent.parent / "workbench.toml").write_text(
        '[corpus]\nmetadata = ""\nlower_bounds = true\n')
    opted = Project.find(seed_copy.parent.parent).open_corpus()
    row = opted.documents.set_index("doc_id").loc[doc]
    assert row.date == pd.Timestamp(bound)
    assert (row.date_source, row.date_precision) == ("lower bound", {4: "year", 7: "month",
                                                                      10: "day"}[len(bound)])
    placed = place_documents(opted, by="year").set_index("doc_id")
    assert placed.period[doc] == pd.Timestamp(bound[:4])
    assert pd.isna(placed.reason[doc])
    # documents that state their own date are untouched
    dated = default.documents.date.notna()
    pd.testing.assert_series_equal(opted.documents.date[dated], default.documents.date[dated])
    assert (opted.documents.date_source[dated] == default.documents.date_source[dated]).all()
