"""How the reader looks in its main states, at 80x24 and 120x40, on real articles and analyses.

Regenerate with `pytest tests/test_snapshots_reader.py --snapshot-update` and look at the SVGs before
committing them. Deterministic: fixed theme, no analysis running, no timers or notifications on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import frozen_library, open_reader
from textual.pilot import Pilot

from tui.app.app import NewsReaderApp

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def reader(marks: Path | None = None) -> NewsReaderApp:
    return open_reader(
        library=frozen_library(), analyze=False, remember=False, theme="textual-dark", marks_path=marks
    )


async def settle(pilot: Pilot) -> None:
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(200):  # keys typed during a search are searched after it, then the article follows
        if app.reader.search_settled:
            break
        await pilot.pause(0.02)
    app.query_one("#search-input").cursor_blink = False
    await pilot.pause()


def keys(*presses: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot) -> None:
        for key in presses:
            await pilot.press(key)
            await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_article_with_a_quote_selected_and_its_actors(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(reader(), terminal_size=size, run_before=keys("enter", "right_square_bracket"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_marked_quote_in_the_article_the_actors_panel_and_the_footer(
    snap_compare, size: tuple[int, int], tmp_path: Path
) -> None:
    async def run(pilot: Pilot) -> None:
        await keys("enter", "right_square_bracket", "m", "right_square_bracket")(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(reader(tmp_path / "marks.json"), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_filters_the_list_and_marks_the_matches(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(reader(), terminal_size=size, run_before=keys("slash", *"trump", "enter", "n"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(reader(), terminal_size=size, run_before=keys("question_mark"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_entity_card_of_an_actor(snap_compare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot) -> None:
        app = pilot.app
        await settle(pilot)
        view = app.reader.article_view
        view.focus()
        first_person = next(
            e for e in sorted(view.analysis.entities, key=lambda e: e.start) if e.label == "PERSON"
        )
        while view.selected_entity != first_person:
            await pilot.press("right_curly_bracket")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(reader(), terminal_size=size, run_before=run)
