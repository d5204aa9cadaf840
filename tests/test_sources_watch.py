"""`--watch`: files added or changed in an opened folder are reported, ignored ones are not."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

from tui.core.sources import load_paths, watch_paths
from tui.core.sources.watching import is_watched_file


def test_new_and_changed_article_files_are_reported_and_others_ignored(tmp_path: Path) -> None:
    (tmp_path / "existing.txt").write_text("Old\n", encoding="utf-8")
    stop = threading.Event()
    batches: queue.Queue[list[str]] = queue.Queue()

    def run() -> None:
        for batch in watch_paths([str(tmp_path)], stop, debounce_ms=50):
            batches.put(batch)

    watcher = threading.Thread(target=run, daemon=True)
    watcher.start()
    try:
        seen: set[str] = set()
        wanted = {str((tmp_path / "new.md").resolve()), str((tmp_path / "existing.txt").resolve())}
        deadline = time.monotonic() + 15
        while not wanted <= seen and time.monotonic() < deadline:
            (tmp_path / ".hidden.txt").write_text("Hidden\n", encoding="utf-8")
            (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
            (tmp_path / "new.md").write_text("# New story\n\nBody.\n", encoding="utf-8")
            (tmp_path / "existing.txt").write_text("Changed\n", encoding="utf-8")
            try:
                seen.update(batches.get(timeout=1))
            except queue.Empty:
                continue
        assert wanted <= seen
        assert not any(Path(p).name in (".hidden.txt", "notes.csv") for p in seen)
        articles, _ = load_paths(sorted(seen))
        assert {a.title for a in articles} == {"New story", "Changed"}
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not watcher.is_alive()


def test_watched_files_follow_the_folder_walk_rules(tmp_path: Path) -> None:
    root = tmp_path / ".config" / "news"
    assert is_watched_file(root / "a.txt", [root])
    assert is_watched_file(root / "sub" / "b.rss", [root])
    assert not is_watched_file(root / ".git" / "c.txt", [root])
    assert not is_watched_file(root / "README.md", [root])
    assert not is_watched_file(root / "photo.jpg", [root])
    assert not is_watched_file(tmp_path / "elsewhere.txt", [root])


def test_nothing_to_watch_ends_at_once(tmp_path: Path) -> None:
    assert list(watch_paths(["-", str(tmp_path / "missing")], threading.Event())) == []
