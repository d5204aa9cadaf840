"""How the reader was asked to run: one frozen object from the command line (or a test) to the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReaderOptions:
    """Everything `newsreader [PATH...]` can be told, with the defaults a user gets.

    `paths` are read after the first paint, which lists what they gave last time from the cache
    (none: the paths remembered from last time, else the welcome screen); `model`, `db` and
    `no_cache` open the library; `analyze=False` shows articles without analysing them and
    `analysis_in_processes=False` analyses in a thread (tests, benches); `remember=False` neither
    reads nor writes the session (paths and list order); `session_path`, `view_path`, `keymap_path`
    and `marks_path` replace the user's own files; `watch` follows the opened folders.
    """

    paths: tuple[str, ...] = ()
    model: str | None = None
    db: str | None = None
    no_cache: bool = False
    analyze: bool = True
    analysis_in_processes: bool = True
    remember: bool = True
    session_path: Path | None = None
    view_path: Path | None = None
    keymap_path: Path | None = None
    marks_path: Path | None = None
    theme: str | None = None
    watch: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "paths", tuple(self.paths))  # a list given is kept as a tuple
