"""Organisations and groups in a document, for actor discovery (`discover`): by their head noun,
quotation marks, acronyms, the word naming their kind, bodies of two states, one-word Russian
bodies, collectives. `BodyPatterns` is mixed into `discover._Finder`, whose attributes (the
discovery words, the dictionary's adjectives and states, the document's listed mentions) it
reads."""

from __future__ import annotations

import re
from collections import Counter

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
    initials,
)


class BodyPatterns:
    """The organisation and group patterns of `discover._Finder`."""

    def _organisation(self, text: str, tokens: list[tuple], initial: set[str]) -> list[tuple]:
        """The organisation a run names: words through an organisation noun and its complement;
        a word opening it that only ever opens sentences (`initial`: "Later the ...") is left out."""
        heads = [i for i, t in enumerate(tokens) if t[2] in self.heads]
        if not heads:
            return []
        head = heads[-1]
        end = head + 1
        while end + 1 < len(tokens) and tokens[end][2] in ("of", "for", "on") \
                and self._complement(tokens, end + 1) or (
                end < len(tokens) and tokens[end][2] in ("the", "and")
                and end > head + 1 and end + 1 < len(tokens)):
            end += (3 if tokens[end + 1][2] == "the" else 2) \
                if tokens[end][2] in ("of", "for", "on") else 1
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
        while start < head and (tokens[start][2] in DETERMINERS
                                or tokens[start][2].lower() in initial
                                or re.search(r"[-–][a-zа-яё]", tokens[start][2])
                                or tokens[start][2] in self.single_titles
                                or tokens[start][2].lower() in self.cue_words
                                or tokens[start][2] in CONNECTORS):
            start += 1
        part = tokens[start:end]
        rest = part[2:] if len(part) > 2 and part[1][2] in ("'s", "’s") else part[1:]
        defined = DEFINED.match(text, part[-1][1])
        # "Georgian Foundation for … Studies (GFSIS)": an acronym with the adjective's initial
        own = defined and defined.group(1)[0] == part[0][2][0]
        if not own and (part[0][2] in self.adjective_of or part[0][2] in self.first_adjective) \
                and len(rest) >= 2 and (defined or re.search(
                    rf"\b{initials(' '.join(t[2] for t in rest))}\b", text)):
            part = rest  # "Russia's Federal Security Service (FSB)": the service is the actor
        capitals = [t for t in part if t[2][:1].isupper() and t[2] not in self.heads]
        if not capitals or part[-1][2] in CONNECTORS:
            return []
        surface = text[part[0][0]:part[-1][1]]
        return [(part[0][0], part[-1][1], surface, self._org_name(part), "organisation",
                 "organisation")]

    def _complement(self, tokens: list[tuple], i: int) -> bool:
        """Whether an organisation's "of …" goes on at token `i`: a capitalised word, maybe
        after "the" ("Main Directorate of the General Staff"), that is no month or weekday."""
        if tokens[i][2] == "the" and i + 1 < len(tokens):
            i += 1
        return tokens[i][2][:1].isupper() and tokens[i][2] not in self.not_names

    def _org_name(self, part: list[tuple]) -> str:
        """"Foreign Ministry of Azerbaijan" and "Azerbaijan's Foreign Ministry" -> "Azerbaijani
        Foreign Ministry": a state complement or possessive becomes the state's adjective."""
        words = [t[2] for t in part]
        if len(words) > 2 and words[1] in ("'s", "’s") and words[0] in self.first_adjective:
            return " ".join([self.first_adjective[words[0]], *words[2:]])
        if len(words) > 3 and words[-2] == "of" and words[-1] in self.first_adjective \
                and words[-3] in self.words.state_body:
            return " ".join([self.first_adjective[words[-1]], *words[:-2]])
        return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")

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
            defined = DEFINED_AHEAD.match(text, words[min(k, len(words) - 1)][1])
            # mid-sentence, a capitalised state adjective is a name's: "и Российский экспортный
            # центр"
            inside = not re.search(r"(?:^|[.!?»\n]\s*)$", text[max(0, s - 3):s])
            if k >= len(words) or lemma(words[k][2]) not in self.heads_ru or (
                    k > i and lemma(w.lower()) in self.adjectives_ru and not defined
                    and not (inside and k - i >= 2)):
                i += 1
                continue
            k += 1
            k = self._po_phrase(text, words, k)  # "комитет по работе с …"
            proper = False  # after proper names ("Российской Федерации"), no lower-case word
            while k < len(words) and k - i <= 6 and not text[words[k - 1][1]:words[k][0]].strip() \
                    and not self._opens_body(words, k) and not is_first_name(words[k][2]) \
                    and not (proper and words[k][2].islower() and words[k][2] != "и") \
                    and (words[k][2] == "и" and k + 1 < len(words)
                         or len(words[k][2]) > 2 and is_genitive(words[k][2])):
                proper = proper or words[k][2][:1].isupper()
                k += 1
            if k < len(words) and ACRONYM.fullmatch(words[k][2]) \
                    and not text[words[k - 1][1]:words[k][0]].strip():
                k += 1  # "Пограничная служба ФСБ"
            if k < len(words) and lemma(words[k][2]) in self.state_lemmas \
                    and not text[words[k - 1][1]:words[k][0]].strip():
                k += 1  # "Следственный комитет России"
            k = self._po_phrase(text, words, k)  # "… ФСБ России по Республике Дагестан"
            while k > i + 1 and words[k - 1][2] == "и":
                k -= 1
            ahead = DEFINED_AHEAD.match(text, words[k - 1][1])
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

    def _po_phrase(self, text: str, words: list[tuple], k: int) -> int:
        """The end of a "по …" phrase of a body's name starting at word `k` (`k` itself when
        there is none): nouns, adjectives, prepositions, up to five, no punctuation between,
        not an introductory "по данным", "по словам" (`not_complement`)."""
        if not (k + 1 < len(words) and words[k][2] == "по"
                and words[k + 1][2] not in self.words.not_complement
                and not text[words[k - 1][1]:words[k][0]].strip()):
            return k
        end = k + 1
        while end < len(words) and end - k <= 5 and not text[words[end - 1][1]:words[end][0]].strip() \
                and in_noun_phrase(words[end][2]) and not is_first_name(words[end][2]):
            end += 1
        return end if end > k + 1 else k

    def _opens_body(self, words: list[tuple], k: int) -> bool:
        """Whether capitalised word `k` opens another body: an organisation noun, an adjective
        before one, a one-word body ("… Национальной академии наук", "… Минздрава")."""
        word = words[k][2]
        if not word[:1].isupper():
            return False
        nxt = words[k + 1][2] if k + 1 < len(words) else ""
        return lemma(word) in self.heads_ru or self._one_word_body(word) or (
            bool(nxt) and lemma(nxt) in self.heads_ru and is_adjective(word))

    def _one_word_organisations(self, text: str) -> list[tuple]:
        """One-word names of bodies: a Russian word the dictionary tags as an organisation
        (Роснефть, РЖД, Минобороны), or an unknown capitalised word opening with an organisation
        prefix (`org_prefix`: Росавиация, Rossotrudnichestvo)."""
        out = []
        for m in ONE_WORD.finditer(text):
            word = m.group()
            if word.lower() in self.common or word in self.not_names or self._surname(word):
                continue
            cyrillic = not LATIN.search(word)
            if cyrillic and is_organisation(word):
                # an acronym with the acronym before it or the name after it: "ИМЭМО РАН",
                # "РИА Новости"
                left = ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start())
                right = NEXT_WORD.match(text, m.end())
                if right and (self._one_word_body(right.group(1))
                              or is_first_name(right.group(1))):
                    right = None  # "ОМОН Росгвардии": two bodies; "РАН Станислав Придвин"
                start = left.start() if word.isupper() and left else m.start()
                end = right.end() if word.isupper() and right else m.end()
                if (start, end) != (m.start(), m.end()):
                    out.append((start, end, text[start:end], text[start:end], "organisation",
                                "organisation"))
                    continue
                state = NEXT_WORD.match(text, m.end())
                if state and lemma(state.group(1)) in self.state_lemmas:  # "Минэнерго России"
                    out.append((m.start(), state.end(), text[m.start():state.end()],
                                f"{organisation_name(word)} {state.group(1)}", "organisation",
                                "organisation"))
                    continue
                out.append((m.start(), m.end(), word, organisation_name(word), "organisation",
                            "organisation"))
            elif self._one_word_body(word):
                name = organisation_name(word) if cyrillic else word
                out.append((m.start(), m.end(), word, name, "organisation", "organisation"))
        return out

    def _one_word_body(self, word: str) -> bool:
        """Whether an unknown capitalised word of 7+ letters opens with an organisation prefix
        (Росгвардии), or the dictionary tags a Russian word as an organisation."""
        cyrillic = not LATIN.search(word)
        if cyrillic and is_organisation(word):
            return True
        return len(word) >= 7 and word.startswith(self.prefixes) and not word.isupper() \
            and not (cyrillic and is_known(word))

    def _quoted(self, text: str) -> list[tuple]:
        """Names in quotation marks after an organisation word, or quoted twice."""
        found = list(QUOTED.finditer(text))
        counts = Counter(m.group(1) for m in found)
        out = []
        for m in found:
            name = m.group(1)
            if len(name.split()) == 1 and (name in self.not_names or name.lower() in self.common):
                continue
            before = text[max(0, m.start() - 40):m.start()]
            cue = self.cue_re and self.cue_re.search(before)
            ru_cue = any(lemma(w.lower()) in self.words.org_cue
                         for w in RU_WORDS.findall(before)[-1:])
            acronym = DEFINED.match(text, m.end())
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
            group = next(g for g in ("name", "name2", "name3") if m[g])
            if group == "name3" and CAPITALISED_BEFORE.search(text, max(0, m.start() - 30),
                                                              m.start()):
                continue  # the end of a longer name: "Jan Petersen, chairman of the firm"
            words = m[group].split()
            while words and (words[0] in DETERMINERS or re.search(r"[-–][a-zа-яё]", words[0])
                             or words[0] in self.adjective_of and len(words) > 1
                             and words[1].lower() not in self.common):
                words = words[1:]  # "the Turkish TV channel", "Baku-based Report", not
                # "the ruling Georgian Dream party"
            if words and group == "name" and words[-1].endswith(ADJECTIVE_ENDINGS):
                continue  # "an Islamist group", "the Kurdish party": a kind, not a name
            common = [w.lower() in self.common for w in words]
            # common words only as a two-word name after its kind ("consultancy Energy Aspects")
            # or after a state's adjective ("Georgian Dream")
            named = not any(common) or len(words) >= 2 and (
                group != "name" or words[0] in self.adjective_of)
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
        for m in JOINT.finditer(text):
            first, second = m["first"], m["second"]
            latin = bool(LATIN.search(first))
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

    def _affiliations(self, text: str) -> list[tuple]:
        """Capitalised words after a person's role and "at"/"with" ("a senior analyst at Rystad
        Energy"), unless all are common words."""
        out = []
        for m in self.affiliation_re.finditer(text):
            words = m["org"].split()
            if not all(w.lower() in self.common or w in self.never_named for w in words):
                out.append((m.start("org"), m.end("org"), m["org"], m["org"], "organisation",
                            "named"))
        return out

    def _collectives(self, text: str) -> list[tuple]:
        """A state's adjective with a group noun, in English and Russian."""
        out = []
        if self.group_re:
            for m in self.group_re.finditer(text):
                noun = next(g for g in self.words.group
                            if g.removesuffix("s") == m["noun"].lower().removesuffix("s"))
                out.append((m.start(), m.end(), m.group(), f"{m['adj'].removesuffix('s')} "
                            f"{noun}", "group", "collective"))
        words = list(RU_WORDS.finditer(text))
        for i, a in enumerate(words):
            if not self.groups_ru or lemma(a.group().lower()) not in self.adjectives_ru:
                continue
            # the group noun next, or after one adjective ("российского миротворческого
            # контингента")
            for b in words[i + 1:i + 3]:
                if text[a.end():b.start()].count(" ") > 2 or re.search(r"[^\w\s]",
                                                                     text[a.end():b.start()]):
                    break
                if lemmas(b.group().lower()) & self.groups_ru:
                    phrase = text[a.start():b.end()].split()
                    out.append((a.start(), b.end(), " ".join(phrase), group_nominative(phrase),
                                "group", "collective"))
                    break
                if not is_adjective(b.group()):
                    break
        return out

    def _acronyms(self, text: str, hits: list[tuple], known: list[tuple]) -> list[tuple]:
        """Acronyms defined beside their expansion or spelling an organisation's initials."""
        orgs = {initials(h[2]): h for h in hits if h[4] == "organisation"}
        orgs |= {m.group(1): h for h in hits if h[4] == "organisation"
                 and (m := DEFINED.match(text, h[1])) and m.group(1)[0] == h[2][0]}
        out = []
        for m in ACRONYM.finditer(text):
            acronym = m.group()
            if any(s <= m.start() < e for s, e, _ in known):
                continue
            org = orgs.get(acronym) or next(
                (h for ini, h in orgs.items() if len(ini) == len(acronym) >= 3
                 and ini[:2] == acronym[:2]), None)  # FSB ~ Federal Security Service
            if org:
                out.append((m.start(), m.end(), acronym, org[3], "organisation", "acronym"))
                continue
            defined = EXPANDED.match(text, m.end())
            if defined and initials(defined.group(1)) == acronym:
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
                    if phrase[:1].isupper() and initials(phrase) == acronym:
                        start = m.start() - 1 - len(before.rstrip()) + before.rstrip().find(phrase)
                        out.append((start, start + len(phrase), phrase, phrase, "organisation",
                                    "acronym"))
                        out.append((m.start(), m.end(), acronym, phrase, "organisation",
                                    "acronym"))
                        orgs[acronym] = out[-1]
                        break
        return out
