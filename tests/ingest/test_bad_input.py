"""Bad input gets a clear report row, never a crash and never silent loss."""

from __future__ import annotations

import gzip
import json
import shutil

import pandas as pd
import pytest
from seed_paths import SEEDS

from workbench import load_corpus
from workbench.project import InputError

RU = ("Министр иностранных дел Азербайджана Джейхун Байрамов прибыл в Москву 5 декабря 2022 года. "
      "Переговоры с Сергеем Лавровым касались мирного договора и Зангезурского коридора.")
FR = ("Le président français Emmanuel Macron a rencontré Nikol Pachinian à Paris. Les deux "
      "dirigeants ont évoqué la sécurité régionale, les négociations de paix et le café crème.")


def load(folder, **kw):
    kw.setdefault("metadata", folder.parent / "sources.csv")
    return load_corpus(folder, cache_dir=folder.parent / ".cache", **kw)


def status(corpus, file):
    rows = corpus.report[corpus.report.file == file]
    assert len(rows) >= 1, f"{file} missing from the report"
    return rows.iloc[0].status, rows.iloc[0].reason


def test_cp1251_file_is_decoded_not_dropped(corpus_dir):
    (corpus_dir / "ru.txt").write_bytes(RU.encode("cp1251"))
    corpus = load(corpus_dir)
    assert "Байрамов" in corpus.text("ru")
    assert corpus.documents.language.iloc[0] == "ru"
    assert status(corpus, "ru.txt") == ("warning", status(corpus, "ru.txt")[1])
    assert "cp1251" in status(corpus, "ru.txt")[1]
    assert "байрамов" in set(corpus.tokens.norm.astype(str))


def test_cp1252_western_text_keeps_its_accents(corpus_dir):
    (corpus_dir / "fr.txt").write_bytes(FR.encode("cp1252"))
    assert "président français" in load(corpus_dir).text("fr")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-le"])
def test_unicode_variants_and_crlf_are_normalised(corpus_dir, encoding):
    data = ("Türkiye and Azerbaijan\r\n\r\n" + FR + "\r\n").encode(encoding)
    (corpus_dir / "a.txt").write_bytes(data)
    text = load(corpus_dir).text("a")
    assert text.startswith("Türkiye and Azerbaijan") and "\r" not in text and "\ufeff" not in text


@pytest.mark.parametrize("name, data, words", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \r\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("random.txt", bytes(range(256)) * 20, "binary"),
    ("doc.docx", b"PK\x03\x04 whatever", "no archive export"),
    ("broken.jsonl.gz", b"not gzip at all", "gzip"),
])
def test_unusable_files_are_skipped_with_a_reason(corpus_dir, name, data, words):
    (corpus_dir / name).write_bytes(data)
    (corpus_dir / "ok.txt").write_text(FR, encoding="utf-8")
    corpus = load(corpus_dir)
    state, reason = status(corpus, name)
    assert state == "skipped" and words in reason
    assert list(corpus.documents.doc_id) == ["ok"]


def test_exact_and_near_duplicates_are_reported_not_counted_twice(corpus_dir):
    seed = (SEEDS / "001_067d92aa473488f3.txt").read_text(encoding="utf-8")
    (corpus_dir / "a.txt").write_text(seed, encoding="utf-8")
    (corpus_dir / "b_copy.txt").write_text(seed.replace("\n", "\r\n"), encoding="utf-8")
    (corpus_dir / "c_near.txt").write_text(seed.replace("Undoubtedly", "Certainly"), encoding="utf-8")
    corpus = load(corpus_dir)
    assert list(corpus.documents.doc_id) == ["a"]
    assert "duplicate of a (identical text)" in status(corpus, "b_copy.txt")[1]
    assert "near-duplicate" in status(corpus, "c_near.txt")[1]
    assert set(corpus.tokens.doc_id.astype(str)) == {"a"}


def test_malformed_metadata_rows_are_reported(corpus_dir):
    (corpus_dir / "a.txt").write_text(FR, encoding="utf-8")
    (corpus_dir.parent / "sources.csv").write_text(
        "file,outlet,date,date_precision\n"
        "a.txt,Le Monde,32/13/2024,day\n"
        ",Orphan,2024,year\n"
        "missing.txt,Ghost,2024,year\n"
        "a.txt,Duplicate,2023,year\n", encoding="utf-8")
    corpus = load(corpus_dir)
    reasons = " | ".join(corpus.report.reason.dropna())
    assert "malformed date '32/13/2024'" in reasons
    assert "no file name" in reasons
    assert "'missing.txt', which is not in the corpus folder" in reasons
    assert "repeats 'a.txt'" in reasons
    assert corpus.documents.outlet.iloc[0] == "Le Monde"


def test_mislabelled_outlet_is_a_warning(corpus_dir):
    shutil.copy(SEEDS / "000_438739c02a2fa118.txt", corpus_dir / "x.txt")
    (corpus_dir.parent / "sources.csv").write_text("file,outlet\nx.txt,Trend\n", encoding="utf-8")
    state, reason = status(load(corpus_dir), "x.txt")
    assert state == "warning" and "curated outlet 'Trend' differs" in reason and "AzerNews" in reason


def test_txt_file_holding_html_is_read_as_html(corpus_dir):
    html = ("<html><head><script>var x = 'menu';</script></head><body><nav>Home | News</nav>"
            f"<article><h1>Peace talks</h1><p>{FR}</p><p>{FR.upper()}</p></article></body></html>")
    (corpus_dir / "page.txt").write_text(html, encoding="utf-8")
    corpus = load(corpus_dir)
    assert "holds HTML" in status(corpus, "page.txt")[1]
    assert "var x" not in corpus.text("page") and "Emmanuel Macron" in corpus.text("page")


def test_html_page_keeps_main_text_and_drops_scripts_and_menus(corpus_dir):
    html = ("<html><head><title>T</title><meta name='author' content='Jane Roe'><style>p{}</style>"
            "<script>alert(1)</script></head><body><nav><a>Home</a><a>Politics</a></nav>"
            f"<article><h1>Talks in Paris</h1><p>{FR}</p></article><footer>© 2024</footer></body></html>")
    (corpus_dir / "p.html").write_text(html, encoding="utf-8")
    corpus = load(corpus_dir)
    text = corpus.text("p")
    assert "alert" not in text and "Politics" not in text and "Emmanuel Macron" in text
    assert corpus.documents.author.iloc[0] == "Jane Roe"


def test_tabular_exports_give_one_document_per_row_and_report_bad_rows(corpus_dir):
    rows = [{"id": "r1", "headline": "Talks", "body": FR, "published": "2024-05-01", "media": "AFP",
             "section": "world"},
            {"id": "r2", "headline": "Москва", "body": RU, "published": "05.12.2022", "media": "TASS"},
            {"id": "r3", "headline": "Empty", "body": ""}]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + ["{not json"]
    (corpus_dir / "export.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    pd.DataFrame(rows[:2]).to_csv(corpus_dir / "export.csv", index=False)
    with open(corpus_dir / "export.csv", "a", encoding="utf-8") as fh:
        fh.write('x,too,many,cells,here,for,the,header\n')
    corpus = load(corpus_dir, dedupe="none")
    docs = corpus.documents.set_index("doc_id")
    assert docs.at["export.jsonl.gz:r2", "outlet"] == "TASS"
    assert docs.at["export.jsonl.gz:r2", "date"] == pd.Timestamp("2022-12-05")
    assert docs.at["export.csv:r1", "section"] == "world"  # unknown column kept as metadata
    reasons = " | ".join(corpus.report.reason.dropna())
    assert "empty text cell" in reasons and "malformed JSON" in reasons and "malformed CSV row" in reasons


def test_explicit_column_mapping_and_missing_text_column(corpus_dir):
    pd.DataFrame({"story": [FR], "when": ["2024-01-02"]}).to_csv(corpus_dir / "a.csv", index=False)
    pd.DataFrame({"nothing": ["x"]}).to_csv(corpus_dir / "b.csv", index=False)
    corpus = load(corpus_dir, columns={"date": "when"})
    assert corpus.documents.date.iloc[0] == pd.Timestamp("2024-01-02")
    assert "no text column" in status(corpus, "b.csv")[1]


def test_hidden_files_are_reported(corpus_dir):
    (corpus_dir / ".DS_Store").write_bytes(b"\x00\x01")
    assert status(load(corpus_dir), ".DS_Store")[0] == "skipped"


def test_broken_cleaning_rule_names_the_file_line_and_fix(corpus_dir):
    (corpus_dir / "a.txt").write_text(FR, encoding="utf-8")
    rules = corpus_dir.parent / "cleaning_rules.csv"
    rules.write_text("outlet,rule,pattern,note\n*,counter,(unclosed,x\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(corpus_dir)
    assert f"{rules} line 2: pattern '(unclosed' is not a valid regular expression" in str(err.value)
    assert "write a Python regular expression" in str(err.value)


def test_same_name_with_two_extensions_is_reported(corpus_dir):
    (corpus_dir / "a.txt").write_text(FR, encoding="utf-8")
    (corpus_dir / "a.md").write_text(RU, encoding="utf-8")
    corpus = load(corpus_dir)
    assert list(corpus.documents.file) == ["a.md"]
    state, reason = status(corpus, "a.txt")
    assert state == "skipped" and "already used by a.md" in reason


def test_russian_page_menu_counters_and_signoff_are_removed(corpus_dir):
    page = ("Главная\nНовости\nПолитика\n\nЛавров и Байрамов обсудили мирный договор\n\n"
            "12 марта 2024, 14:35\nПросмотров: 1520\n\n" + RU + "\n\nИван Петров\n\n"
            "Подписывайтесь на наш Telegram-канал\nПоделиться\n")
    (corpus_dir / "ru.txt").write_bytes(page.encode("cp1251"))
    corpus = load(corpus_dir)
    doc = corpus.documents.iloc[0]
    assert doc.title == "Лавров и Байрамов обсудили мирный договор"
    assert (doc.date, doc.date_precision, doc.author) == (pd.Timestamp("2024-03-12"), "day", "Иван Петров")
    assert dict(zip(corpus.removed.text, corpus.removed.rule)) == {
        "Главная": "menu", "Новости": "menu", "Политика": "menu", "12 марта 2024, 14:35": "dateline",
        "Просмотров: 1520": "view-counter", "Иван Петров": "signoff",
        "Подписывайтесь на наш Telegram-канал": "social-promo", "Поделиться": "share-buttons"}
