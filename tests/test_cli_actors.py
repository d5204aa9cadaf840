"""`newsreader actors`: what a person or a script gets on standard output, and the messages.

The command runs in-process through `tui.cli.main`. Two real Wikinews articles name the Turkish
president, one as `Recep Tayyip Erdoğan` then `Erdoğan`, the other as `Erdoğan` only; spaCy
analyses them once into a cache shared by the module, as a second run of the real command would
read it.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.identity import fold
from tui.core.library import Library
from tui.core.model import Actor, Analysis, Article, Quote, Span
from tui.core.sources import iter_articles

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
SYRIA = str(
    SAMPLE / "wikinews-2019-10-15-kurds-announce-deal-with-assad-s-government-as-turkey-invades-syria-s.md"
)
CAIRO = str(SAMPLE / "wikinews-2020-01-11-cairo-summit-denounces-turkish-libyan-maritime-border-agreement.md")
ERDOGAN = "Recep Tayyip Erdoğan"


@pytest.fixture(scope="module")
def cache_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    pytest.importorskip("spacy")
    return str(tmp_path_factory.mktemp("cache") / "cache.db")


def actors(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["actors", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def records(capsys: pytest.CaptureFixture[str], cache_db: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    status, out, err = actors(capsys, SYRIA, CAIRO, "--db", cache_db, "--format", "jsonl", *args)
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_erdogan_is_one_actor_with_the_articles_of_each_name(capsys, cache_db) -> None:
    found = records(capsys, cache_db)

    named_erdogan = [
        r for r in found if any("erdogan" in fold(n) for n in (r["name"], *(a["name"] for a in r["aliases"])))
    ]
    assert len(named_erdogan) == 1, [r["name"] for r in named_erdogan]
    (erdogan,) = named_erdogan
    assert erdogan["name"] == ERDOGAN and erdogan["type"] == "PERSON"
    assert erdogan["articles"] == 2
    assert {"name": "Erdoğan", "articles": 2} in erdogan["aliases"]
    assert erdogan["statements"] >= 1
    assert (erdogan["first"], erdogan["last"]) == ("2019-10-15", "2020-01-11")
    assert erdogan["sources"] == [{"source": "Wikinews", "articles": 2}]
    said = [r["statements"] for r in found]
    assert said == sorted(said, reverse=True), "most statements first"
    assert len({r["key"] for r in found}) == len(found)


def test_min_statements_keeps_only_the_actors_who_say_that_much(capsys, cache_db) -> None:
    everyone = records(capsys, cache_db)
    assert any(r["statements"] < 2 for r in everyone), "nobody to leave out: the test would prove nothing"

    kept = records(capsys, cache_db, "--min-statements", "2")

    assert kept and all(r["statements"] >= 2 for r in kept)
    assert [r["name"] for r in kept] == [r["name"] for r in everyone if r["statements"] >= 2]

    status, out, err = actors(capsys, SYRIA, CAIRO, "--db", cache_db, "--min-statements", "100000")
    assert status == 1 and out == ""
    assert "no actor with at least 100000 statement(s)" in err


def test_a_negative_minimum_is_refused_by_name(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["actors", SYRIA, "--no-cache", "--min-statements", "-3"])
    assert stop.value.code == 2
    assert "--min-statements" in capsys.readouterr().err


def test_csv_has_a_header_and_the_same_actors_as_json_lines(capsys, cache_db) -> None:
    expected = records(capsys, cache_db)

    status, out, err = actors(capsys, SYRIA, CAIRO, "--db", cache_db, "--format", "csv")

    assert status == 0, err
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["name"] for r in rows] == [r["name"] for r in expected]
    erdogan = next(r for r in rows if r["name"] == ERDOGAN)
    assert (erdogan["type"], erdogan["articles"], erdogan["first"], erdogan["last"]) == (
        "PERSON",
        "2",
        "2019-10-15",
        "2020-01-11",
    )
    assert "Erdoğan (2)" in erdogan["aliases"].split("; ")
    assert all(r["statements"].isdigit() for r in rows)


def test_text_is_an_aligned_table_with_the_aliases(capsys, cache_db) -> None:
    status, out, err = actors(capsys, SYRIA, CAIRO, "--db", cache_db)

    assert status == 0, err
    header, *lines = out.splitlines()
    assert header.split() == ["STATEMENTS", "ARTICLES", "FIRST", "LAST", "TYPE", "ACTOR"]
    column = header.index("ACTOR")
    erdogan = next(line for line in lines if ERDOGAN in line)
    assert erdogan.index(ERDOGAN) == column
    assert "2019-10-15  2020-01-11" in erdogan and "also Erdoğan (2)" in erdogan
    assert all(line[column - 2 : column] == "  " and line[column] != " " for line in lines)
    assert f"{len(lines)} actor(s) in 2 article(s)" in err


def test_a_missing_path_is_named_without_a_traceback(capsys, tmp_path) -> None:
    missing = tmp_path / "no-such-folder"

    status, out, err = actors(capsys, str(missing), "--no-cache")

    assert status == 1 and out == ""
    assert str(missing) in err and "no article could be read" in err


def test_controls_in_a_name_are_shown_harmlessly_in_text_and_kept_exact_in_json(capsys, tmp_path) -> None:
    """An actor's name is the article's bytes: in a table for a terminal its escape sequences are
    placeholders, while JSON Lines in a pipe keeps them exactly (the analysis is one made by hand,
    cached where the command reads it)."""
    pytest.importorskip("spacy")
    hostile = "Evil\x1b[2J\x07 Corp"
    path = tmp_path / "hostile.txt"
    text = f'Board meets\n{hostile} said "we will win" on Monday.\n'
    path.write_text(text, "utf-8")
    db = str(tmp_path / "c.db")
    [article] = [a for a in iter_articles([str(path)]) if isinstance(a, Article)]
    start = text.index('"') + 1
    library = Library(db=db)
    library.add(article)
    name_at = text.index("Evil")
    library.set_analysis(
        Analysis(
            article.id,
            "hand-made",
            quotes=(Quote(start, start + 11, "direct", "we will win", actor=hostile),),
            actors=(Actor(hostile, "ORG", mentions=(Span(name_at, name_at + len(hostile), hostile),)),),
        )
    )
    library.close()

    status, out, err = actors(capsys, str(path), "--db", db)
    assert status == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil␛[2J␇ Corp" in out

    status, out, err = actors(capsys, str(path), "--db", db, "--format", "jsonl")
    assert status == 0, err
    assert [json.loads(line)["name"] for line in out.splitlines()] == [hostile]


class _ClosedPipe(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def,override]
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_a_reader_that_stops_early_ends_the_list_quietly(capsys, monkeypatch, cache_db) -> None:
    """`newsreader actors ... | head`: no traceback, no error, status 0, as any Unix tool."""
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_ClosedPipe())))

    status = main(["actors", SYRIA, CAIRO, "--db", cache_db, "--format", "jsonl"])

    assert status == 0 and capsys.readouterr().err == ""
