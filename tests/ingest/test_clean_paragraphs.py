"""Paragraphs and headlines: hard-wrapped text (wire copy, e-mail, plain-text archives) is joined
back into paragraphs, and only a short first line of a longer text is read as its headline."""

from __future__ import annotations

import textwrap

from seed_paths import PROJECT, SEEDS

from workbench.ingest.clean import Rules, clean_lines
from workbench.ingest.read import read_file

RULES = PROJECT.context().rules


def _seed_paragraphs(n: int = 3) -> list[str]:
    """The first long paragraphs of the Trend seed: real article text to wrap."""
    doc = next(iter(read_file(SEEDS / "001_067d92aa473488f3.txt", "trend.txt").docs))
    return [line.strip() for line in doc.text.split("\n") if len(line.split()) > 25][:n]


def _wire_copy(paragraphs: list[str], width: int = 68) -> str:
    """Paragraphs wrapped at `width`, each after the first opening with a four-space indent."""
    return "\n".join(textwrap.fill(p, width, initial_indent="    " if i else "")
                     for i, p in enumerate(paragraphs)) + "\n Reuter"


def test_wrapped_paragraphs_are_joined_and_keep_their_first_line_number():
    paragraphs = _seed_paragraphs()
    text = _wire_copy(paragraphs)
    cleaned = clean_lines(text, RULES, outlet="Reuters")
    assert [line for _, line in cleaned.kept] == paragraphs
    starts = [n for n, line in enumerate(text.split("\n"), start=1) if line.startswith("    ")]
    assert [n for n, _ in cleaned.kept] == [1, *starts]
    assert cleaned.removed == [(len(text.split("\n")), "Reuter", "signoff")]


def test_blank_line_ends_a_wrapped_paragraph():
    first, second = _seed_paragraphs(2)
    text = textwrap.fill(first, 60) + "\n\n" + textwrap.fill(second, 60)
    assert [line for _, line in clean_lines(text, Rules(())).kept] == [first, second]


def test_a_table_of_figures_is_not_joined():
    text = ("Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nAssets 510.2 mln vs 479.7 mln\n"
            "Deposits 472.3 mln vs 440.3 mln\nLoans 299.2 mln vs 327.2 mln")
    assert len(clean_lines(text, Rules(())).kept) == 5


def test_scraped_pages_with_one_paragraph_per_line_are_left_as_they_are():
    for path in sorted(SEEDS.iterdir()):
        text = next(iter(read_file(path, path.name).docs)).text
        kept = clean_lines(text, RULES).kept
        assert all(line == text.split("\n")[n - 1].strip() for n, line in kept), path.name


def test_headline_is_a_short_first_line_of_a_longer_text():
    body = " ".join(_seed_paragraphs(2))
    assert clean_lines(f"Baku and Moscow sign a declaration\n{body}", Rules(())).title == \
        "Baku and Moscow sign a declaration"
    assert clean_lines(body, Rules(())).title is None  # one paragraph: an export row, a summary
    assert clean_lines(f"{body}\n{body[:50]}", Rules(())).title is None  # a long first paragraph


def test_wrapped_lines_are_never_judged_as_page_elements():
    """Before paragraphs were joined first, a wrapped line that was short, repeated or mostly a
    date was taken for a dateline, repeated line or byline (about 900 Reuters lines)."""
    lines = ["The board said the vote on the merger, first set for this week,",
             "has been postponed until the holders of record on the dates of",
             "March 2, 1987, April 6, 1987, June 1, 1987,",
             "can attend the meeting in New York, the company said on Monday.",
             "The company also said it would pay a special dividend of ten",
             "cents a share to the holders of record, officials said.",
             "Reuter"]
    cleaned = clean_lines("\n".join(lines), RULES, outlet="Reuters")
    assert [line for _, line in cleaned.kept] == [" ".join(lines[:6])]  # no indent, one paragraph
    assert [rule for *_, rule in cleaned.removed] == ["signoff"]


def test_icon_ligatures_are_widgets_but_the_english_words_are_not():
    page = ("schedule 27 Feb 2022\nvisibility 335\n"
            "account_circleИнститут РУССТРАТaccess_time27 Feb 2022remove_red_eye335\n"
            "The summit is scheduled for March and visibility of its agenda is low, he said.")
    cleaned = clean_lines(page, RULES)
    assert [line for _, line in cleaned.kept] == [page.split("\n")[-1]]
    assert {rule for *_, rule in cleaned.removed} == {"widget"}
