"""Writing an export to disk: what a user sees when the file exists, the folder is wrong, the disk
is full or nothing is selected, and that no half-written or stray file is ever left behind."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core import atomic
from tui.core.export import (
    ExportError,
    ExportItem,
    FileExistsExportError,
    NothingToExportError,
    default_filename,
    export_quotes,
    get_format,
    render_export,
    write_export,
)

NOW = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
ITEM = ExportItem(
    "Ana Jones", "she", '"Quiet, please."', "direct", "said", "T", None, None, None, "a.txt", 0, 16
)
RUNNING_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_writes_the_content_and_reports_where_and_how_many(tmp_path: Path) -> None:
    result = export_quotes([ITEM, ITEM], tmp_path / "out.jsonl", "jsonl", what="marked quotes", now=NOW)
    assert result.path == tmp_path / "out.jsonl"
    assert result.path.read_text("utf-8").count("Quiet, please.") == 2
    assert result.message == f"exported 2 quotes to {tmp_path / 'out.jsonl'}"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_an_existing_file_is_kept_unless_overwriting_is_allowed(tmp_path: Path) -> None:
    target = tmp_path / "quotes.md"
    target.write_text("my notes", encoding="utf-8")
    target.chmod(0o600)

    with pytest.raises(FileExistsExportError, match="already exists") as caught:
        write_export(target, "new content")
    assert caught.value.path == target
    assert target.read_text("utf-8") == "my notes"
    assert os.listdir(tmp_path) == ["quotes.md"]

    write_export(target, "new content", overwrite=True)
    assert target.read_text("utf-8") == "new content"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "quotes.csv"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("theirs", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(FileExistsExportError):
        write_export(target, "mine")
    assert target.read_text("utf-8") == "theirs"
    assert os.listdir(tmp_path) == ["quotes.csv"]


def test_without_hard_links_a_new_file_is_still_written_and_an_old_one_kept(
    tmp_path: Path, monkeypatch
) -> None:
    def no_links(source, destination) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    written = write_export(tmp_path / "new.md", "content")
    assert written.read_text("utf-8") == "content"
    with pytest.raises(FileExistsExportError):
        write_export(written, "other")
    assert written.read_text("utf-8") == "content"
    assert os.listdir(tmp_path) == ["new.md"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"the folder .*nowhere does not exist"):
        write_export(tmp_path / "nowhere" / "q.md", "x")
    assert os.listdir(tmp_path) == []


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match=r"notes is a file, not a folder"):
        write_export(tmp_path / "notes" / "q.md", "x")
    assert (tmp_path / "notes").read_text("utf-8") == "a file"


def test_a_folder_as_the_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        write_export(tmp_path, "x", overwrite=True)


@pytest.mark.skipif(RUNNING_AS_ROOT, reason="root writes into read-only folders; see the file-as-folder test")
def test_an_unwritable_folder_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportError, match=r"no permission to write in .*locked"):
            write_export(locked / "q.md", "x")
        assert os.listdir(locked) == []
    finally:
        locked.chmod(0o700)


def test_a_refused_permission_is_named_even_when_running_as_root(tmp_path: Path, monkeypatch) -> None:
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(ExportError, match=rf"no permission to write in {tmp_path}$"):
        write_export(tmp_path / "q.md", "x")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("failing_call", ["write", "fsync"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch, failing_call: str
) -> None:
    target = tmp_path / "quotes.md"
    target.write_text("yesterday's export", encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing_call, disk_full)
    with pytest.raises(ExportError, match="the disk is full; nothing was written") as caught:
        write_export(target, "today's export " * 1000, overwrite=True)
    monkeypatch.undo()

    assert not isinstance(caught.value, FileExistsExportError)
    assert target.read_text("utf-8") == "yesterday's export"
    assert os.listdir(tmp_path) == ["quotes.md"]


def test_a_partial_write_is_finished_not_truncated(tmp_path: Path, monkeypatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    content = "«Мы не отступим», — сказал он. " * 50
    written = write_export(tmp_path / "q.md", content)
    monkeypatch.undo()
    assert written.read_text("utf-8") == content


def test_an_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(tmp_path / "q.md", "x")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_an_empty_selection_writes_no_file(tmp_path: Path) -> None:
    target = tmp_path / "q.csv"
    with pytest.raises(NothingToExportError, match=r"^nothing to export: .*quotes by Nobody"):
        export_quotes([], target, "csv", what="quotes by Nobody", now=NOW)
    with pytest.raises(NothingToExportError, match=r"^nothing to export"):
        render_export([], "md", what="marked quotes", now=NOW)
    with pytest.raises(NothingToExportError, match=r"^nothing to export"):
        write_export(target, "")
    assert os.listdir(tmp_path) == []


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        written = write_export(tmp_path / "q.md", "x")
    finally:
        os.umask(old_umask)
    assert written.stat().st_mode & 0o777 == 0o644


def test_home_is_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    written = write_export("~/q.md", "x")
    assert written == tmp_path / "q.md" and written.read_text("utf-8") == "x"


def test_text_that_is_not_valid_unicode_is_written_with_replacement_characters(tmp_path: Path) -> None:
    written = write_export(tmp_path / "q.txt", "broken \udcff here")
    assert written.read_text("utf-8") == "broken \ufffd here"


def test_default_filenames_say_what_and_when() -> None:
    assert default_filename("md", "quotes", NOW) == "newsreader-quotes-2026-11-25-1530.md"
    assert default_filename("jsonl", "Marked quotes", NOW) == "newsreader-marked-quotes-2026-11-25-1530.jsonl"
    assert default_filename("csv", "../Ana Jones/*", NOW) == "newsreader-ana-jones-2026-11-25-1530.csv"
    assert default_filename("csv", "Путин", NOW) == "newsreader-путин-2026-11-25-1530.csv"
    assert default_filename("md", "???", NOW) == "newsreader-quotes-2026-11-25-1530.md"


def test_an_unknown_format_names_the_choices() -> None:
    assert get_format(".MD").suffix == ".md"
    with pytest.raises(ExportError, match="unknown export format 'pdf': choose one of md, csv, jsonl"):
        get_format("pdf")


def test_split_surrogate_pairs_are_joined_back(tmp_path: Path) -> None:
    written = write_export(tmp_path / "q.txt", "smile \ud83d\ude00 broken \udcff")
    assert written.read_text("utf-8") == "smile 😀 broken \ufffd"
