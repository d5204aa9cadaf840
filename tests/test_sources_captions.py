"""Photo captions are `caption` blocks where the page shows them, and a `<pre>` is preformatted text,
not a block quotation (issue 13): saved pages through trafilatura, feed entries through the plain
HTML reader."""

from __future__ import annotations

from pathlib import Path

from tui.core.model import Article
from tui.core.sources import load_paths

STORY = (
    "<p>Dockers in Mombasa returned to work on Monday after a week-long strike over pay, the union"
    " said in a statement issued late on Sunday evening.</p>"
    "{first}"
    "<p>The union leader Amina Odhiambo led the talks with the port authority for most of the week,"
    " and the dockers voted to accept the offer on Sunday night.</p>"
    "{second}"
    "<p>Shipping lines said the backlog of containers would take at least ten days to clear,"
    " according to estimates shared with reporters at the port.</p>"
)


def page(tmp_path: Path, body: str, *, aside: str = "") -> Article:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Harbour strike ends | Coast News</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        "<main><article><h1>Harbour strike ends</h1><p class='byline'>By Sam Otieno</p>"
        f"{body}</article></main>"
        f"{aside}<footer><p>Copyright Coast News</p></footer></body></html>",
        encoding="utf-8",
    )
    [article], problems = load_paths([str(path)])
    assert problems == []
    return article


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def kinds_of(article: Article, *starts: str) -> list[str]:
    """The kind of the block each of `starts` opens."""
    found = blocks(article)
    return [next(kind for kind, words in found if words.startswith(start)) for start in starts]


FIGURE = "<figure><img src='{name}.jpg' alt=''><figcaption>{caption}</figcaption></figure>"


def test_a_figure_caption_between_paragraphs_is_a_caption_block_in_its_place(tmp_path: Path) -> None:
    caption = "Dockers at the gates of the port on Monday. (Jane Doe/Reuters)"
    article = page(tmp_path, STORY.format(first=FIGURE.format(name="a", caption=caption), second=""))
    shown = blocks(article)
    assert ("caption", caption) in shown
    where = shown.index(("caption", caption))
    assert shown[where - 1][1].startswith("Dockers in Mombasa returned")
    assert shown[where + 1][1].startswith("The union leader Amina Odhiambo")


def test_a_lead_photo_caption_stands_before_the_first_paragraph(tmp_path: Path) -> None:
    lead = FIGURE.format(name="lead", caption="Dockers leave the port gates in Mombasa on Monday.")
    article = page(tmp_path, lead + STORY.format(first="", second=""))
    paragraphs = [words for kind, words in blocks(article) if kind != "heading"]
    assert paragraphs[0] == "Dockers leave the port gates in Mombasa on Monday."
    assert kinds_of(article, "Dockers leave") == ["caption"]
    assert paragraphs[1].startswith("Dockers in Mombasa returned")


def test_a_caption_outside_the_article_stays_out(tmp_path: Path) -> None:
    aside = (
        "<aside class='related'><h2>More stories</h2>"
        + FIGURE.format(name="x", caption="Fishermen mend their nets in Lamu.")
        + "<ul><li><a href='/a'>Lamu fishermen fear new port</a></li><li><a href='/b'>Rail line</a></li></ul>"
        "</aside>"
    )
    article = page(tmp_path, STORY.format(first="", second=""), aside=aside)
    assert "Fishermen" not in article.text
    assert all(kind != "caption" for kind, _ in blocks(article))


def test_two_captions_each_keep_their_place(tmp_path: Path) -> None:
    first = FIGURE.format(name="a", caption="The port gates on Monday morning.")
    second = FIGURE.format(name="b", caption="Cranes idle at berth four during the strike.")
    article = page(tmp_path, STORY.format(first=first, second=second))
    kinds = [kind for kind, _ in blocks(article)]
    assert kinds == ["heading", "paragraph", "caption", "paragraph", "caption", "paragraph"]


def test_a_pre_is_preformatted_text_and_a_blockquote_stays_a_quotation(tmp_path: Path) -> None:
    body = STORY.format(
        first=(
            "<p>The authority published the new rota as commands for the cranes:</p>"
            '<pre>crane set --shift night\ncrane start "berth 4"</pre>'
        ),
        second=(
            "<p>Amina Odhiambo wrote to the members:</p>"
            "<blockquote><p>We have won what we asked for, and we go back to work tomorrow.</p></blockquote>"
        ),
    )
    article = page(tmp_path, body)
    assert kinds_of(article, "crane set", 'crane start "berth 4"') == ["preformatted", "preformatted"]
    assert kinds_of(article, "We have won") == ["blockquote"]
    assert all(kind != "blockquote" for kind, words in blocks(article) if "crane" in words)


def test_a_one_line_pre_is_preformatted_too(tmp_path: Path) -> None:
    body = STORY.format(first='<pre>port_status = "open"  # berth 4</pre>', second="")
    article = page(tmp_path, body)
    assert kinds_of(article, "port_status") == ["preformatted"]


def test_a_feed_entry_s_caption_classes_and_figcaption_are_captions_in_place(tmp_path: Path) -> None:
    html = (
        "<p>The council voted on Monday.</p>"
        "<p>Before the vote <span class='caption'>The hall, full. (J. Doe/AP)</span> the mayor spoke.</p>"
        "<figure><img src='b.jpg'/><figcaption>The mayor at the vote</figcaption></figure>"
        "<pre>votes: 31 for, 4 against</pre>"
    )
    path = tmp_path / "entry.rss"
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Vote</title>"
        f"<description><![CDATA[{html}]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert blocks(article) == [
        ("paragraph", "The council voted on Monday."),
        ("paragraph", "Before the vote"),
        ("caption", "The hall, full. (J. Doe/AP)"),
        ("paragraph", "the mayor spoke."),
        ("caption", "The mayor at the vote"),
        ("preformatted", "votes: 31 for, 4 against"),
    ]


def test_a_long_element_with_a_caption_class_is_not_a_caption(tmp_path: Path) -> None:
    long = "The council met for the whole day and voted on every motion. " * 12
    path = tmp_path / "entry.rss"
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Vote</title>"
        f"<description><![CDATA[<div class='caption'><p>{long}</p></div>]]></description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    [article], _ = load_paths([str(path)])
    assert [kind for kind, _ in blocks(article)] == ["paragraph"]
