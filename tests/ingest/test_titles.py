"""Titles from the page, right or none: the headline the article's words support and that opens
the article; never a site's name, a company line in capitals, an interface string or a teaser;
an HTML page's `<h1>` where og:title or `<title>` agrees with it."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT

from workbench import load_corpus
from workbench.ingest.clean import clean_lines
from workbench.ingest.titles import html_title, page_title, reads_as_headline

RULES = PROJECT.context().rules
HEADLINE = "Harbour towns agree on one ferry timetable for the winter"
BODY = ["The three harbour towns agreed on Tuesday to run their ferries on one timetable from "
        "November, ending years of missed connections for commuters.",
        "The mayors signed the agreement after a meeting in Northpoint, where the ferry operators "
        "had asked for a common winter schedule and shared ticket prices.",
        "Commuters have complained for years that the last ferry from Southbay left five minutes "
        "before the train from the city arrived, the town council said."]
ARTICLE = "\n".join(BODY)


def title(text: str) -> str | None:
    return clean_lines(text, RULES).title


def test_the_headline_over_its_byline_and_date_is_the_title_not_the_furniture_above_it():
    page = ("THE HARBOUR COURIER\nHARBOUR MEDIA, A COASTAL PRESS COMPANY\nSkip to content\nNews\n"
            "Sport\nWeather\nAdvertisement\nContinue reading the main story\nTransport\n"
            f"{HEADLINE}\nBy Mira Castell\nNov. 19, 2019, 8:41 AM\n{ARTICLE}")
    assert title(page) == HEADLINE


@pytest.mark.parametrize("furniture", [
    "The Harbour Courier",  # the site's name
    "HARBOUR MEDIA, A COASTAL PRESS COMPANY",  # the company line in capitals, words of the article
    "Continue reading the main story",  # interface strings
    "Got a news tip? Let us know",
    "Sign up for our harbour towns newsletter",
])
def test_a_site_name_company_line_or_interface_string_is_never_the_title(furniture):
    assert title(f"{furniture}\n{ARTICLE}") is None
    assert title(f"{furniture}\n{HEADLINE}\n{ARTICLE}") == HEADLINE


def test_a_teaser_of_another_story_is_not_the_title_when_the_headline_is_not_found():
    teasers = ["Ferry operators raise winter prices in Northpoint",
               "Southbay train timetable changes again in November",
               "Commuters ask the council for a later ferry"]
    above = "\n".join(["Most read", *teasers, "Transport", HEADLINE, "By Mira Castell", ARTICLE])
    assert title(above) == HEADLINE
    assert title("\n".join(["Most read", *teasers, ARTICLE])) is None


def test_a_caption_with_its_credit_a_breadcrumb_and_a_byline_do_not_read_as_a_headline():
    assert not reads_as_headline("The ferry leaves Southbay at dawn. (Mira Castell/Harbour Courier)")
    assert not reads_as_headline("News > Transport > Ferries")
    assert not reads_as_headline("Analysis by Mira Castell, Harbour Courier")
    assert not reads_as_headline("Von Mira Castell publiziert am 30. Juli 2018")
    assert reads_as_headline(HEADLINE)


def test_a_headline_with_a_deck_under_it_is_the_title():
    deck = "Why the three mayors finally agreed on the ferries after years of missed connections"
    assert title(f"{HEADLINE}\n{deck}\n{ARTICLE}") == HEADLINE


def test_a_page_in_a_script_without_spaces_has_its_headline_as_title():
    """Compared by pairs of characters: words are not told by spaces. (Read from the page's lines
    as the page heuristics leave them: the headline of a menu-like page is a place's verdict.)"""
    headline = "港町三市がフェリーの冬季時刻表を統一"
    article = ["港町三市は火曜日、十一月からフェリーを一つの冬季時刻表で運航することで合意した。"
               "通勤客は長年、乗り継ぎの不便を訴えてきた。",
               "三市の市長はノースポイントで会談し、フェリー会社が求めていた冬季時刻表の統一と"
               "共通運賃について合意文書に署名した。",
               "市議会によると、サウスベイ発の最終フェリーは市内からの列車が到着する五分前に出航していた。"]
    page = list(enumerate(["ホーム", "ニュース", headline, "2019年11月19日", *article], start=1))
    menu = {1: "menu", 2: "menu", 4: "dateline"}
    assert page_title(page, menu, headline) == headline
    assert page_title(page, {**menu, 3: "rubric"}, None) == headline  # removed for its place
    assert page_title([line for line in page if line[0] != 3], menu, None) is None


def test_a_list_like_article_keeps_its_headline_as_title():
    items = ["1. Northpoint to Southbay, forty minutes", "2. Southbay to the Islands, two hours",
             "3. Northpoint to the Islands, ninety minutes", "4. The harbour loop, one hour"]
    page = "\n".join(["Ferry routes for the winter timetable", "By Mira Castell",
                      "The winter timetable of the harbour ferries starts in November with four routes.",
                      *items, "Tickets for every ferry route are sold at the harbour offices."])
    assert title(page) == "Ferry routes for the winter timetable"


def html(*, h1: str | None = None, og: str | None = None, head: str = "", site: str = "") -> str:
    metas = (f'<meta property="og:title" content="{og}">' if og else "") + (
        f'<meta property="og:site_name" content="{site}">' if site else "")
    heading = f"<h1>{h1}</h1>" if h1 else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>{head}</title>{metas}</head><body><h1>Harbour Courier</h1>"
            f"<nav>News Sport</nav><article>{heading}{paragraphs}</article></body></html>")


def test_an_h1_that_og_title_agrees_with_is_the_title_of_an_html_page():
    page = html(h1=HEADLINE, og=HEADLINE, head=f"{HEADLINE} | Harbour Courier", site="Harbour Courier")
    assert html_title(page, ARTICLE, site="Harbour Courier") == HEADLINE
    shortened = html(h1=HEADLINE, og="Harbour towns agree on one ferry timetable")
    assert html_title(shortened, ARTICLE) == HEADLINE


def test_an_html_page_whose_headings_disagree_unsupported_has_no_title():
    page = html(h1="Winter offers for our readers", og="Subscribe to the Harbour Courier",
                head="Harbour Courier", site="Harbour Courier")
    assert html_title(page, ARTICLE, site="Harbour Courier") is None


def test_the_site_name_is_cut_from_the_html_title_and_never_is_the_title():
    page = html(head=f"{HEADLINE} | Harbour Courier", site="Harbour Courier")
    assert html_title(page, ARTICLE, site="Harbour Courier") == HEADLINE
    assert html_title(html(og="Harbour Courier", head="Harbour Courier"), ARTICLE,
                      site="Harbour Courier") is None


def test_a_line_two_different_articles_share_is_their_sites_not_their_title(corpus_dir, tmp_path):
    site_line = "Harbour towns ferry and transport news"
    terminal = ["The new ferry terminal of the harbour towns opened in Southbay on Monday, with "
                "room for two ferries and a waiting hall for three hundred commuters.",
                "The harbour towns paid for the terminal together, and the ferry operators will "
                "rent its quays from next spring, the mayors said at the opening."]
    for name, article in (("timetable", BODY), ("terminal", terminal)):
        (corpus_dir / f"{name}.txt").write_text("\n".join([site_line, "By Mira Castell", *article]),
                                                encoding="utf-8")
    alone = title("\n".join([site_line, "By Mira Castell", *terminal]))
    assert alone == site_line  # on its own, the site's line reads as the page's headline
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=tmp_path / "cache")
    assert corpus.documents.title.isna().all()
