"""Every relative link in the documentation leads somewhere.

Collects the links of README.md, CHANGES.md, docs/**/*.md and the markdown cells of
notebooks/*.ipynb: `[text](target)`, `![alt](target)`, `[label]: target` and `<a href="target">`,
outside code spans and fenced code blocks. External links (http:, https:, mailto:) are skipped.
A target must exist relative to the file holding the link (a leading `/` means the repository
root); a `#anchor` must equal the GitHub slug of a heading of the target markdown page or
notebook (a pure `#anchor` refers to the page holding it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = re.compile(r"^(https?:|mailto:|//)", re.IGNORECASE)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
                         r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.MULTILINE)
HREF = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
HTML_ANCHOR = re.compile(r"<a\s[^>]*?\b(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def documentation_files() -> list[Path]:
    """The files whose links are checked: the two top-level pages, docs/, the notebooks."""
    files = [ROOT / "README.md", ROOT / "CHANGES.md"]
    files += sorted((ROOT / "docs").rglob("*.md"))
    files += sorted((ROOT / "notebooks").glob("*.ipynb"))
    return [f for f in files if f.exists()]


def markdown_of(path: Path) -> str:
    """The markdown of a page, or the markdown cells of a notebook joined by blank lines."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                           for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def prose_lines(markdown: str) -> list[str]:
    """The lines outside fenced code blocks (a fenced line is blanked, keeping numbering)."""
    out, fence = [], None
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append("")
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append("")
        else:
            out.append(line)
    return out


def links(markdown: str) -> list[str]:
    """Every link target of a page, code spans and fenced code left out."""
    text = CODE_SPAN.sub("", "\n".join(prose_lines(markdown)))
    found = [m.group(1) for m in INLINE_LINK.finditer(text)]
    found += [m.group(1) for m in REFERENCE.finditer(text)]
    found += [m.group(1).strip("\"'") for m in HREF.finditer(text)]
    return [t[1:-1] if t.startswith("<") and t.endswith(">") else t for t in found]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text (markup stripped) lower-cased, every character
    but letters, digits, marks, `_`, `-` and spaces dropped, spaces turned into `-`."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    text = text.lower()
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors a page offers: heading slugs (repeats numbered -1, -2, … as GitHub does)
    and explicit `<a id/name>` anchors."""
    markdown = markdown_of(path)
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in prose_lines(markdown):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2).strip())
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    found |= set(HTML_ANCHOR.findall(markdown))
    return found


def problems(path: Path) -> list[str]:
    """What is wrong with the relative links of one page (empty when every link resolves)."""
    out = []
    for target in links(markdown_of(path)):
        if not target or EXTERNAL.match(target):
            continue
        address, _, anchor = target.partition("#")
        address = unquote(address.split("?", 1)[0])
        if address.startswith("/"):
            linked = ROOT / address.lstrip("/")
        elif address:
            linked = path.parent / address
        else:
            linked = path
        if not linked.exists():
            out.append(f"{target}: {linked.relative_to(ROOT) if linked.is_relative_to(ROOT) else linked}"
                       " does not exist")
            continue
        if anchor and linked.is_file() and linked.suffix in (".md", ".ipynb") \
                and unquote(anchor) not in anchors(linked):
            out.append(f"{target}: {linked.name} has no heading with the anchor #{anchor}")
    return out


FILES = documentation_files()


@pytest.mark.parametrize("path", FILES, ids=[str(f.relative_to(ROOT)) for f in FILES])
def test_every_relative_link_resolves(path):
    found = problems(path)
    assert not found, f"{path.relative_to(ROOT)}: broken links\n" + "\n".join(found)


def test_the_method_pages_exist_where_the_notebooks_name_them():
    for page in ("corpus", "profiling", "trends", "networks"):
        assert (ROOT / "docs" / "methods" / f"{page}.md").is_file(), f"docs/methods/{page}.md"


def test_the_readme_links_every_docs_page_and_the_changes():
    linked = {(ROOT / t.partition("#")[0]).resolve()
              for t in links(markdown_of(ROOT / "README.md")) if not EXTERNAL.match(t)}
    pages = {p.resolve() for p in (ROOT / "docs").rglob("*.md")} | {(ROOT / "CHANGES.md").resolve()}
    missing = sorted(str(p.relative_to(ROOT)) for p in pages - linked)
    assert not missing, f"README.md does not link {', '.join(missing)}"


def test_the_readme_stays_a_front_door_of_at_most_12000_bytes():
    size = len((ROOT / "README.md").read_bytes())
    assert size <= 12_000, f"README.md is {size} bytes; move details into docs/"


@pytest.mark.parametrize("heading, expected", [
    ("Source profiling", "source-profiling"),
    ("Profile table (`profiling.profile`)", "profile-table-profilingprofile"),
    ("Cold ingest: how it works, and where the time goes",
     "cold-ingest-how-it-works-and-where-the-time-goes"),
    ("What `make bench` does", "what-make-bench-does"),
    ("2. Finding mentions", "2-finding-mentions"),
    ("Türkiye’s naming — variants", "türkiyes-naming--variants"),
    ("See [the page](x.md)", "see-the-page"),
])
def test_anchor_slugs_follow_github(heading, expected):
    assert slug(heading) == expected


def test_a_broken_link_or_anchor_is_reported(tmp_path):
    page = tmp_path / "page.md"
    (tmp_path / "other.md").write_text("# Other page\n\n## A section\n", encoding="utf-8")
    page.write_text("# Title\n\n[ok](other.md#a-section) [self](#title) [web](https://example.org)\n"
                    "`[code](missing.md)`\n\n```\n[fenced](missing.md)\n```\n"
                    "[gone](missing.md) [bad anchor](other.md#no-such) [bad self](#nowhere)\n"
                    '<a href="also-missing.md">x</a>\n', encoding="utf-8")
    found = problems(page)
    assert [p.split(":")[0] for p in found] == ["missing.md", "other.md#no-such", "#nowhere",
                                                "also-missing.md"]
