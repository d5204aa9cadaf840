"""`newsreader import`: analysed results (JSON Lines or Parquet) into the analysis cache.

An article analysed on a cluster is stored as if this machine had analysed it: under its text's
content hash and the pipeline's identity, with the article itself (the search index is built from
the cache). The reader then finds every analysis there and never starts spaCy for them. A result
made by another pipeline (another model, another version of the analysis) is not stored: this
newsreader would find something else, so it counts as not analysed and is named in the report.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.model import Analysis, Article, LoadProblem
from tui.core.results.parquet_format import parquet_files, read_parquet_records
from tui.core.results.records import BadRecord, from_record
from tui.core.store import Store

IMPORT_BATCH = 1_000  # records per cache transaction: 100,000 records in a few seconds, bounded memory


@dataclass
class ImportReport:
    """What an import did: how many analyses were stored, and what was left out and why."""

    imported: int = 0
    other_pipelines: Counter[str] = field(default_factory=Counter)
    problems: list[LoadProblem] = field(default_factory=list)


def import_results(
    paths: list[str],
    store: Store,
    pipeline: str,
    *,
    on_problem: Callable[[LoadProblem], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Store every result in `paths` made by `pipeline`; a bad file or record is named and skipped."""
    report = ImportReport()
    batch: list[tuple[Article, Analysis]] = []

    def problem(item: LoadProblem) -> None:
        report.problems.append(item)
        if on_problem:
            on_problem(item)

    for given in paths:
        for where, record in _records(given, problem):
            try:
                article, analysis = from_record(record)
            except BadRecord as error:
                problem(LoadProblem(where, f"skipped: {error}"))
                continue
            if analysis.pipeline != pipeline:
                report.other_pipelines[analysis.pipeline or "(none named)"] += 1
                continue
            batch.append((article, analysis))
            if len(batch) >= IMPORT_BATCH:
                report.imported += _store(store, batch, pipeline)
                if on_progress:
                    on_progress(report.imported)
    report.imported += _store(store, batch, pipeline)
    return report


def _store(store: Store, batch: list[tuple[Article, Analysis]], pipeline: str) -> int:
    if not batch:
        return 0
    store.put_articles([article for article, _ in batch])
    store.put_analyses([analysis for _, analysis in batch], pipeline)
    count = len(batch)
    batch.clear()
    return count


def _records(given: str, problem: Callable[[LoadProblem], None]) -> Iterator[tuple[str, Any]]:
    """(where, record) for each record in a results file or folder; unreadable files are problems."""
    path = Path(given).expanduser()
    if not path.exists():
        problem(LoadProblem(given, "no such file or folder"))
        return
    if path.is_dir() or path.suffix.lower() == ".parquet":
        files = parquet_files(path)
        if not files:
            problem(LoadProblem(given, "a folder without .parquet files"))
        for file in files:
            yield from _parquet_records(file, problem)
        return
    yield from _jsonl_records(path, given, problem)


def _parquet_records(path: Path, problem: Callable[[LoadProblem], None]) -> Iterator[tuple[str, Any]]:
    try:
        for row, record in read_parquet_records(path):
            yield f"{path}#{row}", record
    except ImportError:
        problem(LoadProblem(str(path), "reading Parquet needs pyarrow: pip install 'newsreader[cluster]'"))
    except Exception as error:  # pyarrow raises its own errors for damaged files; one file, one line
        problem(LoadProblem(str(path), f"not a readable Parquet file ({type(error).__name__}: {error})"))


def _jsonl_records(
    path: Path, given: str, problem: Callable[[LoadProblem], None]
) -> Iterator[tuple[str, Any]]:
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield f"{given}#{number}", json.loads(line)
                except (ValueError, RecursionError) as error:
                    problem(LoadProblem(f"{given}#{number}", f"skipped: not a JSON record ({error})"))
    except OSError as error:
        problem(LoadProblem(given, f"cannot read: {error.strerror or error}"))
