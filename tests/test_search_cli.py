"""`newsreader search`: what a person or a script sees on standard output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
KAZAKHSTAN = str(SAMPLE / "kazakhstan-csto-forces-to-remain.txt")
PERU = [str(p) for p in sorted(SAMPLE.glob("globalvoices-2009-06-0*-peru-*.md"))]


def test_text_output_names_each_match_with_its_snippet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(PERU) == 2
    code = main(
        ["search", "bagua -clashes", *PERU, KAZAKHSTAN, "--no-analysis", "--db", str(tmp_path / "c.db")]
    )
    out, err = capsys.readouterr()
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[1]
        .strip()
        .endswith("globalvoices-2009-06-08-peru-responsibility-for-the-casualties-in-amazon-conflict.md")
    )
    assert "[Bagua]" in lines[2]
    assert len(lines) == 3
    assert "1 article(s) match" in err


def test_jsonl_for_scripts_with_actor_search_after_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("spacy")
    db = str(tmp_path / "c.db")
    assert main(["search", "actor:Tokayev", KAZAKHSTAN, *PERU, "--format", "jsonl", "--db", db]) == 0
    out, _ = capsys.readouterr()
    (line,) = out.splitlines()
    record = json.loads(line)
    assert record["path"] == KAZAKHSTAN
    assert record["title"].startswith("Kazakhstan President")
    text = Path(KAZAKHSTAN).read_text("utf-8")
    assert {text[s:e] for s, e in record["matches"]} == {"Tokayev"}
    assert [record["snippet"][s:e] for s, e in record["snippet_matches"]] == ["Tokayev"]

    # the second run answers from the cache: no analysis needed, same answer
    assert (
        main(["search", "actor:Tokayev", KAZAKHSTAN, "--format", "jsonl", "--db", db, "--no-analysis"]) == 0
    )
    again, _ = capsys.readouterr()
    assert json.loads(again)["path"] == KAZAKHSTAN


def test_no_match_exits_1_and_a_bad_query_exits_2_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzyzx", KAZAKHSTAN, "--no-cache", "--no-analysis"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "0 article(s) match" in err
    assert main(["search", "colour:red", KAZAKHSTAN, "--no-cache"]) == 2
    _, err = capsys.readouterr()
    assert "unknown field colour:" in err and "Traceback" not in err
