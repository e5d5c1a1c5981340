"""Which outlet published a page, and which outlets it only cites.

The outlet is read from what only the publisher puts on its page, strongest first: the page's own
URL (an export's `url` column, or the URL of a page-store header), mapped to an outlet by its
domain (`data/outlets.csv`; an unknown domain stands as itself); the cues of a known outlet
(`self` in `data/outlets.csv`: "told Trend", a Twitter handle); the phrases by which any outlet
names itself (`data/self_references.csv`: "APA's correspondent reports", "/TASS/.", "Metbuat.az
xəbər verir"); a line that is only a domain. An outlet the text merely names ("TASS reported",
"according to RIA Novosti") is never the outlet: it is listed as cited. No cue, no outlet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

import regex

from .page import store_header

_TLD = (r"(?i:az|ru|com|net|org|am|ge|tr|ua|kz|by|uz|info|news|media|co\.uk|com\.tr|io|tv)"
        r"(?![\w-]|\.\w)")  # a full stop after it ends the sentence
#: a web domain as pages write it: apa.az, en.trend.az, Metbuat.az, tass.com
DOMAIN = rf"(?:[A-Za-z0-9][\w-]*\.)+{_TLD}"
_DOMAIN_LINE = regex.compile(rf"^\s*(?:https?://)?(?:www\.)?(?P<outlet>{DOMAIN})/?\s*$", regex.M)
_SUBDOMAINS = ("www.", "m.", "en.", "ru.", "az.", "tr.", "amp.", "mobile.")
# what a name may hold that would change its meaning joined with the others: a global flag ("(?x)",
# acting on every name) or a back reference ("\1", "(?P=x)": numbered or named in the whole)
_NOT_JOINABLE = regex.compile(r"\(\?[a-zA-Z]+\)|\\[1-9]|\(\?P=|\\g<")


@dataclass(frozen=True)
class Outlet:
    """A known outlet: its name, its domains, how texts name it, and cues only its pages carry."""

    name: str
    domains: tuple[str, ...] = ()
    names: str = ""  # regex: how a text names the outlet ("TASS|ТАСС")
    self: str = ""  # regex: what only the outlet's own pages say ("told Trend", "@AzerNewsAz")


@dataclass(frozen=True)
class Outlets:
    """The known outlets and the phrases by which any outlet names itself (`{outlet}` in each
    formula stands for an outlet's name or domain)."""

    known: tuple[Outlet, ...] = ()
    formulas: tuple[str, ...] = ()

    def key(self) -> str:
        """The outlets and formulas as text, for the cache key."""
        return "\n".join([*(repr(o) for o in self.known), *self.formulas])

    @cached_property
    def _names(self) -> list[tuple[Outlet, regex.Pattern]]:
        return [(o, regex.compile(rf"(?<!\w)(?:{o.names})(?!\w)")) for o in self.known if o.names]

    @cached_property
    def _any_name(self) -> regex.Pattern | None:
        """Whether a text names any known outlet: one search where `named` makes one per outlet,
        and most texts name none (4x faster on Current Events). None when a name holds what would
        change its meaning, or another's, once joined (`_NOT_JOINABLE`)."""
        names = [o.names for o in self.known if o.names]
        if any(_NOT_JOINABLE.search(n) for n in names):
            return None
        return regex.compile(r"(?<!\w)(?:" + "|".join(f"(?:{n})" for n in names) + r")(?!\w)")

    @cached_property
    def _selves(self) -> list[tuple[Outlet, regex.Pattern]]:
        return [(o, regex.compile(o.self)) for o in self.known if o.self]

    @cached_property
    def _formulas(self) -> regex.Pattern | None:
        names = [o.names for o in self.known if o.names] + [DOMAIN]
        outlet = "(?P<outlet>" + "|".join(f"(?:{n})" for n in names) + ")"
        alternatives = [f.replace("{outlet}", outlet) for f in self.formulas]
        return regex.compile("|".join(f"(?:{a})" for a in alternatives), regex.M) \
            if alternatives else None

    @cached_property
    def _could_name(self) -> regex.Pattern:
        """What every match of `_formulas` contains: a known outlet's name in any case, or a
        domain's last label. Most texts have neither and are spared the formulas, whose
        domain alternative is tried at every position (4x faster on Current Events)."""
        names = [f"(?:{o.names})" for o in self.known if o.names]
        return regex.compile("|".join([*(f"(?i:{n})" for n in names), rf"\.{_TLD}"]))

    def by_domain(self, host: str) -> str:
        """The outlet of a host name: a known outlet whose domain it is, else the host itself
        without a www., m. or language prefix."""
        host = host.lower().rstrip(".")
        for prefix in _SUBDOMAINS:
            host = host.removeprefix(prefix)
        for outlet in self.known:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet.name
        return host

    def by_name(self, text: str) -> str:
        """The outlet a name or domain found in a text stands for (itself when unknown)."""
        if regex.fullmatch(DOMAIN, text):
            return self.by_domain(text)
        for outlet, pattern in self._names:
            if pattern.fullmatch(text):
                return outlet.name
        return text

    def named(self, text: str) -> list[str]:
        """The known outlets a text names, in order of their first mention."""
        if not self._names or (self._any_name is not None and not self._any_name.search(text)):
            return []
        found = sorted((m.start(), o.name) for o, p in self._names if (m := p.search(text)))
        return list(dict.fromkeys(name for _, name in found))


def outlet_table(rows: Iterable[tuple[str, str, str, str]], formulas: Iterable[str]) -> Outlets:
    """`Outlets` from (outlet, domains separated by spaces, names regex, self regex) rows, e.g.
    the project's `data/outlets.csv`, and the self-reference formulas."""
    return Outlets(tuple(Outlet(name, tuple(d.lower() for d in domains.split()), names, own)
                         for name, domains, names, own in rows), tuple(formulas))


def _line_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def infer_outlet(text: str, outlets: Outlets, *,
                 url: str | None = None) -> tuple[str, str, str] | None:
    """(outlet, evidence, source) from the page's own URL (source `url`), a known outlet's own
    cues (`self`), a self-reference formula (`formula`) or a line that is only a domain
    (`domain-line`), in that order; None when nothing names the publisher (an outlet the text
    only cites does not)."""
    header = store_header(text)
    for where, address in (("url field", url), ("page-store header", header and header.url)):
        if address and (host := urlsplit(address).hostname):
            return outlets.by_domain(host), f"{where} {address[:80]!r}", "url"
    for outlet, pattern in outlets._selves:
        if m := pattern.search(text):
            return outlet.name, f"{m.group(0)!r} (line {_line_of(text, m.start())})", "self"
    if outlets._formulas is not None and outlets._could_name.search(text) \
            and (m := outlets._formulas.search(text)):
        return (outlets.by_name(m.group("outlet")),
                f"{m.group(0).strip()!r} (line {_line_of(text, m.start())})", "formula")
    if m := _DOMAIN_LINE.search(text):
        return (outlets.by_domain(m.group("outlet")),
                f"the site's domain alone on line {_line_of(text, m.start())}", "domain-line")
    return None


def cited_outlets(text: str, outlets: Outlets, *, own: str | None) -> list[str]:
    """Known outlets the text names other than its own: the agencies and media it cites."""
    return [name for name in outlets.named(text) if name != own]
