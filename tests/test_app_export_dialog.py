"""The export dialog, driven with keys and clicks like a reader would, writing real quotes to real files.

The quotes are the real analyses of the sample articles (spaCy runs once per session, in
tests/app_library.py); a tiny host app opens the dialog and keeps what it was dismissed with.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import app_library
import pytest
from markdown_it import MarkdownIt
from textual.app import App
from textual.widgets import Button, Input, RadioButton, Static

from tui.app.clipboard import copy_quote
from tui.app.screens.export import ExportScreen, reader_scopes, scope_choices, scope_title
from tui.core.export import ExportItem, ExportResult, default_filename, select_quotes

NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
PUTIN = "Vladimir Putin"
NOT_DISMISSED = object()


@pytest.fixture(scope="module")
def all_items() -> list[ExportItem]:
    analyses = app_library.analyses()
    return select_quotes((article, analyses[article.id]) for article in app_library.articles())


@pytest.fixture(scope="module")
def scopes(all_items: list[ExportItem]) -> dict[str, list[ExportItem]]:
    kazakh = [item for item in all_items if item.path.endswith(app_library.KAZAKHSTAN)]
    putin = [item for item in all_items if item.actor == PUTIN]
    assert kazakh and putin and len(all_items) > len(kazakh), "the sample analyses lost their quotes"
    return scope_choices(
        marked=[],
        article=kazakh,
        actor=(PUTIN, putin),
        search=("csto", kazakh),
        everything=all_items,
    )


def label_of(scopes: dict[str, list[ExportItem]], start: str) -> str:
    return next(label for label in scopes if label.startswith(start))


class Host(App[None]):
    """Opens the dialog at once and keeps its result, as the reader's `e` key will."""

    def __init__(self, dialog: ExportScreen) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NOT_DISMISSED

    def on_mount(self) -> None:
        self.push_screen(self.dialog, callback=self._done)

    def _done(self, result: ExportResult | None) -> None:
        self.result = result


def make_dialog(scopes, tmp_path: Path, default: str | None = None) -> ExportScreen:
    return ExportScreen(scopes, default, folder=tmp_path, now=NOW)


async def type_path(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#export-path", Input)
    field.focus()
    field.clear()
    await pilot.press(*text)


def path_value(pilot) -> str:
    return pilot.app.screen.query_one("#export-path", Input).value


def message(pilot) -> str:
    return str(pilot.app.screen.query_one("#export-message", Static).render())


def blockquotes(markdown: str) -> int:
    return sum(token.type == "blockquote_open" for token in MarkdownIt("commonmark").parse(markdown))


async def test_defaults_name_the_file_after_the_choice(scopes, tmp_path):
    article = label_of(scopes, "Quotes in this article")
    app = Host(make_dialog(scopes, tmp_path, article))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert path_value(pilot) == default_filename("md", "Quotes in this article", NOW)
        target = str(app.screen.query_one("#export-target", Static).render())
        assert str(tmp_path / path_value(pilot)) in target


async def test_choose_csv_type_a_path_and_export(scopes, tmp_path):
    putin = label_of(scopes, "Quotes by")
    app = Host(make_dialog(scopes, tmp_path, putin))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#export-format-csv")
        assert path_value(pilot).endswith(".csv")
        await type_path(pilot, "putin.csv")
        await pilot.press("enter")
        await pilot.pause()

    target = tmp_path / "putin.csv"
    rows = list(csv.DictReader(target.open(newline="", encoding="utf-8")))
    assert [row["quote"] for row in rows] == [item.quote for item in scopes[putin]]
    assert {row["actor"] for row in rows} == {PUTIN}
    assert isinstance(app.result, ExportResult)
    assert app.result.path == target and app.result.count == len(scopes[putin])
    assert app.result.message == f"exported {len(rows)} quote{'s' * (len(rows) != 1)} to {target}"


async def test_keyboard_only_export_of_all_quotes_as_markdown(scopes, tmp_path):
    app = Host(make_dialog(scopes, tmp_path, label_of(scopes, "Quotes in this article")))
    everything = label_of(scopes, "All quotes")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # scope list has focus: move to "All quotes"
        assert app.screen.query_one(f"#export-scope-{list(scopes).index(everything)}", RadioButton).value
        assert path_value(pilot) == default_filename("md", "All quotes", NOW)
        await pilot.press("ctrl+s")
        await pilot.pause()

    written = tmp_path / default_filename("md", "All quotes", NOW)
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# All quotes\n")
    assert blockquotes(text) == len(scopes[everything])
    assert isinstance(app.result, ExportResult)


async def test_format_change_keeps_a_typed_name_but_follows_its_suffix(scopes, tmp_path):
    app = Host(make_dialog(scopes, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_path(pilot, "report.md")
        await pilot.click("#export-format-jsonl")
        assert path_value(pilot) == "report.jsonl"
        await type_path(pilot, "notes")
        await pilot.click("#export-format-csv")
        assert path_value(pilot) == "notes"
        await pilot.click("#export-ok")
        await pilot.pause()

    rows = list(csv.DictReader((tmp_path / "notes").open(newline="", encoding="utf-8")))
    assert len(rows) == app.result.count > 0


async def test_existing_file_is_replaced_only_after_asking(scopes, tmp_path):
    target = tmp_path / "quotes.jsonl"
    target.write_text("precious\n", encoding="utf-8")
    putin = label_of(scopes, "Quotes by")
    app = Host(make_dialog(scopes, tmp_path, putin))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#export-format-jsonl")
        await type_path(pilot, "quotes.jsonl")
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in message(pilot) and "Replace" in message(pilot)
        assert str(app.screen.query_one("#export-ok", Button).label) == "Replace"
        assert target.read_text(encoding="utf-8") == "precious\n"
        assert app.result is NOT_DISMISSED

        await pilot.click("#export-ok")
        await pilot.pause()

    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["quote"] for r in records] == [item.quote for item in scopes[putin]]
    assert isinstance(app.result, ExportResult) and app.result.path == target


async def test_escape_at_the_question_keeps_the_file_and_the_dialog(scopes, tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("mine\n", encoding="utf-8")
    app = Host(make_dialog(scopes, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_path(pilot, "mine.md")
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in message(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert message(pilot) == ""
        assert isinstance(app.screen, ExportScreen)

        await pilot.press("enter")  # asked again: one answer is never taken for the next file
        await pilot.pause()
        assert "already exists" in message(pilot)
        await type_path(pilot, "other.md")
        assert message(pilot) == ""
        await pilot.press("escape")
        await pilot.pause()

    assert app.result is None
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.md"]


async def test_escape_cancels_without_writing(scopes, tmp_path):
    app = Host(make_dialog(scopes, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)

    assert app.result is None
    assert list(tmp_path.iterdir()) == []


async def test_a_folder_that_does_not_exist_is_explained_in_the_dialog(scopes, tmp_path):
    app = Host(make_dialog(scopes, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_path(pilot, "missing/quotes.md")
        await pilot.press("enter")
        await pilot.pause()
        assert "does not exist" in message(pilot)
        assert isinstance(app.screen, ExportScreen) and app.result is NOT_DISMISSED

        await type_path(pilot, "")
        await pilot.press("enter")
        await pilot.pause()
        assert "file name" in message(pilot)

    assert list(tmp_path.iterdir()) == []


async def test_empty_choices_cannot_be_picked_and_are_not_the_default(scopes, tmp_path):
    marked = label_of(scopes, "Marked quotes")
    assert scopes[marked] == []
    app = Host(make_dialog(scopes, tmp_path, marked))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#export-scope-0", RadioButton).disabled
        assert app.screen.scope == list(scopes)[1]
        assert not path_value(pilot).startswith("newsreader-marked")


async def test_nothing_to_export_is_said_not_written(tmp_path):
    app = Host(make_dialog({"Marked quotes (0)": []}, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(pilot).startswith("nothing to export")

    assert list(tmp_path.iterdir()) == []


def test_scope_title_drops_the_count():
    assert scope_title("Quotes by Vladimir Putin (4)") == "Quotes by Vladimir Putin"
    assert scope_title("All quotes (1,204)") == "All quotes"
    assert scope_title("Quotes in articles matching (csto)") == "Quotes in articles matching (csto)"


async def test_copy_puts_the_citation_on_the_clipboard(all_items):
    item = next(item for item in all_items if item.actor == PUTIN)
    app = App[None]()
    async with app.run_test():
        note = copy_quote(app, item)
        assert app.clipboard == item.citation()
    assert PUTIN in note and item.quote.split()[0] in note


def test_reader_scopes_offer_what_is_on_screen(all_items):
    analyses = app_library.analyses()
    pairs = [(article, analyses[article.id]) for article in app_library.articles()]
    kazakh = next(article for article, _ in pairs if article.path.endswith(app_library.KAZAKHSTAN))
    putin = [item for item in all_items if item.actor == PUTIN]

    choices, default = reader_scopes(
        pairs,
        marked=set(),
        article_id=kazakh.id,
        actor=PUTIN,
        query="csto",
        matching_ids={kazakh.id},
    )
    in_article = [item for item in all_items if item.article_id == kazakh.id]
    assert list(choices) == [
        "Marked quotes (0)",
        f"Quotes in this article ({len(in_article)})",
        f"Quotes by {PUTIN} ({len(putin)})",
        f"Quotes in articles matching csto ({len(in_article)})",
        f"All quotes ({len(all_items)})",
    ]
    assert default == f"Quotes in this article ({len(in_article)})"
    assert choices[f"Quotes by {PUTIN} ({len(putin)})"] == putin

    choices, default = reader_scopes(pairs, marked={putin[0].mark_key})
    assert default == "Marked quotes (1)" and choices[default] == [putin[0]]
    assert list(choices) == ["Marked quotes (1)", f"All quotes ({len(all_items)})"]

    _, default = reader_scopes(pairs, marked=set())
    assert default == f"All quotes ({len(all_items)})"
