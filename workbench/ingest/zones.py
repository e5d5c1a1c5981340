"""The article zone of a page: where its body lies, judged from what kind each line is.

A scraped page puts its menus and link lists in runs of short lines; the article is the first
block of paragraphs (a paragraph at most `GAP` lines from the next, no furniture between) that
holds `CORE` paragraphs, with the blocks of `OPENING` paragraphs before it that no furniture
parts from it (the article's first paragraphs, then a subheading or a list). It runs on to a
later paragraph when the lines between show no furniture (they are the article's own list,
table or subheadings), or, past furniture (a box of links set into the article, an embedded
post's time stamp, a list set like a menu), where the text reads on: two paragraphs in a row
within `BRIDGE` lines, or three within `FAR`. What follows (comments, teasers of other
articles, the footer) is no longer the article.
"""

from __future__ import annotations

from typing import Literal

#: a line of the page: a paragraph of prose, a line known to be furniture (a menu, an interface
#: string, a time stamp), or any other line (a subheading, a list item, a table's row)
Kind = Literal["paragraph", "furniture", "line"]

CORE = 3  # paragraphs of the block that opens the article
OPENING = 2  # paragraphs of a block before the opening one, joined to it over lines of its own
GAP = 2  # lines that may stand between two paragraphs of one block
BRIDGE = 6  # lines, furniture among them, between the article and two paragraphs in a row
FAR = 20  # lines, furniture among them, between the article and three paragraphs in a row


def _blocks(kinds: list[Kind]) -> list[tuple[int, int]]:
    """(first, last) index of each block of paragraphs: paragraphs at most `GAP` lines apart,
    and no furniture between them."""
    blocks: list[tuple[int, int]] = []
    for i, kind in enumerate(kinds):
        if kind != "paragraph":
            continue
        if blocks and i - blocks[-1][1] - 1 <= GAP and "furniture" not in kinds[blocks[-1][1]:i]:
            blocks[-1] = (blocks[-1][0], i)
        else:
            blocks.append((i, i))
    return blocks


def article_zone(kinds: list[Kind]) -> tuple[int, int] | None:
    """(first, last) index of the article's body among a page's lines, given the kind of each;
    None when no block holds `CORE` paragraphs (a short page: nothing to go by)."""
    blocks = _blocks(kinds)
    at = next((k for k, (a, b) in enumerate(blocks)
               if kinds[a:b + 1].count("paragraph") >= CORE), None)
    if at is None:
        return None
    first, last = blocks[at]
    for a, b in reversed(blocks[:at]):  # the article's opening, parted from it by its own lines
        if "furniture" in kinds[b:first] or kinds[a:b + 1].count("paragraph") < OPENING:
            break
        first = a
    pairs = [i for i in range(last + 1, len(kinds) - 1)
             if kinds[i] == kinds[i + 1] == "paragraph"]
    for p in range(last + 1, len(kinds)):
        if kinds[p] != "paragraph" or p <= last:
            continue
        if "furniture" not in kinds[last + 1:p]:
            last = p  # the article's own list, table or subheadings lie between
            continue
        # past furniture, the article goes on only where it reads on: two paragraphs in a row
        # soon after, or three a little further (a list of the article's own, set as a menu)
        on = next((i for i in pairs if i >= p), None)
        if on is None or on - last - 1 > BRIDGE and not (
                on - last - 1 <= FAR and kinds[on:on + 3] == ["paragraph"] * 3):
            break
        last = on + 1
    return first, last
