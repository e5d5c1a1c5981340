"""Find and parse dates in English, Russian, Azerbaijani and Turkish, keeping their precision; a
whole metadata value (`parse_date`) may also be in the interface languages of news archives.

A date is a `(Timestamp, precision)` pair; coarser dates use the first day of their
month or year. `find_dates` scans running text and reports where each date was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

_MONTHS = {
    1: "january jan январь января янв yanvar ocak",
    2: "february feb февраль февраля фев fevral şubat subat",
    3: "march mar март марта мар mart",
    4: "april apr апрель апреля апр aprel nisan",
    5: "may май мая may mayıs mayis",
    6: "june jun июнь июня июн iyun haziran",
    7: "july jul июль июля июл iyul temmuz",
    8: "august aug август августа авг avqust ağustos agustos",
    9: "september sept sep сентябрь сентября сен сент sentyabr eylül eylul",
    10: "october oct октябрь октября окт oktyabr ekim",
    11: "november nov ноябрь ноября ноя нояб noyabr kasım kasim",
    12: "december dec декабрь декабря дек dekabr aralık aralik",
}
MONTH = {name: number for number, names in _MONTHS.items() for name in names.split()}
#: weekdays and clock words that date lines carry besides a date ("Thursday", "16:29 (UTC +04:00)")
DAY_WORDS = set("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье пн вт ср чт пт сб вс
bazar ertəsi çərşənbə axşamı cümə şənbə pazartesi salı çarşamba perşembe cuma cumartesi pazar
am pm utc gmt msk t z г года il ildə yılı saat в
""".split())
_M = "(?P<month>" + "|".join(sorted(map(re.escape, MONTH), key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)(?!\d)"

#: (pattern, precision) tried in order; earlier patterns win on overlapping text.
PATTERNS = [
    (rf"(?<!\d){_Y}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)", "day"),
    (rf"(?<![\d.]){_D}\.(?P<mnum>[01]?\d)\.{_Y}", "day"),
    # 5 July 2019, 5th of July 2019, 5. July 2019 (an English month in a German date's form)
    (rf"(?<!\d){_D}\.?\s*(?:of\s+)?{_M},?\s+{_Y}(?:\s*(?:г\.|года|il|yılı))?", "day"),
    (rf"\b{_M}\s+{_D},?\s+{_Y}", "day"),
    (rf"\b{_M},?\s+{_Y}", "month"),
    (rf"\b{_M}\s+(?P<day>[0-3]?\d)(?![\d:])", "day-no-year"),
    (rf"(?<!\d)(?P<day>[0-3]?\d)\s+{_M}(?!\w)", "day-no-year"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), prec) for p, prec in PATTERNS]
_YEAR_ONLY = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")
_YEAR_MONTH = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)\s*$")
_FOUR_DIGITS = re.compile(r"(?<!\d)(?:\d{4}|\d{8})(?!\d)")  # a year, or YYYYMMDD


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: value, precision, character span and the matched text."""

    value: pd.Timestamp
    precision: str
    start: int
    end: int
    raw: str
    year_guessed: bool = False


def _build(groups: dict, year: int | None) -> pd.Timestamp | None:
    month = groups.get("mnum") or MONTH.get((groups.get("month") or "").lower().rstrip("."))
    try:
        return pd.Timestamp(year=int(year), month=int(month), day=int(groups.get("day") or 1))
    except (TypeError, ValueError):
        return None


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """All dates in `text`, in order. Day-month dates without a year take `default_year`,
    or are skipped when it is None.

    >>> [(str(m.value.date()), m.precision) for m in find_dates("access_time27 Feb 2022")]
    [('2022-02-27', 'day')]
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for regex, precision in _COMPILED:
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            guessed = precision == "day-no-year"
            year = default_year if guessed else m.group("year")
            value = _build(m.groupdict(), year) if year else None
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMatch(value, "day" if guessed else precision, m.start(), m.end(),
                                   m.group(0), year_guessed=guessed))
    return sorted(found, key=lambda d: d.start)


_TOKENS = re.compile(r"[^\W\d_]+|\d+")


def is_date_only(line: str) -> bool:
    """Whether a line holds a date or time and nothing else: "Thursday", "December 22",
    "25.09.2020", "2024-08-17T21:43+0000", "# 28 May 2020 16:29 (UTC +04:00)".

    >>> [is_date_only(x) for x in ("Thursday", "2024-08-17T21:43+0000", "335", "May we go")]
    [True, True, False, False]
    """
    tokens = [t.lower() for t in _TOKENS.findall(line)]
    words = [t for t in tokens if not t.isdigit()]
    if not tokens or not all(w in MONTH or w in DAY_WORDS for w in words):
        return False
    named = any(w in MONTH or (w in DAY_WORDS and len(w) > 3) for w in words)
    return named or bool(re.search(r"\d[./:-]\d", line))


#: month names and abbreviations of the interface languages news archives print dates in (German,
#: French, Spanish, Italian, Dutch, Danish, Norwegian, Swedish, Portuguese, Polish), read in a
#: whole field value only (`parse_date`), never searched for in running text: "mar", "mai" or
#: "ago" are words there
_FIELD_MONTHS = {
    1: "januar jänner janvier janv enero ene gennaio gen januari janeiro styczeń stycznia sty",
    2: "februar feber février fevrier févr fevr febrero febbraio februari fevereiro fev luty "
       "lutego lut",
    3: "märz maerz mrz mär mars marzo maart mrt marts março marco marzec marca",
    4: "avril avr abril aprile abr kwiecień kwietnia kwi",
    5: "mai mayo maggio mag mei maj maio maja",
    6: "juni juin junio giugno giu junho czerwiec czerwca cze",
    7: "juli juillet juil julio luglio lug julho lipiec lipca lip",
    8: "août aout agosto ago augustus augusti sierpień sierpnia sie",
    9: "septembre septiembre setiembre settembre set setembro wrzesień września wrz",
    10: "oktober octobre octubre ottobre ott outubro out październik października paź",
    11: "novembre noviembre novembro listopad listopada lis",
    12: "dezember dez décembre déc diciembre dic dicembre desember dezembro grudzień grudnia gru",
}
FIELD_MONTH = MONTH | {name: number for number, names in _FIELD_MONTHS.items()
                       for name in names.split()}
_FM = "(?P<month>" + "|".join(sorted(map(re.escape, FIELD_MONTH), key=len, reverse=True)) + r")\.?"
#: (pattern, precision) for a whole field value, tried in order after `find_dates`
_FIELD_PATTERNS = [(re.compile(p, re.IGNORECASE), precision) for p, precision in [
    # 3. März 2020, 1er mars 2020, 3 de marzo de 2020, 3. marts 2020
    (rf"(?<!\d)(?P<day>[0-3]?\d)(?:\.|er|º|°)?\s*(?:de\s+)?{_FM}(?!\w),?\s+(?:de\s+|del\s+)?"
     rf"(?P<year>(?:19|20)\d\d)(?!\d)", "day"),
    (rf"(?<!\w){_FM}(?!\w)\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)(?!\d)", "day"),
    # 2020年3月3日, 2020 年 3 月, 2020년 3월 3일
    (r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<mnum>[01]?\d)\s*[月월]"
     r"(?:\s*(?P<day>[0-3]?\d)\s*[日일])?", "day?"),
    (rf"(?<!\w){_FM}(?!\w),?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d)", "month"),
]]


def _field_date(text: str) -> tuple[pd.Timestamp, str] | None:
    """The first date of a field value in any of the archives' interface languages."""
    for regex, precision in _FIELD_PATTERNS:
        if m := regex.search(text):
            groups = m.groupdict()
            month = groups.get("mnum") or FIELD_MONTH[groups["month"].lower().rstrip(".")]
            try:
                stamp = pd.Timestamp(year=int(m["year"]), month=int(month),
                                     day=int(groups.get("day") or 1))
            except ValueError:
                continue
            if precision == "day?":
                precision = "day" if groups.get("day") else "month"
            return stamp, precision
    return None


@lru_cache(maxsize=1 << 14)  # export columns repeat the same dates row after row
def parse_date(value: str | None) -> tuple[pd.Timestamp, str] | None:
    """Parse one metadata date string ("2024", "2022-12", ISO, "23 April 2024", "3. März 2020",
    "3 de marzo de 2020", "2020年3月3日", ...) at the precision it is written; None when it
    cannot be read or names no year ("December 5"): a year is never invented.

    >>> parse_date("2022-12")
    (Timestamp('2022-12-01 00:00:00'), 'month')
    >>> parse_date("December 5") is None
    True
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if m := _YEAR_ONLY.match(text):
        return pd.Timestamp(year=int(m["year"]), month=1, day=1), "year"
    if m := _YEAR_MONTH.match(text):
        stamp = _build(m.groupdict(), m["year"])
        return (stamp, "month") if stamp is not None else None
    found = find_dates(text)
    if found:
        return found[0].value, found[0].precision
    if field := _field_date(text):
        return field
    if not _FOUR_DIGITS.search(text):  # "December 5", "12/05": the year is not known
        return None
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    return stamp.tz_localize(None).normalize() if stamp.tz else stamp.normalize(), "day"
