"""Reopening articles that are all in the cache: highlights, actors and quote keys work at once.

Issue 10, item 6: the reader opened the first article while loading was still writing the batch it
came in; the library could not tell then that its analysis was cached, nothing was left to analyse,
and the article stayed "analysing…" (no actors, `]` found no quote) until the reader moved away.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from app_library import analyses, open_reader, sample_paths

from tui.app.widgets.legend import LegendBar
from tui.core.library import Library
from tui.core.model import Article
from tui.core.store import Store


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def cached_db(tmp_path: Path) -> str:
    """A cache holding the sample articles and their real analyses, as a first reading leaves it."""
    db = str(tmp_path / "cache.db")
    library = Library(db=db)
    library.open(sample_paths())
    found = analyses()
    library.set_analyses([found[a.id] for a in library.articles])
    library.close()
    return db


async def test_a_cached_library_shows_actors_and_steps_through_quotes_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = cached_db(tmp_path)
    app = open_reader(paths=sample_paths(), db=db, remember=False)  # analyse: nothing is left to

    # Every article goes to the list as soon as it is read, the cache is written two articles at a
    # time, and writing the first two takes until the reader has opened the first article: the
    # moment the issue describes, made certain instead of left to the machine's timing.
    monkeypatch.setattr("tui.app.jobs.LOAD_BATCH_SECONDS", 0)
    monkeypatch.setattr("tui.core.library.STORE_BATCH", 2)
    write = Store.put_articles

    def slow_write(self: Store, articles: Sequence[Article]) -> None:
        write(self, articles)
        deadline = time.monotonic() + 5
        while app.reader.current_id is None and time.monotonic() < deadline:
            time.sleep(0.01)

    monkeypatch.setattr(Store, "put_articles", slow_write)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.library.pending() == []
        view = app.reader.article_view
        assert view.article is not None and view.analysis is not None
        assert "analysing" not in str(app.query_one(LegendBar).render())
        panel = app.reader.actors_panel
        assert panel.actors, "the actors of the open article are listed"
        assert "once analysed" not in app.export_screenshot()
        await pilot.press("right_square_bracket")
        assert view.selected_quote is not None
        await pilot.press("m")
        assert len(app.mark_store.keys()) == 1
        assert not any("Select a quote first" in n.message for n in app._notifications)
