"""`--watch`: the files that appear or change in the opened paths, as they do, for the reader to load.

watchfiles (Rust notify underneath) batches file-system events; this keeps the ones a reader
would load (added or modified files with a supported suffix, not hidden, not housekeeping) and
hands them over as sorted lists of paths.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from .dispatch import SUFFIX_FORMATS
from .walking import is_hidden, is_housekeeping


def is_watched_file(path: Path, roots: Sequence[Path]) -> bool:
    """Would a folder walk from one of `roots` read this file? (Hidden, housekeeping, unknown: no.)"""
    if path.suffix.lower() not in SUFFIX_FORMATS or is_housekeeping(path):
        return False
    for root in roots:
        if path == root:
            return True
        if path.is_relative_to(root):
            return not any(is_hidden(part) for part in path.relative_to(root).parts)
    return False


def watch_paths(
    paths: Sequence[str], stop_event: threading.Event, *, debounce_ms: int = 400
) -> Iterator[list[str]]:
    """Lists of new or changed article files under `paths`, until `stop_event` is set.

    URLs and `-` are skipped (there is nothing to watch); paths that do not exist are skipped too.
    """
    from watchfiles import Change, watch

    roots = [Path(p).expanduser().resolve() for p in paths if p != "-" and Path(p).expanduser().exists()]
    if not roots:
        return
    for changes in watch(
        *roots,
        stop_event=stop_event,
        debounce=debounce_ms,
        watch_filter=lambda change, path: change != Change.deleted and is_watched_file(Path(path), roots),
        raise_interrupt=False,
    ):
        changed = sorted({path for _, path in changes if Path(path).is_file()})
        if changed:
            yield changed
