"""Persons in a document, for actor discovery (`discover`): names after titles, in apposition, by
the name test, Russian names through their dictionary forms, surnames after a full name, and the
credits that name no actor. `PersonPatterns` is mixed into `discover._Finder`, whose attributes
(the discovery words, the corpus's common words, the document's listed mentions) it reads."""

from __future__ import annotations

import re

from .morphology import (
    as_written_name,
    is_common_word,
    is_first_name,
    is_name_like,
    lemmas,
    person_name,
    singular_surname,
    surname_stem,
)
from .patterns import CONNECTORS, LATIN, PARTICLES, split


class PersonPatterns:
    """The person patterns of `discover._Finder`."""

    def credited(self, text: str, hit: tuple) -> bool:
        """Whether a person is named as an author or photographer: after a credit on its line
        ("By …", "Reporting by …", "(photo: …)"), or alone on a line but for a date ("Fuad
        Muradli Feb 14, 2025")."""
        start, end = hit[0], hit[1]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end) % (len(text) + 1)
        before = text[line_start:start]
        if before.lstrip(" (").startswith(self.words.credit) \
                or any(c in before for c in self.words.credit if c != "By"):
            return True
        rest = before + text[end:line_end]
        return not re.search(r"[a-zа-яёəğışçöü]{4}", rest)

    def _name_words(self, words: list[str]) -> bool:
        """Whether capitalised words can form a person's name (particles inside it:
        "Luiz Inácio Lula da Silva")."""
        inner = [w for w in words[1:-1] if w in PARTICLES]
        words = [w for w in words if w not in inner]
        return (2 <= len(words) <= 4 - (not inner)
                and all(w[:1].isupper() and not w.isupper() and w.lower() not in self.common
                        and not re.search(r"[-–][a-zа-яё]", w)
                        and w not in self.known_words and w not in self.title_words
                        and w not in self.heads and w not in self.not_names
                        and w not in self.adjective_of and LATIN.search(w)
                        for w in words))

    def _person(self, text: str, tokens: list[tuple], titled: bool, carried: bool = False):
        """(name tokens, None, evidence) of the person in part of a run, or None: the name after
        a title in it (or right before it; `carried`: the title's complement began in the part
        before, so the name is this part's end), a name in apposition ("…, General Director"), a
        name of an organisation ("Kamran Aghayev of the Center …"), a name passing the test."""
        words = [t[2] for t in tokens]
        cut = max((i + 1 for i, w in enumerate(words) if w in self.title_words), default=0)
        segments = split(tokens[cut:], CONNECTORS - set(PARTICLES))
        if cut or titled:  # "Minister Andrey Rudenko on Friday": split at connectors
            first = self._strip_known(segments[0]) if segments else []
            last = self._strip_known(segments[-1])[-2:] if segments else []
            order = (last, first) if carried else (first, last)
            names = next((n for n in order if self._name_words([t[2] for t in n])), None)
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
                    (self._ru_surname(parts[-1]) or titled and (
                        all(map(is_name_like, parts)) or is_first_name(parts[0])))
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
        """Capitalised words, only spaces between them, none a listed name or a common word (but
        a surname after a known first name)."""
        return (all(t[2][:1].isupper() and not t[2].isupper() for t in run)
                and not any(text[a[1]:b[0]].strip() for a, b in zip(run, run[1:], strict=False))
                and not any(ks < t[1] and t[0] < ke for t in run for ks, ke, _ in self.known)
                and not any(is_common_word(t[2]) for t in run[:-1])
                and (not is_common_word(run[-1][2])
                     or len(run) == 2 and is_first_name(run[0][2])))  # "Ирина Волк"

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

    def _ru_titled(self, words: list[tuple], i: int) -> bool:
        """Whether a Russian title word stands up to six words before word `i` ("министр дорог
        и градостроительства Ирана Мехрдад Базрпаш")."""
        return any(lemmas(w.lower()) & self.titles_ru for _, _, w in words[max(0, i - 6):i])

    def _surnames(self, text: str, hits: list[tuple], known: list[tuple]) -> list[tuple]:
        """A discovered person's surname alone, after the full name, in the same document."""
        out = []
        for _, end, surface, name, kind, _ in hits:
            if kind != "person" or len(surface.split()) < 2:
                continue
            surname = surface.split()[-1]
            stem = surname[:-2] if not LATIN.search(surname) and len(surname) > 5 else surname
            suffix = r"[а-яё]{0,3}" if stem != surname else ""
            for m in re.finditer(rf"(?<![\w-]){re.escape(stem)}{suffix}(?![\w-])", text[end:]):
                out.append((end + m.start(), end + m.end(), m.group(), name, "person", "surname"))
        return out
