"""Finding a document: a part of its doc_id, outlet or title, case-insensitive, the first matches
listed with how many there are; as fast on a million documents as the viewer needs."""

from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np
import pandas as pd

from workbench.overview import find_documents

RUSSTRAT = "003_42b7a2a72f6b30d3"
PEKCETIN = "004_3e57617027b9e7e9"


def test_every_document_is_listed_without_a_search_in_corpus_order(seed_corpus):
    found = find_documents(seed_corpus)
    assert found.doc_id.tolist() == seed_corpus.documents.doc_id.tolist()
    assert found.attrs["total"] == 5
    assert found.set_index("doc_id").date.to_dict()[RUSSTRAT] == "2022-02-27"


def test_a_search_matches_the_outlet_title_or_doc_id_in_any_case(seed_corpus):
    assert find_documents(seed_corpus, "russtrat").doc_id.tolist() == [RUSSTRAT]  # outlet
    assert find_documents(seed_corpus, "STRATEGIC PARTNERS").doc_id.tolist() == [RUSSTRAT]  # title
    assert find_documents(seed_corpus, "004_3e5").doc_id.tolist() == [PEKCETIN]  # doc_id
    assert find_documents(seed_corpus, "Azerbaijan").attrs["total"] == 4  # four titles name it
    nothing = find_documents(seed_corpus, "no such words")
    assert nothing.empty and nothing.attrs["total"] == 0


def test_a_search_is_taken_as_written_not_as_a_pattern(seed_corpus):
    assert find_documents(seed_corpus, "Azerbaijan.Russia").attrs["total"] == 0
    assert find_documents(seed_corpus, "Azerbaijan-Russia").attrs["total"] == 2


def test_a_million_documents_are_searched_at_once_and_only_the_first_listed():
    n = 1_000_000
    ids = pd.Series(np.char.add("doc", np.arange(n).astype(str)), dtype="string")
    outlets = pd.Series(np.where(np.arange(n) % 1000 == 7, "Caspian Daily", "Wire"), dtype="string")
    documents = pd.DataFrame({
        "doc_id": ids, "outlet": outlets, "title": ("Talks in Baku, part " + ids).astype("string"),
        "text": pd.Series(["Body."] * n, dtype="string"),
        "date": pd.Timestamp("2024-01-01"), "date_precision": pd.Series(["year"] * n, dtype="string")})
    corpus = SimpleNamespace(documents=documents)
    start = time.perf_counter()
    found = find_documents(corpus, "caspian", limit=50)
    took = time.perf_counter() - start
    assert found.attrs["total"] == 1000 and len(found) == 50
    assert found.doc_id.iloc[0] == "doc7" and set(found.date) == {"2024"}
    assert took < 2.0, f"searching a million documents took {took:.2f} s"
