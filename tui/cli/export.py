"""`newsreader export`: the quotes of some articles as Markdown, CSV or JSON Lines, without the screen.

It goes through the same Library (so the same analysis cache as the reader) and the same export
core as the reader's export dialog, so a file written here and one written from the screen are
alike. Data goes to standard output or the `-o` file; every message goes to standard error as one
plain line, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import (
    EXIT_BAD_INPUT,
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    analyse_pending,
    open_library,
    run_command,
)
from tui.cli.output import shortened, tell, terminal_lines, write_bytes
from tui.core.export import (
    FORMATS,
    ExportError,
    ExportItem,
    FileExistsExportError,
    NothingToExportError,
    check_writable,
    encode_export,
    export_quotes,
    get_format,
    render_export,
    select_quotes,
)
from tui.core.identity import fold
from tui.core.marks import MarkKey

if TYPE_CHECKING:
    from tui.core.library import ActorSummary, Library


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader export",
        description=(
            "Export quotes with who said them and where: all quotes of the articles given, or only "
            "those of one actor, of the articles a search matches, or the ones marked in the reader. "
            "Writes to standard output unless -o names a file."
        ),
        epilog=(
            'Example: newsreader export sample_data/ --actor "Vladimir Putin" --format csv -o putin.csv. '
            "The formats are described in docs/export.md."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders of articles ('-' for stdin)"
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        help="md (Markdown, grouped by actor), csv or jsonl (one quote per line); "
        "default: the suffix of -o, else md",
    )
    parser.dash_hint = (
        "{word} looks like an option; a query starting with - is written joined to its option, "
        "as in: --query={word}"
    )
    parser.add_argument("--actor", metavar="NAME", help="only quotes by this actor (any case)")
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help="only quotes from articles matching this search, e.g. 'csto \"hybrid attack\"'",
    )
    parser.add_argument("--marked", action="store_true", help="only the quotes marked in the reader (key m)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists (default: refuse)")
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    return run_command(build_parser(), _export, argv)


def _export(args: argparse.Namespace) -> int:
    fmt = _choose_format(args.format, args.output)
    target = _output_path(args.output)
    # Everything that can be checked before the analysis is, so nobody waits for spaCy to be told.
    if target is not None:
        try:
            check_writable(target)
        except ExportError as error:
            raise CommandError(str(error)) from None
        if target.exists() and not args.force:
            raise CommandError(_exists_message(target))
    if args.query is not None:
        _check_query(args.query)

    library = open_library(
        args, nothing="nothing to export: no article could be read from " + ", ".join(args.paths)
    )
    try:
        articles = library.articles
        analyse_pending(library)
        article_ids = {a.id for a in _search(library, args.query)} if args.query is not None else None
        marked = _marked_quotes() if args.marked else None
        pairs = list(library.analyzed(articles))
        chosen = resolve_actor(args.actor, library) if args.actor is not None else None
        actor = chosen.name if chosen is not None else args.actor
        if chosen is not None:
            said = {MarkKey(article_id, q.start, q.end) for article_id, q in chosen.statements}
            marked = said if marked is None else said & {MarkKey(*key) for key in marked}
        items = select_quotes(
            pairs, actor=actor if chosen is None else None, marked=marked, article_ids=article_ids
        )
        if chosen is not None:  # every quote under the one name the library knows them by
            items = [replace(item, actor=chosen.name) for item in items]
    finally:
        library.close()

    what = describe_selection(items, actor=actor, query=args.query, marked=args.marked)
    if not items:
        raise CommandError(_nothing_message(what, pairs, actor, article_ids))
    return _write(items, fmt, what, target, force=args.force)


def resolve_actor(name: str, library: Library) -> ActorSummary | None:
    """The quoted actor `name` means, by the library's identities (the reader's, and `actor:`'s):
    `Erdogan` is Recep Tayyip Erdoğan, `Mr. Trump` Donald J. Trump, `Clinton` the Clinton the
    articles name most when she clearly dominates. Failing that, the one quoted actor whose names
    hold all its words ("Putin" -> "Vladimir Putin").

    None when nobody quoted fits (the export is then empty and says so); a name that fits several
    actors is refused, naming them, rather than guessing.
    """
    found = library.find_actors(name, speaking=True)
    wanted = fold(name)
    exact = [actor for actor in found if fold(actor.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(found) > 1:
        raise CommandError(
            f"--actor {name.strip()!r} could be "
            + " or ".join(repr(actor.name) for actor in sorted(found, key=lambda a: a.name))
            + ": give the full name"
        )
    return found[0] if found else None


def describe_selection(
    items: Sequence[ExportItem], *, actor: str | None, query: str | None, marked: bool
) -> str:
    """What was chosen, in words: the Markdown title, the default file name and the messages use it.

    The actor is named as the analysis spells it ("Vladimir Putin" for `--actor "vladimir putin"`).
    """
    words = ["marked quotes" if marked else "quotes"]
    if actor is not None:
        spelled = next((item.actor for item in items if item.actor), None) or actor.strip()
        words.append(f"by {spelled}")
    if query is not None:
        words.append(f"from articles matching {query.strip()}")
    return " ".join(words)


def _choose_format(requested: str | None, output: str | None) -> str:
    if requested is not None:
        return requested
    if output and output != "-":
        try:
            return get_format(Path(output).suffix).key
        except ExportError:
            pass
    return "md"


def _output_path(output: str | None) -> Path | None:
    if output is None or output == "-":
        return None
    return Path(output).expanduser().absolute()


def _exists_message(target: Path) -> str:
    return f"{target} already exists; use --force to replace it, or choose another name with -o"


def _check_query(query: str) -> None:
    """Read the query before any slow work, so a typo is reported at once."""
    from tui.core.query import QueryError, parse_query

    if not query.strip():
        return
    try:
        parse_query(query)
    except QueryError as error:
        raise CommandError(f"cannot search for {shortened(query)!r}: {error}", EXIT_BAD_INPUT) from None


def _search(library, query: str) -> list:  # type: ignore[no-untyped-def]
    from tui.core.query import QueryError

    try:
        return library.search(query)
    except QueryError as error:
        raise CommandError(f"cannot search for {shortened(query)!r}: {error}", EXIT_BAD_INPUT) from None


def _marked_quotes() -> set:  # type: ignore[type-arg]
    from tui.core.marks import MarkStore

    store = MarkStore()
    if store.problem:
        tell(store.problem)
    return store.keys()


def _nothing_message(what: str, pairs, actor: str | None, article_ids: set[str] | None) -> str:  # type: ignore[no-untyped-def]
    """Say why the selection is empty, and when an actor name is close to a real one, which."""
    if article_ids is not None and not article_ids:
        return f"nothing to export: no article matches the search, so the selection ({what}) is empty"
    message = f"nothing to export: the selection ({what}) holds no quotes"
    if actor is not None:
        speakers = sorted({q.actor for _, analysis in pairs for q in analysis.quotes if q.actor})
        by_fold = {name.casefold(): name for name in speakers}
        if actor.strip().casefold() not in by_fold:
            close = difflib.get_close_matches(actor.strip().casefold(), list(by_fold), n=3, cutoff=0.6)
            if close:
                message += "; did you mean " + " or ".join(repr(by_fold[c]) for c in close) + "?"
            else:
                message += f"; nobody called {actor.strip()!r} is quoted in these articles"
    return message


def _write(items: Sequence[ExportItem], fmt: str, what: str, target: Path | None, *, force: bool) -> int:
    try:
        if target is None:
            _write_stdout(render_export(items, fmt, what=what, now=datetime.now().astimezone()))
            return 0
        result = export_quotes(items, target, fmt, what=what, overwrite=force)
    except FileExistsExportError:
        raise CommandError(_exists_message(target)) from None  # type: ignore[arg-type]
    except NothingToExportError as error:
        raise CommandError(str(error)) from None
    except ExportError as error:
        raise CommandError(str(error)) from None
    tell(result.message)
    return 0


def _write_stdout(content: str) -> None:
    """UTF-8 bytes whatever the terminal's encoding, and CSV's CRLF kept as it is.

    The same bytes a file export writes, checked like every write to standard output; shown with
    placeholders for control characters only when standard output is a terminal (the Markdown is
    already made so by its renderer; CSV and JSON Lines stay exact data in a pipe or a file).
    """
    if sys.stdout.isatty():
        content = terminal_lines(content)
    write_bytes(encode_export(content))
