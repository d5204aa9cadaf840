"""What can go wrong in an export, as messages a person can act on.

The app's dialog and the `export` subcommand show `str(error)` as it is, so every message names
the file and says what happened in plain words; no traceback reaches the user.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export that could not be done; `str()` is the message to show, `path` the file concerned."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class FileExistsExportError(ExportError):
    """The target file exists and the caller did not say to overwrite it: ask, then retry."""


class NothingToExportError(ExportError):
    """The selection holds no quotes; no file is written, not even an empty one."""
