"""`newsreader import RESULTS...`: analysed results (from `analyze --format jsonl|parquet`) into the cache.

Then the reader opens those articles (the original files, or the JSON Lines results themselves)
with every analysis already there: no spaCy, however big the corpus. Results made by another
pipeline than this newsreader's are counted and named, not imported: this newsreader would
analyse those articles itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tui.cli.common import (
    EXIT_FAILED,
    ArgumentParser,
    add_cache_options,
    add_model_option,
    check_cache_location,
    report_problem,
    run_command,
)
from tui.cli.output import tell


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader import",
        description=(
            "Put analysed results into the analysis cache, so the reader opens those articles "
            "without analysing them again. Results by another model or analysis version are "
            "named and left out."
        ),
        epilog="Example: newsreader analyze --engine dask 'corpus/*.html' --format parquet -o run/ "
        "&& newsreader import run/ && newsreader corpus/",
    )
    parser.add_argument(
        "results",
        nargs="+",
        metavar="RESULTS",
        help="JSON Lines or Parquet written by newsreader analyze (a .parquet file or a folder of them)",
    )
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    return run_command(build_parser(), _import, argv)


def _import(args: argparse.Namespace) -> int:
    from tui.cli.analyze_dask import client_pipeline
    from tui.core.index import IndexBusy, SearchIndex
    from tui.core.results.importing import import_results
    from tui.core.store import Store, resolve_db_path

    check_cache_location(args)
    pipeline = client_pipeline(args.model)
    store = Store.open(resolve_db_path(args.db, no_cache=args.no_cache))
    try:
        for message in store.messages:
            tell(message)
        report = import_results(list(args.results), store, pipeline, on_problem=report_problem)
        for other, count in sorted(report.other_pipelines.items()):
            tell(
                f"{count:,} result(s) by pipeline {other}, not {pipeline}: not imported; "
                "the reader analyses those articles itself"
            )
        if report.imported and store.persistent:
            try:
                SearchIndex(store.index_path).sync(store)  # the reader's first search waits for nothing
            except IndexBusy:
                tell("the search index is busy (a reader is open?): it is brought up to date on next open")
        where = store.path if store.persistent else "memory only (--no-cache): checked, nothing kept"
        tell(f"imported {report.imported:,} analysis(es) into {where}")
    finally:
        store.close()
    return 0 if report.imported else EXIT_FAILED
