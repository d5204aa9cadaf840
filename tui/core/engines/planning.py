"""The work of a run cut into units before any is sent: what the client reads, and what the workers read.

Paths, folders, `-` and web addresses are read here as every other command reads them, and their
articles sent in batches (the same text twice is sent once, as the Library keeps it once). Quoted
globs and storage URLs are only listed here: their files go to the workers by name, a few per unit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from tui.core.engines.remote_files import expand, is_worker_read
from tui.core.engines.tasks import Unit
from tui.core.model import Article, LoadProblem

ARTICLES_PER_UNIT = 8  # as the local pool: the first results come back within a second or two
FILES_PER_UNIT = 4  # a file may hold one article or a feed of fifty


def plan_units(
    paths: Sequence[str],
    *,
    on_problem: Callable[[LoadProblem], None],
    stdin: TextIO | None = None,
    articles_per_unit: int = ARTICLES_PER_UNIT,
    files_per_unit: int = FILES_PER_UNIT,
) -> list[Unit]:
    """Units in the order of `paths`: their results, put back in this order, are the run's output."""
    from tui.core.sources import iter_articles

    units: list[Unit] = []
    seen: set[str] = set()
    waiting: list[Article] = []

    def send_articles() -> None:
        if waiting:
            units.append(Unit(len(units), articles=tuple(a.to_dict() for a in waiting)))
            waiting.clear()

    for given in paths:
        if is_worker_read(given):
            send_articles()
            files = expand(given)
            if isinstance(files, LoadProblem):
                on_problem(files)
                continue
            for start in range(0, len(files), files_per_unit):
                units.append(Unit(len(units), files=tuple(files[start : start + files_per_unit])))
            continue
        for item in iter_articles([given], stdin=stdin):
            if isinstance(item, LoadProblem):
                on_problem(item)
            elif item.id not in seen:
                seen.add(item.id)
                waiting.append(item)
                if len(waiting) >= articles_per_unit:
                    send_articles()
    send_articles()
    return units


def unit_size(unit: Unit) -> int:
    """What a unit counts for in the progress bar: its articles, or its files."""
    return len(unit.articles) + len(unit.files)
