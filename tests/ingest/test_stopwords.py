"""Stopwords are those of a document's own language; another language's list (English in
quotations, say) applies only when the project asks for it (`[stopwords] also`)."""

from __future__ import annotations

from seed_paths import PROJECT

from workbench import Project
from workbench.ingest.tokens import Tokenizer, TokenizerSettings

RU = "Министр сказал, что the talks и переговоры продолжатся."


def _stop(settings: TokenizerSettings, language: str | None) -> dict[str, bool]:
    tok = Tokenizer(settings)
    cols = tok.table([RU], [tok.sentence_spans(RU, 0, len(RU))], [language])
    return dict(zip(cols["norm"].astype(str), cols["is_stop"]))


LISTS = tuple(PROJECT.stopwords().items())


def test_a_russian_document_has_russian_stopwords_only():
    stop = _stop(TokenizerSettings(stopwords=LISTS), "ru")
    assert stop["и"] and stop["что"]
    assert not stop["the"]


def test_english_applies_to_every_document_only_when_asked():
    stop = _stop(TokenizerSettings(stopwords=LISTS, also=("en",)), "ru")
    assert stop["the"] and stop["и"]


def test_a_document_of_unknown_language_gets_no_list_by_default():
    assert not any(_stop(TokenizerSettings(stopwords=LISTS), None).values())


def test_the_project_setting_reaches_the_corpus(tmp_path):
    corpus_dir = tmp_path / "data" / "corpus"
    corpus_dir.mkdir(parents=True)
    (corpus_dir / "ru.txt").write_text(f"Переговоры\n\n{RU} {RU}\n", encoding="utf-8")
    flags = {}
    for also in ([], ["en"]):
        (tmp_path / "workbench.toml").write_text(f"[stopwords]\nalso = {also}\n", encoding="utf-8")
        corpus = Project.find(tmp_path).open_corpus(metadata=None)
        tokens = corpus.tokens.drop_duplicates("norm").set_index("norm").is_stop
        flags[tuple(also)] = (bool(tokens["the"]), bool(tokens["и"]))
    assert flags == {(): (False, True), ("en",): (True, True)}
