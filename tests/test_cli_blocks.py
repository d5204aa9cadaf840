"""`newsreader analyze --format jsonl` prints each article's blocks, spans of the text it prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


def test_analyze_jsonl_prints_the_blocks_over_its_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "bloggers.md"
    path.write_text(
        "# Bloggers react\n\nJuan Perez writes:\n\n> The speech changed nothing.\n\n- one view\n- another\n",
        encoding="utf-8",
    )
    assert main(["analyze", "--format", "jsonl", "--no-cache", str(path)]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    printed = [(b["kind"], record["text"][b["start"] : b["end"]], b.get("level")) for b in record["blocks"]]
    assert printed == [
        ("heading", "Bloggers react", 1),
        ("paragraph", "Juan Perez writes:", None),
        ("blockquote", "The speech changed nothing.", None),
        ("list_item", "one view", None),
        ("list_item", "another", None),
    ]
    assert all(set(b) <= {"kind", "start", "end", "level"} for b in record["blocks"])
