"""Organisations and groups in a document, for actor discovery: by their head noun, quotation
marks, acronyms, the word naming their kind, bodies of two states, one-word Russian bodies,
collectives. Each pattern reads the corpus's `Lexicon`; `known` are the spans of the document's
listed mentions, (start, end, may be held)."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import Lexicon
from .morphology import (
    group_nominative,
    in_noun_phrase,
    is_adjective,
    is_first_name,
    is_genitive,
    is_known,
    is_organisation,
    lemma,
    lemmas,
    nominative,
    organisation_name,
)
from .patterns import (
    ACRONYM,
    ACRONYM_BEFORE,
    ADJECTIVE_ENDINGS,
    CAPITALISED_BEFORE,
    CONNECTORS,
    DEFINED,
    DEFINED_AHEAD,
    DETERMINERS,
    EXPANDED,
    JOINT,
    LATIN,
    NEXT_WORD,
    ONE_WORD,
    QUOTED,
    RU_WORDS,
    Hit,
    Token,
    initials,
)
from .persons import is_surname


def bodies_apart(lex: Lexicon, tokens: list[Token]) -> list[list[Token]]:
    """Tokens split at each "and" that follows an organisation noun ("S7 Airlines and Ural
    Airlines": two organisations)."""
    parts: list[list[Token]] = [[]]
    for i, t in enumerate(tokens):
        if t.word == "and" and i and tokens[i - 1].word in lex.heads:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def organisation(lex: Lexicon, text: str, tokens: list[Token], initial: set[str],
                 known: list[tuple[int, int, bool]]) -> list[Hit]:
    """The organisation a run names: words through an organisation noun and its complement; a
    word opening it that only ever opens sentences (`initial`: "Later the ...") is left out."""
    heads = [i for i, t in enumerate(tokens) if t.word in lex.heads]
    if not heads:
        return []
    head = heads[-1]
    end = head + 1
    while end + 1 < len(tokens) and tokens[end].word in ("of", "for", "on") \
            and _complement(lex, tokens, end + 1) or (
            end < len(tokens) and tokens[end].word in ("the", "and")
            and end > head + 1 and end + 1 < len(tokens)):
        end += (3 if tokens[end + 1].word == "the" else 2) \
            if tokens[end].word in ("of", "for", "on") else 1
        while end < len(tokens) and tokens[end].word[:1].isupper() \
                and tokens[end].word not in lex.title_words:
            end += 1
    # a name before "of", "for", "on", "the" is not part of it ("Susumu Taketomi of Industrial
    # Bank", "Credit Inc and the Bank of Nova Scotia"), nor a person's possessive ("Chen
    # Shui-bian's Democratic Progressive Party"); "and" alone may be ("Information and Cultural
    # Center")
    start = max((i + 1 for i in range(head) if tokens[i].word in ("of", "for", "on", "the")
                 or tokens[i].word in ("'s", "’s")
                 and tokens[i - 1].word not in lex.first_adjective),
                default=0)
    if any(ks <= tokens[head].start < ke for ks, ke, _ in known):
        return []  # the noun belongs to a listed name: "West Bank"
    while start < head and (tokens[start].word in DETERMINERS
                            or tokens[start].word.lower() in initial
                            or re.search(r"[-–][a-zа-яё]", tokens[start].word)
                            or tokens[start].word in lex.single_titles
                            or tokens[start].word.lower() in lex.cue_words
                            or tokens[start].word in CONNECTORS):
        start += 1
    part = tokens[start:end]
    rest = part[2:] if len(part) > 2 and part[1].word in ("'s", "’s") else part[1:]
    defined = DEFINED.match(text, part[-1].end)
    # "Georgian Foundation for … Studies (GFSIS)": an acronym with the adjective's initial
    own = defined and defined.group(1)[0] == part[0].word[0]
    if not own and (part[0].word in lex.adjective_of or part[0].word in lex.first_adjective) \
            and len(rest) >= 2 and (defined or re.search(
                rf"\b{initials(' '.join(t.word for t in rest))}\b", text)):
        part = rest  # "Russia's Federal Security Service (FSB)": the service is the actor
    capitals = [t for t in part if t.word[:1].isupper() and t.word not in lex.heads]
    if not capitals or part[-1].word in CONNECTORS:
        return []
    surface = text[part[0].start:part[-1].end]
    return [Hit(part[0].start, part[-1].end, surface, _org_name(lex, part), "organisation",
                "organisation")]


def _complement(lex: Lexicon, tokens: list[Token], i: int) -> bool:
    """Whether an organisation's "of …" goes on at token `i`: a capitalised word, maybe after
    "the" ("Main Directorate of the General Staff"), that is no month or weekday."""
    if tokens[i].word == "the" and i + 1 < len(tokens):
        i += 1
    return tokens[i].word[:1].isupper() and tokens[i].word not in lex.not_names


def _org_name(lex: Lexicon, part: list[Token]) -> str:
    """"Foreign Ministry of Azerbaijan" and "Azerbaijan's Foreign Ministry" -> "Azerbaijani
    Foreign Ministry": a state complement or possessive becomes the state's adjective."""
    words = [t.word for t in part]
    if len(words) > 2 and words[1] in ("'s", "’s") and words[0] in lex.first_adjective:
        return " ".join([lex.first_adjective[words[0]], *words[2:]])
    if len(words) > 3 and words[-2] == "of" and words[-1] in lex.first_adjective \
            and words[-3] in lex.state_body:
        return " ".join([lex.first_adjective[words[-1]], *words[:-2]])
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")


def russian_organisations(lex: Lexicon, text: str, words: list[Token]) -> list[Hit]:
    """A capitalised organisation noun, or a capitalised adjective and one, with a genitive
    complement (with "и", proper names, an acronym and a state: "Пограничная служба ФСБ
    России", "Центр изучения Кавказа и Центральной Азии")."""
    out, i = [], 0
    while i < len(words):
        s, w = words[i].start, words[i].word
        if not w[:1].isupper():
            i += 1
            continue
        # the head noun: this word, or after up to three adjectives ("Национальной иранской
        # газовой компанией"); a state's adjective opens a name only when an acronym in
        # brackets follows ("Российского совета по международным делам (РСМД)")
        k = i
        while k < len(words) and k - i < 3 and lemma(words[k].word) not in lex.heads_ru \
                and is_adjective(words[k].word):
            k += 1
        defined = DEFINED_AHEAD.match(text, words[min(k, len(words) - 1)].end)
        # mid-sentence, a capitalised state adjective is a name's: "и Российский экспортный
        # центр"
        inside = not re.search(r"(?:^|[.!?»\n]\s*)$", text[max(0, s - 3):s])
        if k >= len(words) or lemma(words[k].word) not in lex.heads_ru or (
                k > i and lemma(w.lower()) in lex.adjectives_ru and not defined
                and not (inside and k - i >= 2)):
            i += 1
            continue
        k += 1
        k = _po_phrase(lex, text, words, k)  # "комитет по работе с …"
        proper = False  # after proper names ("Российской Федерации"), no lower-case word
        while k < len(words) and k - i <= 6 and not text[words[k - 1].end:words[k].start].strip() \
                and not _opens_body(lex, words, k) and not is_first_name(words[k].word) \
                and not (proper and words[k].word.islower() and words[k].word != "и") \
                and (words[k].word == "и" and k + 1 < len(words)
                     or len(words[k].word) > 2 and is_genitive(words[k].word)):
            proper = proper or words[k].word[:1].isupper()
            k += 1
        if k < len(words) and ACRONYM.fullmatch(words[k].word) \
                and not text[words[k - 1].end:words[k].start].strip():
            k += 1  # "Пограничная служба ФСБ"
        if k < len(words) and lemma(words[k].word) in lex.state_lemmas \
                and not text[words[k - 1].end:words[k].start].strip():
            k += 1  # "Следственный комитет России"
        k = _po_phrase(lex, text, words, k)  # "… ФСБ России по Республике Дагестан"
        while k > i + 1 and words[k - 1].word == "и":
            k -= 1
        ahead = DEFINED_AHEAD.match(text, words[k - 1].end)
        if ahead and ahead.group(1).islower():
            k += len(ahead.group(1).split())  # "… по международным делам (РСМД)"
        if k - i >= 2:
            phrase = [t.word for t in words[i:k]]
            out.append(Hit(s, words[k - 1].end, text[s:words[k - 1].end], nominative(phrase),
                           "organisation", "organisation"))
            i = k
            continue
        i += 1
    return out


def _po_phrase(lex: Lexicon, text: str, words: list[Token], k: int) -> int:
    """The end of a "по …" phrase of a body's name starting at word `k` (`k` itself when there
    is none): nouns, adjectives, prepositions, up to five, no punctuation between, not an
    introductory "по данным", "по словам" (`not_complement`)."""
    if not (k + 1 < len(words) and words[k].word == "по"
            and words[k + 1].word not in lex.not_complement
            and not text[words[k - 1].end:words[k].start].strip()):
        return k
    end = k + 1
    while end < len(words) and end - k <= 5 and not text[words[end - 1].end:words[end].start].strip() \
            and in_noun_phrase(words[end].word) and not is_first_name(words[end].word):
        end += 1
    return end if end > k + 1 else k


def _opens_body(lex: Lexicon, words: list[Token], k: int) -> bool:
    """Whether capitalised word `k` opens another body: an organisation noun, an adjective
    before one, a one-word body ("… Национальной академии наук", "… Минздрава")."""
    word = words[k].word
    if not word[:1].isupper():
        return False
    nxt = words[k + 1].word if k + 1 < len(words) else ""
    return lemma(word) in lex.heads_ru or _one_word_body(lex, word) or (
        bool(nxt) and lemma(nxt) in lex.heads_ru and is_adjective(word))


def one_word_organisations(lex: Lexicon, text: str) -> list[Hit]:
    """One-word names of bodies: a Russian word the dictionary tags as an organisation
    (Роснефть, РЖД, Минобороны), or an unknown capitalised word opening with an organisation
    prefix (`org_prefix`: Росавиация, Rossotrudnichestvo)."""
    out = []
    for m in ONE_WORD.finditer(text):
        word = m.group()
        if word.lower() in lex.common or word in lex.not_names or is_surname(lex, word):
            continue
        cyrillic = not LATIN.search(word)
        if cyrillic and is_organisation(word):
            # an acronym with the acronym before it or the name after it: "ИМЭМО РАН", "РИА
            # Новости"
            left = ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start())
            right = NEXT_WORD.match(text, m.end())
            if right and (_one_word_body(lex, right.group(1)) or is_first_name(right.group(1))):
                right = None  # "ОМОН Росгвардии": two bodies; "РАН Станислав Придвин"
            start = left.start() if word.isupper() and left else m.start()
            end = right.end() if word.isupper() and right else m.end()
            if (start, end) != (m.start(), m.end()):
                out.append(Hit(start, end, text[start:end], text[start:end], "organisation",
                               "organisation"))
                continue
            state = NEXT_WORD.match(text, m.end())
            if state and lemma(state.group(1)) in lex.state_lemmas:  # "Минэнерго России"
                out.append(Hit(m.start(), state.end(), text[m.start():state.end()],
                               f"{organisation_name(word)} {state.group(1)}", "organisation",
                               "organisation"))
                continue
            out.append(Hit(m.start(), m.end(), word, organisation_name(word), "organisation",
                           "organisation"))
        elif _one_word_body(lex, word):
            name = organisation_name(word) if cyrillic else word
            out.append(Hit(m.start(), m.end(), word, name, "organisation", "organisation"))
    return out


def _one_word_body(lex: Lexicon, word: str) -> bool:
    """Whether an unknown capitalised word of 7+ letters opens with an organisation prefix
    (Росгвардии), or the dictionary tags a Russian word as an organisation."""
    cyrillic = not LATIN.search(word)
    if cyrillic and is_organisation(word):
        return True
    return len(word) >= 7 and word.startswith(lex.prefixes) and not word.isupper() \
        and not (cyrillic and is_known(word))


def quoted(lex: Lexicon, text: str) -> list[Hit]:
    """Names in quotation marks after an organisation word, or quoted twice."""
    found = list(QUOTED.finditer(text))
    counts = Counter(m.group(1) for m in found)
    out = []
    for m in found:
        name = m.group(1)
        if len(name.split()) == 1 and (name in lex.not_names or name.lower() in lex.common):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        cue = lex.cue_re and lex.cue_re.search(before)
        ru_cue = any(lemma(w.lower()) in lex.org_cues for w in RU_WORDS.findall(before)[-1:])
        acronym = DEFINED.match(text, m.end())
        if cue or ru_cue or acronym or counts[name] >= 2:
            out.append(Hit(m.start(1), m.end(1), name, name, "organisation", "quoted"))
        if acronym:
            out.append(Hit(acronym.start(1), acronym.end(1), acronym.group(1), name,
                           "organisation", "quoted"))
    return out


def next_to_kind(lex: Lexicon, text: str) -> list[Hit]:
    """Capitalised words right before or after an organisation word ("Sputnik news agency",
    "the channel Haber Global"), without a state adjective or a kind before it."""
    out = []
    for m in lex.named_re.finditer(text) if lex.named_re else ():
        group = next(g for g in ("name", "name2", "name3") if m[g])
        if group == "name3" and CAPITALISED_BEFORE.search(text, max(0, m.start() - 30),
                                                          m.start()):
            continue  # the end of a longer name: "Jan Petersen, chairman of the firm"
        words = m[group].split()
        while words and (words[0] in DETERMINERS or re.search(r"[-–][a-zа-яё]", words[0])
                         or words[0] in lex.adjective_of and len(words) > 1
                         and words[1].lower() not in lex.common):
            words = words[1:]  # "the Turkish TV channel", "Baku-based Report", not "the
            # ruling Georgian Dream party"
        if words and group == "name" and words[-1].endswith(ADJECTIVE_ENDINGS):
            continue  # "an Islamist group", "the Kurdish party": a kind, not a name
        common = [w.lower() in lex.common for w in words]
        # common words only as a two-word name after its kind ("consultancy Energy Aspects") or
        # after a state's adjective ("Georgian Dream")
        named = not any(common) or len(words) >= 2 and (
            group != "name" or words[0] in lex.adjective_of)
        if any(len(w) > 2 and not w.isupper() for w in words) and named \
                and not (set(words) & lex.never_named):
            name = " ".join(words)
            end = m.end(group)
            out.append(Hit(end - len(name), end, name, name, "organisation", "named"))
    return out


def joint_bodies(lex: Lexicon, text: str) -> list[Hit]:
    """A body of two states, written in lower case: two state adjectives joined by a hyphen, up
    to two words and an organisation noun ("Russian-Azerbaijani intergovernmental commission",
    "совместный российско-турецкий мониторинговый центр")."""
    out = []
    for m in JOINT.finditer(text):
        first, second = m["first"], m["second"]
        latin = bool(LATIN.search(first))
        if latin:
            pair = first in lex.adjective_of and second in lex.adjective_of
        else:
            pair = lemma(second.lower()) in lex.adjectives_ru and first.lower().endswith("о")
        words = list(re.finditer(r"\S+", m["words"]))
        ends = [m.start("words") + w.end() for w in words]
        heads = [i for i, w in enumerate(words) if (
            w.group().removesuffix("s").capitalize() in lex.heads if latin
            else lemmas(w.group().lower()) & lex.heads_ru)]
        if pair and heads:
            end = ends[heads[0]]
            surface = text[m.start():end]
            name = surface if latin else nominative(surface.split())
            out.append(Hit(m.start(), end, surface, name, "organisation", "organisation"))
    return out


def affiliations(lex: Lexicon, text: str) -> list[Hit]:
    """Capitalised words after a person's role and "at"/"with" ("a senior analyst at Rystad
    Energy"), unless all are common words."""
    out = []
    for m in lex.affiliation_re.finditer(text):
        words = m["org"].split()
        if not all(w.lower() in lex.common or w in lex.never_named for w in words):
            out.append(Hit(m.start("org"), m.end("org"), m["org"], m["org"], "organisation",
                           "named"))
    return out


def collectives(lex: Lexicon, text: str) -> list[Hit]:
    """A state's adjective with a group noun, in English and Russian."""
    out = []
    if lex.group_re:
        for m in lex.group_re.finditer(text):
            noun = next(g for g in lex.groups
                        if g.removesuffix("s") == m["noun"].lower().removesuffix("s"))
            out.append(Hit(m.start(), m.end(), m.group(), f"{m['adj'].removesuffix('s')} {noun}",
                           "group", "collective"))
    words = list(RU_WORDS.finditer(text))
    for i, a in enumerate(words):
        if not lex.groups_ru or lemma(a.group().lower()) not in lex.adjectives_ru:
            continue
        # the group noun next, or after one adjective ("российского миротворческого
        # контингента")
        for b in words[i + 1:i + 3]:
            if text[a.end():b.start()].count(" ") > 2 or re.search(r"[^\w\s]",
                                                                 text[a.end():b.start()]):
                break
            if lemmas(b.group().lower()) & lex.groups_ru:
                phrase = text[a.start():b.end()].split()
                out.append(Hit(a.start(), b.end(), " ".join(phrase), group_nominative(phrase),
                               "group", "collective"))
                break
            if not is_adjective(b.group()):
                break
    return out


def acronyms(text: str, hits: list[Hit], known: list[tuple[int, int, bool]]) -> list[Hit]:
    """Acronyms defined beside their expansion or spelling an organisation's initials."""
    orgs = {initials(h.surface): h for h in hits if h.type == "organisation"}
    orgs |= {m.group(1): h for h in hits if h.type == "organisation"
             and (m := DEFINED.match(text, h.end)) and m.group(1)[0] == h.surface[0]}
    out = []
    for m in ACRONYM.finditer(text):
        acronym = m.group()
        if any(s <= m.start() < e for s, e, _ in known):
            continue
        org = orgs.get(acronym) or next(
            (h for ini, h in orgs.items() if len(ini) == len(acronym) >= 3
             and ini[:2] == acronym[:2]), None)  # FSB ~ Federal Security Service
        if org:
            out.append(Hit(m.start(), m.end(), acronym, org.name, "organisation", "acronym"))
            continue
        defined = EXPANDED.match(text, m.end())
        if defined and initials(defined.group(1)) == acronym:
            name = defined.group(1).strip()
            out.append(Hit(m.start(), m.end(), acronym, name, "organisation", "acronym"))
            start = defined.start(1)
            out.append(Hit(start, start + len(name), name, name, "organisation", "acronym"))
            orgs[acronym] = out[-1]
        elif text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
            before = re.split(r"[,.;:()\n]", text[max(0, m.start() - 90):m.start() - 1])[-1]
            words = before.split()
            for k in range(len(words)):
                phrase = " ".join(words[k:])
                if phrase[:1].isupper() and initials(phrase) == acronym:
                    start = m.start() - 1 - len(before.rstrip()) + before.rstrip().find(phrase)
                    out.append(Hit(start, start + len(phrase), phrase, phrase, "organisation",
                                   "acronym"))
                    out.append(Hit(m.start(), m.end(), acronym, phrase, "organisation",
                                   "acronym"))
                    orgs[acronym] = out[-1]
                    break
    return out
