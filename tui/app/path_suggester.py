"""Completion of file and folder names as they are typed (the `o` dialog's input).

Textual's Input shows the suggestion greyed after the cursor; → or tab takes it. A folder is
completed with its slash, so the next name can be completed at once. Web addresses are not
completed. Hidden names are offered only once a dot is typed, as shells do.
"""

from __future__ import annotations

import os

from textual.suggester import Suggester

MAX_NAMES_LOOKED_AT = 10_000  # a folder of 100,000 files must not stall a keystroke


class PathSuggester(Suggester):
    """Suggests the first name, in sorted order, that completes what is typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # the disk changes; names have case

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """`value` completed to the first existing name it starts, or None. `~` stands for the home folder."""
    if not value or "://" in value:
        return None
    expanded = os.path.expanduser(value)
    folder, start = os.path.split(expanded)
    names: list[str] = []
    try:
        with os.scandir(folder or ".") as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_NAMES_LOOKED_AT:
                    break
                if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith(".")):
                    names.append(entry.name + ("/" if _is_folder(entry) else ""))
    except OSError:
        return None
    completions = sorted(name for name in names if len(name) > len(start))
    if not completions:
        return None
    return value + completions[0][len(start) :]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
