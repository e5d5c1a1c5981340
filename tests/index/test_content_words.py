"""Content words (what `content_only` tables count) are alphabetic norms that are a stopword in
no document: a function word of one document's language stays out of every content table, even
where another document's language has no stopword list."""

from __future__ import annotations

from workbench import Project
from workbench.index import term_index

EN = "The talks in Moscow went on for hours, and the ministers of the two states met again."
RU = "Министр сказал, что the talks и переговоры продолжатся в Москве на следующей неделе."


def test_a_stopword_of_one_document_is_no_content_word_in_another(tmp_path):
    folder = tmp_path / "data" / "corpus"
    folder.mkdir(parents=True)
    (folder / "en.txt").write_text(f"Talks\n\n{EN} {EN}\n", encoding="utf-8")
    (folder / "ru.txt").write_text(f"Переговоры\n\n{RU} {RU}\n", encoding="utf-8")
    corpus = Project.find(tmp_path).open_corpus(metadata=None)
    tokens = corpus.tokens.assign(doc_id=corpus.tokens.doc_id.astype(str),
                                  norm=corpus.tokens.norm.astype(str))
    the = tokens[tokens.norm == "the"].groupby("doc_id").is_stop.all()
    assert the.to_dict() == {"en": True, "ru": False}  # each document its own list
    index = term_index(corpus)
    content = set(index.norms[index.content])
    assert "the" not in content and "и" not in content
    assert {"talks", "ministers", "переговоры", "министр"} <= content
