"""`newsreader analyze`: each article's analysis, on standard output or to `-o OUT`, for people or scripts."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.cli.analyze_output import check_target, results_output
from tui.cli.common import (
    EXIT_BAD_INPUT,
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    analyse_pending,
    open_library,
)
from tui.cli.output import TITLE_LIMIT, shortened, tell
from tui.core.engines import ENGINES
from tui.core.model import Analysis, Article
from tui.core.results.records import as_record
from tui.core.terminal_safe import visible_line


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader analyze",
        description=(
            "Find the people, places and organisations in each article and who said what. "
            "Prints one result per article; problems go to standard error."
        ),
        epilog="Example: newsreader analyze --format jsonl sample_data/ > analysis.jsonl",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders of articles ('-' for stdin)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl", "parquet"),
        default="text",
        help="text for reading (default); jsonl: one JSON object per article (path, title, text, "
        "quotes, entities, actors, blocks, pipeline) with character offsets into text; parquet: "
        "the same records as rows, to -o OUT (a .parquet file, or a folder of part files)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of standard output, atomically: OUT appears only when complete",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists (default: refuse)")
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        metavar="N",
        help="--engine local: worker processes for many articles (default: one per core when there "
        "are many; at most one per core and per article)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine (default); dask: a Dask cluster, which reads quoted globs "
        "('corpus/*.html', 's3://bucket/*.jsonl') itself (needs newsreader[cluster])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="--engine dask: the scheduler of your cluster (tcp://host:8786); default: a local cluster",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="--engine dask without --scheduler: worker processes of the local cluster (default: the cores)",
    )
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def as_json(article: Article, analysis: Analysis, pipeline: str | None = None) -> str:
    """The shape `../shared/eval/score.py` reads: offsets are into `text`, the file's contents;
    `pipeline` names what made the analysis, for `newsreader import`."""
    return json.dumps(as_record(article, analysis, pipeline), ensure_ascii=False)


def as_text(article: Article, analysis: Analysis) -> str:
    """For a person: titles, paths and quotes are other people's bytes, so write_out shows their
    control characters as placeholders; a path or title is kept on one line (its newlines shown)."""
    title = shortened(article.title or article.path, TITLE_LIMIT)
    lines = [f"# {visible_line(title)}", f"  {visible_line(shortened(article.path, TITLE_LIMIT))}"]
    for actor in analysis.actors:
        said = analysis.quotes_by(actor.name)
        lines.append(f"  {_one_line(actor.name)} ({actor.label}): {len(said)} statement(s)")
        for quote in said:
            cue = f" [{_one_line(quote.cue.text)}]" if quote.cue else ""
            text = _one_line(quote.text)
            lines.append(f"    - {quote.kind}{cue}: {text[:200]}")
    orphans = [q for q in analysis.quotes if not q.actor]
    for quote in orphans:
        who = _one_line(quote.speaker.text) if quote.speaker else "unattributed"
        lines.append(f"  ({who}) {quote.kind}: {_one_line(quote.text)[:200]}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Whitespace runs as one space, and any control character left shown as a placeholder."""
    return visible_line(" ".join(text.split()))


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        _check_options(args)
        target = check_target(args.output, args.format, args.force)
        if args.engine == "dask":
            from tui.cli.analyze_dask import run_on_dask

            return run_on_dask(args, target, lambda pipeline: _renderer(args.format, pipeline))
        return _run_locally(args, target)
    except CommandError as error:
        tell(str(error))
        return error.status


def _check_options(args: argparse.Namespace) -> None:
    if args.engine != "dask" and (args.scheduler or args.workers):
        raise CommandError("--scheduler and --workers go with --engine dask", EXIT_BAD_INPUT)
    if args.engine == "dask" and args.processes:
        raise CommandError("--processes is for --engine local; --engine dask takes --workers", EXIT_BAD_INPUT)
    if args.workers < 0 or args.processes < 0:
        raise CommandError("--workers and --processes take a positive number", EXIT_BAD_INPUT)


def _renderer(fmt: str, pipeline: str | None) -> Callable[[Article, Analysis], str]:
    """How one analysed article is written: text for a person, or its JSON record (with `pipeline`)."""
    if fmt == "text":
        return as_text
    return lambda article, analysis: as_json(article, analysis, pipeline)


def _run_locally(args: argparse.Namespace, target: Path | None) -> int:
    """The analysis on this machine, through the Library and its cache, as always."""
    library = open_library(args, nothing="nothing to analyse")
    try:
        articles = library.articles
        analyse_pending(library, processes=args.processes)
        pipeline = library.pipeline
        render = _renderer(args.format, pipeline)
        with results_output(target, args.format, pipeline, render, force=args.force) as write:
            for article in articles:
                analysis = library.analysis(article.id)
                if analysis is not None:
                    write(article, analysis)
    finally:
        library.close()
    return 0
