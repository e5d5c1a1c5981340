"""An archive export as ingest keeps it: each article's fields as its document's metadata, with
the evidence of where the archive printed them, and the export's provenance and problems as rows
of the ingest report (`export_report`) and a note on each of its documents (`export_note`).

The archive's fields are curated-strength: ingest records them with the source "archive", of
high confidence, so they win over anything read from a text, and the researcher's curated row
of the file still wins over them (`workbench.ingest.merge`). `exports` reads the report back.
"""

from __future__ import annotations

import re

import pandas as pd

from ...corpus.schema import ReportRow
from ..dates import parse_date
from .export import Article, Export

#: the fields whose archive value ingest records as inferred metadata, with its evidence
METADATA = ("title", "date", "outlet", "author", "language")
_BY = re.compile(r"^(?:by|von|par|por|door|di|af|av)\s+", re.IGNORECASE)
_LANGUAGES = {
    "en": "english englisch anglais inglés ingles engels inglese engelsk angielski английский",
    "de": "german deutsch allemand alemán aleman duits tedesco tysk niemiecki немецкий",
    "fr": "french français francais französisch franzosisch francés frances frans francese fransk",
    "es": "spanish español espanol spanisch espagnol spaans spagnolo spansk hiszpański испанский",
    "it": "italian italiano italienisch italien italiaans italiensk włoski итальянский",
    "nl": "dutch nederlands niederländisch néerlandais neerlandais holandés neerlandés olandese",
    "ru": "russian русский russisch russe ruso russisch russo russisk rosyjski",
    "pt": "portuguese português portugues portugiesisch portugais portugués portoghese",
    "da": "danish dansk dänisch danois danés danese deens",
    "sv": "swedish svenska schwedisch suédois sueco svedese zweeds",
    "no": "norwegian norsk norwegisch norvégien noruego norvegese noors",
    "pl": "polish polski polnisch polonais polaco polacco pools",
    "zh": "chinese 中文 chinesisch chinois chino cinese chinees",
    "ja": "japanese 日本語 japanisch japonais japonés giapponese",
    "ko": "korean 한국어 koreanisch coréen coreano",
    "ar": "arabic العربية arabisch arabe árabe",
    "tr": "turkish türkçe türkisch turc turco",
    "az": "azerbaijani azərbaycan aserbaidschanisch azéri",
}
# as the Chinese and Japanese interfaces print them ("英文", "德文", "中文（简体）", "フランス語")
_LANGUAGES_CJK = {
    "en": "英文 英语 英語", "de": "德文 德语 德語 ドイツ語", "fr": "法文 法语 法語 フランス語",
    "es": "西班牙文 西班牙语 西班牙語 スペイン語", "it": "意大利文 意大利语 義大利文 イタリア語",
    "nl": "荷兰文 荷蘭文 荷兰语 オランダ語", "ru": "俄文 俄语 俄語 ロシア語",
    "pt": "葡萄牙文 葡萄牙语 ポルトガル語", "zh": "汉语 漢語 简体中文 繁體中文 繁体中文 中国語",
    "ja": "日文 日语 日語", "ko": "韩文 韓文 韩语 韓国語", "ar": "阿拉伯文 阿拉伯语 アラビア語",
}
LANGUAGES = {name: code for table in (_LANGUAGES, _LANGUAGES_CJK) for code, names in table.items()
             for name in names.split()}
_FORMAT_ROW = re.compile(r"archive export \((?P<format>[\w-]+)\): (?P<articles>\d+) articles?$")


def language_code(printed: str) -> str | None:
    """The ISO 639-1 code of a language as an archive prints it ("ENGLISH", "GERMAN; DEUTSCH",
    "Dutch / Nederlands", "Français", "Chinese-Simplified", "英文"), None for one it does not name."""
    for name in re.split(r"[;,/()（）-]", printed):
        if code := LANGUAGES.get(" ".join(name.split()).casefold()):
            return code
    return None


def article_metadata(article: Article) -> tuple[dict[str, str], dict[str, str]]:
    """(fields, evidence) of one article: every field the archive gave, as ingest keeps it (the
    author without "By"/"Von"/"Par"/"Por", the language as its ISO code, a date only when
    `parse_date` reads it), and for the metadata fields where it was printed: "archive BYLINE
    line: 'By Jane Doe'"."""
    where = dict(article.where)
    fields, evidence = {}, {}
    for name, printed in article.fields:
        value = printed
        if name == "author":
            value = _BY.sub("", printed).strip()
        elif name == "language":
            value = language_code(printed) or ""
        elif name == "date" and parse_date(printed) is None:
            value = ""
        if value:
            fields[name] = value
            if name in METADATA:
                evidence[name] = f"archive {where.get(name, name)}: {printed!r}"
    return fields, evidence


def export_note(export: Export) -> str:
    """What every document of the export notes of where it came from: the export's format, its
    search and when it was made."""
    return "; ".join([f"{export.format} export"] + [f"{what}: {value}" for what, value in
                                                     export.provenance if what in ("search", "exported")])


def export_report(name: str, export: Export) -> list[ReportRow]:
    """Report rows of the export file `name`: its format and number of articles, its provenance
    (the search, when it was made, what else the cover page says), and each part that could not
    be read ("skipped")."""
    n = len(export.articles)
    rows = [ReportRow(name, None, None, "ok", f"archive export ({export.format}): {n} "
                                              f"article{'s' if n != 1 else ''}")]
    rows += [ReportRow(name, None, None, "ok", f"{what}: {value}") for what, value in export.provenance]
    return rows + [ReportRow(name, None, None, "skipped", problem) for problem in export.problems]


def exports(report: pd.DataFrame) -> pd.DataFrame:
    """The archive exports an ingest report names (`export_report` wrote their rows).

    Columns: file, format, articles (as the export holds them), search (its searches, joined
    by " | "), exported (when it was made).
    """
    own = report[report.row.isna() & report.doc_id.isna()]
    rows = []
    for file, lines in own.groupby(own.file.astype(str), sort=False):
        reasons = lines.reason.astype(str).tolist()
        found = next((m for r in reasons if (m := _FORMAT_ROW.match(r))), None)
        if found is None:
            continue
        said = {what: [r.split(": ", 1)[1] for r in reasons if r.startswith(f"{what}: ")]
                for what in ("search", "exported")}
        rows.append((file, found["format"], int(found["articles"]), " | ".join(said["search"]),
                     " | ".join(said["exported"])))
    return pd.DataFrame(rows, columns=["file", "format", "articles", "search", "exported"])
