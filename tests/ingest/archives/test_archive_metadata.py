"""An article's printed fields as ingest keeps them: the author without "By" in the archives'
languages, the language as its code, a date only where it is read, each with its evidence."""

from __future__ import annotations

import pytest

from workbench.ingest.archives import Article
from workbench.ingest.archives.metadata import article_metadata, language_code


@pytest.mark.parametrize("printed, author", [
    ("By Jane Doe", "Jane Doe"), ("BY STEPHEN POLLARD", "STEPHEN POLLARD"),
    ("Von Hans Müller", "Hans Müller"), ("Par Marie Dupont", "Marie Dupont"),
    ("Por Juan Pérez", "Juan Pérez"), ("Jane Doe", "Jane Doe"), ("Byron Lee", "Byron Lee"),
])
def test_the_author_is_the_byline_without_its_by(printed, author):
    fields, evidence = article_metadata(Article(1, (("author", printed),), where=(("author", "AUTOR line"),)))
    assert fields == {"author": author} and evidence == {"author": f"archive AUTOR line: {printed!r}"}


@pytest.mark.parametrize("printed, code", [
    ("ENGLISH", "en"), ("GERMAN; DEUTSCH", "de"), ("FRENCH; FRANÇAIS", "fr"), ("SPANISH; ESPAÑOL", "es"),
    ("Dutch / Nederlands", "nl"), ("Русский", "ru"), ("中文", "zh"), ("KLINGON", None),
])
def test_the_language_as_printed_becomes_its_code(printed, code):
    assert language_code(printed) == code


def test_a_field_without_a_value_ingest_can_read_is_left_out_and_the_others_kept():
    article = Article(2, (("date", "Spring 2009"), ("language", "KLINGON"), ("section", "Sport"),
                          ("outlet", "Le Matin")))
    fields, evidence = article_metadata(article)
    assert fields == {"section": "Sport", "outlet": "Le Matin"}
    assert evidence == {"outlet": "archive outlet: 'Le Matin'"}
