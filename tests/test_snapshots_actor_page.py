"""How the actor's page looks, at 80x24 and 160x45, on the sample articles' stored analyses.

Regenerate with `pytest tests/test_snapshots_actor_page.py --snapshot-update` and look at the SVGs
before committing them. Deterministic: fixed theme, no analysis running, no notifications on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_library import frozen_library, open_reader
from textual.pilot import Pilot

SIZES = [(80, 24), (160, 45)]


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def page_of(name: str, *presses: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        library = pilot.app.reader.library
        pilot.app.reader.open_actor_page(next(a.key for a in library.actors(None) if a.name == name))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for press in presses:
            await pilot.press(press)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


def reader(marks: Path):  # type: ignore[no-untyped-def]
    return open_reader(
        library=frozen_library(), analyze=False, remember=False, theme="textual-dark", marks_path=marks
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_page_of_an_actor_quoted_in_two_dated_articles_one_statement_marked(
    snap_compare, size: tuple[int, int], tmp_path: Path
) -> None:
    assert snap_compare(
        reader(tmp_path / "marks.json"), terminal_size=size, run_before=page_of("Donald Trump", "down", "m")
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_page_of_an_actor_quoted_only_in_an_undated_article(
    snap_compare, size: tuple[int, int], tmp_path: Path
) -> None:
    assert snap_compare(
        reader(tmp_path / "marks.json"), terminal_size=size, run_before=page_of("Kassym-Jomart Tokayev")
    )


def test_a_statement_printed_by_three_articles_is_one_row_with_its_outlets_and_changes(
    snap_compare, tmp_path: Path
) -> None:
    from reprint_library import reprint_library

    app = open_reader(
        library=reprint_library(),
        analyze=False,
        remember=False,
        theme="textual-dark",
        marks_path=tmp_path / "marks.json",
    )
    assert snap_compare(app, terminal_size=(80, 24), run_before=page_of("Ana Ruiz", "down"))
