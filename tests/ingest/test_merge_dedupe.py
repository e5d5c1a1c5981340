"""Duplicates and curated-vs-inferred metadata on the seed texts: report texts, originals, winners."""

from __future__ import annotations

import json
import re

import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_paths import SEEDS

from workbench import load_corpus
from workbench.ingest.dedupe import (
    NEAR,
    _python_word_hashes,
    _word_hashes,
    article_keys,
    find_duplicates,
    signature,
    signatures,
)

TREND, AZERNEWS, JAMNEWS = "001_067d92aa473488f3", "000_438739c02a2fa118", "002_3ecd11ab92daf9a0"


def load(folder, **kw):
    return load_corpus(folder, metadata=folder.parent / "sources.csv", cache_dir=folder.parent / ".cache",
                       **kw)


def reason(corpus, file):
    return corpus.report.set_index("file").loc[file, "reason"]


def seed(doc_id):
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def test_exact_and_edited_copies_of_a_seed_are_set_aside(seed_copy):
    text = seed(TREND)
    (seed_copy / "zz_exact.txt").write_text(text.replace(". ", ".  ").replace("\n", "\r\n"), encoding="utf-8")
    edited = text.replace("Korotchenko", "the expert").replace("Azerbaijani", "Azeri")
    (seed_copy / "zz_near.txt").write_text(edited, encoding="utf-8")
    corpus = load(seed_copy)
    assert len(corpus.documents) == 5
    assert reason(corpus, "zz_exact.txt") == f"duplicate of {TREND} (identical text); not counted twice"
    # the MinHash estimate of the edited copy's similarity; its exact Jaccard similarity is 0.90
    assert reason(corpus, "zz_near.txt") == (f"duplicate of {TREND} (near-duplicate, similarity 0.88); "
                                             "not counted twice")
    assert not corpus.tokens.doc_id.isin(["zz_exact", "zz_near"]).any()


def test_the_first_copy_in_corpus_order_is_the_original(seed_copy):
    (seed_copy / "0000_edited.txt").write_text(seed(TREND).replace("Undoubtedly", "Certainly"),
                                               encoding="utf-8")
    corpus = load(seed_copy)
    assert "0000_edited" in set(corpus.documents.doc_id) and TREND not in set(corpus.documents.doc_id)
    assert reason(corpus, f"{TREND}.txt").startswith("duplicate of 0000_edited (near-duplicate")


def test_find_duplicates_names_the_first_similar_document_of_each_copy():
    texts = {"a": seed(TREND), "b": seed(AZERNEWS), "c": seed(TREND).replace("Undoubtedly", "Certainly"),
             "d": seed(TREND), "e": seed(AZERNEWS).replace("peacekeepers", "soldiers"), "f": seed(JAMNEWS)}
    keys = {d: " ".join(t.casefold().split()) for d, t in texts.items()}
    docs = pd.DataFrame({"doc_id": list(texts), "content_hash": [hash(k) for k in keys.values()],
                         "text": list(texts.values())})
    sigs = pd.DataFrame({"doc_id": list(texts), "signature": [signature(k).tobytes() for k in keys.values()]})
    dups = find_duplicates(docs, sigs)
    assert dups[["doc_id", "original", "kind"]].values.tolist() == [
        ["d", "a", "exact"], ["c", "a", "near"], ["e", "b", "near"]]
    assert dups.similarity.iloc[0] == 1.0 and (dups.similarity.iloc[1:] >= 0.8).all()
    assert find_duplicates(docs.iloc[[1, 5]], sigs).empty


MENU = ["Home", "World", "Business", "Harbour", "Ferries", "Weather", "Sport", "Culture", "Opinion",
        "Podcasts", "Newsletters", "Subscribe"]
RELATED = [f"{who} {what}" for who in (
    "Ferry operators in Northpoint", "The Southbay town council", "Fishing crews of the north pier",
    "The lighthouse choir", "Bakers at the fish market", "Volunteers of the lifeboat station",
    "Teachers at the harbour school", "The marina's new owners") for what in (
    "raise their prices for the winter", "argue over parking by the quay",
    "stay ashore as the storm arrives", "open a cycle path to the old town",
    "sing for the retiring skipper", "run out of rye flour before noon")]  # 48 other stories
FOOTER = ["© 2019 Harbour Courier", "About us", "Contact", "Advertise", "Privacy"]
PROMOS = ["Subscribe to the Harbour Courier newsletter and receive the news of the three harbour "
          "towns every morning before the first ferry leaves.",
          "Listen to our weekly podcast, where the editors talk about the week in the harbour towns "
          "with the people who made the news.",
          "Send us your photographs of the autumn storms and we will publish the best of them in "
          "the weekend edition."]
FERRIES = ["The three harbour towns agreed on Tuesday to run their ferries on one timetable from "
           "November, ending years of missed connections for commuters.",
           "The mayors signed the agreement after a meeting in Northpoint, where the ferry operators "
           "had asked for a common winter schedule and shared ticket prices.",
           "Commuters have complained for years that the last ferry from Southbay left five minutes "
           "before the train from the city arrived, the town council said."]
MUSEUM = ["The lighthouse museum on the north pier opened its doors again on Saturday after two "
          "years of repairs to its roof and the old lamp room.",
          "Volunteers restored the brass lamp, which guided fishing boats into the harbour until "
          "the new light on the breakwater replaced it in the sixties.",
          "Entry stays free for children, and the museum will open every weekend until the end of "
          "the autumn holidays, its director said."]
FERRIES_JA = ["港町三市は火曜日、十一月からフェリーを一つの冬季時刻表で運航することで合意した。",
              "三市の市長はノースポイントで会談し、フェリー会社が求めていた冬季時刻表の統一と、"
              "共通運賃について合意文書に署名した。",
              "市議会によると、サウスベイ発の最終フェリーは、市内からの列車が到着する五分前に、"
              "出航していた。",
              "通勤客は長年、乗り継ぎの不便を訴えてきたが、新しい時刻表では、最終便が二十分遅くなる。",
              "フェリー会社は、冬季の運賃を据え置くと発表し、来年の春に、夏季時刻表についても協議する。"]


def near_copies(texts: dict[str, str]) -> list[list]:
    """find_duplicates on clean texts (paragraphs one a line, blank lines between)."""
    docs = pd.DataFrame({"doc_id": list(texts), "content_hash": [hash(t) for t in texts.values()],
                         "text": list(texts.values())})
    sigs = pd.DataFrame({"doc_id": list(texts), "signature": [
        s.tobytes() for s in signatures(article_keys(list(texts.values())))]})
    return find_duplicates(docs, sigs)[["doc_id", "original", "kind"]].values.tolist()


def whole_similarity(a: str, b: str) -> float:
    """The estimated similarity of two whole texts, as near-duplicates were compared before."""
    first, second = (signature(" ".join(text.casefold().split())) for text in (a, b))
    return float((first == second).mean())


def page(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part)


def test_two_articles_of_one_site_sharing_its_menu_and_footer_are_not_copies():
    ferries = page(MENU, FERRIES[:1], RELATED, FOOTER)
    museum = page(MENU, MUSEUM[:1], RELATED, FOOTER)
    assert whole_similarity(ferries, museum) >= NEAR  # their whole texts would have made them copies
    assert near_copies({"ferries": ferries, "museum": museum}) == []


@pytest.mark.parametrize("article", [FERRIES, FERRIES_JA], ids=["english", "japanese"])
def test_a_republication_with_other_furniture_is_a_copy(article):
    courier = page(MENU, article, FOOTER)
    post = page(["Start", "Region", "Politics", "Southbay Post"], article, ["Share", "Print", "Top"])
    assert whole_similarity(courier, post) < NEAR  # the furniture hid the copy from the whole texts
    assert near_copies({"courier": courier, "post": post}) == [["post", "courier", "near"]]


def test_list_like_articles_sharing_the_sites_promos_are_not_copies():
    """Their only prose is the site's promos: where prose is not most of a text, the whole texts
    must be alike too."""
    def standings(offset: int) -> str:
        table = [f"{i}\tHarbour club {i + offset}\t{40 - i} points\t{i % 7} wins" for i in range(1, 30)]
        return page(MENU, ["Winter league standings"], table, PROMOS, FOOTER)

    first, second = standings(0), standings(50)
    keys = article_keys([first, second])
    assert keys[0] == keys[1]  # alike by their prose
    assert near_copies({"first": first, "second": second}) == []


def test_mislabelled_seed_keeps_the_curated_values_and_warns(seed_copy):
    sources = pd.read_csv(seed_copy.parent / "sources.csv", dtype=str, keep_default_na=False)
    row = sources.file == f"{TREND}.txt"
    sources.loc[row, ["outlet", "date", "author"]] = ["Sputnik", "2023-01-05", "Ali Gasimov"]
    sources.to_csv(seed_copy.parent / "sources.csv", index=False)
    corpus = load(seed_copy)
    report = corpus.report.set_index("doc_id")
    assert report.at[TREND, "status"] == "warning"
    assert report.at[TREND, "reason"] == (
        "curated outlet 'Sputnik' differs from the text ('Trend', 'told Trend' (line 9)); "
        "curated kept; curated date '2023-01-05' differs from the text ('2024-04-23', header line "
        "'Politics Materials 23 April 2024 21:00 (UTC +04:00)'); curated kept")
    assert (report.drop(TREND).status == "ok").all()
    doc = corpus.documents.set_index("doc_id").loc[TREND]
    assert (doc.outlet, doc.date, doc.date_source) == ("Sputnik", pd.Timestamp("2023-01-05"), "curated")
    meta = corpus.metadata.set_index(["doc_id", "field"]).loc[TREND]
    assert list(meta.agrees.astype(object)) == [True, False, False, True, True, pd.NA, pd.NA, pd.NA]
    assert meta.loc["date", "chosen"] == "2023-01-05" and meta.loc["outlet", "inferred"] == "Trend"


def test_a_table_row_keeps_its_own_column_over_the_curated_file_row(corpus_dir):
    rows = [{"id": "r1", "body": seed(TREND), "media": "AFP", "published": "2024-04-23"},
            {"id": "r2", "body": seed(JAMNEWS), "media": "", "published": ""}]
    (corpus_dir / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text(
        "file,outlet,date,date_precision,outlet_country,desk\n"
        "export.jsonl,Wire Service,2024,year,France,foreign\n", encoding="utf-8")
    corpus = load(corpus_dir, columns={"outlet": "media", "date": "published"})
    docs = corpus.documents.set_index("doc_id")
    r1, r2 = docs.loc["export.jsonl:r1"], docs.loc["export.jsonl:r2"]
    assert (r1.outlet, r1.date, r1.date_source) == ("AFP", pd.Timestamp("2024-04-23"), "column")
    assert (r1.outlet_country, r1.desk) == ("France", "foreign")  # the file row fills what rows lack
    assert r2.outlet == "Wire Service"  # no outlet cell and no cue in the page: the file row fills it
    # the row states no date ('December 5' is a day the story mentions): the file row's year
    assert (r2.date, r2.date_precision) == (pd.Timestamp("2024-01-01"), "year")
    report = corpus.report.set_index("doc_id")
    assert report.at["export.jsonl:r1", "reason"] == (
        "curated outlet 'Wire Service' differs from the text ('AFP', outlet field); "
        "the row's own value kept")
    meta = corpus.metadata.set_index(["doc_id", "field"])
    assert meta.loc[("export.jsonl:r1", "outlet"), "chosen"] == "AFP"
    assert meta.loc[("export.jsonl:r1", "date"), "agrees"]



def test_a_row_is_cleaned_and_its_citations_read_as_the_outlet_it_is_given(corpus_dir):
    """The outlet chosen for a row (its own over the file's curated one) is also the outlet whose
    cleaning rules apply to it and that its text does not cite."""
    body = ("Politics Materials 23 April 2024 21:00 (UTC +04:00)\n\nThe ministers met in Baku, an "
            "expert told Trend. AFP reported the talks on the transport corridor and its tariffs.")
    (corpus_dir / "export.jsonl").write_text(json.dumps({"id": "r1", "body": body, "media": "Trend"}),
                                             encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text("file,outlet\nexport.jsonl,AFP\n", encoding="utf-8")
    corpus = load(corpus_dir, columns={"outlet": "media"})
    doc = corpus.documents.set_index("doc_id").loc["export.jsonl:r1"]
    assert (doc.outlet, doc.cited) == ("Trend", "AFP")
    assert corpus.removed.rule.tolist() == ["dateline"]  # Trend's rule, not AFP's


WORDS = st.text(alphabet=st.sampled_from(list("ab _1.-") + ["é", "ё", "Ж", "\u0301", "²", "½", "Ⅷ",
                                                           "٣", "_", "\u200d", "‿", "中", "ß",
                                                           "\u1c89", "\ua7cb"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=6))
def test_word_hashes_are_those_of_pythons_w_whatever_the_characters(keys):
    """The words found by polars equal `re`'s `\\w+` words whatever the characters: marks,
    numerals, connector punctuation, and letters newer than Python's Unicode tables (U+1C89 is
    unassigned in Python 3.11's, a letter in Rust's), where the two disagree."""
    expected = _python_word_hashes(keys)
    got = _word_hashes(keys)
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert a.dtype == b.dtype and a.tolist() == b.tolist()


def test_word_hashes_of_the_seeds_are_read_by_polars_and_equal_pythons():
    keys = [" ".join(path.read_text(encoding="utf-8").casefold().split())
            for path in sorted(SEEDS.glob("*.txt"))]
    series = pl.Series(keys)
    others = series.str.extract_all(r"[^\x00-\x7f]").explode().drop_nulls().unique()
    assert len(others) > 20  # quotes, Cyrillic and Azerbaijani letters, all agreeing: polars reads them
    assert others.str.contains(r"^[\p{L}\p{N}_]+$").to_list() == [
        bool(re.fullmatch(r"\w", c)) for c in others.to_list()]
    assert [a.tolist() for a in _word_hashes(keys)] == [b.tolist() for b in _python_word_hashes(keys)]
