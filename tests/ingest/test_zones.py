"""The article zone of a page: the body runs from its first block of paragraphs over its own
lists, tables and refrains, past a box of links when the text reads on, and ends where comments,
teasers and the footer begin. Pages written for these tests, in English, Russian and Japanese."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT

from workbench.ingest.clean import clean_lines
from workbench.ingest.page import n_words
from workbench.ingest.zones import article_zone

RULES = PROJECT.context().rules
P1 = ("We tested five budget e-readers over two months of daily reading, on trains, in bed and "
      "outdoors in bright sun.")
P2 = ("Each reader was judged on its screen, its battery life, its weight and how easily it "
      "opens the loan files of a public library.")
P3 = "The figures below come from our own measurements, not from the makers' specifications."
P4 = ("All three opened loan files without trouble, and none of them needed a charging cable "
      "more than once a month.")
P5 = ("If you read mostly at night, the larger screen of the Paperwing is worth the extra ten "
      "dollars it costs.")
MENU = ["Home", "Reviews", "Deals", "Newsletters", "About us"]
COMMENTS = ["Comments", "reader42 says:", "March 4, 2024 at 9:12 am",
            "I bought the Quire Go last year and its battery really does last a whole month.",
            "bookworm says:", "March 4, 2024 at 10:40 am",
            "Does any of them play audiobooks? That would settle the matter for me.",
            "Privacy policy", "Contact"]


def page(*parts: str | list[str]) -> str:
    """A saved page: its lines, and a newline at its end (it was not cut off)."""
    return "".join(f"{line}\n" for part in parts
                   for line in ([part] if isinstance(part, str) else part))


def kept(text: str) -> list[str]:
    return [line for _, line in clean_lines(text, RULES).kept]


def removed(text: str) -> dict[str, str]:
    return {line: rule for _, line, rule in clean_lines(text, RULES).removed}


@pytest.mark.parametrize(("kinds", "zone"), [
    ("PPP", (0, 2)),
    ("llPlPPllP", (2, 8)),  # the first block of three paragraphs, and what reads on from it
    ("PPfPllPPP", (3, 8)),  # furniture splits a block: the article opens where three stand
    ("PPPllllllllllP", (0, 13)),  # the article's own list: no furniture between
    ("PPPlflPPl", (0, 7)),  # a box of links set into the article: two paragraphs follow
    ("PPPlflPlP", (0, 2)),  # past furniture, single paragraphs (comments, teasers): no more
    ("PPP" + "f" * 10 + "PPP", (0, 15)),  # a list set like a menu, then the text reads on
    ("PPP" + "f" * 10 + "PPl", (0, 2)),
    ("PPlllP", None),  # a short page: nothing to go by
    ("lPPllllllPPP", (1, 11)),  # the opening paragraphs, a subheading and a list, the rest
    ("lPlllPPP", (5, 7)),  # a single paragraph above may be a teaser: not joined
    ("PPlflPPP", (5, 7)),  # furniture parts the paragraphs above from the article
])
def test_the_zone_is_the_first_block_of_paragraphs_and_what_reads_on_from_it(kinds, zone):
    names = {"P": "paragraph", "f": "furniture", "l": "line"}
    assert article_zone([names[k] for k in kinds]) == zone


def test_a_list_like_article_keeps_its_table_its_repeated_and_short_lines_and_loses_its_comments():
    table = ["Model\tScreen\tBattery\tWeight", "Leafline 6\t6 in\t31 days\t174 g",
             "Quire Go\t6 in\t28 days\t182 g", "Paperwing\t7 in\t35 days\t190 g"]
    products = ["Leafline 6", "Price: $89", "Verdict: best value", "Quire Go", "Price: $89",
                "Verdict: lightest to hold", "Paperwing", "Price: $99", "Verdict: best value"]
    article = [P1, P2, P3, *table, *products, P4, P5]
    text = page(MENU, "Five budget e-readers compared", "By Mira Castell", *article, COMMENTS)
    assert kept(text) == ["Five budget e-readers compared", *article]
    gone = removed(text)
    assert set(COMMENTS) <= set(gone)
    assert [gone[line] for line in (COMMENTS[3], COMMENTS[6])] == ["after-article"] * 2


def test_a_box_of_links_inside_the_article_does_not_end_it():
    text = page(MENU, "Five budget e-readers compared", P1, P2, P3, "Related",
                "The best tablets for reading comics on the go",
                "Why libraries are lending more e-books than ever", P4, P5, COMMENTS)
    assert kept(text)[-2:] == [P4, P5]
    assert removed(text)["Related"] == "related-heading"


def test_an_enumeration_set_like_a_menu_stays_inside_the_body():
    body = ["Диета рассчитана на две недели и не требует подсчёта калорий, только списка "
            "разрешённых продуктов.",
            "В первую неделю углеводы ограничены, а белка и овощей можно есть сколько угодно.",
            "Во вторую неделю понемногу возвращаются крупы и фрукты, без сахара и выпечки.",
            "Продукты с ограничением по количеству", "капуста", "кабачок", "горох", "лук",
            "помидоры", "перец", "огурцы", "редис",
            "После окончания диеты вес лучше проверять раз в неделю, чтобы не набрать его снова."]
    text = page(["Главная", "Диеты", "Рецепты", "Контакты"], "Диета на две недели", body,
                "Отзывы", "Добавить отзыв", "Самые популярные диеты", "Белковая диета",
                "Гречневая диета", "Капустная диета")
    assert kept(text) == ["Диета на две недели", *body]


def test_a_japanese_page_keeps_every_sentence_short_or_long():
    body = ["市立図書館は来月から、平日の開館時間を午後九時まで延長すると発表しました。",
            "仕事帰りの利用者から、夜も本を借りたいという声が多く寄せられていたためです。",
            "延長の対象は本館のみで、分館の開館時間は変わりません。",
            "ただし、次の日は夜間開館を行いません。",
            "毎月第三水曜日、",
            "年末年始、",
            "蔵書点検の期間。",
            "詳しくは図書館の窓口か、ホームページでお尋ねください。"]
    text = page(["ホーム", "お知らせ", "イベント", "利用案内", "お問い合わせ"],
                "市立図書館、来月から夜間開館を開始", body,
                "関連記事", "図書館の新しい検索システムが稼働しました", "冬休みの読み聞かせ会のお知らせ",
                "カテゴリー", "お知らせ (12)", "イベント (8)")
    assert kept(text) == ["市立図書館、来月から夜間開館を開始", *body]
    assert removed(text)["ホーム"] == "menu" and removed(text)["イベント (8)"] == "footer"


def test_a_line_without_spaces_is_measured_in_characters():
    assert n_words("延長の対象は本館のみで、分館の開館時間は変わりません。") == 13
    assert n_words("年末年始、") == 2
    assert n_words("Five budget e-readers") == 3


def test_an_embedded_posts_signature_does_not_end_the_article_comments_time_stamps_do():
    post = ["The library will stay open until nine on weekdays from next month, starting in April.",
            "— City Library (@lib) March 1, 2024"]
    comments = ["2 responses to this review", "reader42 says:", "March 4, 2024 at 9:12 am",
                "I bought the Quire Go last year and its battery really does last a whole month.",
                "bookworm says:", "March 4, 2024 at 10:40 am",
                "Does any of them play audiobooks? That would settle the matter for me."]
    text = page(MENU, "Five budget e-readers compared", P1, P2, P3, *post, P5, *comments)
    assert kept(text) == ["Five budget e-readers compared", P1, P2, P3, *post, P5]


def test_an_embedded_post_at_the_articles_end_keeps_its_signature():
    post = ["The library will stay open until nine on weekdays from next month, starting in April.",
            "— City Library (@lib) March 1, 2024"]
    text = page(MENU, "Five budget e-readers compared", P1, P2, P3, *post, "Privacy policy",
                "Contact")
    assert kept(text) == ["Five budget e-readers compared", P1, P2, P3, *post]


def test_a_title_in_quotes_above_the_body_is_no_menu_item_or_rubric():
    text = page(MENU, "Five budget e-readers compared", ["Share", "Facebook", "Email"],
                "“The Quiet Shelf”", P1, P2, P3)
    assert kept(text) == ["Five budget e-readers compared", "“The Quiet Shelf”", P1, P2, P3]


def test_teasers_cut_short_after_the_article_go():
    teasers = ["Jury rules for half of the plaintiffs in the parking dispute …",
               "New reading room opens in the old post office …",
               "Council approves the budget for the summer festival …"]
    text = page(MENU, "Five budget e-readers compared", P1, P2, P3, P4, P5,
                "Most read stories", *teasers, "Privacy policy", "Contact")
    assert kept(text) == ["Five budget e-readers compared", P1, P2, P3, P4, P5]


def test_teasers_above_the_headline_go_when_the_headline_stands_below_the_last_menu():
    teasers = ["Weather service warns of heavy snow on the mountain passes",
               "Council votes to keep the night buses running all winter"]
    text = page(MENU, *teasers, ["News", "Sport", "Culture"],
                "Five budget e-readers compared", P1, P2, P3, P4)
    cleaned = clean_lines(text, RULES)
    assert cleaned.title == "Five budget e-readers compared"
    assert {line: rule for _, line, rule in cleaned.removed if line in teasers} == \
        dict.fromkeys(teasers, "rubric")


def test_a_line_in_another_script_stays_inside_the_article_and_goes_after_it():
    body = ["Скорость бега в игре можно увеличить с помощью консольных команд разработчика.",
            "player.setav speedmult 150",
            "После ввода команды скорость персонажа сразу станет выше на половину.",
            "Чтобы вернуть прежнюю скорость, достаточно ввести ту же команду со значением сто.",
            "Команды работают только в версии игры для персонального компьютера."]
    text = page(MENU, "Как увеличить скорость бега", *body, "Комментарии", "Podcasts")
    assert kept(text) == ["Как увеличить скорость бега", *body]
    assert removed(text)["Podcasts"] == "stray-script"


def test_a_table_above_the_pages_last_menu_keeps_the_headline_above_it():
    table = ["Pos\tClub\tPlayed\tPoints", "1\tRiverside\t10\t24", "2\tHill Town\t10\t21",
             "3\tOld Harbour\t10\t19"]
    text = page(MENU, "Standings after round ten", *table, ["News", "Sport", "Culture"],
                "Club news in brief", P1, P2, P3)
    assert kept(text)[:5] == ["Standings after round ten", *table]  # the headline, not a rubric


STANDINGS = ["This page always shows the latest standings of the valley league after each round.",
             "Bookmark it and come back after every match day to follow the race!",
             "Standings after round ten:", "Pos\tClub\tPlayed\tPoints", "1\tRiverside\t10\t27",
             "2\tHill Town\t10\t24", "3\tOld Harbour\t10\t21", "4\tMill End\t10\t18",
             "Click the link for the full calendar of matches in the season",
             "The first two clubs play in the spring cup, the last one goes down."]
NEWS = ["Riverside sign a goalkeeper from the coast for the rest of the season and beyond.",
        "Click the picture above to see every goal of the weekend in one short film.",
        "The referees meet on Monday to talk about the new rules on time wasting in matches."]


@pytest.mark.parametrize("template", [frozenset(), frozenset(range(1, len(MENU) + 1))])
def test_no_headline_is_taken_below_a_list_like_articles_table(template):
    # the table parts the article's paragraphs: the body found is the news after it, and a line
    # under the table shares its words; the article's text above that line is no rubric
    text = page(MENU, "Valley league standings", STANDINGS, "Latest news", NEWS, "Privacy policy")
    cleaned = clean_lines(text, RULES, template=template)
    assert [line for _, line in cleaned.kept][:len(STANDINGS) + 1] == \
        ["Valley league standings", *STANDINGS]
    assert cleaned.title != STANDINGS[-2]


def test_a_menu_the_site_template_removed_is_still_the_pages_last_menu():
    teasers = ["Budget tablets for reading comics compared",  # it shares the article's words
               "Council votes to keep the night buses running all winter"]
    text = page(MENU, *teasers, ["News", "Sport", "Culture"],
                "Five budget e-readers compared", P1, P2, P3, P4)
    template = frozenset(range(len(MENU) + 3, len(MENU) + 6))  # the menu under the teasers
    cleaned = clean_lines(text, RULES, template=template)
    assert cleaned.title == "Five budget e-readers compared"
    assert {line: rule for _, line, rule in cleaned.removed if line in teasers} == \
        dict.fromkeys(teasers, "rubric")
    assert {rule for n, _, rule in cleaned.removed if n in template} == {"site-template"}


def test_paragraphs_parted_by_the_site_template_are_not_the_articles_text_above_its_headline():
    strip = ("Home News Reviews Deals Newsletters Podcasts Videos Forums Events Jobs Shop Subscribe "
             "Contact About Careers")  # a menu set on one line: as long as a paragraph
    note = "We may earn a commission when you buy through the links on this page of ours."
    teaser = "Council votes to keep the night buses running all winter"
    text = page(strip, MENU, note, teaser, "Gadgets", "Five budget e-readers compared", P1, P2, P3)
    cleaned = clean_lines(text, RULES, template=frozenset(range(2, len(MENU) + 2)))
    assert [line for _, line in cleaned.kept][-4:] == ["Five budget e-readers compared", P1, P2, P3]
    assert {line: rule for _, line, rule in cleaned.removed}[teaser] == "rubric"


def test_a_byline_in_the_bodys_first_lines_goes_before_its_text_reads_on():
    standfirst = "Five readers under a hundred dollars, tested for two months by our reviewers."
    text = page(MENU, "Five budget e-readers compared", "Readers on a library shelf",
                standfirst, "By Mira Castell", P1, P2, P3)
    cleaned = clean_lines(text, RULES)
    assert removed(text)["By Mira Castell"] == "byline" and cleaned.bylines == ["Mira Castell"]
    assert [line for _, line in cleaned.kept][-4:] == [standfirst, P1, P2, P3]


def test_a_short_article_above_a_long_comment_keeps_its_paragraphs():
    lead = ("Five readers under a hundred dollars were tested for two months. Two of them are "
            "worth buying.")
    comment = ["I have owned the Quire Go for a year and read on it every single evening.",
               "Its battery lasts a month, as the review says, and the screen is sharp enough.",
               "My only complaint is the slow page turn when a book has many pictures in it."]
    text = page(MENU, "Five budget e-readers compared", P1, "Readers on a shelf", lead,
                ["Facebook", "Twitter", "Email"], "3 responses to this review", "reader42 says:",
                "March 4, 2024 at 9:12 am", *comment)
    assert {P1, lead} <= set(kept(text))


def test_a_pager_ends_the_article_and_the_teasers_after_it_go():
    body = ["Диета рассчитана на две недели и не требует подсчёта калорий, только списка "
            "разрешённых продуктов.",
            "В первую неделю углеводы ограничены, а белка и овощей можно есть сколько угодно.",
            "Во вторую неделю понемногу возвращаются крупы и фрукты, без сахара и выпечки."]
    teasers = ["Белковая диета", "Популярная диета при активном ритме жизни, результат за неделю.",
               "Гречневая диета", "Самая популярная диета: до десяти килограммов за две недели."]
    text = page(["Главная", "Диеты", "Рецепты", "Контакты"], "Диета на две недели", body,
                "Отзывы", "Добавить отзыв", "1 2 3 4 5 6 7 8", teasers)
    assert kept(text) == ["Диета на две недели", *body]
    assert removed(text)[teasers[1]] == "after-article"


def test_a_subheading_after_the_opening_paragraphs_stays_with_the_article():
    opening = [P1, P2, "Summary", "This review covers:",
               "How the screens read in bright sun;", "How long the batteries last;",
               "Whether they open a library's loan files."]
    text = page(MENU, "Five budget e-readers compared", "By Mira Castell", *opening, P3, P4, P5,
                COMMENTS)
    assert kept(text) == ["Five budget e-readers compared", *opening, P3, P4, P5]
