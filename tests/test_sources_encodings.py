"""Files in other encodings are read correctly; binary files are refused, damaged UTF-8 read with a note."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from tui.core.sources import load_paths
from tui.core.sources.dates import normalise_date

FRENCH = "Le ministre a déclaré : « Nous irons jusqu’au bout », avant de quitter la réunion.\n"
RUSSIAN = "Министр заявил, что переговоры продолжатся в понедельник.\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH * 3, "cp1252"),
        (FRENCH.replace("’", "'") * 3, "latin-1"),
        (RUSSIAN * 3, "koi8-r"),
        (RUSSIAN * 3, "cp1251"),
        (FRENCH * 3, "utf-16"),
        (FRENCH * 3, "utf-8-sig"),
    ],
)
def test_text_in_a_legacy_or_bom_encoding_is_read_as_written(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.text == text
    assert article.title == text.splitlines()[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document, not text"),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "a ZIP archive (.zip, .docx, .epub or .odt), not text",
        ),
        (b"some text\x00\x00\x00more", "binary file (contains NUL bytes), not text"),
        (bytes(range(1, 9)) * 50, "binary file (mostly control bytes), not text"),
        (b"   \n\t\n", "empty file"),
    ],
)
def test_binary_and_blank_files_are_refused_with_the_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    for suffix in (".txt", ".md", ".html", ""):
        path = tmp_path / f"file{suffix}"
        path.write_bytes(data)
        articles, problems = load_paths([str(path)])
        assert articles == []
        assert [(p.path, p.reason) for p in problems] == [(str(path), reason)]


def test_utf8_with_a_damaged_byte_is_read_as_utf8_and_the_damage_named(tmp_path: Path) -> None:
    """Not turned into mojibake by a legacy codec, not refused: read, with a note (not "skipped")."""
    path = tmp_path / "damaged.md"
    good = "# Déjà vu\n\nLe café est là, a dit le ministre devant la presse réunie.\n".encode()
    path.write_bytes(good + b"\xc3(\n")
    [article], [note] = load_paths([str(path)])
    assert article.text.endswith("la presse réunie. \ufffd(")
    assert article.title == "Déjà vu"
    assert note.kept and note.path == str(path)
    assert note.reason == f"read as UTF-8 with 1 damaged byte shown as \ufffd (the first at byte {len(good)})"


def test_ascii_with_a_few_stray_bytes_is_damaged_utf8_not_cyrillic_or_icelandic(tmp_path: Path) -> None:
    body = b"The mayor opened the new bridge on Tuesday, ending two years of works in the centre.\n" * 3
    path = tmp_path / "stray.txt"
    path.write_bytes(b"Bridge opens\n\n" + body + b"\xff\xfe\xc3\x28 the mayor said.\n")
    [article], [note] = load_paths([str(path)])
    assert article.text.endswith("\ufffd\ufffd\ufffd( the mayor said.\n")
    assert note.kept and note.reason.startswith("read as UTF-8 with 3 damaged bytes")


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        (b"caf\xe9", "café"),
        (b"\x93quoted\x94", "“quoted”"),
        (b"5 \xb5g of salt", "5 µg of salt"),
        (b"the 2\xba floor", "the 2º floor"),
        (b"30 m\xb3", "30 m³"),
        (b"SAO PAULO \xc3O", "SAO PAULO ÃO"),
    ],
)
def test_a_few_western_characters_in_english_are_still_windows_1252(
    tmp_path: Path, raw: bytes, read: str
) -> None:
    """The damaged-UTF-8 reading is for bytes no Western writer puts there, not for every accent."""
    body = b"The mayor opened the new bridge on Tuesday, ending two years of works in the centre.\n" * 3
    path = tmp_path / "western.txt"
    path.write_bytes(b"Bridge opens\n\n" + body + raw + b" at the end.\n")
    [article], problems = load_paths([str(path)])
    assert problems == []
    assert article.text.endswith(f"{read} at the end.\n")


def test_mostly_damaged_utf8_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Déjà vu\n".encode() + b"\xe9\xe8\xe0 " * 40)
    articles, [problem] = load_paths([str(path)])
    assert articles == [] and not problem.kept
    assert problem.reason.startswith("invalid UTF-8 at byte 10 (the file is UTF-8 with 120 damaged bytes")


def test_crlf_line_endings_are_kept_in_txt_so_offsets_match_the_file(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"Title line\r\nBody line.\r\n")
    [article], _ = load_paths([str(path)])
    assert article.text == "Title line\r\nBody line.\r\n"
    assert article.title == "Title line"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-04", "2019-01-04"),
        ("2021-05-06T07:08:09Z", "2021-05-06"),
        ("Thu, 11 Jun 2009 10:57:00 +0000", "2009-06-11"),
        ("June 9, 2009", "2009-06-09"),
        ("9 June 2009", "2009-06-09"),
        (dt.date(2009, 6, 5), "2009-06-05"),
        (dt.datetime(2009, 6, 5, 23, 0), "2009-06-05"),
        (time.strptime("2009-06-11", "%Y-%m-%d"), "2009-06-11"),
        (1_244_718_000, "2009-06-11"),
        (1_244_718_000_000, "2009-06-11"),
        ("June 2009", None),
        ("2009", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        ("not a date at all", None),
    ],
)
def test_dates_are_normalised_to_iso_days_or_left_out(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected
