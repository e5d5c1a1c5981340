"""Page heuristics on pages built like real scraped pages: the header zone's furniture goes, the
headline is found, the article's own short lines stay, and an export's row is left whole."""

from __future__ import annotations

import pytest
from seed_paths import PROJECT

from workbench.ingest.clean import clean_lines

RULES = PROJECT.context().rules
BODY = ("The two foreign ministers met in Moscow on Friday to discuss the transport corridors "
        "and the border commission, officials said after the talks.")
MORE = ("Both sides agreed to continue the consultations next month in Baku, according to the "
        "statement published by the ministry on its website.")


def removed(text: str, *, page: bool = True) -> dict[str, str]:
    return {line: rule for _, line, rule in clean_lines(text, RULES, page=page).removed}


def test_the_headline_is_the_first_line_that_reads_as_one_not_a_rubric_or_date():
    text = f"News\nThursday\nDecember 22\nMinisters to meet in Moscow on Friday\n" \
           f"Region:Azerbaijan, Russia\nTheme: Politics\n{BODY}\n{MORE}"
    cleaned = clean_lines(text, RULES)
    assert cleaned.title == "Ministers to meet in Moscow on Friday"
    assert removed(text) == {"News": "rubric", "Thursday": "dateline", "December 22": "dateline",
                             "Region:Azerbaijan, Russia": "rubric", "Theme: Politics": "rubric"}


def test_a_page_without_a_headline_line_has_no_title():
    assert clean_lines(f"{BODY}\n{MORE}", RULES).title is None


@pytest.mark.parametrize(("line", "person"), [
    ("Author: Tofigakhanim GASIMOVA", "Tofigakhanim GASIMOVA"),
    ("By Ali Gasimov", "Ali Gasimov"),
    ("Ceyhun Mahmudlu", "Ceyhun Mahmudlu"),
    ("Sputnik International", None),  # the publisher's label, not a person
    ("By REUTERS", None),  # an agency byline
])
def test_a_byline_names_a_person_never_an_organisation(line, person):
    cleaned = clean_lines(f"Ministers to meet in Moscow\n{line}\n{BODY}\n{MORE}", RULES)
    assert cleaned.bylines == ([person] if person else [])
    assert line in removed(f"Ministers to meet in Moscow\n{line}\n{BODY}\n{MORE}")


def test_a_page_store_header_is_furniture_unless_the_article_follows_on_its_line():
    with_label = clean_lines(f" date 2024-04-17 This audio is created with AI assistance\n\n{BODY}"
                             f"\n{MORE}", RULES)
    assert with_label.store_date == "2024-04-17"
    assert with_label.removed[0][2] == "store-header" and with_label.kept[0][1] == BODY
    with_text = clean_lines(f" date 2025-07 {BODY}\n\n{MORE}", RULES)
    assert with_text.store_date == "2025-07" and with_text.kept[0] == (1, BODY)
    assert with_text.removed == [] and with_text.title is None


def test_timestamps_urls_symbols_and_ui_strings_go_wherever_they_stand():
    text = (f"Ministers to meet in Moscow\n{BODY}\n2024-08-17T21:43+0000\n"
            "https://cdn.example.com/img/1044061445_0:0:2710:1524.jpg\n#\nЧитать ria.ru в\n"
            f"{MORE}\nTHE OPERATION IS BEING PERFORMED")
    assert removed(text) == {"2024-08-17T21:43+0000": "dateline",
                             "https://cdn.example.com/img/1044061445_0:0:2710:1524.jpg": "url",
                             "#": "separator", "Читать ria.ru в": "ui-fragment",
                             "THE OPERATION IS BEING PERFORMED": "footer"}


def test_a_photo_credit_takes_its_caption_with_it_but_not_a_sentence():
    caption = "Личная «химия» между президентами проявилась на встрече в Загульбе"
    text = f"Президенты ушли в Загульбу\n{BODY}\n{caption}\nФото: Дмитрий Азаров, Коммерсантъ\n{MORE}"
    assert removed(text) == {caption: "caption",
                             "Фото: Дмитрий Азаров, Коммерсантъ": "photo-credit"}
    sentence = f"{BODY}\nФото: Дмитрий Азаров\n{MORE}"
    assert removed(f"Президенты ушли в Загульбу\n{sentence}") == {"Фото: Дмитрий Азаров": "photo-credit"}


def test_the_articles_own_short_lines_stay():
    text = f"Ministers to meet in Moscow\n{BODY}\nWhat happened?\n{MORE}\nA new corridor\n{BODY} {MORE}"
    assert removed(text) == {}


def test_an_export_row_is_article_text_only_its_outlets_rules_apply():
    row = ("NEW YORK, March 3 - Shares fell.\n  Natl   Loan   Release   Call\n  Avge   Rate-X  Level\n"
           "1,234\nMarch 3\nShares fell.\nReuter")
    cleaned = clean_lines(row, RULES, outlet="Reuters", page=False)
    assert cleaned.removed == [(7, "Reuter", "signoff")]
    assert [line for _, line in cleaned.kept] == [x.strip() for x in row.split("\n")[:6]]
    assert cleaned.title is None


def test_a_list_of_other_headlines_after_the_article_goes_but_a_cut_off_paragraph_stays():
    others = ["Putin and Aliyev discuss the corridor in a phone call",
              "Baku and Moscow sign a new gas agreement for the winter",
              "Armenia freezes its participation in the Russian-led bloc"]
    text = "\n".join(["Ministers to meet in Moscow", BODY, MORE, "Most read", *others])
    assert removed(text) == {"Most read": "related-heading", **{o: "related-links" for o in others}}
    cut = "\n".join(["Ministers to meet in Moscow", BODY, MORE, "The visit", others[0]])
    assert removed(cut) == {}


@pytest.mark.parametrize("line", [
    "Read also: Putin and Aliyev discuss the Zangezur corridor in a long phone call",
    "Читайте также: Путин и Алиев обсудили ситуацию вокруг Лачинского коридора",
    "Həmçinin oxuyun: Prezident Rusiya səfirini qəbul edib",
])
def test_a_read_also_link_goes_however_long_its_headline(line):
    assert removed(f"Ministers to meet in Moscow\n{BODY}\n{line}\n{MORE}") == {line: "read-more"}


def test_a_sentence_that_starts_like_a_link_stays():
    sentence = "Подробнее о планах рассказал министр иностранных дел на пресс-конференции."
    assert removed(f"Ministers to meet in Moscow\n{BODY}\n{sentence}\n{MORE}") == {}


def test_a_standalone_dateline_without_a_year_is_furniture_but_dates_nothing():
    text = f"Ministers to meet in Moscow\nBAKU, Azerbaijan, February 7.\n{BODY}\n{MORE}"
    assert removed(text) == {"BAKU, Azerbaijan, February 7.": "dateline"}


def test_the_headline_shares_words_with_the_article_so_a_tagline_or_skip_link_is_not_it():
    text = (f"Skip to content\nA Journal of Analysis and News\nHome\nOpinion\nAnalysis\n"
            f"Ministers discuss the transport corridors in Moscow\n{BODY}\n{MORE}")
    cleaned = clean_lines(text, RULES)
    assert cleaned.title == "Ministers discuss the transport corridors in Moscow"
    assert removed(text) == {"Skip to content": "interface",
                             "A Journal of Analysis and News": "rubric",
                             "Home": "interface", "Opinion": "rubric", "Analysis": "rubric"}


def test_a_menu_may_hold_a_three_word_item_but_a_headline_under_it_stays():
    text = ("РБК\nПолитика\nЭкономика\nТехнологии и медиа\nФинансы\nТренды\n"
            "Министры встретились в Москве\n"
            "Министры иностранных дел встретились в Москве в пятницу и обсудили транспортные "
            "коридоры и работу пограничной комиссии, сообщили после переговоров.\n"
            "Стороны договорились продолжить консультации в следующем месяце в Баку.")
    cleaned = clean_lines(text, RULES)
    assert cleaned.title == "Министры встретились в Москве"
    assert set(removed(text).values()) == {"menu"} and len(removed(text)) == 6


def test_under_a_standfirst_the_credit_byline_and_dates_go_before_the_article():
    standfirst = ("The statement stops short of saying who fired at the plane that crashed in "
                  "Kazakhstan, killing 38 people.")
    text = (f"Ministers to meet in Moscow\n{standfirst}\nAl Jazeera and news agencies\n"
            f"Published On 28 Dec 2024\n28 Dec 2024\n{BODY}\n{MORE}")
    assert removed(text) == {"Al Jazeera and news agencies": "rubric",
                             "Published On 28 Dec 2024": "dateline", "28 Dec 2024": "dateline"}
    assert standfirst in [line for _, line in clean_lines(text, RULES).kept]


def test_the_lines_under_a_related_heading_go_questions_too_up_to_the_next_paragraph():
    text = (f"Ministers to meet in Moscow\n{BODY}\n{MORE}\nRecommended Stories\nlist of 2 items\n"
            "list 1 of 2\nWhat do we know about the plane crash?\nlist 2 of 2\n"
            f"Kazakhstan to lead the probe into the crash\nend of list\n{BODY}")
    assert removed(text) == {
        "Recommended Stories": "related-heading", "list of 2 items": "interface",
        "list 1 of 2": "interface", "What do we know about the plane crash?": "related-links",
        "list 2 of 2": "interface", "Kazakhstan to lead the probe into the crash": "related-links",
        "end of list": "interface"}


def test_an_enumeration_after_a_colon_or_in_commas_is_the_article():
    items = ["- respect each other's independence and territorial integrity,",
             "- refrain from actions against each other's interests,",
             "- develop military cooperation."]
    text = "\n".join(["Ministers to meet in Moscow", BODY, "Under the declaration the parties will:",
                      *items, MORE])
    assert removed(text) == {}


def test_a_page_cut_off_mid_line_keeps_its_last_short_line():
    text = f"Ministers to meet in Moscow\n{BODY}\n{MORE}\nWhat came before\n\nThe crisis began wh"
    assert removed(text) == {}
    assert removed(text + "\n") == {"What came before": "footer", "The crisis began wh": "footer"}


@pytest.mark.parametrize(("line", "rule"), [
    ("Skip to Content", "interface"), ("Takip Et", "interface"), ("Canlı Yayın", "interface"),
    ("Оформить подписку", "interface"), ("Şərh yaz", "interface"), ("A+ A-", "interface"),
    ("Support independent journalism in the Caucasus — become a member today.", "appeal"),
    ("This website uses cookies to ensure you get the best experience.", "cookie-notice"),
    ("Saytımız kukilərdən istifadə edir. Davam etməklə siz buna razılıq verirsiniz.",
     "cookie-notice"),
    ("Bütün hüquqlar qorunur. Saytın materiallarından istifadə etdikdə istinad vacibdir.",
     "copyright"),
    ("Использование материалов сайта допускается только с письменного разрешения.", "copyright"),
    ("yekaterinburg-funeral-safarov-2025.jpg", "image"),
    ("A convoy of Russian peacekeepers near Lachin. Photo: Russian Defence Ministry", "caption"),
    ("Rescuers at the crash site near Aktau [Handout/Kazakhstan Emergency Ministry via Reuters]",
     "caption"),
    ("Police officers outside the office in Baku (Reuters Photo)", "caption"),
    ("Source: Al Jazeera and news agencies", "source-line"),
    ("Source: This article was published by the Caspian Policy Center.", "source-line"),
    ("*About the author: Kamal Huseynli is a non-resident fellow.", "author-bio"),
    ("USD ЦБ 78,34", "ticker"), ("AZN = 55.48 RUB", "ticker"), ("👁 11 327", "counter"),
    ("Share on Facebook", "share-buttons"),
    ("Follow Caliber.Az on X and Telegram for the latest news.", "social-promo"),
    ("Читайте РБК в Telegram — первыми узнавайте о главных новостях", "social-promo"),
    ("Oxu.az-ı Telegram-da izləyin", "social-promo"),
    ("Həmçinin oxuyun", "related-heading"), ("Последние новости", "related-heading"),
])
def test_interface_vocabularies_in_four_languages_go_wherever_they_stand(line, rule):
    assert removed(f"Ministers to meet in Moscow\n{BODY}\n{line}\n{MORE}") == {line: rule}


@pytest.mark.parametrize("line", [
    "The photo of the two leaders was published by the Kremlin on Friday evening.",
    "Source: officials say the talks will go on.",  # a sentence, yet it starts like a label
])
def test_sentences_that_share_words_with_interface_strings_stay(line):
    assert line not in removed(f"Ministers to meet in Moscow\n{BODY}\n{line}\n{MORE}")


def test_a_follow_button_is_not_an_author():
    text = f"Ministers to meet in Moscow\n22.02.2022 19:42\nTakip Et\n{BODY}\n{MORE}"
    assert clean_lines(text, RULES).bylines == []


def test_a_list_of_commands_before_the_first_paragraph_is_the_articles_not_rubrics():
    commands = ["player.setav health *", "player.setav magicka *", "player.setav stamina *"]
    text = "\n".join(["Ministers to meet in Moscow", "How to raise the running speed", *commands,
                      BODY, MORE])
    assert removed(text) == {}
    # the same short lines, capitalised and not a list, are labels
    assert removed(text.replace("player.setav ", "").replace(" *", "").title()) != {}


def test_share_buttons_sharing_their_first_word_are_no_list_of_the_article():
    shares = ["Share this on Facebook", "Share this on Twitter", "Share this by email"]
    text = "\n".join(["Ministers to meet in Moscow", *shares, BODY, MORE])
    assert set(removed(text)) == set(shares)


def test_the_heading_of_a_table_in_the_header_zone_stays():
    rows = ["Pos\tPlayer\tPlays", "DL\tLarry Ogunjobi\t63", "DL\tMyles Garrett\t57"]
    text = "\n".join(["Ministers to meet in Moscow", BODY, "Defensive Line", *rows, MORE, BODY])
    assert "Defensive Line" not in removed(text)
    assert removed(text.replace("Defensive Line\n", "Defensive Line\nSee more\n")) \
        .get("Defensive Line") in ("byline", "rubric")


def test_a_datelines_place_on_a_line_of_its_own_stays_an_interface_word_goes():
    text = "\n".join(["Ministers to meet in Moscow", "Published 11:26 pm EST, November 19, 2019",
                      "Pittsburgh", BODY, MORE])
    assert removed(text) == {"Published 11:26 pm EST, November 19, 2019": "dateline"}
    # a word the page also writes in lower case is no place name
    shares = text.replace("Pittsburgh", "Officials") + "\nThe officials left."
    assert removed(shares).get("Officials") == "rubric"
