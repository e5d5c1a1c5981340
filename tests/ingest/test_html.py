"""An HTML page's article zone (`workbench.ingest.html`): the article's lines trafilatura drops
(first and last paragraphs, lists, block quotes, headings, tables, a body's later chunks) come
back where the page's structure shows they belong to the article; navigation, related links,
share rows, captions, comments and footers stay out. Pages written for these tests."""

from __future__ import annotations

import lxml.html
import trafilatura

from workbench import load_corpus
from workbench.ingest.html import article_text, page_lines

P = ["The river council met on Tuesday in the old mill town to settle the dispute over the weir, "
     "which has divided the valley for a decade.",
     "Fishermen upstream say the weir starves their pools of water every summer, while the mill "
     "owners below want it kept as it is.",
     "The council heard three hours of evidence from both sides before the chair called a short "
     "break in the afternoon session.",
     "After the break, the engineers presented a plan to lower the weir by half a metre and add a "
     "channel for the fish.",
     "The vote is expected next month, once the valley's parish meetings have had their say on "
     "the engineers' plan."]
ITEMS = ["Lower the weir by half a metre", "Add a fish channel on the east bank",
         "Review the flow in three years"]
QUOTE = "We have waited ten years for someone to listen to us."
SUBHEAD = "The engineers' plan"
FURNITURE = ["Home", "Sport", "By Ann Tarn", "5 March 2024", "Facebook", "Twitter",
             "The weir at low water in August", "Read more", "Floods hit the lower valley",
             "Mill owners form a union", "Comments",
             "This weir should have gone years ago, and everyone in the valley knows it by now.",
             "Valley Herald, 1 Market Street. Every right reserved.", "Council weighs the weir plan"]
PAGE = f"""<html><head><title>Council weighs the weir plan | Valley Herald</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="page"><article><h1>Council weighs the weir plan</h1>
<div class="byline">By Ann Tarn</div><time datetime="2024-03-05">5 March 2024</time>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="article-body"><p>{P[0]}</p><p>{P[1]}</p>
<ul>{"".join(f"<li>{item}</li>" for item in ITEMS)}</ul>
<blockquote><p>{QUOTE}</p></blockquote>
<figure><img src="weir.jpg"><figcaption>The weir at low water in August</figcaption></figure>
<p>{P[2]}</p><h2>{SUBHEAD}</h2><p>{P[3]}</p>
<div class="related-links"><h3>Read more</h3><ul><li><a href="/a">Floods hit the lower valley</a>
</li><li><a href="/b">Mill owners form a union</a></li></ul></div><p>{P[4]}</p></div></article>
<div id="comments"><h3>Comments</h3><div class="comment"><p>{FURNITURE[11]}</p></div></div></div>
<footer><p>{FURNITURE[12]}</p></footer></body></html>"""


def lines_of(html: str) -> list[str]:
    return [line.text for line in page_lines(lxml.html.document_fromstring(html))]


def test_a_page_is_laid_out_in_lines_as_a_browser_lays_it_out():
    html = ("<html><body><div>One <b>bold</b> line<br>after a break</div><script>var x;</script>"
            "<div style='display: none'>hidden</div><p class='hidden'>hidden too</p>"
            "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>12</td></tr></table>"
            "<pre>line one\nline two</pre><p>Read <a href='/x'>the report</a></p></body></html>")
    assert lines_of(html) == ["One bold line", "after a break", "Team\tPoints", "Rovers\t12",
                              "line one", "line two", "Read the report"]
    last = page_lines(lxml.html.document_fromstring(html))[-1]
    assert last.link_chars == len("thereport") and last.dense


def test_the_first_and_last_paragraphs_a_list_a_quote_and_a_heading_inside_the_article_come_back():
    text = article_text(PAGE, f"{P[1]}\n{P[3]}", "Council weighs the weir plan")
    assert text.split("\n") == [P[0], P[1], *ITEMS, QUOTE, P[2], SUBHEAD, P[3], P[4]]


def test_navigation_related_links_share_rows_captions_comments_and_footers_stay_out():
    text = article_text(PAGE, trafilatura.extract(PAGE) or "", "Council weighs the weir plan")
    lines = set(text.split("\n"))
    assert not lines & set(FURNITURE)
    assert {*P, *ITEMS, QUOTE} <= lines


def test_the_headline_a_date_a_caption_and_hidden_text_inside_the_body_stay_out():
    html = ("<html><body><div class='post'><h1>Council weighs the weir plan</h1>"
            "<p><time datetime='2024-03-05'>5 March 2024, 10:04</time></p>"
            f"<p>{P[0]}</p><p><img src='w.jpg'><span class='photoCaption'>The weir in August"
            f"</span></p><p>{P[1]}</p><p class='sr-only'>Skip to the next story</p>"
            f"<h1>What comes next</h1><p>{P[2]}</p></div></body></html>")
    extracted = "\n".join(["Council weighs the weir plan", P[0], P[1], "What comes next", P[2]])
    assert article_text(html, extracted, "Council weighs the weir plan | Valley Herald").split(
        "\n") == [P[0], P[1], "What comes next", P[2]]


def test_a_body_the_page_splits_into_chunks_is_read_to_its_end_and_its_comments_are_not():
    chunk = "<div class='grid'><div class='body chunk'><p>{}</p><p>{}</p></div></div>"
    html = (f"<html><body><main><div class='chunks'>{chunk.format(P[0], P[1])}"
            f"<div class='slot'>Advertisement</div>{chunk.format(P[2], P[3])}</div></main>"
            "<section class='reader-responses'><div class='grid'><div class='body chunk'>"
            f"<p>{FURNITURE[11]}</p></div></div></section></body></html>")
    text = article_text(html, f"{P[0]}\n{P[1]}")
    assert text.split("\n") == P[:4]


def test_a_link_alone_among_the_paragraphs_stays_and_a_list_of_links_goes():
    html = (f"<html><body><div class='story'><p>{P[0]}</p><p>[<a href='/s'>Valley Times</a>]</p>"
            f"<p>{P[1]}</p><p><a href='/a'>Floods hit the lower valley</a></p>"
            f"<p><a href='/b'>Mill owners form a union</a></p><p>{P[2]}</p></div></body></html>")
    extracted = "\n".join([P[0], "[Valley Times]", P[1], "Floods hit the lower valley",
                           "Mill owners form a union", P[2]])
    assert article_text(html, extracted).split("\n") == [P[0], "[Valley Times]", P[1], P[2]]


def test_a_page_in_a_script_without_spaces_is_laid_out_and_judged_by_its_structure():
    sentences = ["川の委員会は火曜日に古い町で堰をめぐる争いについて話し合った。",
                 "上流の漁師たちは、夏になると堰のせいで水が足りなくなると言う。",
                 "委員会は休憩の後、技術者たちの計画を聞いた。",
                 "採決は来月行われる予定だ。"]
    menu = ["ホーム", "政治", "経済", "スポーツ"]
    html = ("<html><body><ul class='menu'>" + "".join(f"<li><a href='/'>{m}</a></li>" for m in menu)
            + "</ul><div class='entry'>" + "".join(f"<p>{s}</p>" for s in sentences)
            + "</div><div class='popular-posts'><p>人気の記事</p></div></body></html>")
    text = article_text(html, sentences[1] + "\n" + sentences[2])
    assert text.split("\n") == sentences


def test_a_table_used_for_layout_is_read_cell_by_cell():
    html = ("<html><body><table><tr><td class='menu-cell'><a href='/'>Home</a><br>"
            "<a href='/x'>Archive</a></td><td><div>" + "".join(f"<p>{p}</p>" for p in P[:3])
            + "</div></td></tr></table></body></html>")
    assert article_text(html, P[1]).split("\n") == P[:3]


def test_a_page_wrapped_whole_in_a_form_still_has_its_article():
    html = (f"<html><body><form id='aspnetForm'><nav><a href='/'>Home</a></nav><div class='text'>"
            f"<p>{P[0]}</p><p>{P[1]}</p><p>{P[2]}</p></div></form></body></html>")
    assert article_text(html, P[1]).split("\n") == P[:3]


def test_text_trafilatura_found_that_is_not_on_the_page_is_kept_in_its_place():
    html = f"<html><body><div><p>{P[0]}</p><p>{P[2]}</p></div></body></html>"
    assert article_text(html, f"{P[0]}\n{P[1]}\n{P[2]}").split("\n") == P[:3]
    assert article_text("", P[0]) == P[0]


def test_an_html_page_gets_the_line_rules_but_not_the_text_page_heuristics(corpus_dir):
    """A list-like article: its first lines are a list (the text-page rules would take them for a
    header zone), a line rule still removes an interface string, which corpus.removed keeps."""
    steps = ["Step one: close the sluice gate", "Step two: lower the boards",
             "Step three: open the fish channel", "Step four: check the flow"]
    html = ("<html><head><title>How the weir is lowered</title></head><body><nav><a href='/'>Home"
            "</a></nav><article><h1>How the weir is lowered</h1><div class='body'><ol>"
            + "".join(f"<li>{s}</li>" for s in steps) + "</ol><p>Advertisement</p>"
            + "".join(f"<p>{p}</p>" for p in P) + "</div></article></body></html>")
    (corpus_dir / "weir.html").write_text(html, encoding="utf-8")
    corpus = load_corpus(corpus_dir, metadata=None, cache_dir=corpus_dir.parent / ".cache")
    assert corpus.text("weir").split("\n\n") == [*steps, *P]
    assert corpus.removed[["text", "rule"]].values.tolist() == [["Advertisement", "interface"]]
