"""Actor dictionary and mention detection, checked against a hand annotation of the seeds."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest
from seed_paths import PROJECT

from workbench import Project
from workbench.actors import discovered_actors, discovered_passages, find_mentions
from workbench.project import InputError

ACTORS = PROJECT.actors()

# Who a careful reader finds named (not as adjective or metonym) in each seed article; the
# collectives and the European Commission (in "President of the European Commission Ursula von
# der Leyen") were added when discovery found them, each checked in the text.
ANNOTATION = {
    "000": {"Azerbaijan", "Russia", "Soviet Union", "South Caucasus", "Karabakh", "Armenia",
            "Armenian separatists", "Armenian Armed Forces", "Azerbaijani Armed Forces",
            "Ilham Aliyev", "Aghdam", "Kalbajar", "Lachin", "Russian peacekeepers", "Caucasus",
            "The West", "Ukraine", "Georgia", "OSCE Minsk Group", "PACE", "European Parliament"},
    "001": {"Baku", "Azerbaijan", "Caspian Institute for Strategic Studies", "Igor Korotchenko",
            "Trend News Agency", "Russia", "Ilham Aliyev", "Vladimir Putin", "Karabakh",
            "South Caucasus", "Armenia", "Russian peacekeepers", "United States", "France",
            "European Union", "Brussels", "Nikol Pashinyan", "Ursula von der Leyen",
            "Antony Blinken", "NATO", "The West", "Turkey", "Iran", "CSTO", "Zangezur corridor",
            "Zvartnots Airport", "Moscow", "Kremlin", "Heydar Aliyev", "Soviet Union",
            "Council of Ministers of the USSR", "Armenian Armed Forces", "European Commission",
            "Russian border guards"},
    "002": {"Azerbaijan", "Russia", "Moscow", "Sergey Lavrov", "Armenia", "Atlas Research Center",
            "Jeyhun Bayramov", "Russian Foreign Ministry", "South Caucasus", "Caspian Sea",
            "Karabakh", "Armenian separatists", "Russian peacekeepers", "Russian Defence Ministry",
            "Iran", "Ukraine", "Lachin corridor", "Alma-Ata", "Ilham Aliyev", "Nikol Pashinyan",
            "Emmanuel Macron", "Charles Michel", "Brussels", "United Nations",
            "Russian servicemen", "Russian soldiers"},
    "003": {"Russia", "Azerbaijan", "Ilham Aliyev", "Moscow", "Armenia", "CSTO",
            "Eurasian Economic Union", "Karabakh", "Vladimir Putin", "South Caucasus",
            "OSCE Minsk Group", "Turkey", "Donetsk People's Republic", "Luhansk People's Republic",
            "Kyiv", "Ukraine", "Volodymyr Zelensky", "NATO", "Jens Stoltenberg", "Emil Mustafayev",
            "Kahramanmaraş Sütçü İmam University", "Toğrul Ismayil", "Recep Tayyip Erdogan",
            "European Union", "The West", "Middle East", "Boris Johnson", "United Kingdom",
            "Brazil"},
    "004": {"Azerbaijan", "Russia", "Karabakh", "Nagorno-Karabakh Republic", "Armenia",
            "South Caucasus", "CSTO", "Russian peacekeepers"},
}


@pytest.fixture(scope="module")
def mentions(seed_corpus):
    return find_mentions(seed_corpus, ACTORS)


def named(mentions, prefix):
    doc = mentions[mentions["doc_id"].str.startswith(prefix) & (mentions["kind"] == "name")]
    return set(doc["actor"])


def tiny_corpus(*texts, dates=None):
    """Documents and one-sentence-per-line sentences, enough for `find_mentions`."""
    dates = dates or ["2022-12-01"] * len(texts)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
                         "date": pd.to_datetime(dates)})
    sents = [(f"d{i}", j, t.find(line), t.find(line) + len(line))
             for i, t in enumerate(texts) for j, line in enumerate(t.split("\n"))]
    return SimpleNamespace(documents=docs, sentences=pd.DataFrame(
        sents, columns=["doc_id", "sent_id", "start", "end"]))


def test_with_discovery_the_seeds_annotation_is_still_met(seed_corpus):
    found = find_mentions(seed_corpus, ACTORS, discovery=PROJECT.discovery())
    found = {(doc, a) for doc in ANNOTATION for a in named(found, doc)}
    truth = {(doc, a) for doc, actors in ANNOTATION.items() for a in actors}
    hits = len(found & truth)
    assert hits / len(found) >= 0.97, sorted(found - truth)
    assert hits / len(truth) >= 0.98, sorted(truth - found)


def test_hand_annotated_actors_are_found_with_precision_and_recall_of_at_least_0_9(mentions):
    found = {(doc, a) for doc in ANNOTATION for a in named(mentions, doc)}
    truth = {(doc, a) for doc, actors in ANNOTATION.items() for a in actors}
    hits = len(found & truth)
    assert hits / len(found) >= 0.9, sorted(found - truth)
    assert hits / len(truth) >= 0.9, sorted(truth - found)


@pytest.mark.parametrize(("doc", "actor"), [
    ("001", "Igor Korotchenko"), ("001", "Nikol Pashinyan"), ("001", "Ursula von der Leyen"),
    ("001", "Antony Blinken"), ("002", "Jeyhun Bayramov"), ("002", "Sergey Lavrov")])
def test_named_people_in_the_trend_and_jamnews_articles_are_found(mentions, doc, actor):
    assert actor in named(mentions, doc)


def test_heydar_and_ilham_aliyev_are_kept_apart(mentions):
    trend = mentions[mentions["doc_id"].str.startswith("001") & (mentions["kind"] == "name")]
    by_surface = trend.groupby("surface")["actor"].unique().map(set)
    assert by_surface["Heydar Aliyev"] == {"Heydar Aliyev"}
    assert by_surface["Ilham Aliyev"] == {"Ilham Aliyev"}


def test_every_mention_slices_back_to_its_surface(seed_corpus, mentions):
    texts = seed_corpus.documents.set_index("doc_id")["text"]
    assert all(texts[m.doc_id][m.start:m.end] == m.surface for m in mentions.itertuples())
    assert mentions["sent_id"].notna().all()


def test_surname_goes_to_the_person_last_named_in_full():
    corpus = tiny_corpus("Heydar Aliyev built it.\nIlham Aliyev met Putin.\nAliyev said so.",
                         "Aliyev spoke.")
    m = find_mentions(corpus, ACTORS)
    last = m[(m["doc_id"] == "d0") & (m["surface"] == "Aliyev")].iloc[0]
    assert (last["actor"], last["ambiguous"]) == ("Ilham Aliyev", False)
    alone = m[m["doc_id"] == "d1"].iloc[0]
    assert alone["ambiguous"] and alone["actor"] == "Ilham Aliyev"


def test_longest_match_wins_and_cyrillic_case_endings_and_possessives_are_found():
    m = find_mentions(tiny_corpus("Встреча Путина и Алиева в России. Russia’s role; Russia's."), ACTORS)
    assert list(m["actor"]) == ["Vladimir Putin", "Ilham Aliyev", "Russia", "Russia", "Russia"]
    assert list(m["surface"][-2:]) == ["Russia", "Russia"]


def test_matching_is_case_sensitive_where_it_avoids_false_hits():
    m = find_mentions(tiny_corpus("Tell us the trend. The US told Trend."), ACTORS)
    assert list(m["actor"]) == ["United States", "Trend News Agency"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A meeting was held in Moscow.", ("Moscow", "name")),
    ("Talks in the Kremlin went on.", ("Kremlin", "name")),
    ("BAKU, Azerbaijan, April 23.", ("Baku", "name")),
    ("Moscow and Baku agree.", ("Russia", "metonym")),
    ("According to Moscow, it is over.", ("Russia", "metonym")),
    ("There is a vector in Moscow's policy.", ("Russia", "metonym")),
])
def test_capital_after_a_place_preposition_is_a_place_not_the_state(text, expected):
    first = find_mentions(tiny_corpus(text), ACTORS).iloc[0]
    assert (first["actor"], first["kind"]) == expected


@pytest.mark.parametrize(("text", "actor", "state"), [
    ("OAKLAND, Calif., April 13 - Net rose.", "California", "United States"),
    ("LANCASTER, PA., March 23 - It won a contract.", "Pennsylvania", "United States"),
    ("CALGARY, Alberta, March 25 - Shr 32 cts.", "Calgary", "Canada"),
    ("Shares fell in Frankfurt and Sao Paulo.", "Frankfurt", "Germany"),
])
def test_cities_us_states_and_provinces_are_places_of_their_country(text, actor, state):
    first = find_mentions(tiny_corpus(text), ACTORS).iloc[0]
    assert (first["actor"], first["type"]) == (actor, "place")
    actors = ACTORS
    assert set(actors.loc[actors["actor"] == actor, "affiliation"]) == {state}


def test_a_place_name_inside_a_longer_name_is_not_the_place():
    m = find_mentions(tiny_corpus("Manufacturers Hanover and Credit Suisse First Boston lead it; "
                                  "the Paris Club met in Hanover."), ACTORS)
    assert list(m["actor"]) == ["Manufacturers Hanover", "Credit Suisse First Boston", "Paris Club",
                                "Hanover"]


def test_adjectives_and_metonyms_can_be_switched_off():
    corpus = tiny_corpus("Russian troops left; the Kremlin and Yerevan disagree.")
    assert {"adjective", "metonym"} <= set(find_mentions(corpus, ACTORS)["kind"])
    off = find_mentions(corpus, ACTORS, adjectives=False, metonyms=False)
    assert set(off["kind"]) == {"name"}
    assert list(off["actor"]) == ["Kremlin", "Yerevan"]


def test_title_counts_only_in_its_years_and_not_beside_the_name():
    corpus = tiny_corpus("The Russian president spoke.", "The Russian president spoke.",
                         "Russian President Vladimir Putin spoke.",
                         dates=["2010-05-01", "2022-05-01", "2022-05-01"])
    m = find_mentions(corpus, ACTORS)
    assert list(m["actor"]) == ["Dmitry Medvedev", "Vladimir Putin", "Vladimir Putin"]
    assert list(m["kind"]) == ["title", "title", "name"]


def test_an_alias_with_years_names_the_actor_of_the_documents_year():
    corpus = tiny_corpus("Atlanta, Georgia, grew.", "Russia and Georgia met.",
                         "Georgia voted.", dates=["1987-03-02", "2008-08-08", None])
    m = find_mentions(corpus, ACTORS).set_index("doc_id")
    assert m.loc["d0"].actor.tolist() == ["Atlanta", "Georgia (US state)"]
    assert m.loc["d1"].actor.tolist() == ["Russia", "Georgia"]
    assert m.loc[["d2"]].actor.tolist() == ["Georgia"]  # undated: the current reading


@pytest.mark.parametrize(("row", "message"), [
    ("Ruritania,state,,Russia,name,,,", "alias 'Russia' points to more than one actor"),
    ("Ruritania,state,,Russia,name,,1995,", "alias 'Russia' points to more than one actor"),
    (",state,,Nowhere,name,,,", "actor is empty; give the actor's canonical name"),
    ("Ruritania,kingdom,,Ruritania,name,,,", "type 'kingdom' is unknown; write one of person,"),
    ("Ruritania,state,,Ruritania,nickname,,,", "kind 'nickname' is unknown; write one of name,"),
    ("Ruritania,state,,Ruritania,name,1990s,,", "since '1990s' is not a year; write a year"),
])
def test_broken_dictionary_rows_are_reported_with_their_line_and_fix(tmp_path, row, message):
    path = tmp_path / "data" / "actors.csv"
    path.parent.mkdir()
    good = "# comment\nactor,type,affiliation,alias,kind,since,until,note\n" \
           "Russia,state,,Russia,name,,,\n"
    path.write_text(good + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        Project.find(tmp_path).actors()
    assert f"{path} line 4: " in str(err.value) and message in str(err.value)


def test_shipped_dictionary_is_valid_and_broad():
    actors = ACTORS
    states = actors.loc[actors["type"] == "state", "actor"].nunique()
    assert states >= 193
    for org in ("United Nations", "European Union", "NATO", "OSCE", "CSTO", "IMF", "OPEC",
                "BRICS", "Organization of Turkic States", "Council of Europe"):
        assert org in set(actors["actor"]) | set(actors["alias"]), org


def test_a_person_missing_from_the_dictionary_is_discovered_and_listed_once_added(seed_corpus):
    without = ACTORS[ACTORS["actor"] != "Emil Mustafayev"]
    found = find_mentions(seed_corpus, without, discovery=PROJECT.discovery())
    row = discovered_actors(found).set_index("actor").loc["Emil Mustafayev"]
    assert row["type"] == "person" and row["evidence"].startswith("titled")
    assert any("Baku expert" in s for s in
               discovered_passages(seed_corpus, found, "Emil Mustafayev")["sentence"])
    again = find_mentions(seed_corpus, ACTORS, discovery=PROJECT.discovery())
    assert "Emil Mustafayev" not in set(discovered_actors(again)["actor"])
    assert not again.loc[again["actor"] == "Emil Mustafayev", "discovered"].any()
