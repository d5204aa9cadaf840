"""Marked quotes are the reader's own data: they survive restarts, a damaged file never stops the
reader (it is moved aside, not deleted), and a failed save is reported and undone."""

from __future__ import annotations

import errno
import json
import logging
import os
from pathlib import Path

import pytest

from tui.core.marks import MarkKey, MarkSaveError, MarkStore
from tui.core.model import Article, Quote

ARTICLE = Article(path="a.txt", title="T", text='T\n"We will win," she said.')
QUOTE = Quote(start=2, end=17, kind="direct", text='"We will win,"')
KEY = MarkKey.of(ARTICLE, QUOTE)
OTHER = MarkKey("f" * 64, 10, 42)


def test_marks_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "data" / "marks.json"
    store = MarkStore(path)
    assert store.count == 0 and store.problem is None and not path.exists()

    assert store.toggle(KEY) is True
    assert store.toggle(OTHER) is True
    assert store.toggle(OTHER) is False
    assert store.toggle(("f" * 64, 1, 2)) is True

    reopened = MarkStore(path)
    assert reopened.keys() == {KEY, MarkKey("f" * 64, 1, 2)}
    assert reopened.is_marked(KEY) and not reopened.is_marked(OTHER)
    assert reopened.count == len(reopened) == 2
    assert (ARTICLE.id, 2, 17) == KEY


def test_keys_is_a_copy(tmp_path: Path) -> None:
    store = MarkStore(tmp_path / "marks.json")
    store.toggle(KEY)
    store.keys().clear()
    assert store.is_marked(KEY)


def test_the_file_is_plain_json_a_person_can_read(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    store = MarkStore(path)
    store.toggle(OTHER)
    store.toggle(KEY)
    document = json.loads(path.read_text("utf-8"))
    assert document["version"] == 1
    assert document["marks"] == [
        {"article_id": k.article_id, "start": k.start, "end": k.end} for k in sorted([KEY, OTHER])
    ]
    assert os.listdir(tmp_path) == ["marks.json"]


def test_marks_live_in_the_user_data_folder_not_the_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    store = MarkStore()
    store.toggle(KEY)
    assert store.path == tmp_path / "data" / "newsreader" / "marks.json"
    assert MarkStore().is_marked(KEY)
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"version": 1, "marks": [', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'["just", "a", "list"]', 'no "marks" list'),
        (b'{"version": 1, "marks": [{"article_id": "x", "start": "2", "end": 5}]}', "mark 1 is not"),
        (b'{"version": 99, "marks": []}', "unknown version 99"),
    ],
)
def test_a_damaged_file_is_moved_aside_and_the_reader_starts_empty(
    tmp_path: Path, caplog, content: bytes, reason: str
) -> None:
    path = tmp_path / "marks.json"
    path.write_bytes(content)
    with caplog.at_level(logging.INFO, logger="tui.core.marks"):
        store = MarkStore(path)

    assert store.count == 0
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("marks.json.damaged-")]
    assert aside.read_bytes() == content
    assert store.problem is not None
    assert str(path) in store.problem and reason in store.problem and str(aside) in store.problem
    assert store.problem in caplog.text

    store.toggle(KEY)
    assert MarkStore(path).keys() == {KEY}
    assert aside.read_bytes() == content


def test_two_damaged_files_in_a_row_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    for content in (b"{first", b"{second"):
        path.write_bytes(content)
        assert MarkStore(path).problem
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir() if p.name != "marks.json")
    assert kept == [b"{first", b"{second"]


def test_a_damaged_file_that_cannot_be_moved_is_never_overwritten(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "marks.json"
    path.write_bytes(b"{damaged")

    def refused(source, destination) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "rename", refused)
    store = MarkStore(path)
    monkeypatch.undo()

    assert store.problem is not None and "marks are not saved" in store.problem
    with pytest.raises(MarkSaveError, match="could not be moved aside"):
        store.toggle(KEY)
    assert not store.is_marked(KEY)
    assert path.read_bytes() == b"{damaged"


def test_a_failed_save_is_reported_and_undone(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where the folder should be", encoding="utf-8")
    store = MarkStore(tmp_path / "blocker" / "marks.json")
    with pytest.raises(MarkSaveError, match=r"could not save marks to .*blocker.*a file is in the way"):
        store.toggle(KEY)
    assert not store.is_marked(KEY) and store.count == 0


def test_a_full_disk_keeps_the_saved_marks(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "marks.json"
    store = MarkStore(path)
    store.toggle(KEY)
    saved = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(MarkSaveError, match="No space left"):
        store.toggle(OTHER)
    monkeypatch.undo()

    assert store.keys() == {KEY}
    assert path.read_bytes() == saved
    assert os.listdir(tmp_path) == ["marks.json"]


def test_setting_what_is_already_set_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    store = MarkStore(path)
    store.set_marked(KEY, False)
    assert not path.exists()
    store.set_marked(KEY, True)
    store.set_marked(KEY, True)
    assert store.keys() == {KEY}


def test_two_readers_open_at_once_keep_each_others_marks(tmp_path: Path) -> None:
    path = tmp_path / "marks.json"
    first, second = MarkStore(path), MarkStore(path)
    first.toggle(KEY)
    second.toggle(OTHER)
    assert second.keys() == {KEY, OTHER}
    first.toggle(KEY)
    assert MarkStore(path).keys() == {OTHER}
