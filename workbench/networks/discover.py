"""Actors the dictionary lacks, discovered from how texts introduce people and bodies.

Patterns (docs/methods/networks.md, "Discovered actors"); the words they rely on are data
(`data/title_words.csv`, `data/discovery_words.csv`, `Project.discovery()`):
- titled: a person's name after a title or role, possibly with its complement ("Deputy Foreign
  Minister Andrey Rudenko", "deputy of the Milli Majlis Azay Guliyev", "с президентом
  Таджикистана Эмомали Рахмоном");
- apposition: a name followed by a comma and a role ("Igor Korotchenko, General Director of");
- name test: two or three capitalised words that end in a surname ending (Latin script) or
  that a Russian dictionary reads as first name and surname;
- organisation: capitalised words ending in an organisation noun, with its complement ("the
  Azerbaijani Defense Ministry", "Foreign Ministry of Azerbaijan", "Федеральная служба
  безопасности");
- acronym: an acronym defined in brackets ("Federal Security Service (FSB)") or whose letters
  are the initials of an organisation found in the same document ("FSB" beside "Federal
  Security Service");
- quoted: a capitalised name in quotation marks after an organisation word or quoted twice in
  a document ("representative office of “Rossotrudnichestvo”", компания «Газпром»);
- collective: a state's adjective with a group noun ("Russian "peacekeepers"", "российских
  пограничников");
- surname: a discovered person's surname alone later in the same document.
One actor per name across the corpus: names are compared folded (case, accents, Sergey/Sergei,
Aliyev/Aliev) and Russian ones in the nominative; a name equal to a listed actor's is that actor.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .morphology import (
    as_written_name,
    is_adjective,
    is_common_word,
    is_first_name,
    is_genitive,
    is_known,
    is_name_like,
    is_organisation,
    lemma,
    lemmas,
    nominative,
    organisation_name,
    person_name,
    plural_nominative,
    singular_surname,
    surname_stem,
)

_UPPER = "A-ZÀ-ÖØ-ÞĞİŞÇÖÜƏА-ЯЁ"
_CAP = rf"[{_UPPER}][\w]*(?:[-–][\w]+)*"
_CONNECT = r"of|for|and|on|the|de|von|der|al|bin|ibn"
#: a run of capitalised words, with connectors and possessives ("Azerbaijan's Foreign Ministry")
_RUN = re.compile(rf"(?<![\w-]){_CAP}(?:(?:['’]s)?(?:\s+(?:{_CONNECT}))*\s+{_CAP})*")
_WORD = re.compile(rf"{_CAP}|['’]s|\S+")
_ACRONYM = re.compile(rf"(?<![\w-])[{_UPPER}]{{2,6}}(?![\w-])")
_QUOTED = re.compile(rf"[«“\"„]\s*({_CAP}(?:\s+[\w–-]+){{0,3}}?)\s*[»”\"]")
_DEFINED = re.compile(rf"\s*\(([{_UPPER}]{{2,6}})\)")
_ONE_WORD = re.compile(rf"(?<![\w-])[{_UPPER}][\w]+(?![\w-])")
_JOINT = re.compile(
    r"(?<![\w-])(?:(?:[Jj]oint|[Сс]овместн[а-я]+)\s+)?(?P<first>[A-ZА-ЯЁа-яё][\w]+)[-–]"
    r"(?P<second>[A-ZА-ЯЁа-яё][\w]+)\s+(?P<words>(?:[a-zа-яё]+\s+){0,2}[a-zа-яё]+)(?![\w-])")
#: up to four lower-case words, then an acronym in brackets
_DEFINED_AHEAD = re.compile(r"((?: [а-яё]+){0,4}) \([А-ЯЁA-Z]{2,6}\)")
_EXPANDED = re.compile(r"\s*\(([^()]{5,80})\)")
#: around a one-word organisation that is an acronym: the acronym before it, the name after it
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[А-ЯЁ]{2,} $")
_NEXT_WORD = re.compile(r" ([А-ЯЁ][а-яё]+)(?![\w-])")
_NAME_AFTER = re.compile(r" [А-ЯЁ][а-яё]+(?![\w-])")
_RU_WORDS = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_DETERMINERS = ("The", "A", "An", "This", "That", "These", "Those")
_ADJECTIVE_ENDINGS = ("ist", "ic", "ish", "ian", "an", "ese", "ern")
_CONNECTORS = {*_CONNECT.split("|"), "'s", "’s"}
_LATIN = re.compile(r"[A-Za-zÀ-ÿĞğİıŞşÇçÖöÜüƏə]")
COLUMNS = ["doc_id", "start", "end", "surface", "actor", "type", "evidence"]


@dataclass(frozen=True)
class Discovery:
    """The words discovery relies on (`Project.discovery()`), each a tuple of strings; Russian
    words are dictionary forms. `rejected` are names the researcher rejected: never actors."""

    titles: tuple[str, ...] = ()
    org_heads: tuple[str, ...] = ()
    org_cues: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    surname_ends: tuple[str, ...] = ()
    org_prefixs: tuple[str, ...] = ()
    state_bodys: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


def fold(name: str) -> str:
    """A name folded for comparison: case, accents, quotes and common transliteration variants
    (Sergey/Sergei, Aliyev/Aliev, Mikhail/Mihail).

    >>> fold("Sergei Lavrov") == fold("Sergey Lavrov")
    True
    """
    text = unicodedata.normalize("NFKD", name.lower().replace("ı", "i").replace("ə", "a"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\"'’«»“”„]", "", text)
    for a, b in (("kh", "h"), ("dzh", "j"), ("zh", "j"), ("x", "ks"), ("y", "i"), ("ii", "i"),
                 ("–", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def discover(corpus, known: pd.DataFrame, actors: pd.DataFrame, words: Discovery) -> pd.DataFrame:
    """Mentions of actors the dictionary lacks, one row per mention, in every document.

    `known` are the dictionary's mentions (`find_mentions` without discovery), whose spans a
    discovered name may not cross; `actors` the dictionary, whose names and adjectives the
    patterns use. A document's own author (its byline, its bio) is not an actor of it.
    Columns: doc_id, start, end, surface, actor (canonical name), type (person | organisation |
    group), evidence (the pattern: titled | apposition | name test | organisation | acronym |
    quoted | named | collective | surname).
    """
    docs = corpus.documents
    finder = _Finder(words, actors, _lower_words(docs["text"]))
    found = []
    holdable = ((known["kind"] == "adjective") | known["type"].isin(["state", "place"])
                | known["ambiguous"])
    columns = [known[c].to_numpy().tolist() for c in ("start", "end")] + [holdable.tolist()]
    spans = {d: [(columns[0][i], columns[1][i], columns[2][i]) for i in rows]
             for d, rows in known.groupby("doc_id").indices.items()}
    authors = docs["author"].fillna("").astype(str) if "author" in docs else [""] * len(docs)
    for doc_id, text, author in zip(docs["doc_id"], docs["text"], authors, strict=True):
        found += [(doc_id, *hit) for hit in finder.document(str(text), spans.get(doc_id, []))
                  if not (hit[4] == "person" and (author and fold(hit[3]) in fold(author)
                                                  or finder.credited(str(text), hit)))]
    table = pd.DataFrame(found, columns=["doc_id", "start", "end", "surface", "name", "type",
                                         "evidence"])
    return _named(table, actors, words)


class _Finder:
    """The patterns of one `Discovery`, applied document by document."""

    def __init__(self, words: Discovery, actors: pd.DataFrame, common: set[str]):
        self.words, self.common = words, common
        self.known: list[tuple[int, int, bool]] = []  # the listed mentions of the document read
        latin = [t for t in words.titles if _LATIN.search(t)]
        self.titles_ru = {t for t in words.titles if not _LATIN.search(t)}
        self.title_words = {w for t in latin for w in t.split()}
        self.title_re = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(latin, key=len, reverse=True)))})"
            rf"\.?(?:\s+(?:of|for|at|to)\s+(?:the\s+)?(?:{_CAP}\s+){{0,5}})?,?\s*$")
        #: "…, General Director of": a comma, up to three words, a title
        self.apposition_re = re.compile(
            r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
            rf"(?:{'|'.join(map(re.escape, sorted(self.title_words)))})\b")
        self.latin_surname_ends = tuple(e for e in words.surname_ends if _LATIN.search(e))
        self.ru_surname_ends = tuple(e for e in words.surname_ends if not _LATIN.search(e))
        self.heads = {h for h in words.org_heads if _LATIN.search(h)}
        self.heads_ru = set(words.org_heads) - self.heads
        self.not_names = set(words.not_names)
        self.never_named = self.not_names | self.title_words
        self.prefixes = tuple(words.org_prefixs)
        named = actors[actors["kind"].isin(["name", "metonym", "title"])
                       & (actors["type"] != "person")]
        self.known_words = {w for alias in named["alias"] for w in alias.split()}
        adjectives = actors[(actors["kind"] == "adjective") & (actors["type"] == "state")]
        self.adjective_of = {a: s for a, s in zip(adjectives["alias"], adjectives["actor"],
                                                  strict=True)}
        self.first_adjective = {}
        for adjective, state in self.adjective_of.items():
            if _LATIN.search(adjective) and not adjective.endswith("s"):
                self.first_adjective.setdefault(state, adjective)
        latin_adj = sorted((a for a in self.adjective_of if _LATIN.search(a)), key=len,
                           reverse=True)
        groups = sorted((g for g in words.groups if _LATIN.search(g)), key=len, reverse=True)
        self.group_re = re.compile(
            rf"(?<!\w)(?P<adj>{'|'.join(map(re.escape, latin_adj))})\s+[\"“«]?"
            rf"(?P<noun>(?i:{'|'.join(re.escape(g.removesuffix('s')) + 's?' for g in groups)}))"
            r"[\"”»]?(?!\w)") if latin_adj and groups else None
        self.groups_ru = {g for g in words.groups if not _LATIN.search(g)}
        self.adjectives_ru = {lemma(a) for a in self.adjective_of if not _LATIN.search(a)}
        states = actors[(actors["type"] == "state") & (actors["kind"] == "name")]["alias"]
        self.state_lemmas = {lemma(a) for a in states if not _LATIN.search(a)}
        cues = sorted(words.org_cues, key=len, reverse=True)
        latin_cues = "|".join(map(re.escape, (c for c in cues if _LATIN.search(c))))
        #: an organisation named right before or after its kind: "Sputnik news agency",
        #: "the news agency Sputnik Azerbaijan"
        self.named_re = re.compile(
            rf"(?<![\w-])(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:news\s+)?(?:{latin_cues})\b"
            rf"|\b(?:{latin_cues})\s+(?P<name2>{_CAP}(?:\s+{_CAP}){{0,2}})(?![\w-])"
        ) if latin_cues else None
        self.cue_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})\s+(?:of\s+)?"
                                 r"(?:the\s+)?$", re.IGNORECASE) if cues else None

    # -- one document ------------------------------------------------------------------------
    def document(self, text: str, known: list[tuple[int, int, bool]]) -> list[tuple]:
        """(start, end, surface, name, type, evidence) of every discovered mention."""
        hits, initial, self.known = [], _initial_capitals(text), known
        for run in _RUN.finditer(text):
            hits += self._run(text, run, initial)
        hits += self._russian(text)
        hits += self._quoted(text)
        hits += self._next_to_kind(text)
        hits += self._collectives(text)
        hits += self._joint_bodies(text)
        hits = _without_overlaps(hits, known)
        hits += self._acronyms(text, hits, known)
        hits += self._one_word_organisations(text)
        hits += self._surnames(text, hits, known)
        return sorted(_without_overlaps(hits, known))

    def credited(self, text: str, hit: tuple) -> bool:
        """Whether a person is named as an author or photographer: after a credit on its line
        ("By …", "Reporting by …", "(photo: …)"), or alone on a line but for a date ("Fuad
        Muradli Feb 14, 2025")."""
        start, end = hit[0], hit[1]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end) % (len(text) + 1)
        before = text[line_start:start]
        if before.lstrip(" (").startswith(self.words.credits) \
                or any(c in before for c in self.words.credits if c != "By"):
            return True
        rest = before + text[end:line_end]
        return not re.search(r"[a-zа-яёəğışçöü]{4}", rest)

    def _name_words(self, words: list[str]) -> bool:
        """Whether capitalised words can form a person's name."""
        return (2 <= len(words) <= 3
                and all(w[:1].isupper() and not w.isupper() and w.lower() not in self.common
                        and not re.search(r"[-–][a-zа-яё]", w)
                        and w not in self.known_words and w not in self.title_words
                        and w not in self.heads and w not in self.not_names
                        and w not in self.adjective_of and _LATIN.search(w)
                        for w in words))

    def _run(self, text: str, run: re.Match, initial: set[str]) -> list[tuple]:
        """Persons and organisations in one run of capitalised words (Latin script); each part
        between "and"s may hold a person ("Armenian Deputy Prime Minister Mher Grigoryan and
        Azerbaijani Deputy Prime Minister Shahin Mustafayev"), the rest organisations."""
        tokens = [(m.start() + run.start(), m.end() + run.start(), m.group())
                  for m in _WORD.finditer(run.group())]
        words = [w for _, _, w in tokens]
        persons = []
        if len(words) == 4 and words[1] == "and" and self._name_words(words[2:]) \
                and self._surname(words[3]) and self._name_words([words[0], words[3]]):
            # "brothers Huseyn and Ziyaddin Safarov": the first shares the surname
            persons = [([tokens[0]], f"{words[0]} {words[3]}", "name test"),
                       (tokens[2:], None, "name test")]
        else:
            titled = bool(self.title_re.search(text, max(0, run.start() - 60), run.start()))
            for k, part in enumerate(_split(tokens, {"and"})):
                found = self._person(text, part, titled and k == 0)
                persons += [found] if found else []
        out, rest, at = [], [], 0
        for names, name, evidence in persons:
            out.append((names[0][0], names[-1][1], text[names[0][0]:names[-1][1]],
                        name or " ".join(t[2] for t in names), "person", evidence))
            i = tokens.index(names[0])
            rest.append(tokens[at:i])
            at = i + len(names)
        for part in [*rest, tokens[at:]]:
            out += self._organisation(text, part, initial) if part else []
        return out

    def _person(self, text: str, tokens: list[tuple], titled: bool):
        """(name tokens, None, evidence) of the person in part of a run, or None: the name after
        a title in it (or right before it), a name in apposition ("…, General Director"), a
        name of an organisation ("Kamran Aghayev of the Center …"), a name passing the test."""
        words = [t[2] for t in tokens]
        cut = max((i + 1 for i, w in enumerate(words) if w in self.title_words), default=0)
        segments = _split(tokens[cut:], _CONNECTORS)
        if cut or titled:  # "Minister Andrey Rudenko on Friday": split at connectors
            first = self._strip_known(segments[0]) if segments else []
            last = self._strip_known(segments[-1])[-2:] if segments else []
            names = next((n for n in (first, last) if self._name_words([t[2] for t in n])), None)
            return (names, None, "titled") if names else None
        if not segments or not self._name_words([t[2] for t in segments[0]]):
            return None
        names = segments[0]
        if len(names) == len(tokens):
            if self.apposition_re.match(text, tokens[-1][1]):
                return names, None, "apposition"
            return (names, None, "name test") if self._surname(words[-1]) else None
        after = tokens[len(names)][2]
        if after == "of" and any(t[2] in self.heads for t in tokens[len(names):]):
            return names, None, "apposition"
        return None

    def _strip_known(self, tokens: list[tuple]) -> list[tuple]:
        """Tokens without the leading ones no name begins with: organisation nouns, listed
        names, state adjectives ("Foreign Ministry Azerbaijan Aykhan Hajizada")."""
        i = 0
        while i < len(tokens) and (tokens[i][2] in self.heads or tokens[i][2] in self.known_words
                                   or tokens[i][2] in self.adjective_of):
            i += 1
        return tokens[i:]

    def _surname(self, word: str) -> bool:
        return len(word) >= 5 and word.endswith(self.latin_surname_ends)

    def _organisation(self, text: str, tokens: list[tuple], initial: set[str]) -> list[tuple]:
        """The organisation a run names: words through an organisation noun and its complement;
        a word opening it that only ever opens sentences (`initial`: "Later the ...") is left out."""
        heads = [i for i, t in enumerate(tokens) if t[2] in self.heads]
        if not heads:
            return []
        head = heads[-1]
        end = head + 1
        while end + 1 < len(tokens) and tokens[end][2] in ("of", "for", "on") \
                and tokens[end + 1][2][:1].isupper() and tokens[end + 1][2] not in self.not_names \
                or (
                end < len(tokens) and tokens[end][2] in ("the", "and")
                and end > head + 1 and end + 1 < len(tokens)):
            end += 2 if tokens[end][2] in ("of", "for", "on") else 1
            while end < len(tokens) and tokens[end][2][:1].isupper() \
                    and tokens[end][2] not in self.title_words:
                end += 1
        # a name before "of", "for", "on", "the" is not part of it ("Susumu Taketomi of Industrial
        # Bank", "Credit Inc and the Bank of Nova Scotia"), nor a person's possessive ("Chen
        # Shui-bian's Democratic Progressive Party"); "and" alone may be ("Information and
        # Cultural Center")
        start = max((i + 1 for i in range(head) if tokens[i][2] in ("of", "for", "on", "the")
                     or tokens[i][2] in ("'s", "’s") and tokens[i - 1][2] not in self.first_adjective),
                    default=0)
        if any(ks <= tokens[head][0] < ke for ks, ke, _ in self.known):
            return []  # the noun belongs to a listed name: "West Bank"
        while start < head and (tokens[start][2] in _DETERMINERS
                                or tokens[start][2].lower() in initial
                                or re.search(r"[-–][a-zа-яё]", tokens[start][2])
                                or tokens[start][2] in self.title_words
                                or tokens[start][2] in _CONNECTORS):
            start += 1
        part = tokens[start:end]
        rest = part[2:] if len(part) > 2 and part[1][2] in ("'s", "’s") else part[1:]
        defined = _DEFINED.match(text, part[-1][1])
        # "Georgian Foundation for … Studies (GFSIS)": an acronym with the adjective's initial
        own = defined and defined.group(1)[0] == part[0][2][0]
        if not own and (part[0][2] in self.adjective_of or part[0][2] in self.first_adjective) \
                and len(rest) >= 2 and (defined or re.search(
                    rf"\b{_initials(' '.join(t[2] for t in rest))}\b", text)):
            part = rest  # "Russia's Federal Security Service (FSB)": the service is the actor
        capitals = [t for t in part if t[2][:1].isupper() and t[2] not in self.heads]
        if not capitals or part[-1][2] in _CONNECTORS:
            return []
        surface = text[part[0][0]:part[-1][1]]
        return [(part[0][0], part[-1][1], surface, self._org_name(part), "organisation",
                 "organisation")]

    def _org_name(self, part: list[tuple]) -> str:
        """"Foreign Ministry of Azerbaijan" and "Azerbaijan's Foreign Ministry" -> "Azerbaijani
        Foreign Ministry": a state complement or possessive becomes the state's adjective."""
        words = [t[2] for t in part]
        if len(words) > 2 and words[1] in ("'s", "’s") and words[0] in self.first_adjective:
            return " ".join([self.first_adjective[words[0]], *words[2:]])
        if len(words) > 3 and words[-2] == "of" and words[-1] in self.first_adjective \
                and words[-3] in self.words.state_bodys:
            return " ".join([self.first_adjective[words[-1]], *words[:-2]])
        return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")

    def _russian(self, text: str) -> list[tuple]:
        """Russian persons, then organisations (persons win where they overlap)."""
        words = [(m.start(), m.end(), m.group()) for m in _RU_WORDS.finditer(text)]
        return self._russian_persons(text, words) + self._russian_organisations(text, words)

    def _russian_persons(self, text: str, words: list[tuple]) -> list[tuple]:
        """Two or three capitalised words after a title (up to six words before), or opening
        with a known first name, that a Russian dictionary reads as names in one case or whose
        last word has a surname ending; a plural surname shared by two first names."""
        out, i = [], 0
        while i < len(words):
            for n in (3, 2):
                run = words[i:i + n]
                if len(run) < n or not self._may_be_russian_name(text, run) \
                        or self._before_listed(text, words, i + n):
                    continue
                titled = self._ru_titled(words, i)
                if not (titled or is_first_name(run[0][2])):
                    continue
                parts = [t[2] for t in run]
                name = person_name(parts) or (
                    (self._ru_surname(parts[-1]) or titled and all(map(is_name_like, parts)))
                    and as_written_name(parts))
                if not name:
                    continue
                evidence = "titled" if titled else "name test"
                surname = singular_surname(parts[-1])
                if surname:  # "братья Зияддин и Гусейн Сафаровы": two persons
                    name = " ".join([*name.split()[:-1], surname])
                    first = words[i - 2] if i >= 2 and words[i - 1][2] == "и" else None
                    given = first and first[2][:1].isupper() and person_name([first[2]])
                    if given:
                        out.append((first[0], first[1], first[2], f"{given} {surname}",
                                    "person", evidence))
                out.append((run[0][0], run[-1][1], text[run[0][0]:run[-1][1]], name, "person",
                            evidence))
                i += n - 1
                break
            i += 1
        return out

    def _may_be_russian_name(self, text: str, run: list[tuple]) -> bool:
        """Capitalised words, only spaces between them, none a listed name or a common word."""
        return (all(t[2][:1].isupper() and not t[2].isupper() for t in run)
                and not any(text[a[1]:b[0]].strip() for a, b in zip(run, run[1:], strict=False))
                and not any(ks < t[1] and t[0] < ke for t in run for ks, ke, _ in self.known)
                and not any(is_common_word(t[2]) for t in run))

    def _before_listed(self, text: str, words: list[tuple], k: int) -> bool:
        """Whether word `k` is capitalised, follows word `k - 1` after a space and is part of a
        listed mention: the run before it is part of that name ("Реджепом Тайипом Эрдоганом")."""
        if k >= len(words) or not words[k][2][:1].isupper() \
                or text[words[k - 1][1]:words[k][0]].strip():
            return False
        return any(ks <= words[k][0] < ke for ks, ke, _ in self.known)

    def _ru_surname(self, word: str) -> bool:
        """Whether a Cyrillic word, without a case ending, ends like a surname."""
        stem = surname_stem(word)
        return len(stem) >= 4 and stem.lower().endswith(self.ru_surname_ends)

    def _russian_organisations(self, text: str, words: list[tuple]) -> list[tuple]:
        """A capitalised organisation noun, or a capitalised adjective and one, with a genitive
        complement (with "и", proper names, an acronym and a state: "Пограничная служба ФСБ
        России", "Центр изучения Кавказа и Центральной Азии")."""
        out, i = [], 0
        while i < len(words):
            s, _, w = words[i]
            if not w[:1].isupper():
                i += 1
                continue
            # the head noun: this word, or after up to three adjectives ("Национальной
            # иранской газовой компанией"); a state's adjective opens a name only when an
            # acronym in brackets follows ("Российского совета по международным делам (РСМД)")
            k = i
            while k < len(words) and k - i < 3 and lemma(words[k][2]) not in self.heads_ru \
                    and is_adjective(words[k][2]):
                k += 1
            defined = _DEFINED_AHEAD.match(text, words[min(k, len(words) - 1)][1])
            if k >= len(words) or lemma(words[k][2]) not in self.heads_ru or (
                    k > i and lemma(w.lower()) in self.adjectives_ru and not defined):
                i += 1
                continue
            k += 1
            while k < len(words) and k - i <= 6 and not text[words[k - 1][1]:words[k][0]].strip() \
                    and (words[k][2] == "и" and k + 1 < len(words) or is_genitive(words[k][2])):
                k += 1
            if k < len(words) and _ACRONYM.fullmatch(words[k][2]) \
                    and not text[words[k - 1][1]:words[k][0]].strip():
                k += 1  # "Пограничная служба ФСБ"
            if k < len(words) and lemma(words[k][2]) in self.state_lemmas \
                    and not text[words[k - 1][1]:words[k][0]].strip():
                k += 1  # "Следственный комитет России"
            while k > i + 1 and words[k - 1][2] == "и":
                k -= 1
            ahead = _DEFINED_AHEAD.match(text, words[k - 1][1])
            if ahead and ahead.group(1).islower():
                k += len(ahead.group(1).split())  # "… по международным делам (РСМД)"
            if k - i >= 2:
                phrase = [t[2] for t in words[i:k]]
                out.append((s, words[k - 1][1], text[s:words[k - 1][1]], nominative(phrase),
                            "organisation", "organisation"))
                i = k
                continue
            i += 1
        return out

    def _one_word_organisations(self, text: str) -> list[tuple]:
        """One-word names of bodies: a Russian word the dictionary tags as an organisation
        (Роснефть, РЖД, Минобороны), or an unknown capitalised word opening with an organisation
        prefix (`org_prefix`: Росавиация, Rossotrudnichestvo)."""
        out = []
        for m in _ONE_WORD.finditer(text):
            word = m.group()
            if word.lower() in self.common or self._surname(word):
                continue
            cyrillic = not _LATIN.search(word)
            if cyrillic and is_organisation(word):
                # an acronym with the acronym before it or the name after it: "ИМЭМО РАН",
                # "РИА Новости"
                left = _ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start())
                right = _NAME_AFTER.match(text, m.end())
                start = left.start() if word.isupper() and left else m.start()
                end = right.end() if word.isupper() and right else m.end()
                if (start, end) != (m.start(), m.end()):
                    out.append((start, end, text[start:end], text[start:end], "organisation",
                                "organisation"))
                    continue
                state = _NEXT_WORD.match(text, m.end())
                if state and lemma(state.group(1)) in self.state_lemmas:  # "Минэнерго России"
                    out.append((m.start(), state.end(), text[m.start():state.end()],
                                f"{organisation_name(word)} {state.group(1)}", "organisation",
                                "organisation"))
                    continue
                out.append((m.start(), m.end(), word, organisation_name(word), "organisation",
                            "organisation"))
            elif len(word) >= 7 and word.startswith(self.prefixes) and not word.isupper() \
                    and not (cyrillic and is_known(word)):
                name = organisation_name(word) if cyrillic else word
                out.append((m.start(), m.end(), word, name, "organisation", "organisation"))
        return out

    def _ru_titled(self, words: list[tuple], i: int) -> bool:
        """Whether a Russian title word stands up to six words before word `i` ("министр дорог
        и градостроительства Ирана Мехрдад Базрпаш")."""
        return any(lemmas(w.lower()) & self.titles_ru for _, _, w in words[max(0, i - 6):i])

    def _quoted(self, text: str) -> list[tuple]:
        """Names in quotation marks after an organisation word, or quoted twice."""
        found = list(_QUOTED.finditer(text))
        counts = Counter(m.group(1) for m in found)
        out = []
        for m in found:
            name = m.group(1)
            if len(name.split()) == 1 and (name in self.not_names or name.lower() in self.common):
                continue
            before = text[max(0, m.start() - 40):m.start()]
            cue = self.cue_re and self.cue_re.search(before)
            ru_cue = any(lemma(w.lower()) in self.words.org_cues
                         for w in _RU_WORDS.findall(before)[-1:])
            acronym = _DEFINED.match(text, m.end())
            if cue or ru_cue or acronym or counts[name] >= 2:
                out.append((m.start(1), m.end(1), name, name, "organisation", "quoted"))
            if acronym:
                out.append((acronym.start(1), acronym.end(1), acronym.group(1), name,
                            "organisation", "quoted"))
        return out

    def _next_to_kind(self, text: str) -> list[tuple]:
        """Capitalised words right before or after an organisation word ("Sputnik news agency",
        "the channel Haber Global"), without a state adjective or a kind before it."""
        out = []
        for m in self.named_re.finditer(text) if self.named_re else ():
            group = "name" if m["name"] else "name2"
            words = m[group].split()
            while words and (words[0] in _DETERMINERS or re.search(r"[-–][a-zа-яё]", words[0])
                             or words[0] in self.adjective_of and len(words) > 1
                             and words[1].lower() not in self.common):
                words = words[1:]  # "the Turkish TV channel", "Baku-based Report", not
                # "the ruling Georgian Dream party"
            if words and group == "name" and words[-1].endswith(_ADJECTIVE_ENDINGS):
                continue  # "an Islamist group", "the Kurdish party": a kind, not a name
            common = [w.lower() in self.common for w in words]
            # common words only as a two-word name after its kind ("consultancy Energy Aspects")
            # or after a state's adjective ("Georgian Dream")
            named = not any(common) or len(words) >= 2 and (
                group == "name2" or words[0] in self.adjective_of)
            if any(len(w) > 2 and not w.isupper() for w in words) and named \
                    and not (set(words) & self.never_named):
                name = " ".join(words)
                end = m.end(group)
                out.append((end - len(name), end, name, name, "organisation", "named"))
        return out

    def _joint_bodies(self, text: str) -> list[tuple]:
        """A body of two states, written in lower case: two state adjectives joined by a hyphen,
        up to two words and an organisation noun ("Russian-Azerbaijani intergovernmental
        commission", "совместный российско-турецкий мониторинговый центр")."""
        out = []
        for m in _JOINT.finditer(text):
            first, second = m["first"], m["second"]
            latin = bool(_LATIN.search(first))
            if latin:
                pair = first in self.adjective_of and second in self.adjective_of
            else:
                pair = lemma(second.lower()) in self.adjectives_ru and first.lower().endswith("о")
            words = list(re.finditer(r"\S+", m["words"]))
            ends = [m.start("words") + w.end() for w in words]
            heads = [i for i, w in enumerate(words) if (
                w.group().removesuffix("s").capitalize() in self.heads if latin
                else lemmas(w.group().lower()) & self.heads_ru)]
            if pair and heads:
                end = ends[heads[0]]
                surface = text[m.start():end]
                name = surface if latin else nominative(surface.split())
                out.append((m.start(), end, surface, name, "organisation", "organisation"))
        return out

    def _collectives(self, text: str) -> list[tuple]:
        """A state's adjective with a group noun, in English and Russian."""
        out = []
        if self.group_re:
            for m in self.group_re.finditer(text):
                noun = next(g for g in self.words.groups
                            if g.removesuffix("s") == m["noun"].lower().removesuffix("s"))
                out.append((m.start(), m.end(), m.group(), f"{m['adj'].removesuffix('s')} "
                            f"{noun}", "group", "collective"))
        words = list(_RU_WORDS.finditer(text))
        for a, b in zip(words, words[1:], strict=False):
            if text[a.end():b.start()].strip() or not self.groups_ru:
                continue
            if lemmas(b.group().lower()) & self.groups_ru \
                    and lemma(a.group().lower()) in self.adjectives_ru:
                out.append((a.start(), b.end(), text[a.start():b.end()],
                            plural_nominative([a.group(), b.group()]), "group", "collective"))
        return out

    def _acronyms(self, text: str, hits: list[tuple], known: list[tuple]) -> list[tuple]:
        """Acronyms defined beside their expansion or spelling an organisation's initials."""
        orgs = {_initials(h[2]): h for h in hits if h[4] == "organisation"}
        orgs |= {m.group(1): h for h in hits if h[4] == "organisation"
                 and (m := _DEFINED.match(text, h[1])) and m.group(1)[0] == h[2][0]}
        out = []
        for m in _ACRONYM.finditer(text):
            acronym = m.group()
            if any(s <= m.start() < e for s, e, _ in known):
                continue
            org = orgs.get(acronym) or next(
                (h for ini, h in orgs.items() if len(ini) == len(acronym) >= 3
                 and ini[:2] == acronym[:2]), None)  # FSB ~ Federal Security Service
            if org:
                out.append((m.start(), m.end(), acronym, org[3], "organisation", "acronym"))
                continue
            defined = _EXPANDED.match(text, m.end())
            if defined and _initials(defined.group(1)) == acronym:
                name = defined.group(1).strip()
                out.append((m.start(), m.end(), acronym, name, "organisation", "acronym"))
                start = defined.start(1)
                out.append((start, start + len(name), name, name, "organisation", "acronym"))
                orgs[acronym] = out[-1]
            elif text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
                before = re.split(r"[,.;:()\n]", text[max(0, m.start() - 90):m.start() - 1])[-1]
                words = before.split()
                for k in range(len(words)):
                    phrase = " ".join(words[k:])
                    if phrase[:1].isupper() and _initials(phrase) == acronym:
                        start = m.start() - 1 - len(before.rstrip()) + before.rstrip().find(phrase)
                        out.append((start, start + len(phrase), phrase, phrase, "organisation",
                                    "acronym"))
                        out.append((m.start(), m.end(), acronym, phrase, "organisation",
                                    "acronym"))
                        orgs[acronym] = out[-1]
                        break
        return out

    def _surnames(self, text: str, hits: list[tuple], known: list[tuple]) -> list[tuple]:
        """A discovered person's surname alone, after the full name, in the same document."""
        out = []
        for _, end, surface, name, kind, _ in hits:
            if kind != "person" or len(surface.split()) < 2:
                continue
            surname = surface.split()[-1]
            stem = surname[:-2] if not _LATIN.search(surname) and len(surname) > 5 else surname
            suffix = r"[а-яё]{0,3}" if stem != surname else ""
            for m in re.finditer(rf"(?<![\w-]){re.escape(stem)}{suffix}(?![\w-])", text[end:]):
                out.append((end + m.start(), end + m.end(), m.group(), name, "person", "surname"))
        return out


def _split(tokens: list[tuple], at: set[str]) -> list[list[tuple]]:
    """The non-empty parts of a token list between the tokens whose word is in `at`."""
    parts: list[list[tuple]] = [[]]
    for t in tokens:
        if t[2] in at:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _lower_words(texts) -> set[str]:
    """Words written in lower case somewhere in the corpus: common words, not names."""
    found: set[str] = set()
    for text in texts:
        found.update(re.findall(r"(?<![\w-])[a-zа-яёçğıöşüə]+(?![\w-])", str(text)))
    return found


def _initial_capitals(text: str) -> set[str]:
    """Lower-cased words that open a sentence but are never capitalised inside one ("Later the
    Armenian Foreign Ministry said"): they are read as common words."""
    first = {m.group(1) for m in re.finditer(r"(?:^|[.!?]\s+|\n\s*)([A-ZА-ЯЁ]\w+)", text)}
    inside = set(re.findall(r"(?<=[\w,;:]\s)([A-ZА-ЯЁ]\w+)", text))
    return {w.lower() for w in first - inside}


def _initials(phrase: str) -> str:
    """The capital initials of a phrase's words (connectors skipped in Latin script)."""
    words = re.findall(r"[\w]+", phrase.replace("–", " ").replace("-", " "))
    if not words:
        return ""
    if _LATIN.search(phrase):
        words = [w for w in words if w not in _CONNECTORS]
        if not all(w[:1].isupper() for w in words):
            return ""
    return "".join(w[0].upper() for w in words)


def _without_overlaps(hits: list[tuple], known: list[tuple[int, int, bool]]) -> list[tuple]:
    """Hits overlapping a dictionary mention dropped, unless they hold it whole and it may be
    held (an adjective, a state or a place: "Armenian Foreign Ministry"); among overlapping
    hits, the first found wins (persons before organisations, names before acronyms). A hit
    that is exactly a listed mention is left to it."""
    out, taken = [], []
    for hit in hits:
        s, e = hit[0], hit[1]
        if any(s < ke and ks < e and not (holdable and s <= ks and ke <= e and e - s > ke - ks)
               for ks, ke, holdable in known):
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        out.append(hit)
        taken.append((s, e))
    return out


def _named(table: pd.DataFrame, actors: pd.DataFrame, words: Discovery) -> pd.DataFrame:
    """One canonical name per discovered actor: a listed actor's name when a name folds to one of
    its aliases, else the most frequent form; rejected names dropped."""
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="string" if c not in ("start", "end")
                                          else "int64") for c in COLUMNS})
    listed = actors[actors["kind"] == "name"]
    listed_by_key = {fold(a): (actor, t) for a, actor, t in
                     zip(listed["alias"], listed["actor"], listed["type"], strict=True)}
    table = table.assign(key=table["name"].map(fold))
    forms = table.groupby("key")["name"].agg(lambda s: s.value_counts().index[0])
    canonical = {k: listed_by_key.get(k, (v, None)) for k, v in forms.items()}
    table["actor"] = table["key"].map(lambda k: canonical[k][0])
    table["type"] = [canonical[k][1] or t for k, t in zip(table["key"], table["type"],
                                                           strict=True)]
    rejected = {fold(r) for r in words.rejected}
    table = table[~table["key"].isin(rejected) & ~table["actor"].map(fold).isin(rejected)]
    return table[COLUMNS].astype({"doc_id": "string", "surface": "string", "actor": "string",
                                  "type": "string", "evidence": "string"}).reset_index(drop=True)
