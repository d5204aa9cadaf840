"""Loading plain text, Markdown, JSON and JSON Lines articles, the way a user's files arrive."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tui.core.model import Article, LoadProblem
from tui.core.sources import SUPPORTED_SUFFIXES, iter_articles, load_paths
from tui.core.sources.cleaning import is_credited_caption

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO / "sample_data"
FIXTURES = REPO.parent / "shared" / "fixtures"
WIKINEWS = FIXTURES / "wikinews-2019-2020-raw.jsonl"


def load_one(path: Path) -> Article:
    articles, problems = load_paths([str(path)])
    assert problems == []
    assert len(articles) == 1
    return articles[0]


def test_txt_text_is_the_file_unchanged_and_title_is_first_line(tmp_path: Path) -> None:
    raw = "\n  Kazakh FM: Recent events are a hybrid attack \r\nHe said it.\r\n .\r\nMore  text.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = load_one(path)
    assert article.text == raw
    assert article.title == "Kazakh FM: Recent events are a hybrid attack"
    assert article.format == "txt"
    assert article.path == str(path)


def test_markdown_front_matter_becomes_metadata_and_body_plain_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        'title: "Peru: Clashes in the Amazon"\n'
        "date: 2009-06-05\n"
        "source: Global Voices\n"
        "url: http://example.org/peru\n"
        'authors: ["Ana Pérez", "Juan Arellano"]\n'
        "license: CC BY 3.0\n"
        "---\n\n"
        "# A heading\n\n"
        "The **minister** said the talks, as [reported](http://x.org) here,\n"
        "would resume `soon`.\n\n"
        "> “We will not leave,” a leader said.\n\n"
        "- first point\n- second point\n\n"
        "![a photo](pic.jpg)\n",
        encoding="utf-8",
    )
    article = load_one(path)
    assert article.title == "Peru: Clashes in the Amazon"
    assert article.date == "2009-06-05"
    assert article.source == "Global Voices"
    assert article.url == "http://example.org/peru"
    assert article.authors == ("Ana Pérez", "Juan Arellano")
    assert article.licence == "CC BY 3.0"
    assert article.format == "md"
    assert article.text.split("\n\n") == [
        "A heading",
        "The minister said the talks, as reported here, would resume soon.",
        "“We will not leave,” a leader said.",
        "first point",
        "second point",
    ]


def test_markdown_without_front_matter_takes_its_title_from_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("Intro line.\n\n## The Real Title\n\nBody.\n", encoding="utf-8")
    article = load_one(path)
    assert article.title == "The Real Title"
    assert article.date is None


def test_markdown_with_broken_front_matter_still_loads_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text('---\ntitle: "unclosed\ndate: [\n---\n\nThe body survives.\n', encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert [a.text for a in articles] == ["The body survives."]
    assert len(problems) == 1
    assert "front matter" in problems[0].reason


def test_json_object_list_and_api_reply_map_the_usual_field_names(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps(
            {
                "headline": "Storm hits coast",
                "maintext": "Line one.\n\n\nLine two.",
                "date_publish": "2020-03-01 10:00:00",
                "link": "http://e.org/s",
                "author": "Jo Reporter",
                "licence": "CC0",
            }
        ),
        encoding="utf-8",
    )
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {
                        "title": "A",
                        "content": "Alpha text.",
                        "publishedAt": "2021-05-06T07:08:09Z",
                        "source": {"id": None, "name": "Wire"},
                        "authors": ["X", {"name": "Y"}],
                    },
                    {"title": "No body"},
                    {"title": "B", "body": "Beta text.", "published": "Tue, 09 Jun 2009 18:00:00 +0000"},
                ],
            }
        ),
        encoding="utf-8",
    )
    articles, problems = load_paths([str(one), str(many)])
    storm, alpha, beta = articles
    assert (storm.title, storm.text, storm.date) == (
        "Storm hits coast",
        "Line one.\n\nLine two.",
        "2020-03-01",
    )
    assert (storm.url, storm.authors, storm.licence, storm.path) == (
        "http://e.org/s",
        ("Jo Reporter",),
        "CC0",
        str(one),
    )
    assert (alpha.path, alpha.source, alpha.authors, alpha.date) == (
        f"{many}#1",
        "Wire",
        ("X", "Y"),
        "2021-05-06",
    )
    assert (beta.path, beta.date, beta.format) == (f"{many}#3", "2009-06-09", "json")
    assert problems == [
        LoadProblem(
            f"{many}#2",
            "item 2: no article text (looked for the fields text, maintext, body, content, article)",
        )
    ]


def test_jsonl_names_each_broken_line_by_number_and_loads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "First", "text": "One."}),
        "",
        '{"title": "Broken", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "Last", "text": "Four."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert [(a.title, a.path, a.format) for a in articles] == [
        ("First", f"{path}#1", "jsonl"),
        ("Last", f"{path}#5", "jsonl"),
    ]
    assert [p.path for p in problems] == [f"{path}#3", f"{path}#4"]
    assert problems[0].reason.startswith("line 3: not valid JSON")
    assert problems[1].reason == "line 4: expected a JSON object, found a list"


def test_folder_is_read_recursively_sorted_skipping_hidden_and_housekeeping(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed\nbody\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay\nbody\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Sea\n\nbody\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Git\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    articles, problems = load_paths([str(tmp_path)])
    assert [a.title for a in articles] == ["Ay", "Zed", "Sea"]
    assert load_paths([tmp_path])[0] == articles  # a Path works as well as a str
    assert [p.path for p in problems] == [str(tmp_path / "notes.csv")]
    assert "not a supported format (.csv)" in problems[0].reason


def test_missing_path_is_one_problem_and_the_rest_loads(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good\n", encoding="utf-8")
    articles, problems = load_paths([str(tmp_path / "missing.txt"), str(good)])
    assert [a.title for a in articles] == ["Good"]
    assert problems == [LoadProblem(str(tmp_path / "missing.txt"), "no such file or folder")]


def test_articles_arrive_one_by_one_before_the_whole_folder_is_read(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Title {index}\n", encoding="utf-8")
    stream = iter_articles([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, Article) and first.title == "Title 0"
    (tmp_path / "2.txt").unlink()
    rest = list(stream)
    assert [item.title for item in rest if isinstance(item, Article)] == ["Title 1"]


def test_standard_input_reads_text_unchanged_or_json_lines() -> None:
    text = "Piped headline\nBody line.\n"
    articles, problems = load_paths(["-"], stdin=io.StringIO(text))
    assert problems == []
    assert [(a.title, a.text, a.path) for a in articles] == [("Piped headline", text, "<stdin>")]
    lines = '{"title": "J1", "text": "x"}\n{"title": "J2", "text": "y"}\n'
    articles, problems = load_paths(["-"], stdin=io.StringIO(lines))
    assert [a.title for a in articles] == ["J1", "J2"]
    _, problems = load_paths(["-"], stdin=io.StringIO("  \n"))
    assert problems == [LoadProblem("<stdin>", "standard input was empty")]


def test_supported_suffixes_name_the_formats_for_the_help() -> None:
    assert {".txt", ".md", ".json", ".jsonl"} <= set(SUPPORTED_SUFFIXES)


def test_sample_data_loads_sixty_articles_all_with_titles() -> None:
    if not SAMPLE_DATA.is_dir():
        pytest.skip(f"sample_data/ not found at {SAMPLE_DATA}")
    articles, problems = load_paths([str(SAMPLE_DATA)])
    assert problems == []
    assert len(articles) == 60
    assert sorted({a.format for a in articles}) == ["md", "txt"]
    assert all(a.title.strip() for a in articles)
    markdown = [a for a in articles if a.format == "md"]
    assert all(a.date and a.licence for a in markdown)
    assert not any(
        line.startswith(("> ", "# ", "## ", "---", "* ", "- "))
        for a in markdown
        for line in a.text.splitlines()
    )


def test_wikinews_jsonl_fixture_gives_295_articles_with_titles_and_dates() -> None:
    if not WIKINEWS.is_file():
        pytest.skip(f"shared fixtures not found at {FIXTURES} (CI keeps shared/ beside the clone)")
    articles, problems = load_paths([str(WIKINEWS)])
    assert problems == []
    assert len(articles) == 295
    assert all(a.title and a.date and len(a.date) == 10 for a in articles)
    assert all(a.licence == "CC BY 2.5" and a.source for a in articles)
    for article in articles:
        for paragraph in article.text.split("\n\n"):
            assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
    # The raw dump's dateline paragraph and credited photo captions are gone, the words stay.
    first = articles[0]
    assert first.title == "Magnitogorsk apartment building collapses after explosion, dozens dead"
    assert first.text.startswith("An apartment building collapsed on Monday in Magnitogorsk")
    paragraphs = [p for a in articles for p in a.text.split("\n\n")]
    assert not [p for p in paragraphs if "Image: " in p]
    assert not [p for p in paragraphs[1:] if p in ("Friday, January 4, 2019", "Monday, February 11, 2019")]


def test_a_record_with_a_publisher_is_read_with_the_publisher_as_its_source(tmp_path: Path) -> None:
    path = tmp_path / "coverage.jsonl"
    records = [
        {"id": "a", "source": "dataset:train", "publisher": "politico", "title": "T", "text": "Words here."},
        {"id": "b", "source": "The Daily", "title": "U", "text": "Other words."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    articles, problems = load_paths([str(path)])

    assert problems == []
    assert [a.source for a in articles] == ["politico", "The Daily"]


def test_polnear_train_opens_as_it_is_with_seven_publishers() -> None:
    polnear = REPO.parent / "shared" / "eval" / "data" / "polnear-train.jsonl"
    if not polnear.is_file():
        pytest.skip(f"the shared evaluation data is not at {polnear.parent}")
    articles, problems = load_paths([str(polnear)])
    assert problems == []
    assert len(articles) == 840
    assert {a.source for a in articles} == {
        "breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal"
    }  # fmt: skip
    assert all(a.title and a.date for a in articles)


@pytest.mark.parametrize(
    ("paragraph", "is_caption"),
    [
        ("Image: Nicholas Moreau.", True),
        ("A banner for the event. Image: Paul Budd.", True),
        ("Val Demings Image: U.S. Congress.", True),
        ("Whistleblower Julian Assange.Image: New Media Days.", True),
        ("Sirhan in 1969 (Image: CDCR)", True),
        ("The ministry said the image was doctored.", False),
        ("Asked about the photo: “It is fake,” she said.", False),
        ("A long paragraph " * 20 + "Image: Someone.", False),
    ],
)
def test_credited_captions_are_recognised_and_sentences_are_not(paragraph: str, is_caption: bool) -> None:
    assert is_credited_caption(paragraph) is is_caption


def test_json_text_loses_its_dateline_but_keeps_it_as_the_date_when_none_is_given(tmp_path: Path) -> None:
    path = tmp_path / "raw.json"
    path.write_text(json.dumps({"title": "T", "text": "Friday, January 4, 2019\n\n\nThe story."}))
    [article], _ = load_paths([str(path)])
    assert (article.text, article.date) == ("The story.", "2019-01-04")


def test_json_text_given_as_html_becomes_plain_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "cms.json"
    body = "<p>First <em>para</em>.</p>\n<p>Second &amp; last.</p>"
    path.write_text(json.dumps([{"title": "CMS export", "content": body}]), encoding="utf-8")
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.text == "First para.\n\nSecond & last."


def test_jsonl_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"title": "First", "text": "Body."}).encode() + b"\n")
    articles, problems = load_paths([str(path)])
    assert problems == []
    assert [a.title for a in articles] == ["First"]


def test_standard_input_accepts_one_pretty_printed_json_object() -> None:
    document = json.dumps({"headline": "Pretty", "body": "Indented JSON."}, indent=2)
    articles, problems = load_paths(["-"], stdin=io.StringIO(document))
    assert problems == []
    assert [(a.title, a.text, a.path) for a in articles] == [("Pretty", "Indented JSON.", "<stdin>")]


def test_a_pipe_named_as_a_path_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    articles, problems = load_paths([str(fifo)])
    assert articles == []
    assert [p.path for p in problems] == [str(fifo)]
    assert problems[0].reason.startswith("not a regular file")


def test_an_unreadable_file_is_named_with_the_reason(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read files without read permission")
    path = tmp_path / "locked.md"
    path.write_text("# Locked\n", encoding="utf-8")
    path.chmod(0)
    articles, problems = load_paths([str(path)])
    assert articles == []
    assert problems == [LoadProblem(str(path), "cannot read: Permission denied")]


def test_a_file_that_is_not_json_lines_at_all_is_one_problem_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("id,title,text\n" + "".join(f"{n},Title {n},Text {n}\n" for n in range(500)))
    articles, problems = load_paths([str(path)])
    assert articles == []
    assert len(problems) == 1 and problems[0].path == str(path)
    assert problems[0].reason.startswith(
        "not read: its first 20 lines hold no article (line 1: not valid JSON"
    )
