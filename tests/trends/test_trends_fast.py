"""The precomputed query paths give exactly what a straightforward recomputation gives.

The references below are the plain pandas versions (one `find` per query, groupby on doc_ids,
strings cut for every match); they run on the seed corpus and on a synthetic corpus of 600
documents whose token table is not in doc_id order.
"""

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import profiling
from workbench.corpus import Indexes
from workbench.index import (
    FREQ,
    as_queries,
    date_end,
    find,
    group_labels,
    keyness,
    select_documents,
    term_index,
)
from workbench.index.axis import NEEDS, RANK
from workbench.trends import OTHER, kwic, place_documents, point_spans, term_frequency
from workbench.trends.concordance import KWIC_COLUMNS
from workbench.trends.frequency import EXCLUDED_COLUMNS, FREQUENCY_COLUMNS

WORDS = ["russian", "peacekeepers", "left", "the", "border", "talks", "ally", "allies",
         "strategic", "partnership", "strategic_partnership", "moscow", "baku", "oil", "2023"]
QUERIES = ["peacekeepers", "ally*, strategic partnership", "partnership", "talks border",
           "nothing-here"]


def synthetic_corpus(n_docs: int = 600, seed: int = 7):
    """Random documents over a small vocabulary; tokens listed in an order unlike doc_id's."""
    rng = np.random.default_rng(seed)
    docs, tokens = [], []
    for i in rng.permutation(n_docs):
        doc_id, text, n = f"d{i}", "", 0
        for sent_id in range(rng.integers(1, 5)):
            for word in rng.choice(WORDS, size=rng.integers(1, 12)):
                shown = word.replace("_", "  ").title()
                tokens.append({"doc_id": doc_id, "sent_id": sent_id, "tok_id": n,
                               "start": len(text), "end": len(text) + len(shown), "norm": word,
                               "is_stop": word == "the", "is_alpha": word.isalpha()})
                text += shown + ("; " if n % 3 else " ")
                n += 1
            text = text.rstrip() + ". "
        precision = rng.choice(["day", "month", "year", None], p=[0.6, 0.2, 0.15, 0.05])
        date = pd.Timestamp("2019-01-01") + pd.Timedelta(days=int(rng.integers(0, 1500)))
        if precision == "month":
            date = date.replace(day=1)
        elif precision == "year":
            date = date.replace(month=1, day=1)
        docs.append({"doc_id": doc_id, "outlet": rng.choice(["A", "B", "C", "Östra", None]),
                     "title": f"title {i}", "text": text, "language": "en",
                     "date": date if precision else pd.NaT, "date_precision": precision})
    documents = pd.DataFrame(docs).astype({"outlet": "string", "date_precision": "string",
                                           "date": "datetime64[ns]"})
    ids = sorted(documents.doc_id)  # "d10" < "d2": codes do not follow the table's order
    tokens = pd.DataFrame(tokens).astype({"doc_id": pd.CategoricalDtype(ids), "norm": "category"})
    return SimpleNamespace(documents=documents, tokens=tokens, indexes=Indexes())


@pytest.fixture(params=["seed", "synthetic"])
def any_corpus(request):
    if request.param == "seed":
        return request.getfixturevalue("seed_corpus")
    return synthetic_corpus()


def written(date, precision):
    """A date as a reader sees it: only as precisely as it is known."""
    if pd.isna(date) or precision is None or pd.isna(precision):
        return pd.NA
    return date.strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision])


def reference_placement(corpus, by, split, docs):
    d = corpus.documents
    if docs is not None:
        d = d[d.doc_id.isin(list(docs))]
    sizes = corpus.tokens.groupby("doc_id", observed=False).size()
    rows = []
    for doc, group in zip(d.itertuples(), group_labels(d, split), strict=True):
        precision = None if pd.isna(doc.date_precision) else doc.date_precision
        reason = pd.NA
        if pd.isna(doc.date) or precision is None:
            bound = getattr(doc, "date_not_before", pd.NA)
            reason = "undated" if pd.isna(bound) else \
                f"undated (published on or after {bound}, the latest date it mentions)"
        elif RANK[precision] > RANK[NEEDS[by]]:
            reason = f"dated only to the {precision}; too coarse for by={by!r}"
        period = pd.NaT if reason is not pd.NA else pd.Period(doc.date, FREQ[by]).start_time
        rows.append({"doc_id": str(doc.doc_id), "outlet": doc.outlet, "title": doc.title,
                     "date": written(doc.date, precision), "date_precision": precision, "group": group,
                     "period": period, "tokens": int(sizes.get(str(doc.doc_id), 0)),
                     "reason": reason})
    return pd.DataFrame(rows).astype({"period": "datetime64[ns]"})


def reference_frequency(corpus, terms, by, split, docs, per=10_000):
    placed = reference_placement(corpus, by, split, docs)
    on = placed[placed.reason.isna()]
    labels = [q.label for q in as_queries(terms)]
    hits = pd.DataFrame({q.label: find(term_index(corpus), q).groupby("doc_id").size()
                         for q in as_queries(terms)}, columns=labels)
    per_doc = hits.reindex(placed.doc_id).fillna(0).set_axis(placed.index)
    long = per_doc.loc[on.index].assign(period=on.period, group=on.group).melt(
        ["period", "group"], var_name="term", value_name="count")
    cells = long.assign(documents=long["count"] > 0).groupby(["period", "group", "term"]).sum()
    totals = on.groupby(["period", "group"]).agg(tokens=("tokens", "sum"),
                                                 n_documents=("doc_id", "size"))
    periods = (pd.period_range(on.period.min(), on.period.max(), freq=FREQ[by]).start_time
               if len(on) else [])
    grid = pd.MultiIndex.from_product([periods, sorted(on.group.unique()), labels],
                                      names=["period", "group", "term"])
    table = cells.reindex(grid, fill_value=0).join(totals).reset_index()
    table[["tokens", "n_documents"]] = table[["tokens", "n_documents"]].fillna(0)
    table["rel_freq"] = (table["count"] / table.tokens * per).where(table.tokens > 0)
    table["doc_share"] = (table.documents / table.n_documents).where(table.n_documents > 0)
    out = placed[placed.reason.notna()]
    excluded = out[EXCLUDED_COLUMNS].assign(
        count=per_doc.loc[out.index].sum(axis=1).astype("int64"))
    return table[FREQUENCY_COLUMNS], excluded.reset_index(drop=True)


def reference_kwic(corpus, query, window, sort):
    index = term_index(corpus)
    spans = pd.concat([find(index, q) for q in as_queries(query)], ignore_index=True)
    meta = corpus.documents.set_index(corpus.documents.doc_id.astype(str))
    tok = index.tokens
    by_doc = {d: t.reset_index(drop=True) for d, t in tok.groupby("doc_id", observed=True)}
    rows = []
    for span in spans.itertuples():
        words = by_doc[span.doc_id]
        lo = words.start[max(span.tok_start - window, 0)]
        hi = words.end[min(span.tok_end - 1 + window, len(words) - 1)]
        text = meta.text[span.doc_id]
        norms = words.norm.astype(str).tolist()
        if sort == "left":
            keys = [norms[span.tok_start - k] if span.tok_start - k >= 0 else ""
                    for k in (1, 2, 3)]
        else:
            keys = [norms[span.tok_end - 1 + k] if span.tok_end - 1 + k < len(norms) else ""
                    for k in (1, 2, 3)]
        rows.append({**span._asdict(), "outlet": meta.outlet[span.doc_id],
                     "date": written(meta.date[span.doc_id], meta.date_precision[span.doc_id]),
                     "sort_date": meta.date[span.doc_id], "title": meta.title[span.doc_id],
                     "left": " ".join(text[min(lo, span.start):span.start].split()),
                     "match": " ".join(text[span.start:span.end].split()),
                     "right": " ".join(text[span.end:max(hi, span.end)].split()),
                     "key1": keys[0], "key2": keys[1], "key3": keys[2]})
    table = pd.DataFrame(rows)
    order = (["sort_date", "doc_id", "start"] if sort == "position"
             else ["key1", "key2", "key3", "sort_date", "start"])
    return table.sort_values(order, kind="stable")[KWIC_COLUMNS].reset_index(drop=True)


@pytest.mark.parametrize("by", ["month", "year", "week"])
@pytest.mark.parametrize("split", [None, "outlet"])
@pytest.mark.parametrize("subset", [False, True])
def test_term_frequency_equals_a_recount_per_document(any_corpus, by, split, subset):
    ids = any_corpus.documents.doc_id.astype(str)
    docs = list(ids[::2]) + ["no-such-document"] if subset else None
    table = term_frequency(any_corpus, QUERIES, by=by, split=split, docs=docs)
    expected, excluded = reference_frequency(any_corpus, QUERIES, by, split, docs)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert table.dtypes[["count", "documents", "tokens", "n_documents"]].eq("int64").all()
    pd.testing.assert_frame_equal(table.attrs["excluded"], excluded, check_dtype=False)


@pytest.mark.parametrize("by", ["month", "year"])
def test_place_documents_equals_a_placement_per_document(any_corpus, by):
    placed = place_documents(any_corpus, by=by, split="outlet")
    expected = reference_placement(any_corpus, by, "outlet", None)
    pd.testing.assert_frame_equal(placed, expected, check_dtype=False)


def test_select_documents_equals_a_filter_on_the_documents_table(any_corpus):
    d = any_corpus.documents
    outlets = group_labels(d, "outlet").unique()[:2].tolist() + ["no-such-outlet"]
    keep = (group_labels(d, "outlet").isin(outlets) & (d.date >= "2020-01-01")
            & (date_end(d) <= "2023-12-31")).fillna(False)
    picked = select_documents(any_corpus, outlets=outlets, start="2020-01-01", end="2023-12-31")
    assert picked.tolist() == d.doc_id[keep].astype(str).tolist()


@pytest.mark.parametrize("top", [1, 2])
def test_top_groups_keep_their_rows_and_the_rest_add_up(any_corpus, top):
    full = term_frequency(any_corpus, QUERIES, by="year", split="outlet")
    size = full.drop_duplicates(["period", "group"]).groupby("group").tokens.sum()
    kept = size.reset_index().sort_values(["tokens", "group"], ascending=[False, True]).group[:top]
    summed = ["count", "documents", "tokens", "n_documents"]
    expected = (full.assign(group=full.group.where(full.group.isin(kept), OTHER))
                .groupby(["period", "group", "term"], sort=False)[summed].sum().reset_index())
    expected["rel_freq"] = (expected["count"] / expected.tokens * 10_000).where(expected.tokens > 0)
    expected["doc_share"] = (expected.documents / expected.n_documents).where(
        expected.n_documents > 0)
    table = term_frequency(any_corpus, QUERIES, by="year", split="outlet", top=top)
    order = ["period", "group", "term"]
    pd.testing.assert_frame_equal(table.sort_values(order, ignore_index=True),
                                  expected.sort_values(order, ignore_index=True),
                                  check_dtype=False)
    assert set(table.group) == {*kept, OTHER}
    point = table[(table.group == OTHER) & (table["count"] > 0)].iloc[0]
    query = next(q for q in as_queries(QUERIES) if q.label == point.term)
    spans = point_spans(any_corpus, query, period=point.period, group=OTHER, by="year",
                        split="outlet", top=top)
    assert len(spans) == point["count"]
    assert not set(group_labels(any_corpus.documents, "outlet")[
        any_corpus.documents.doc_id.astype(str).isin(spans.doc_id)]) & set(kept)


def test_term_frequency_of_an_empty_selection_has_the_columns(any_corpus):
    table = term_frequency(any_corpus, "peacekeepers", split="outlet", docs=[])
    assert list(table.columns) == FREQUENCY_COLUMNS and table.empty
    assert table.attrs["excluded"].empty


@pytest.mark.parametrize("sort", ["position", "left", "right"])
def test_kwic_equals_contexts_cut_one_match_at_a_time(any_corpus, sort):
    query = "peacekeepers, strategic partnership, ally*"
    table = kwic(any_corpus, query, window=3, sort=sort, limit=None)
    expected = reference_kwic(any_corpus, query, 3, sort)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert table.attrs["total"] == len(expected)


def test_kwic_cap_keeps_the_first_rows_and_says_how_many_there_are():
    corpus = synthetic_corpus()
    full = kwic(corpus, "peacekeepers, talks", sort="left", limit=None)
    capped = kwic(corpus, "peacekeepers, talks", sort="left", limit=25)
    assert len(full) > 25 and capped.attrs == {"total": len(full), "limit": 25}
    pd.testing.assert_frame_equal(capped, full.head(25))


@pytest.mark.parametrize("content_only", [False, True])
def test_keyness_by_group_equals_keyness_of_summed_documents(any_corpus, content_only):
    labels = profiling.groups(any_corpus)
    index = term_index(any_corpus)
    first, second = labels.unique()[:2]
    cases = [({}, [(g, [r for r in labels.unique() if r != g], "rest")
                   for g in labels.unique()]),
             ({"target": [first]}, [(first, [r for r in labels.unique() if r != first], "rest")]),
             ({"target": [first], "reference": [second]}, [(first, [second], second)])]
    for options, pairs in cases:
        table = profiling.keyness_by_group(any_corpus, min_freq=1, content_only=content_only,
                                           max_groups=labels.nunique(), **options)
        expected = pd.concat([keyness(
            index.norm_counts(labels.index[labels == g], content_only=content_only),
            index.norm_counts(labels.index[labels.isin(ref)], content_only=content_only),
            min_freq=1).assign(group=g, reference=name) for g, ref, name in pairs],
            ignore_index=True)
        expected = expected[["group", "reference", *expected.columns[:-2]]]
        pd.testing.assert_frame_equal(table, expected)


def test_term_index_is_reused_when_the_tokens_are_not_in_doc_id_order():
    corpus = synthetic_corpus(50)
    assert not corpus.tokens.doc_id.cat.codes.is_monotonic_increasing
    assert term_index(corpus) is term_index(corpus)


def test_dashboard_says_when_the_concordance_is_cut(tmp_path):
    from workbench.widgets import trends as widget

    dash = widget.trends_dashboard(synthetic_corpus(1500), groups={}, events=PROJECT.events(),
                                   terms="the, talks, border", views=tmp_path)
    total = dash.kwic.attrs["total"]
    assert len(dash.kwic) == 1000 < total
    caption = dash.outputs["concordance"].caption.value
    assert caption.startswith(f"Concordance ({total:,} matches; kept the first 1,000 in this order")
    assert caption.endswith(" · rows 1–500 of 1,000")  # the thousand kept, paged
