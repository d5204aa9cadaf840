"""Write a file so that it is either wholly new or wholly as it was, never half-written.

Exports and the marks file are things a person keeps; a crash, a full disk or a second writer
must not leave them truncated. The bytes go to a temporary file in the same folder (so the final
rename never crosses a file system), are flushed to the disk, and only then take the target's
name in one step. On any failure the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

# File systems that cannot hard-link (FAT, some network mounts) answer with one of these; there we
# fall back to a check-then-rename, which is atomic for the content but not for the "is it new" test.
_LINK_UNSUPPORTED = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}


def write_atomic(path: Path | str, data: bytes | str, *, overwrite: bool = True) -> Path:
    """Write `data` (str is encoded as UTF-8) to `path` atomically and durably; return the path.

    With `overwrite=False` an existing file is never replaced: `FileExistsError` is raised, even
    if the file appears while we write. Other failures raise the `OSError` the system gave
    (`PermissionError`, `FileNotFoundError` for a missing folder, `errno.ENOSPC` for a full disk,
    ...) after removing the temporary file. A replaced file keeps its permission bits; a new one
    gets the usual ones (0o666 less the umask), not the private ones of a temporary file.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    existing_mode = _existing_mode(target)
    if existing_mode is not None and not overwrite:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))

    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        if existing_mode is not None:
            os.chmod(temp, existing_mode)
        if overwrite:
            os.replace(temp, target)
        else:
            _rename_if_absent(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)
    return target


def _existing_mode(target: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _rename_if_absent(temp: Path, target: Path) -> None:
    """Give `temp` the name `target` only if no file has it: a hard link fails atomically if it does."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _LINK_UNSUPPORTED:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(temp, target)
    else:
        os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems (Windows) cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path | str, *, overwrite: bool = False) -> Iterator[Path]:
    """A temporary name beside `path` for output too big to hold in memory: a file or a folder.

    The caller writes under the yielded name (a streamed file, or a folder of part files); when the
    block ends without an error, everything is synced and takes `path`'s name in one rename, so a
    crash, a full disk or Ctrl-C leaves `path` as it was and no half-written output under it. On
    an error the temporary file or folder is removed. An existing `path` is replaced only with
    `overwrite=True` (else `FileExistsError`, checked before and again at the rename).
    """
    target = Path(path)
    if os.path.lexists(target) and not overwrite:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temp
        if temp.is_dir():
            for part in sorted(temp.iterdir()):
                _sync_file(part)
            _sync_folder(temp)
            _rename_folder(temp, target, overwrite=overwrite)
        else:
            _sync_file(temp)
            if overwrite and not target.is_dir():
                os.replace(temp, target)
            else:
                _rename_if_absent(temp, target)
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(target.parent)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rename_folder(temp: Path, target: Path, *, overwrite: bool) -> None:
    """A folder cannot replace another in one step: the old one is moved aside first, then removed."""
    aside: Path | None = None
    if os.path.lexists(target):
        if not overwrite:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        aside = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
        os.rename(target, aside)
    try:
        os.rename(temp, target)
    except BaseException:
        if aside is not None:
            os.rename(aside, target)
        raise
    if aside is not None:
        _remove(aside)


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
