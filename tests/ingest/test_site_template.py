"""A site's template, learned from its pages: the lines its pages share go as `site-template`, the
articles stay whole, and only the pages whose template changed are cleaned again."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from site_pages import ARTICLES, COURIER, FOOT, HEAD, page, write

from workbench import load_corpus
from workbench.ingest.template import learn, page_lines


def load(folder):
    return load_corpus(folder, metadata=None, cache_dir=folder.parent / "cache")


def removed(corpus, doc_id: str) -> dict[str, str]:
    rows = corpus.removed[corpus.removed.doc_id.astype(str) == doc_id]
    return dict(zip(rows.text.astype(str), rows.rule.astype(str)))


def test_the_lines_a_sites_pages_share_go_and_every_article_line_stays(tmp_path):
    folder = tmp_path / "corpus"
    write(folder, {f"courier/{t}.txt": page(t) for t in COURIER})
    corpus = load(folder)
    for topic in COURIER:
        gone = removed(corpus, f"courier/{topic}")
        assert {line: gone.get(line) for line in HEAD + FOOT} == dict.fromkeys(HEAD + FOOT,
                                                                               "site-template")
        assert corpus.text(f"courier/{topic}") == "\n\n".join([ARTICLES[topic][0],
                                                                *ARTICLES[topic][1]])
    titles = dict(zip(corpus.documents.doc_id.astype(str), corpus.documents.title))
    assert titles["courier/ferry"] == ARTICLES["ferry"][0]  # the site's name is no headline
    assert set(corpus.documents.site) == {"courier/"}


def test_a_single_page_of_a_site_keeps_what_only_the_template_would_remove(tmp_path):
    folder = tmp_path / "corpus"
    write(folder, {"courier/ferry.txt": page("ferry")})
    text = load(folder).text("courier/ferry")
    assert FOOT[0] in text and FOOT[1] in text  # the page alone does not show them as furniture


def test_a_page_added_later_reprocesses_only_the_pages_whose_template_changed(tmp_path, counting):
    folder = tmp_path / "corpus"
    promo = "Win tickets to the lakeside jazz weekend"
    write(folder, {"courier/ferry.txt": page("ferry", foot=FOOT + [promo]),
                   "courier/library.txt": page("library"), "courier/bridge.txt": page("bridge"),
                   "gazette/market.txt": page("market", head=["Valley Gazette"], foot=[]),
                   "gazette/school.txt": page("school", head=["Valley Gazette"], foot=[])})
    # on one page of the site only: no template line (the page's own footer may still go)
    assert removed(load(folder), "courier/ferry").get(promo) != "site-template"
    counting.clear()
    write(folder, {"courier/orchard.txt": page("orchard", foot=FOOT + [promo])})
    corpus = load(folder)
    assert sorted(counting) == ["courier/ferry.txt", "courier/orchard.txt"]
    assert removed(corpus, "courier/ferry")[promo] == "site-template"
    assert promo not in corpus.text("courier/orchard")
    counting.clear()
    assert load(folder).documents.equals(corpus.documents) and counting == []


def test_a_line_repeated_inside_the_article_zone_stays(tmp_path):
    folder = tmp_path / "corpus"
    note = "This report was produced with the support of the regional press fund, which has no say."
    write(folder, {"courier/ferry.txt": page("ferry", inside=(note,)),
                   "courier/bridge.txt": page("bridge", inside=(note,)),
                   "courier/library.txt": page("library", inside=(note, "Reading hours")),
                   "courier/orchard.txt": page("orchard", inside=(note, "Reading hours"))})
    corpus = load(folder)
    for topic in COURIER:
        assert removed(corpus, f"courier/{topic}").get(FOOT[0]) == "site-template"
        assert note in corpus.text(f"courier/{topic}")  # prose inside the article zone, everywhere
    for topic in ("library", "orchard"):  # a subheading two pages of four share
        assert "Reading hours" in corpus.text(f"courier/{topic}")


def test_a_headline_the_site_shows_on_another_page_stays_the_headline_of_its_own(tmp_path):
    folder = tmp_path / "corpus"
    ferry = ARTICLES["ferry"][0]
    write(folder, {"courier/ferry.txt": page("ferry"),
                   "courier/library.txt": page("library", head=HEAD + [ferry])})
    corpus = load(folder)
    assert ferry in removed(corpus, "courier/library")
    titles = dict(zip(corpus.documents.doc_id.astype(str), corpus.documents.title))
    assert titles["courier/ferry"] == ferry and titles["courier/library"] == ARTICLES["library"][0]


def test_pages_in_a_script_without_spaces_lose_their_menus_and_keep_their_sentences():
    menu = ["ホーム", "地域", "経済", "くらし"]
    notice = "この記事の内容は取材当時のものであり、その後の状況とは異なる場合があります。"
    bodies = [["湖の北にある島々へのフェリーが、六週間の修理を終えて月曜日に運航を再開しました。",
               "運航会社によると、新しいエンジンで所要時間が二十分短くなるということです。"],
              ["町の図書館に子ども向けの読書室が土曜日に開設され、多くの家族が訪れました。",
               "ボランティアが地元の伝説を描いた壁画を仕上げ、絵本を寄贈しました。"],
              ["湖の周辺のりんご農家は、春の寒さで収穫が二週間ほど遅れると見込んでいます。",
               "地域のりんごの多くを搾る組合は、季節労働者を四十人雇う予定です。"]]
    pages = [[*menu, body[0], notice, body[1], "利用規約"] for body in bodies]
    lines = pd.concat([page_lines("\n".join(p)).assign(page=i, site="kosui.example")
                       for i, p in enumerate(pages)], ignore_index=True)
    assert lines.prose.tolist()[:8] == [False] * 4 + [True] * 3 + [False]
    learned = learn(lines)
    for i, p in enumerate(pages):  # the notice stands inside the article zone of every page
        assert [p[n - 1] for n in learned.line_no[learned.page == i]] == [*menu, "利用規約"]


def test_list_like_articles_keep_the_rows_they_share(tmp_path):
    folder = tmp_path / "corpus"
    rows = ["Harbour fees from 1 May", "Small boats up to 8 m", "Sailing boats up to 12 m",
            "Larger vessels on request"]
    write(folder, {"port/fees.txt": "\n".join(["Port notices", *rows, "Wharf A 12 EUR",
                                               "Wharf B 15 EUR"]) + "\n",
                   "port/winter.txt": "\n".join(["Port notices", *rows, "Wharf A 9 EUR",
                                                 "Wharf C 11 EUR"]) + "\n"})
    corpus = load(folder)
    for doc in ("port/fees", "port/winter"):
        assert "site-template" not in removed(corpus, doc).values()


def standings(division: str, clubs: list[str], news: list[str]) -> tuple[list[str], str]:
    """A list-like article of a league's site (its standings, the table parting its few
    sentences) and its page: the site's menu above, the page's news and the footer below."""
    article = [f"This page always shows the latest standings of the {division} after each round.",
               "Bookmark it and come back after every match day to follow the race!",
               "Standings after round ten:", "Pos\tClub\tPlayed\tPoints",
               *(f"{i}\t{club}\t10\t{30 - 3 * i}" for i, club in enumerate(clubs, start=1)),
               "Click the link for the full calendar of matches in the season",
               "The first two clubs play in the spring cup, the last one goes down."]
    menu = ["Valley League", "Fixtures", "Results", "Clubs", "Tickets", "Contact"]
    return article, "\n".join([*menu, f"Standings of the {division}", "Share this page", *article,
                               "Latest news", *news, "Privacy policy", "About the league"]) + "\n"


def test_list_like_pages_under_a_menu_the_template_removes_keep_their_tables(tmp_path):
    # the table parts the article's few sentences: the body found is the page's news below it
    pages = {
        "first": standings("first division", ["Riverside", "Hill Town", "Mill End"], [
            "Riverside sign a goalkeeper from the coast for the rest of the season and beyond.",
            "Click the picture above to see every goal of the weekend in one short film.",
            "The referees meet on Monday to talk about the new rules on time wasting."]),
        "second": standings("second division", ["Lakeview", "North Bank", "Elm Park"], [
            "Lakeview open their new stand with a friendly match against a team from the city.",
            "Click the picture above to see the best saves of the round in one short film.",
            "Ticket prices for the cup final stay the same as last year, the league says."]),
        "women": standings("women's division", ["Brookside", "Kingsway", "Pine Hollow"], [
            "Brookside's captain retires after twelve seasons and two hundred matches for them.",
            "Click the picture above to see the goals of the round in one short film for fans.",
            "A new academy for young players opens in Kingsway next autumn with forty places."])}
    folder = tmp_path / "corpus"
    write(folder, {f"league/{key}.txt": text for key, (_, text) in pages.items()})
    corpus = load(folder)
    for key, (article, _) in pages.items():
        assert removed(corpus, f"league/{key}")["Fixtures"] == "site-template"
        kept = corpus.text(f"league/{key}").split("\n\n")
        assert [line for line in kept if line in article] == article  # its shared header row too


def test_rows_of_an_export_are_never_cleaned_by_a_template(tmp_path):
    folder = tmp_path / "corpus"
    topics = ["orchard", "bridge", "market", "school"]
    rows = pd.DataFrame({"id": topics, "outlet": "Lakeside Courier",
                         "text": [page(t).replace("\n", "\n\n") for t in topics]})
    folder.mkdir()
    rows.to_csv(folder / "courier.csv", index=False)
    write(folder, {"courier/ferry.txt": page("ferry"), "courier/library.txt": page("library")})
    corpus = load(folder)
    from_rows = corpus.removed[corpus.removed.doc_id.astype(str).str.startswith("courier.csv")]
    assert "site-template" not in set(from_rows.rule.astype(str))
    assert all(FOOT[0] in corpus.text(f"courier.csv:{t}") for t in topics)
    assert removed(corpus, "courier/ferry")[FOOT[0]] == "site-template"


def test_pages_of_one_domain_are_one_site_whatever_their_folder(tmp_path):
    folder = tmp_path / "corpus"
    write(folder, {f"{part}/{t}.txt": f" date 2024-05-0{i + 1} https://www.courier.example/{t}\n"
                   + page(t) for i, (part, t) in enumerate(zip(["a", "b"], ["ferry", "bridge"]))})
    corpus = load(folder)
    assert set(corpus.documents.site) == {"courier.example"}
    assert removed(corpus, "b/bridge")[FOOT[1]] == "site-template"


def lines_of(pages: int, shared: dict[int, int], *, prose: bool) -> pd.DataFrame:
    """A site's pages as `learn` takes them: a line of prose of the page's own (the article
    zone), five lines every page has, then line 6 + k: the line `k` (of prose with `prose`) on
    the first `shared[k]` pages, a short line of the page's own on the others."""
    frames = []
    for i in range(pages):
        after = [k if i < held else -(10 * i + k) for k, held in shared.items()]
        frames.append(pd.DataFrame({
            "page": i, "site": "s", "line_no": np.arange(1, 7 + len(after)),
            "hash": [-1 - 10 * i - 9, 10, 11, 12, 13, 14, *after],
            "prose": [True] + [False] * 5 + [prose and h > 0 for h in after], "supported": False,
            "row": False}))
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("pages", [3, 30, 3000])
def test_the_thresholds_hold_for_three_pages_and_for_three_thousand(pages):
    """A line on every page is the site's, a line on a fifth of its pages is not (except on
    two of three pages: one peer of two holds it); a line of prose needs half of the peers
    and two of them."""
    shared = {1: pages, 2: max(2, pages // 5), 3: max(3, 2 * pages // 5)}
    found = {}
    for prose in (False, True):
        learned = learn(lines_of(pages, shared, prose=prose))
        found[prose] = {k: set(learned.page[learned.line_no == 6 + k]) for k in shared}
    everywhere, few, many = set(range(pages)), set(range(shared[2])), set(range(shared[3]))
    assert found[False] == {1: everywhere, 2: few if pages == 3 else set(), 3: many}
    assert found[True] == {1: everywhere, 2: set(), 3: many if pages == 3 else set()}


def test_page_lines_number_lines_as_cleaning_does_and_skip_the_store_header():
    lines = page_lines(" date 2024-05-01 https://courier.example/a\n\nHome\n" + page("ferry"))
    assert lines.line_no.tolist()[:2] == [3, 4]
    assert lines.prose.sum() == 4  # three paragraphs and the publisher's sentence
    assert lines.supported[lines.line_no == 7].item()  # the headline: the article's own words
