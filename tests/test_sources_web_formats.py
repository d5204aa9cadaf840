"""Saved web pages, feeds and newsletters: the formats news arrives in besides plain files."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from tui.core.model import Article
from tui.core.sources import load_paths

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
FEED = FIXTURES / "globalvoices-feature-feed-2009-06-11.rss"
PAGE = FIXTURES / "globalvoices-2009-06-09-north-korea-journalists.html"

needs_fixtures = pytest.mark.skipif(
    not FIXTURES.is_dir(),
    reason=f"shared fixtures not found at {FIXTURES} (CI keeps shared/ beside the clone)",
)


def assert_clean_paragraphs(article: Article) -> None:
    """One paragraph per line, a blank line between them, no markup or stray whitespace."""
    paragraphs = article.text.split("\n\n")
    assert paragraphs
    for paragraph in paragraphs:
        assert paragraph and "\n" not in paragraph
        assert paragraph == paragraph.strip()
        assert "  " not in paragraph
        assert "<p" not in paragraph and "</" not in paragraph and "&amp;" not in paragraph


@needs_fixtures
def test_global_voices_feed_gives_fifteen_articles_with_titles_dates_and_clean_paragraphs() -> None:
    articles, problems = load_paths([str(FEED)])
    assert problems == []
    assert len(articles) == 15
    assert [a.path for a in articles] == [f"{FEED}#{n}" for n in range(1, 16)]
    assert articles[0].title == "Brazil: Amplified conversations to fight the Digital Crimes Bill"
    assert articles[0].date == "2009-06-11"
    assert articles[0].authors == ("Diego Casaes",)
    assert articles[-1].title == "Myanmar: 64 Words for Aung San Suu Kyi"
    assert articles[-1].date == "2009-06-05"
    for article in articles:
        assert article.format == "rss"
        assert article.title and article.date and article.source
        assert len(article.text) > 1500
        assert_clean_paragraphs(article)
    # The full content:encoded body is used, curly quotes intact, photo captions kept as captions.
    north_korea = next(a for a in articles if a.title.startswith("North Korea"))
    assert "“You will have many emotions racing." in north_korea.text
    caption_kinds = [
        block.kind
        for block in articles[0].blocks
        if "Art: Luciano Matsuzaki" in articles[0].text[block.start : block.end]
    ]
    assert caption_kinds == ["caption"]


@needs_fixtures
def test_saved_global_voices_page_gives_the_article_without_navigation_or_comments() -> None:
    articles, problems = load_paths([str(PAGE)])
    assert problems == []
    [article] = articles
    assert article.title == "North Korea: Two American Journalists Sentenced to Hard Labor"
    assert article.date == "2009-06-09"
    assert article.authors == ("Bhumika Ghimire",)
    assert article.source == "Global Voices Online"
    assert article.format == "html"
    assert article.text.startswith("News coming out of Pyongyang is not encouraging.")
    assert article.text.endswith("reunited to their families soon.")
    assert_clean_paragraphs(article)
    # Reader comments, sidebar lists and the site's chrome are gone.
    for noise in (
        "Who really thinks the Jackson",
        "Recent Articles also in Americas",
        "Latin America: The Problem of Child Labor",
        "Reply to this",
        "Funding drive",
        "Meet some of our contributors",
    ):
        assert noise not in article.text


def test_page_without_article_markup_falls_back_to_its_block_text(tmp_path: Path) -> None:
    path = tmp_path / "tiny.htm"
    path.write_text(
        "<html><head><title>Tiny</title><script>var x = 1;</script></head>"
        "<body><p>Only one short line.</p></body></html>",
        encoding="utf-8",
    )
    articles, problems = load_paths([str(path)])
    assert problems == []
    assert [(a.title, a.text) for a in articles] == [("Tiny", "Only one short line.")]


def test_page_in_a_declared_legacy_charset_is_read_correctly(tmp_path: Path) -> None:
    body = "<p>Le ministre a déclaré que la réunion était «très utile» pour l’été.</p>" * 3
    html = f'<html><head><meta charset="windows-1252"><title>Été</title></head><body>{body}</body></html>'
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.title == "Été"
    assert "«très utile» pour l’été" in article.text


def test_atom_feed_uses_content_or_summary_and_names_an_entry_without_text(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <entry>
    <title>Full story</title><updated>2024-02-03T10:00:00Z</updated>
    <link href="https://example.org/full"/>
    <author><name>Ana Writer</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;First &lt;b&gt;paragraph&lt;/b&gt;.&lt;/p&gt;
      &lt;p&gt;Second one.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title><published>2024-02-04T10:00:00Z</published>
    <summary type="text">Just the summary
wrapped on two lines.</summary>
  </entry>
  <entry><title>Headline only</title></entry>
</feed>
""",
        encoding="utf-8",
    )
    articles, problems = load_paths([str(path)])
    assert [(a.title, a.text, a.date, a.format) for a in articles] == [
        ("Full story", "First paragraph.\n\nSecond one.", "2024-02-03", "atom"),
        ("Summary only", "Just the summary wrapped on two lines.", "2024-02-04", "atom"),
    ]
    assert articles[0].url == "https://example.org/full"
    assert articles[0].authors == ("Ana Writer",)
    assert articles[0].source == "Example Wire"
    assert [(p.path, p.reason) for p in problems] == [(f"{path}#3", "entry 3 has no text")]


@needs_fixtures
def test_truncated_feed_keeps_the_whole_entries_and_names_the_break_once(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_bytes(FEED.read_bytes()[:60_000])
    articles, problems = load_paths([str(path)])
    assert 1 <= len(articles) < 15
    full = {a.title: a.text for a in load_paths([str(FEED)])[0]}
    assert all(full[a.title] == a.text for a in articles)
    assert len(problems) == 1
    assert problems[0].path == str(path)
    assert "not well-formed" in problems[0].reason and "cut off" in problems[0].reason


def test_xml_file_that_is_a_feed_is_sniffed_and_other_xml_is_named(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        "<item><title>One</title><description>Body text.</description></item></channel></rss>",
        encoding="utf-8",
    )
    other = tmp_path / "config.xml"
    other.write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    articles, problems = load_paths([str(feed), str(other)])
    assert [(a.title, a.text, a.format) for a in articles] == [("One", "Body text.", "rss")]
    assert [(p.path, p.reason) for p in problems] == [
        (str(other), "an XML file that is not an RSS or Atom feed")
    ]


def newsletter(subject: str, plain: str | None, html: str | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Morning Briefing <briefing@example.org>"
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 09 Jun 2009 18:30:00 +0000"
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_eml_prefers_the_plain_part_and_joins_its_wrapped_lines(tmp_path: Path) -> None:
    path = tmp_path / "briefing.eml"
    plain = "The minister said the talks\nwould resume on Monday.\n\n“We are ready,” she added.\n"
    message = newsletter("Talks to resume", plain, "<p>HTML version</p>")
    path.write_bytes(message.as_bytes())
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.title == "Talks to resume"
    assert article.text == "The minister said the talks would resume on Monday.\n\n“We are ready,” she added."
    assert (article.date, article.source, article.format) == ("2009-06-09", "Morning Briefing", "eml")


def test_eml_with_only_html_goes_through_the_html_reader(tmp_path: Path) -> None:
    path = tmp_path / "html-only.eml"
    html = "<html><body><h1>Weekly</h1><p>First item of the week.</p><p>Second item.</p></body></html>"
    path.write_bytes(newsletter("Weekly digest", None, html).as_bytes())
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.title == "Weekly digest"
    assert "First item of the week." in article.text and "<p>" not in article.text
    assert article.format == "eml"


def test_mbox_gives_one_article_per_message(tmp_path: Path) -> None:
    import mailbox

    path = tmp_path / "letters.mbox"
    box = mailbox.mbox(path)
    box.add(newsletter("First letter", "Body one.\n", None))
    box.add(newsletter("Second letter", "Body two.\n", None))
    box.flush()
    box.close()
    articles, problems = load_paths([str(path)])
    assert problems == []
    assert [(a.title, a.text, a.path, a.format) for a in articles] == [
        ("First letter", "Body one.", f"{path}#1", "mbox"),
        ("Second letter", "Body two.", f"{path}#2", "mbox"),
    ]


def test_mbox_suffix_on_a_file_without_messages_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notmail.mbox"
    path.write_text("just some words\n", encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert articles == []
    assert [p.path for p in problems] == [str(path)]
    assert "not an mbox file" in problems[0].reason


def test_captions_are_caption_blocks_but_a_wrapper_whose_class_mentions_captions_is_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "entry.rss"
    html = (
        "<div class='entry has-captions'><p>The council voted on Monday.</p>"
        "<div class='wp-caption'><img src='a.jpg'/><p class='wp-caption-text'>The hall. Photo by X</p></div>"
        "<figure><img src='b.jpg'/><figcaption>Another photo</figcaption></figure>"
        "<p>The motion passed.</p></div>"
    )
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Vote</title>"
        f"<description><![CDATA[{html}]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    [article], problems = load_paths([str(path)])
    assert problems == []
    blocks = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    assert blocks == [
        ("paragraph", "The council voted on Monday."),
        ("caption", "The hall. Photo by X"),
        ("caption", "Another photo"),
        ("paragraph", "The motion passed."),
    ]
