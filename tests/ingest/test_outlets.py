"""The outlet is what only the publisher puts on its page; an outlet the text cites is listed as
cited, never taken for the publisher."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT, SEEDS

from workbench.ingest.outlets import cited_outlets, infer_outlet, outlet_table

OUTLETS = PROJECT.context().outlets


@pytest.mark.parametrize(("text", "url", "outlet"), [
    ("Talks began.", "https://en.trend.az/azerbaijan/politics/4012.html", "Trend"),
    ("Talks began.", "https://www.caspianpost.com/politics/x", "caspianpost.com"),  # unknown: itself
    (" date 2024-08-17 https://sputnikglobe.com/20240817/putin-visit.html\n\nTalks.", None,
     "Sputnik"),
    ("MOSCOW, September 24. /TASS/. Azerbaijan appreciates the effort, Aliyev said.", None, "TASS"),
    ("The meeting will be held in Moscow, APA's Moscow correspondent reports.", None, "APA"),
    ("BAKU, Azerbaijan, February 7. The Kremlin regrets the decision, Trend reports.\n", None,
     "Trend"),
    ("Oxu.az xəbər verir ki, görüş Bakıda keçirilib.", None, "oxu.az"),
    ("Title\nЧитать ria.ru в\nДипломатические отношения установлены в 1992 году.", None,
     "RIA Novosti"),
    ("МОСКВА, 9 ноя — РИА Новости. Президенты встретились в Кремле.", None, "RIA Novosti"),
    ("Interview\nThe analyst told Trend that relations are strategic.", None, "Trend"),
    ("The plane was hit, Caliber.Az reports, citing AZERTAC.", None, "caliber.az"),  # any case
    ("Москва. 28 декабря. INTERFAX.RU - Президенты провели переговоры.", None, "Interfax"),
    ("Talks began.\n© 2021–2025 Caliber.Az. All rights reserved.", None, "caliber.az"),
    ("Talks began.\n© 1991—2025 АО «Интерфакс». Все права защищены.", None, "Interfax"),
    ("Talks began.\n© 2025 Daily Sabah. All Rights Reserved.", None, "Daily Sabah"),
])
def test_the_outlet_is_read_from_what_only_the_publisher_writes(text, url, outlet):
    assert infer_outlet(text, OUTLETS, url=url)[0] == outlet


@pytest.mark.parametrize("text", [
    "The talks will go on, the Russian Foreign Ministry told RIA Novosti.",
    "Azerbaijan is interested in allied relations, TASS reported on Friday.",
    "Путин и Алиев начали переговоры. Об этом сообщает «Интерфакс».",
    "29.04.2022 ТАСС Декларация о союзническом взаимодействии отвечает интересам Азербайджана.",
    "Kremlin spokesperson Dmitry Peskov confirmed it, according to Russian media outlet Meduza.",
    "Rescuers at the crash site.\n© Reuters\nThe talks began on Friday, Reuters said.",  # a credit
])
def test_an_outlet_the_text_cites_is_not_the_publisher_but_is_listed_as_cited(text):
    assert infer_outlet(text, OUTLETS) is None
    assert cited_outlets(text, OUTLETS, own=None)


def test_the_publishers_own_name_is_not_among_the_cited():
    text = "MOSCOW, September 24. /TASS/. Aliyev spoke to RIA Novosti and TASS."
    own = infer_outlet(text, OUTLETS)[0]
    assert cited_outlets(text, OUTLETS, own=own) == ["RIA Novosti"]


@pytest.mark.parametrize("text", [
    "MOSCOW, September 24. /TASS/. Azerbaijan appreciates the effort, Aliyev said.",
    "Oxu.az xəbər verir ki, görüş Bakıda keçirilib.",
    "Москва. 28 декабря. INTERFAX.RU - Президенты провели переговоры.",
    "Talks began, the capacity trend reports say, at news.example.",  # names in other words
    "No outlet is named here at all, only a full stop.",
])
def test_texts_spared_the_self_reference_formulas_could_not_match_them(text):
    """`_could_name` is a necessary condition of `_formulas`: skipping a text it does not find
    changes no outlet (the skip only saves time)."""
    could = OUTLETS._could_name.search(text) is not None
    assert could or OUTLETS._formulas.search(text) is None
    assert could == (text != "No outlet is named here at all, only a full stop.")


def _named_one_by_one(text: str) -> list[str]:
    found = sorted((m.start(), o.name) for o, p in OUTLETS._names if (m := p.search(text)))
    return list(dict.fromkeys(name for _, name in found))


def test_outlets_named_are_found_by_one_search_first_with_the_same_answer():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))] + [
        "The talks will go on, the Russian Foreign Ministry told RIA Novosti and TASS.",
        "TASSel and Trendy words name no outlet; nor does xTASS.",
        "МОСКВА, 9 ноя — РИА Новости. ТАСС сообщил.", "No outlet at all.", ""]
    assert OUTLETS._any_name is not None
    for text in texts:
        assert OUTLETS.named(text) == _named_one_by_one(text), text[:80]
    assert any(OUTLETS.named(text) for text in texts)
    assert OUTLETS.named(texts[-4]) == [] and OUTLETS.named(texts[-2]) == []
    for names, text in [("(?x) X Y", "XY said"), (r"(N)\1ews", "NNews said")]:
        # a global flag or a back reference would mean something else joined: searched one by one
        table = outlet_table([("X", "x.com", names, ""), ("Y", "y.com", "(Y)", "")], [])
        assert table._any_name is None and table.named(text) == ["X"]
