"""Folders to files: recursive, sorted, hidden entries and repository housekeeping files skipped.

A folder of articles often carries its README, SOURCES or LICENSE beside them; those describe the
collection and are not articles, so a folder walk leaves them out (naming such a file explicitly
still reads it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tui.core.model import LoadProblem

HOUSEKEEPING_STEMS = frozenset(
    {"readme", "sources", "license", "licence", "copying", "notice", "authors", "changelog", "contributing"}
)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def is_housekeeping(path: Path) -> bool:
    """README.md, SOURCES.md, LICENSE, ...: files that describe a collection rather than belong to it."""
    return path.stem.lower() in HOUSEKEEPING_STEMS


def files_in_folder(folder: Path) -> Iterator[Path | LoadProblem]:
    """Every article candidate under `folder`, depth first, names sorted, hidden ones skipped.

    A folder that cannot be listed is named as a problem; a symlink that loops back is not followed
    twice; a named pipe, socket or device is named and never opened (opening a pipe would hang).
    """
    yield from _walk(folder, set())


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | LoadProblem]:
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield LoadProblem(str(folder), f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            exists = is_dir or is_file or os.path.exists(entry.path)
        except OSError:
            is_dir = is_file = exists = False
        if is_dir:
            yield from _walk(path, seen)
        elif is_housekeeping(path):
            continue
        elif is_file or not exists:
            yield path  # a dangling or looping link is named by the reader: "cannot read: ..."
        else:
            # Opening a named pipe waits for a writer that may never come: the walk would hang.
            yield LoadProblem(str(path), "not a regular file (a pipe, socket or device)")
