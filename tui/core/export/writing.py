"""Putting an export on disk: atomically, never over a file without being told, in plain words.

Every failure a user can meet (folder missing or not writable, disk full, file already there,
nothing selected) becomes an `ExportError` whose message names the file; an existing file is
never damaged and no half-written file is ever left behind.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core.atomic import write_atomic
from tui.core.export.errors import ExportError, FileExistsExportError, NothingToExportError
from tui.core.export.formats import render_export
from tui.core.export.items import ExportItem

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


@dataclass(frozen=True)
class ExportResult:
    """What was written: the app and the command line both say `message`."""

    path: Path
    count: int
    fmt: str

    @property
    def message(self) -> str:
        noun = "quote" if self.count == 1 else "quotes"
        return f"exported {self.count} {noun} to {self.path}"


def encode_export(content: str) -> bytes:
    """The bytes of an export, for a file or standard output alike: UTF-8 whatever the input held.

    Lone surrogates (from undecodable input read with surrogateescape) cannot be UTF-8: split
    pairs are joined and the rest become U+FFFD.
    """
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError:
        return content.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")


def write_export(path: Path | str, content: str, *, overwrite: bool = False) -> Path:
    """Write `content` to `path` (a leading `~` is expanded) atomically; return the absolute path.

    Raises `FileExistsExportError` if the file exists and `overwrite` is False, and `ExportError`
    with a plain message for every other failure.
    """
    target = Path(path).expanduser().absolute()
    _refuse_special_file(target)
    if not content:
        raise NothingToExportError(
            f"nothing to export: the export of {target.name} would be empty", path=target
        )
    try:
        return write_atomic(target, encode_export(content), overwrite=overwrite)
    except FileExistsError:
        raise FileExistsExportError(
            f"{target} already exists; choose another name or allow overwriting it", path=target
        ) from None
    except OSError as error:
        raise ExportError(_explain(target, error), path=target) from error


def check_writable(path: Path | str) -> Path:
    """Make sure an export to `path` can be written, before any slow work; return the absolute path.

    Tries what `write_export` will do (a temporary file beside the target, removed at once), so a
    missing, read-only or full folder is reported before the articles are analysed, not after.
    Raises `ExportError` (or `FileExistsExportError` is left to `write_export`) with the reason.
    """
    target = Path(path).expanduser().absolute()
    _refuse_special_file(target)
    probe = target.with_name(f".{target.name}.{secrets.token_hex(4)}.probe")
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise ExportError(_explain(target, error), path=target) from error
    return target


def export_quotes(
    items: Sequence[ExportItem],
    path: Path | str,
    fmt: str,
    *,
    what: str,
    now: datetime | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Render `items` in format `fmt` and write them to `path`: the dialog's and the CLI's one call."""
    content = render_export(items, fmt, what=what, now=now or datetime.now().astimezone())
    written = write_export(path, content, overwrite=overwrite)
    return ExportResult(path=written, count=len(items), fmt=fmt)


def _refuse_special_file(target: Path) -> None:
    """A device, pipe or socket is never replaced: an atomic write renames a new file over the
    target, which (as root, with --force) would put a plain file where /dev/null was."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise ExportError(
            f"cannot write {target}: it is a device, pipe or socket, not a file; "
            "to send the export there, leave out -o and redirect standard output",
            path=target,
        )


def _explain(target: Path, error: OSError) -> str:
    folder = target.parent
    if error.errno in _DISK_FULL:
        return (
            f"cannot write {target}: the disk is full; nothing was written and any existing file is unchanged"
        )
    if isinstance(error, IsADirectoryError):
        return f"cannot write {target}: it is a folder; give a file name"
    if isinstance(error, NotADirectoryError) or (folder.exists() and not folder.is_dir()):
        return f"cannot write {target}: {_first_file_in(folder)} is a file, not a folder"
    if isinstance(error, FileNotFoundError) and not folder.exists():
        return f"cannot write {target}: the folder {folder} does not exist"
    if isinstance(error, PermissionError):
        return f"cannot write {target}: no permission to write in {folder}"
    if error.errno == errno.EROFS:
        return f"cannot write {target}: {folder} is on a read-only disk"
    if error.errno == errno.ENAMETOOLONG:
        return f"cannot write {target}: the name is too long"
    return f"cannot write {target}: {error.strerror or error}"


def _first_file_in(folder: Path) -> Path:
    """The part of the path that is a file where a folder should be, to name it in the message."""
    for candidate in (*reversed(folder.parents), folder):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return folder
