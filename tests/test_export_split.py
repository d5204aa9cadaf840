"""A statement split by its cue is exported without the cue: its pieces joined by an ellipsis.

The analysis here comes from the real analyzer, so the test checks what a user exporting such a
statement gets in each format, read back with the reader they would use.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

from markdown_it import MarkdownIt
from nlp_fixtures import analyse

from tui.core.export import export_quotes, select_quotes
from tui.core.model import ELLIPSIS, Article, Quote

NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
TEXT = (
    "The council met on Tuesday.\n\n"
    '"We will not raise taxes," the mayor, Ann Lee, said. "Not this year and not next year."\n'
)
FIRST, SECOND = '"We will not raise taxes,"', '"Not this year and not next year."'


def exported(tmp_path: Path, fmt: str) -> str:
    article = Article(path="news/council.txt", title="Council", text=TEXT)
    analysis = analyse(TEXT)
    items = select_quotes([(article, analysis)])
    assert len(items) == 1, [q.to_dict() for q in analysis.quotes]
    return export_quotes(items, tmp_path / f"q.{fmt}", fmt, what="all quotes", now=NOW).path.read_text(
        "utf-8"
    )


def test_jsonl_gives_the_pieces_without_the_cue_and_where_they_are(tmp_path: Path) -> None:
    (record,) = [json.loads(line) for line in exported(tmp_path, "jsonl").splitlines()]
    assert record["quote"] == FIRST + ELLIPSIS + SECOND
    assert [TEXT[start:end] for start, end in record["parts"]] == [FIRST, SECOND]
    assert TEXT[record["start"] : record["end"]].startswith(FIRST) and TEXT[: record["end"]].endswith(SECOND)
    assert record["cue"] == "said"


def test_csv_gives_the_same_words_and_the_parts_as_json(tmp_path: Path) -> None:
    header, row = list(csv.reader(exported(tmp_path, "csv").splitlines()))
    record = dict(zip(header, row, strict=True))
    assert record["quote"] == FIRST + ELLIPSIS + SECOND
    assert [TEXT[start:end] for start, end in json.loads(record["parts"])] == [FIRST, SECOND]


def test_markdown_block_quote_leaves_the_cue_out(tmp_path: Path) -> None:
    tokens = MarkdownIt("commonmark").parse(exported(tmp_path, "md"))
    inside, depth = [], 0
    for token in tokens:
        depth += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        if token.type == "inline" and depth:
            inside.append(token.content)
    assert inside == [FIRST + ELLIPSIS + SECOND]


def test_a_gap_without_words_is_kept_as_it_is() -> None:
    text = '"One." "Two."'
    quote = Quote(start=0, end=len(text), kind="direct", text=text, parts=((0, 6), (7, len(text))))
    assert quote.spoken_words() == text


def test_a_quote_in_one_piece_is_exported_exactly() -> None:
    text = '"We stay," he said'
    quote = Quote(start=0, end=10, kind="direct", text=text[:10])
    assert quote.spoken_words() == '"We stay,"'


def test_the_actors_panel_names_a_split_statement_by_its_words_not_the_cue() -> None:
    from tui.app.widgets.actors_panel import statement_label

    (quote,) = analyse(TEXT).quotes
    label = statement_label(quote).plain
    assert "We will not raise taxes" in label and "…" in label
    assert "the mayor" not in label
