"""Site templates: the lines a site's pages share (menus, footers, promos, share rows, the headings
of link lists), learned from the corpus rather than from a list.

Each page is summarised as its lines' hashes (`page_lines`); `learn` then finds, per site, the
lines of each page that the page's peers (pages of the site that share its furniture) hold in the
same zone of the page: before, inside or after the article zone, which runs from the page's first
to its last line of prose that no other page of the site has. How many peers must hold a line
depends on where it is and what it is (`EVIDENCE`): a short line outside the article zone needs
one peer and 30 % of them, a line inside it two and half of them, a line of prose outside it two
and half of them; prose and a table's rows inside the article zone are never the template, nor is
a line whose words are mostly the article's own (the page's headline, a subheading).
`clean_lines` removes the lines found with the rule `site-template`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
from scipy import sparse

from .page import is_prose, store_header
from .read import RawDoc

RULE = "site-template"
#: a site of more pages than this is not compared page by page: every page is every other's peer
PEER_PAGES = 500
PEER_LINES = 5  # a peer shares at least this many of the page's short lines, in the same zones,
PEER_SHARE = 0.4  # and this share of the short lines of the page that has fewer
#: (zone, kind) -> (peers that must hold the line, and the share of the page's peers); prose
#: and a table's rows inside the article zone are never the template
EVIDENCE = {("outside", "short"): (1, 0.3), ("inside", "short"): (2, 0.5),
            ("outside", "prose"): (2, 0.5)}
SUPPORTED = 0.5  # a short line with this share of its (3+) words in the page's prose is the article's
LINE_COLUMNS = ["line_no", "hash", "prose", "supported", "row"]
HEAD, INSIDE, TAIL = 0, 1, 2
#: characters of scripts written without spaces between words, where a word count says nothing
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
UNSPACED_PROSE = 20  # characters of such a script that make a line prose
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")


def site_of(url: str | None, outlet: str | None, name: str) -> str:
    """A page's site: the domain of its URL (without `www.`), else its outlet, else the folder
    it is in (`name` is its path in the corpus folder), written with a closing slash.

    >>> site_of("https://www.example.org/a/1", "Example", "pages/1.txt")
    'example.org'
    >>> site_of(None, None, "pages/1.txt"), site_of(None, None, "1.txt")
    ('pages/', './')
    """
    if url and (host := urlsplit(url).hostname):
        return host.removeprefix("www.")
    return outlet or f"{PurePosixPath(name).parent}/"


def page_site(raw: RawDoc, outlet: str | None) -> str:
    """The site of a page as read (`site_of`): the URL of its page-store header or its own (an
    HTML page's), else `outlet` (the curated one of its file) or the name the page gives itself,
    else its folder. An outlet inferred from the text is not used: a page that cites an agency
    is not the agency's page."""
    header = store_header(raw.text)
    return site_of(header.url if header and header.url else raw.fields.get("url"),
                   outlet or raw.fields.get("outlet"), raw.file)


def reads_as_prose(line: str) -> bool:
    """A sentence or paragraph of prose: `page.is_prose`, or 20+ characters of a script written
    without spaces (Japanese, Chinese), where words cannot be counted."""
    return is_prose(line) or len(_UNSPACED.findall(line)) >= UNSPACED_PROSE


def line_hash(line: str) -> int:
    """A line's identity across pages: its case-folded words, spacing ignored, hashed to 64 bits."""
    key = " ".join(line.casefold().split()).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little", signed=True)


def _content_words(line: str) -> set[str]:
    """Words of five letters or more (few function words are that long), cut to five letters so
    that inflected forms meet."""
    return {w.casefold()[:5] for w in _CONTENT_WORD.findall(line)}


def page_lines(text: str) -> pd.DataFrame:
    """The page's non-blank lines as `clean_lines` numbers them (a page store's header line
    left out): their hash, whether they read as prose, whether a short line's words are
    mostly those of the page's prose (`supported`: its headline, a subheading), and whether
    the line is a table's row (`row`: its cells set apart by tabs).

    Columns: line_no, hash, prose, supported, row.
    """
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if lines and store_header(text):
        lines = lines[1:]
    prose = [reads_as_prose(line) for _, line in lines]
    article = set().union(*(_content_words(line) for (_, line), p in zip(lines, prose) if p))
    supported = []
    for (_, line), p in zip(lines, prose):
        words = _content_words(line) if not p else set()
        supported.append(len(words) >= 3 and len(words & article) >= SUPPORTED * len(words))
    return pd.DataFrame({"line_no": np.array([n for n, _ in lines], dtype=np.int32),
                         "hash": np.array([line_hash(line) for _, line in lines], dtype=np.int64),
                         "prose": np.array(prose, dtype=bool),
                         "supported": np.array(supported, dtype=bool),
                         "row": np.array(["\t" in line for _, line in lines], dtype=bool)})


def learn(lines: pd.DataFrame) -> pd.DataFrame:
    """The template lines of every page, site by site.

    `lines`: page (a number), site, and `page_lines`' columns, for every page. Returns the lines
    of each page that are its site's template. Columns: page, line_no.
    """
    found = [_site(group) for _, group in lines.groupby("site", sort=False, observed=True)
             if group.page.nunique() > 1]
    found = [f for f in found if len(f)]
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame(
        {"page": pd.Series(dtype="int64"), "line_no": pd.Series(dtype="int32")})


def _site(lines: pd.DataFrame) -> pd.DataFrame:
    """Template lines (page, line_no) of one site's pages."""
    lines = lines.reset_index(drop=True)
    pages, page = np.unique(lines.page.to_numpy(), return_inverse=True)
    n = len(pages)
    holders = lines.assign(page=page).drop_duplicates(["page", "hash"]).groupby("hash").size()
    shared = lines.hash.map(holders).to_numpy() > 1
    zone = _zones(lines.line_no.to_numpy(), page, lines.prose.to_numpy() & ~shared, n)
    prose = lines.prose.to_numpy()
    item = pd.DataFrame({"zone": zone, "hash": lines.hash}).groupby(["zone", "hash"]).ngroup().to_numpy()
    peers = _peers(page, item, ~prose, n)
    held = _incidence(page, item, n)
    if peers is None:  # a large site: every page is every other's peer
        others = np.asarray(held.sum(axis=0)).ravel()[item] - 1
        n_peers = np.full(len(page), n - 1)
    else:
        counts = (sparse.csr_matrix(peers, dtype=np.float64) @ held).tocsr()
        others = np.asarray(counts[page, item]).ravel()
        n_peers = peers.sum(axis=1)[page]
    where = np.where(zone == INSIDE, "inside", "outside")
    kind = np.where(prose, "prose", "short")
    need_min = np.full(len(page), np.inf)
    need_share = np.zeros(len(page))
    for (z, k), (least, share) in EVIDENCE.items():
        rows = (where == z) & (kind == k)
        need_min[rows], need_share[rows] = least, share
    need = np.maximum(need_min, np.ceil(need_share * n_peers - 1e-9))
    own = lines.supported.to_numpy() | (lines.row.to_numpy() & (zone == INSIDE))
    template = (others >= need) & ~own
    return pd.DataFrame({"page": pages[page[template]], "line_no": lines.line_no[template].to_numpy()})


def _zones(line_no: np.ndarray, page: np.ndarray, own_prose: np.ndarray, n: int) -> np.ndarray:
    """Each line's zone: HEAD or TAIL before or after the article zone of its page (its first to
    its last line of prose no other page holds), INSIDE it; a page without such prose is all
    INSIDE (where the strongest evidence is asked)."""
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, -1)
    np.minimum.at(first, page[own_prose], line_no[own_prose])
    np.maximum.at(last, page[own_prose], line_no[own_prose])
    zone = np.full(len(line_no), INSIDE)
    known = last[page] >= 0
    zone[known & (line_no < first[page])] = HEAD
    zone[known & (line_no > last[page])] = TAIL
    return zone


def _peers(page: np.ndarray, item: np.ndarray, short: np.ndarray, n: int) -> np.ndarray | None:
    """Which pages are each page's peers (n x n, boolean): they share PEER_LINES of its short
    lines in the same zones, and PEER_SHARE of the short lines of the page that has fewer. None
    for a site of more than PEER_PAGES pages."""
    if n > PEER_PAGES:
        return None
    held = _incidence(page[short], item[short], n)
    overlap = (held @ held.T).toarray()
    size = np.asarray(held.sum(axis=1)).ravel()
    peers = (overlap >= PEER_LINES) & (overlap >= PEER_SHARE * np.minimum.outer(size, size))
    np.fill_diagonal(peers, False)
    return peers


def _incidence(rows: np.ndarray, cols: np.ndarray, n: int) -> sparse.csr_matrix:
    """Rows (pages) x columns (items), 1 where a page holds an item (however often)."""
    width = int(cols.max()) + 1 if len(cols) else 0
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, width)).sign()
