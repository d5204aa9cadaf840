"""A folder that mixes every format with broken files: everything readable loads, each problem named once."""

from __future__ import annotations

import json
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from tui.core.model import Article, LoadProblem
from tui.core.sources import iter_articles, load_paths

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
FEED = FIXTURES / "globalvoices-feature-feed-2009-06-11.rss"
PAGE = FIXTURES / "globalvoices-2009-06-09-north-korea-journalists.html"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
FIFTY_MEGABYTES = 50 * 1024 * 1024


def write_message(subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Desk <desk@example.org>"
    message["Subject"] = subject
    message["Date"] = "Mon, 01 Jun 2020 08:00:00 +0000"
    message.set_content(body)
    return message


def build_mixed_folder(root: Path) -> None:
    """Every format once, plus the files a real folder of downloads contains by accident."""
    (root / "nested").mkdir()
    (root / "01-plain.txt").write_text("Plain headline\nThe plain body.\n", encoding="utf-8")
    (root / "02-note.md").write_text("---\ntitle: Markdown story\ndate: 2020-01-02\n---\n\nBody *here*.\n")
    (root / "03-one.json").write_text(json.dumps({"title": "JSON story", "text": "JSON body."}))
    lines = [json.dumps({"title": f"Line {n}", "text": f"Body {n}."}) for n in range(1, 5)]
    lines[2] = '{"title": "Line 3", "text": "cut'
    (root / "04-lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "05-page.html").write_bytes(PAGE.read_bytes())
    (root / "06-feed.rss").write_bytes(FEED.read_bytes())
    (root / "07-wire.atom").write_text(
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>W</title>"
        "<entry><title>Atom story</title><updated>2020-01-03T00:00:00Z</updated>"
        "<content type='text'>Atom body.</content></entry></feed>",
        encoding="utf-8",
    )
    (root / "08-letter.eml").write_bytes(write_message("Letter story", "Letter body.\n").as_bytes())
    box = mailbox.mbox(root / "09-letters.mbox")
    box.add(write_message("Mbox story", "Mbox body.\n"))
    box.close()
    (root / "nested" / "10-legacy.txt").write_bytes(
        "Café crème\nLe garçon a dit «bonjour».\n".encode("cp1252")
    )
    (root / "binary.txt").write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    (root / "empty.md").write_bytes(b"")
    (root / "truncated.rss").write_bytes(FEED.read_bytes()[:60_000])
    (root / "invalid-utf8.txt").write_bytes("Titre déjà vu\n".encode() + b"broken \xff\xfe bytes\n")
    with (root / "huge.txt").open("wb") as handle:
        handle.truncate(0)
        line = b"A very long text file that nobody should analyse as one article.\n"
        handle.write(line * (FIFTY_MEGABYTES // len(line) + 1))
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"shared fixtures not found at {FIXTURES}")
def test_mixed_folder_loads_everything_readable_and_names_each_problem_once(tmp_path: Path) -> None:
    build_mixed_folder(tmp_path)
    articles, problems = load_paths([str(tmp_path)])

    by_file: dict[str, list[Article]] = {}
    for article in articles:
        by_file.setdefault(Path(article.path.split("#")[0]).name, []).append(article)
    assert {name: len(found) for name, found in by_file.items()} == {
        "01-plain.txt": 1,
        "02-note.md": 1,
        "03-one.json": 1,
        "04-lines.jsonl": 3,
        "05-page.html": 1,
        "06-feed.rss": 15,
        "07-wire.atom": 1,
        "08-letter.eml": 1,
        "09-letters.mbox": 1,
        "10-legacy.txt": 1,
        "invalid-utf8.txt": 1,
        "truncated.rss": len(by_file.get("truncated.rss", [])),
    }
    assert 1 <= len(by_file["truncated.rss"]) < 15
    assert {a.format for a in articles} == {
        "txt",
        "md",
        "json",
        "jsonl",
        "html",
        "rss",
        "atom",
        "eml",
        "mbox",
    }
    assert all(a.title for a in articles)
    assert by_file["10-legacy.txt"][0].text == "Café crème\nLe garçon a dit «bonjour».\n"

    named = [Path(p.path).name for p in problems]
    assert sorted(named) == sorted(
        ["04-lines.jsonl#3", "binary.txt", "empty.md", "huge.txt", "invalid-utf8.txt", "truncated.rss"]
    )
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert reasons["04-lines.jsonl#3"].startswith("line 3: not valid JSON")
    assert reasons["binary.txt"] == "a PNG image, not text"
    assert reasons["empty.md"] == "empty file"
    assert reasons["huge.txt"] == "too large to be an article (50.0 MB; the limit is 10.0 MB)"
    first_bad_byte = len("Titre déjà vu\nbroken ".encode())
    assert reasons["invalid-utf8.txt"] == (
        f"read as UTF-8 with 2 damaged bytes shown as \ufffd (the first at byte {first_bad_byte})"
    )
    assert [Path(p.path).name for p in problems if p.kept] == ["invalid-utf8.txt", "truncated.rss"]
    assert by_file["invalid-utf8.txt"][0].text == "Titre déjà vu\nbroken \ufffd\ufffd bytes\n"
    assert "not well-formed" in reasons["truncated.rss"]


def test_a_huge_file_is_refused_without_holding_up_the_files_after_it(tmp_path: Path) -> None:
    with (tmp_path / "a-huge.txt").open("wb") as handle:
        handle.truncate(FIFTY_MEGABYTES)
    (tmp_path / "b-small.txt").write_text("Small story\n", encoding="utf-8")
    stream = iter_articles([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, LoadProblem) and first.path == str(tmp_path / "a-huge.txt")
    second = next(stream)
    assert isinstance(second, Article) and second.title == "Small story"
