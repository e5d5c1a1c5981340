"""The seed articles load into a clean corpus with the right metadata and boilerplate removed."""

from __future__ import annotations

import pandas as pd
import pytest
from seed_paths import SEEDS

from workbench.app.cli import format_report, main
from workbench.corpus.norms import normalise_token

AZERNEWS, TREND, JAMNEWS, RUSSTRAT, PEKCETIN = (
    "000_438739c02a2fa118", "001_067d92aa473488f3", "002_3ecd11ab92daf9a0",
    "003_42b7a2a72f6b30d3", "004_3e57617027b9e7e9")


def doc(corpus, doc_id):
    return corpus.documents.set_index("doc_id").loc[doc_id]


def test_all_five_seeds_load_ok(seed_corpus):
    assert len(seed_corpus.documents) == 5
    assert (seed_corpus.report.status == "ok").sum() == 5
    assert set(seed_corpus.documents.outlet.dropna()) == {"AzerNews", "Trend", "JAMnews", "RUSSTRAT"}


@pytest.mark.parametrize("doc_id, date, precision", [
    (TREND, "2024-04-23", "day"), (RUSSTRAT, "2022-02-27", "day"),
    (JAMNEWS, "2022-12-01", "month"), (AZERNEWS, "2024-01-01", "year")])
def test_curated_dates_keep_their_precision(seed_corpus, doc_id, date, precision):
    row = doc(seed_corpus, doc_id)
    assert row.date == pd.Timestamp(date)
    assert row.date_precision == precision
    assert row.date_source == "curated"


@pytest.mark.parametrize("doc_id, field, value, evidence", [
    (TREND, "date", "2024-04-23", "header line"),  # 'Politics Materials 23 April 2024 21:00'
    (RUSSTRAT, "date", "2022-02-27", "header line"),  # 'access_time27 Feb 2022'
    (PEKCETIN, "date_not_before", "2021-09", "latest date"),  # 'As of September 2021': a bound
    (AZERNEWS, "outlet", "AzerNews", "'@AzerNewsAz'"),  # @AzerNewsAz, azernews.az
    (TREND, "outlet", "Trend", "'told Trend'"),
    (RUSSTRAT, "outlet", "RUSSTRAT", "'Институт РУССТРАТ'"),  # the site's author widget
    (TREND, "author", "Ali Gasimov", "byline"),
    (PEKCETIN, "author", "Ayşe Süreyya PEKÇETİN", "byline/sign-off"),
    (TREND, "language", "en", "py3langid"),
])
def test_metadata_is_inferred_from_the_page(seed_corpus, doc_id, field, value, evidence):
    meta = seed_corpus.metadata.set_index(["doc_id", "field"])
    assert meta.loc[(doc_id, field), "inferred"] == value
    assert meta.loc[(doc_id, field), "evidence"].startswith(evidence)
    assert meta.loc[(doc_id, field), "agrees"] is not False


def test_inferred_and_curated_metadata_agree_on_the_seeds(seed_corpus):
    assert not (seed_corpus.metadata.agrees == False).any()  # noqa: E712


@pytest.mark.parametrize("doc_id, line, rule", [
    (AZERNEWS, "Избранный", "stray-script"),
    (AZERNEWS, "193", "counter"),
    (AZERNEWS, "Follow us on Twitter @AzerNewsAz", "social-promo"),
    (AZERNEWS, "RU", "language-switcher"),
    (TREND, "Read more", "read-more"),
    (TREND, "Current state of Azerbaijani-Russian ties implies their strategic nature - analyst",
     "repeated-title"),
    (TREND, "Stay up-to-date with more news at Trend News Agency's WhatsApp channel", "social-promo"),
    (JAMNEWS, "- Expected failure – comments from Baku in wake of Sochi meeting", "related-links"),
    (RUSSTRAT, "Average: 2.5 (2 votes)", "rating"),
    (RUSSTRAT, "Институт РУССТРАТ's picture", "widget"),
])
def test_boilerplate_lines_are_removed_with_their_rule(seed_corpus, doc_id, line, rule):
    removed = seed_corpus.removed[seed_corpus.removed.doc_id == doc_id]
    hit = removed[removed.text == line]
    assert list(hit.rule) == [rule]
    kept = seed_corpus.text(doc_id).split("\n").count(line)
    assert kept == (1 if rule == "repeated-title" else 0)  # the title itself stays once


def test_removed_lines_keep_their_source_line_numbers(seed_corpus):
    source = (SEEDS /
              f"{RUSSTRAT}.txt").read_text(encoding="utf-8").split("\n")
    for r in seed_corpus.removed[seed_corpus.removed.doc_id == RUSSTRAT].itertuples():
        assert source[r.line_no - 1].strip() == r.text


@pytest.mark.parametrize("doc_id, first, last", [
    (AZERNEWS, "Relations between Azerbaijan and Russia have developed in different forms",
     "Russia is the largest exporter of Azerbaijani non-oil products."),
    (TREND, "BAKU, Azerbaijan, April 23.",
     "national security employees of Russia."),
    (JAMNEWS, "A meeting of the foreign ministers of Azerbaijan and Russia was held in Moscow",
     "Azerbaijani experts concluded."),
    (RUSSTRAT, "The state visit of Azerbaijani President Ilham Aliyev to Moscow",
     "with close neighbours, in particular, with Azerbaijan."),
    (PEKCETIN, "The Karabakh conflict is an important issue",
     "both countries are very careful in protecting their national interests."),
])
def test_first_and_last_body_sentences_survive(seed_corpus, doc_id, first, last):
    text = seed_corpus.text(doc_id)
    assert first in text
    assert text.rstrip().endswith(last)


def test_sentence_splitting_copes_with_quotes_and_abbreviations(seed_corpus):
    sents = seed_corpus.texts_of(seed_corpus.sentences[seed_corpus.sentences.doc_id == TREND])
    assert any(s.startswith("BAKU, Azerbaijan, April 23. The current level") for s in sents) is False
    assert any(s.endswith('"Relations between Russia and Azerbaijan are going extremely well in all '
                          'sectors, including politics, economy, and interregional cooperation.')
               for s in sents)


def test_tokens_keep_hyphenated_names_possessives_and_unicode(seed_corpus):
    norms = set(seed_corpus.tokens.norm.astype(str))
    assert {"nagorno-karabakh", "türkiye", "kahramanmaraş", "'s", "44-day"} <= norms
    assert "south_caucasus" in norms  # multi-word expression from data/mwe.txt
    assert "azerbaijan's" not in norms  # possessive split off


def test_token_and_sentence_text_is_sliced_from_the_document_not_stored(seed_corpus):
    assert "token" not in seed_corpus.tokens and "text" not in seed_corpus.sentences
    tokens = seed_corpus.tokens
    for surface, norm in zip(seed_corpus.texts_of(tokens), tokens.norm.astype(str)):
        assert normalise_token(surface) == norm or "_" in norm  # a joined phrase keeps its spaces
    sentences = seed_corpus.texts_of(seed_corpus.sentences)
    assert all(s and s == s.strip() for s in sentences)
    assert any("Relations between Russia and Azerbaijan are going" in s for s in sentences)


def test_stopwords_are_flagged(seed_corpus):
    flags = seed_corpus.tokens.drop_duplicates("norm").set_index("norm").is_stop
    assert flags["the"] and flags["and"] and not flags["karabakh"]


def test_check_command_reports_five_ok_documents(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "none.toml"))
    assert main(["check", "data/corpus", "--metadata", "data/sources.csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 documents")
    assert "5 ok, 0 warning, 0 skipped" in out
    assert "stray-script: Избранный" in out


def test_report_text_lists_every_file(seed_corpus):
    text = format_report(seed_corpus)
    assert all(f in text for f in seed_corpus.documents.file)
