"""Actor discovery: each pattern on text written for it, the rules that keep it precise, and one
actor per name across documents and spellings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from seed_paths import PROJECT
from test_actors import tiny_corpus

from workbench.actors import discovered_actors, find_mentions
from workbench.actors.discovery import fold

ACTORS = PROJECT.actors()
WORDS = PROJECT.discovery()


def discovered(*texts, words=WORDS):
    """(surface, actor, type, evidence) of every discovered mention in the texts."""
    m = find_mentions(tiny_corpus(*texts), ACTORS, discovery=words)
    m = m[m["discovered"]]
    return set(zip(m["surface"], m["actor"], m["type"], m["evidence"], strict=True))


@pytest.mark.parametrize(("text", "surface", "actor", "evidence"), [
    ("The meeting was announced by Russian Deputy Foreign Minister Andrey Rudenko on Friday.",
     "Andrey Rudenko", "Andrey Rudenko", "titled"),
    ("A similar thought was repeated by the deputy of the Milli Majlis Azay Guliyev, who spoke.",
     "Azay Guliyev", "Azay Guliyev", "titled"),
    ("Moscow summoned the ambassador, Rahman Mustafayev, to protest.",
     "Rahman Mustafayev", "Rahman Mustafayev", "titled"),
    ("Igor Petrenko, General Director of the journal, disagreed.",
     "Igor Petrenko", "Igor Petrenko", "apposition"),
    ("Talks with Farid Shafiyev went on.", "Farid Shafiyev", "Farid Shafiyev", "name test"),
    ("Переговоры с президентом Таджикистана Эмомали Рахмоном прошли в Душанбе.",
     "Эмомали Рахмоном", "Эмомали Рахмон", "titled"),
    ("Вчера Сергей Кузнецов приехал в Баку.", "Сергей Кузнецов", "Сергей Кузнецов", "name test"),
])
def test_persons_are_discovered_by_title_apposition_and_name_test(text, surface, actor, evidence):
    assert (surface, actor, "person", evidence) in discovered(text)


def test_first_names_joined_by_and_share_the_surname():
    found = discovered("Two of the detainees, brothers Huseyn and Ziyaddin Safarov, died.")
    assert ("Huseyn", "Huseyn Safarov", "person", "name test") in found
    assert ("Ziyaddin Safarov", "Ziyaddin Safarov", "person", "name test") in found


def test_russian_first_names_joined_by_and_share_the_plural_surname():
    found = discovered("Братья Зияддин и Гусейн Сафаровы погибли. Гусейна Сафарова похоронили.")
    assert {(f[0], f[1]) for f in found} == {("Зияддин", "Зияддин Сафаров"),
                                             ("Гусейн Сафаровы", "Гусейн Сафаров"),
                                             ("Гусейна Сафарова", "Гусейн Сафаров")}


def test_a_surname_alone_goes_to_the_discovered_person_named_before():
    text = "Deputy Minister Azay Guliyev spoke first. Later Guliyev added more. Гулиев."
    found = discovered(text, "Глава комитета Азай Гулиев выступил. Гулиева поддержали.")
    assert ("Guliyev", "Azay Guliyev", "person", "surname") in found
    assert ("Гулиева", "Азай Гулиев", "person", "surname") in found


def test_kinds_places_and_listed_names_are_no_discovered_organisations():
    found = discovered("An Islamist group attacked. Israeli West Bank settlements grew. A "
                       "Singapore company and the Ministry spoke. Rosebery lost. This House "
                       "agreed. The Russian-Azerbaijani border is long. The Russian-led "
                       "alliance grew.")
    assert not found


def test_capitalised_words_that_are_no_names_are_left_alone():
    found = discovered("In Soviet Union times the Lachin Corridor was open. Later Monday came. "
                       "The Supreme Commander-in-Chief, President of the country, spoke.")
    assert not {f for f in found if f[2] == "person"}


@pytest.mark.parametrize(("text", "surface", "actor", "evidence"), [
    ("The decision of the Azerbaijani Defense Ministry was clear.", "Azerbaijani Defense Ministry",
     "Azerbaijani Defense Ministry", "organisation"),
    ("It said so in a note from the Culture Ministry of Azerbaijan yesterday.",
     "Culture Ministry of Azerbaijan", "Azerbaijani Culture Ministry", "organisation"),
    ("Later the Armenian Foreign Ministry said that it would wait.", "Armenian Foreign Ministry",
     "Armenian Foreign Ministry", "organisation"),
    ("Experts of the Caspian Centre for Energy Studies agree.",
     "Caspian Centre for Energy Studies", "Caspian Centre for Energy Studies", "organisation"),
    ("Officers from Russia’s Federal Security Service (FSB) detained them.",
     "Federal Security Service", "Federal Security Service", "organisation"),
    ("Officers from Russia’s Federal Security Service (FSB) detained them.",
     "FSB", "Federal Security Service", "acronym"),
    ("The INSTC (International North–South Transport Corridor) grows.",
     "International North–South Transport Corridor", "International North–South Transport Corridor",
     "acronym"),
    ("Arrests were made by FSB special forces, yet the Federal Security Service does not do this.",
     "FSB", "Federal Security Service", "acronym"),
    ("It closed the representative office of “Rossotrudnichestvo” in Azerbaijan.",
     "Rossotrudnichestvo", "Rossotrudnichestvo", "quoted"),
    ('Baku closed "Caspian Dialogue" in March; "Caspian Dialogue" had no registration.',
     "Caspian Dialogue", "Caspian Dialogue", "quoted"),
    ("Police raided the office of Russia's state-owned Sputnik news agency in Baku.",
     "Sputnik", "Sputnik", "named"),
    ("Самолет авиакомпании «Азербайджанские авиалинии» (AZAL) разбился.",
     "AZAL", "Азербайджанские авиалинии", "quoted"),
    ("Следственного комитета России заявление было кратким.", "Следственного комитета России",
     "Следственный комитет России", "organisation"),
    ("Федеральная служба безопасности (ФСБ) сообщила об этом.", "ФСБ",
     "Федеральная служба безопасности", "acronym"),
    ("Ранее Росавиация сообщала об этом.", "Росавиация", "Росавиация", "organisation"),
    ("По данным РЖД, объем вырос.", "РЖД", "РЖД", "organisation"),
    ("Об этом сообщает РИА Новости.", "РИА Новости", "РИА Новости", "organisation"),
    ("Liberal Party of Canada and Chen Shui-bian's Democratic Progressive Party", "Democratic "
     "Progressive Party", "Democratic Progressive Party", "organisation"),
    ("Japanese Susumu Taketomi of Industrial Bank of Japan said so.", "Industrial Bank of Japan",
     "Industrial Bank of Japan", "organisation"),
    ("The 19th meeting of Russian-Azerbaijani intergovernmental commission will be held.",
     "Russian-Azerbaijani intergovernmental commission",
     "Russian-Azerbaijani intergovernmental commission", "organisation"),
    ("В Агдаме действует совместный российско-турецкий мониторинговый центр, он следит.",
     "совместный российско-турецкий мониторинговый центр",
     "совместный российско-турецкий мониторинговый центр", "organisation"),
    ("Работу российско-турецкого центра завершили.", "российско-турецкого центра",
     "российско-турецкий центр", "organisation"),
    ("Azerbaijan shut down the Russian House in Baku.", "Russian House", "Russian House",
     "organisation"),
    ("It joined the Russian Information and Cultural Center in Baku.",
     "Russian Information and Cultural Center", "Russian Information and Cultural Center",
     "organisation"),
])
def test_organisations_are_discovered_by_head_noun_acronym_quotes_and_kind(text, surface, actor,
                                                                          evidence):
    assert (surface, actor, "organisation", evidence) in discovered(text)


@pytest.mark.parametrize(("text", "surface", "actor"), [
    ('Russian "peacekeepers" did nothing to prevent it.', 'Russian "peacekeepers"',
     "Russian peacekeepers"),
    ("Russian border guards left the airport.", "Russian border guards", "Russian border guards"),
    ("Russian security forces detained fifty people.", "Russian security forces",
     "Russian security forces"),
    ("Среди погибших нет российских пограничников.", "российских пограничников",
     "российские пограничники"),
])
def test_collective_actors_are_a_state_adjective_with_a_group_noun(text, surface, actor):
    assert (surface, actor, "group", "collective") in {f for f in discovered(text) if f[2] ==
                                                         "group"} | {
        (f[0], f[1], f[2], f[3]) for f in discovered(text)}


def test_a_collective_the_dictionary_lists_is_that_listed_actor():
    m = find_mentions(tiny_corpus('Russian "peacekeepers" left.'), ACTORS, discovery=WORDS)
    row = m[m["discovered"]].iloc[0]
    assert row["actor"] == "Russian peacekeepers" and row["type"] == "group"
    assert "Russia" not in set(m["actor"])  # the adjective inside goes with the longer mention


def test_one_actor_across_documents_spellings_and_the_dictionary():
    found = find_mentions(tiny_corpus("Deputy Minister Alexei Overchuk arrived.",
                                      "Deputy Minister Aleksei Overchuk left.",
                                      "Foreign Minister Sergei Lavrov spoke."),
                          ACTORS, discovery=WORDS)
    people = found[found["type"] == "person"].groupby("doc_id")["actor"].first()
    assert people["d0"] == people["d1"]  # Alexei / Aleksei folded
    assert people["d2"] == "Sergey Lavrov"  # a listed actor's other spelling is that actor
    assert fold("Sergei Aliev") == fold("Sergey Aliyev")


def test_rejected_names_are_never_discovered():
    text = "Talks with Farid Shafiyev went on."
    assert discovered(text)
    assert not discovered(text, words={**WORDS, "rejected": ("Farid Shafiyev",)})


def test_a_discovered_span_never_cuts_a_listed_name():
    m = find_mentions(tiny_corpus("President of the Caspian Institute for Strategic Studies "
                                  "Igor Korotchenko spoke."), ACTORS, discovery=WORDS)
    assert {"Caspian Institute for Strategic Studies", "Igor Korotchenko"} <= set(m["actor"])
    assert not m["discovered"].any()


def test_discovered_actors_are_counted_with_their_forms_and_patterns():
    m = find_mentions(tiny_corpus("Deputy Minister Azay Guliyev spoke. Guliyev left.",
                                  "Azay Guliyev, deputy of the parliament, agreed."),
                      ACTORS, discovery=WORDS)
    row = discovered_actors(m).set_index("actor").loc["Azay Guliyev"]
    assert (row["mentions"], row["documents"]) == (3, 2)
    assert row["surfaces"] == "Azay Guliyev | Guliyev"
    assert set(row["evidence"].split(", ")) == {"titled", "surname", "apposition"}


def test_the_documents_own_author_is_not_one_of_its_actors():
    corpus = tiny_corpus("Anush Karapetyan\nTalks with Farid Shafiyev went on.\n"
                         "Anush Karapetyan is a correspondent.")
    corpus.documents["author"] = ["Anush Karapetyan"]
    m = find_mentions(corpus, ACTORS, discovery=WORDS)
    assert set(m.loc[m["discovered"], "actor"]) == {"Farid Shafiyev"}


@pytest.mark.parametrize(("text", "surface", "actor", "kind"), [
    ("Rusiya XİN-in sözçüsü Mariya Zaxarova danışıb.", "Mariya Zaxarova", "Mariya Zaxarova",
     "person"),
    ("Kremlin Sözcüsü Dmitriy Peskov görüştü.", "Dmitriy Peskov", "Dmitry Peskov", "person"),
    ("Rusya Federal Güvenlik Servisi açıklama yaptı.", "Federal Güvenlik Servisi",
     "Federal Güvenlik Servisi", "organisation"),
    ("Azərbaycan Dövlət Təhlükəsizlik Xidməti məlumat yayıb.", "Dövlət Təhlükəsizlik Xidməti",
     "Dövlət Təhlükəsizlik Xidməti", "organisation"),
])
def test_the_same_patterns_hold_in_azerbaijani_and_turkish(text, surface, actor, kind):
    assert any(f[:3] == (surface, actor, kind) for f in discovered(text))


@pytest.mark.parametrize(("text", "surface", "actor", "kind"), [
    ("It was led by Armenian Deputy Prime Minister Mher Grigoryan and Azerbaijani Deputy Prime "
     "Minister Shahin Mustafayev.", "Mher Grigoryan", "Mher Grigoryan", "person"),
    ("In Baku, Kamran Aghayev of the Center of Analysis of International Relations said so.",
     "Kamran Aghayev", "Kamran Aghayev", "person"),
    ("In Baku, Kamran Aghayev of the Center of Analysis of International Relations said so.",
     "Center of Analysis of International Relations",
     "Center of Analysis of International Relations", "organisation"),
    ("Gazprom Chief Executive Alexei Miller signed it.", "Alexei Miller", "Alexei Miller",
     "person"),
    ("said Jonathan Ellery, an analyst at consultancy Energy Aspects.", "Energy Aspects",
     "Energy Aspects", "organisation"),
    ("Nino Tsiklauri of the Georgian Foundation for Strategic and International Studies (GFSIS) "
     "spoke.", "Georgian Foundation for Strategic and International Studies",
     "Georgian Foundation for Strategic and International Studies", "organisation"),
    ("Министр дорог и градостроительства Ирана Мехрдад Базрпаш пообещал.", "Мехрдад Базрпаш",
     "Мехрдад Базрпаш", "person"),
    ("Депутат Милли Меджлиса Расим Гасымлы призвал к этому.", "Расим Гасымлы", "Расим Гасымлы",
     "person"),
    ("Советник верховного лидера Ирана Али Акбар Велаяти пригрозил.", "Али Акбар Велаяти",
     "Али Акбар Велаяти", "person"),
    ("В Минэнерго России заявили об этом.", "Минэнерго России", "Минэнерго России",
     "organisation"),
    ("Переговоры с Национальной иранской газовой компанией (NIGC) продолжаются.",
     "Национальной иранской газовой компанией", "Национальная иранская газовая компания",
     "organisation"),
    ("Эксперт Российского совета по международным делам (РСМД) отметил.",
     "Российского совета по международным делам", "Российский совет по международным делам",
     "organisation"),
    ("Охрана возлагалась на Пограничную службу ФСБ России.", "Пограничную службу ФСБ России",
     "Пограничная служба ФСБ России", "organisation"),
])
def test_more_ways_texts_introduce_people_and_bodies(text, surface, actor, kind):
    assert any(f[:3] == (surface, actor, kind) for f in discovered(text))


def test_credited_authors_and_photographers_are_no_actors():
    found = discovered("By Aynur Karimova and Pavel Lebedev\nFuad Muradli Feb 14, 2025\n"
                       "The building. (photo: Fuad Muradli)\nTalks with Farid Shafiyev went on.")
    assert {f[1] for f in found} == {"Farid Shafiyev"}


def test_a_run_before_a_listed_name_is_part_of_it():
    found = discovered("Встреча с Реджепом Тайипом Эрдоганом прошла в Стамбуле.")
    assert not found


@pytest.mark.parametrize(("text", "surface", "actor"), [
    ("Flights by S7 Airlines and Ural Airlines stopped.", "S7 Airlines", "S7 Airlines"),
    ("Flights by S7 Airlines and Ural Airlines stopped.", "Ural Airlines", "Ural Airlines"),
    ("Officers of the Main Directorate of the General Staff came.",
     "Main Directorate of the General Staff", "Main Directorate of the General Staff"),
    ("The local NGO Democracy Development Union urged it.", "Democracy Development Union",
     "Democracy Development Union"),
    ("Председатель Государственного комитета по работе с религиозными образованиями Рамин "
     "Мамедов заявил.", "Государственного комитета по работе с религиозными образованиями",
     "Государственный комитет по работе с религиозными образованиями"),
    ("Духовное управление мусульман Российской Федерации муфтия поддержало.",
     "Духовное управление мусульман Российской Федерации",
     "Духовное управление мусульман Российской Федерации"),
    ("Директор Института радиационных проблем Национальной академии наук сказал.",
     "Института радиационных проблем", "Институт радиационных проблем"),
    ("Рейд провели бойцы ОМОН Росгвардии.", "Росгвардии", "Росгвардия"),
])
def test_bodies_end_where_the_next_one_begins(text, surface, actor):
    assert any(f[:3] == (surface, actor, "organisation") for f in discovered(text))


def test_generic_russian_abbreviations_are_no_bodies():
    assert not discovered("Строительство АЭС и работа ООО, по данным СМИ, идут.")


@pytest.mark.parametrize(("text", "surface"), [
    ("Rosoboronexport, Russia's state arms exporter, denied it.", "Rosoboronexport"),
    ("The drones were made by Turkish manufacturer Baykar.", "Baykar"),
    ("Russia's state arms exporter, Rosoboronexport, said so.", "Rosoboronexport"),
])
def test_a_one_word_body_beside_the_word_for_its_kind(text, surface):
    assert any(f[:3] == (surface, surface, "organisation") for f in discovered(text))


def test_an_introductory_po_phrase_is_no_part_of_a_body():
    found = discovered("Следственный комитет по информации источника возбудил дело.")
    assert ("Следственный комитет", "Следственный комитет", "organisation", "organisation") \
        in found


@pytest.mark.parametrize(("text", "surface", "actor", "kind"), [
    ("Rosneft was added, in what the treasury secretary, Scott Bessent, called a response.",
     "Scott Bessent", "Scott Bessent", "person"),
    ("said Nadia Kerimova, a senior analyst at Rystad Energy.", "Rystad Energy", "Rystad Energy",
     "organisation"),
    ("Minister of Digital Development and Transport Rashad Nabiyev met him.", "Rashad Nabiyev",
     "Rashad Nabiyev", "person"),
    ("Brazilian President Luiz Inácio Lula da Silva attended.", "Luiz Inácio Lula da Silva",
     "Luiz Inácio Lula da Silva", "person"),
    ("Официальный представитель ведомства Ирина Волк сообщила.", "Ирина Волк", "Ирина Волк",
     "person"),
    ("После вывода российского миротворческого контингента из Карабаха.",
     "российского миротворческого контингента", "Russian peacekeepers", "group"),
    ("Корпорация МСП и Российский экспортный центр договорились.", "Российский экспортный центр",
     "Российский экспортный центр", "organisation"),
    ("Политолог Игорь Ржевский из Института стран СНГ напомнил.", "Института стран СНГ",
     "Институт стран СНГ", "organisation"),
    ("Сотрудники Пограничного управления ФСБ России по Республике Дагестан задержали судно.",
     "Пограничного управления ФСБ России по Республике Дагестан",
     "Пограничное управление ФСБ России по Республике Дагестан", "organisation"),
])
def test_roles_commas_particles_and_russian_complements(text, surface, actor, kind):
    assert any(f[:3] == (surface, actor, kind) for f in discovered(text))


def test_a_listed_surname_inside_a_discovered_full_name_goes_with_it():
    m = find_mentions(tiny_corpus("President Ilham Aliyev spoke. Economist Elchin Aliyev, head "
                                  "of a research center, disagreed."), ACTORS, discovery=WORDS)
    second = m[m["start"] > 30]
    assert second.iloc[0]["actor"] == "Elchin Aliyev"
    assert "Ilham Aliyev" not in set(second["actor"])


def test_blocks_of_documents_in_worker_processes_find_what_one_pass_finds(seed_corpus,
                                                                          monkeypatch):
    """A large corpus is read in blocks by the workers: the words seen in lower case are pooled
    over every block first, so the blocks find the same actors as one pass over the corpus."""
    from workbench.actors.discovery import corpus as discovery

    actors, words = PROJECT.actors(), PROJECT.discovery()
    whole = find_mentions(seed_corpus, actors, discovery=words)
    monkeypatch.setattr(discovery, "BLOCK", 1)
    monkeypatch.setenv("WORKBENCH_WORKERS", "2")
    blocks = find_mentions(replace(seed_corpus, store=None), actors, discovery=words)  # found again
    assert whole["discovered"].sum() >= 4
    assert blocks.equals(whole)
