"""`newsreader actors`: every actor across the articles given, one row each, for people or scripts.

The actors are the reader's (`Library.actors`): `Erdogan` in one article and `Recep Tayyip Erdoğan`
in another are one row, named by the fullest name, with the other names as aliases and the number
of articles each came from. A researcher comparing coverage gets, per actor, how often they speak,
in how many articles and outlets they appear, and over which days.

Dates: `first` and `last` are the earliest and latest day of the articles that name the actor,
whether they speak there or are only mentioned (an actor is in an article's actors when it names
them). Undated articles count in `articles` but not in the dates; with no dated article, both are
empty.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tui.cli.common import (
    EXIT_FAILED,
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    analyse_pending,
    open_library,
)
from tui.cli.output import shortened, tell, write_out
from tui.core.actor_page import article_day
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.core.library import ActorSummary, Library

NAME_LIMIT = 60  # a name longer than this is cut in the text table (JSON Lines and CSV keep it whole)
ALIASES_SHOWN = 4  # the text table names this many aliases, then "+N"; the data formats give them all
CSV_FIELDS = ("name", "type", "statements", "articles", "first", "last", "aliases", "sources", "key")


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader actors",
        description=(
            "List every actor (person, organisation, ...) across the articles given, one actor per "
            "row however many names the articles give them: type, aliases, statements, articles, "
            "first and last date. Most statements first; problems go to standard error."
        ),
        epilog="Example: newsreader actors --format csv --min-statements 5 articles/ > actors.csv",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders of articles ('-' for stdin)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl", "csv"),
        default="text",
        help="text: an aligned table for reading (default); jsonl: one JSON object per actor; "
        "csv: a header, then one row per actor with its aliases in one cell",
    )
    parser.add_argument(
        "--min-statements",
        type=_count,
        default=0,
        metavar="N",
        help="only actors with at least N statements (default 0: every actor, quoted or only named)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for many articles (default: one per core when there are many; "
        "at most one per core and per article)",
    )
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def _count(text: str) -> int:
    """A whole number of zero or more, or argparse's clear error naming the option."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below 0")
    return value


@dataclass(frozen=True)
class ActorRow:
    """One actor as the command prints it: counts and dates worked out once for every format."""

    key: str
    name: str
    type: str
    aliases: tuple[tuple[str, int], ...]  # (name, articles using it), most used first; not the name itself
    statements: int
    articles: int
    first: date | None
    last: date | None
    sources: tuple[tuple[str, int], ...]  # (outlet, articles naming the actor there), most first


def actor_rows(library: Library, *, min_statements: int = 0) -> list[ActorRow]:
    """Every actor of the library's articles with at least `min_statements` statements.

    Most statements first, then most articles, then by name: the voices of a corpus on top, and
    among actors who never speak, the most named.
    """
    rows = [_row(actor, library) for actor in library.actors(None) if len(actor.statements) >= min_statements]
    return sorted(rows, key=lambda r: (-r.statements, -r.articles, r.name.casefold(), r.key))


def _row(actor: ActorSummary, library: Library) -> ActorRow:
    article_ids = set(actor.article_ids) | {article_id for article_id, _ in actor.statements}
    days: list[date] = []
    sources: Counter[str] = Counter()
    for article_id in article_ids:
        article = library.article(article_id)
        if article is None:
            continue
        day = article_day(article)
        if day is not None:
            days.append(day)
        if article.source:
            sources[article.source] += 1
    aliases = sorted(
        ((alias, len(ids)) for alias, ids in actor.alias_articles.items() if alias != actor.name),
        key=lambda pair: (-pair[1], pair[0].casefold(), pair[0]),
    )
    return ActorRow(
        key=actor.key,
        name=actor.name,
        type=actor.label,
        aliases=tuple(aliases),
        statements=len(actor.statements),
        articles=len(article_ids),
        first=min(days, default=None),
        last=max(days, default=None),
        sources=tuple(sorted(sources.items(), key=lambda pair: (-pair[1], pair[0].casefold()))),
    )


def as_json(row: ActorRow) -> str:
    """One line of JSON Lines; the fields are described in README.md ("newsreader actors")."""
    record = {
        "name": row.name,
        "type": row.type,
        "statements": row.statements,
        "articles": row.articles,
        "first": row.first.isoformat() if row.first else None,
        "last": row.last.isoformat() if row.last else None,
        "aliases": [{"name": alias, "articles": count} for alias, count in row.aliases],
        "sources": [{"source": source, "articles": count} for source, count in row.sources],
        "key": row.key,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def as_csv(rows: Sequence[ActorRow]) -> str:
    """A header and one row per actor; aliases and sources each in one cell, as `name (articles)`
    joined by "; ", which a spreadsheet shows as it is and a script splits back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF line ends, as RFC 4180 and spreadsheets expect
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow(
            (
                row.name,
                row.type,
                row.statements,
                row.articles,
                row.first.isoformat() if row.first else "",
                row.last.isoformat() if row.last else "",
                _joined(row.aliases),
                _joined(row.sources),
                row.key,
            )
        )
    return buffer.getvalue()


def _joined(pairs: Sequence[tuple[str, int]]) -> str:
    return "; ".join(f"{name} ({count})" for name, count in pairs)


def as_text(rows: Sequence[ActorRow]) -> str:
    """An aligned table for a person: the numbers and dates in fixed columns, then the name and its
    most used aliases, where a long or multi-line name cannot push the columns out of line.

    Names are other people's bytes: each is kept on one line with its control characters shown as
    placeholders, and cut at NAME_LIMIT characters.
    """
    header = ("STATEMENTS", "ARTICLES", "FIRST", "LAST", "TYPE")
    cells = [
        (
            str(row.statements),
            str(row.articles),
            row.first.isoformat() if row.first else "-",
            row.last.isoformat() if row.last else "-",
            _one_line(row.type),
        )
        for row in rows
    ]
    widths = [max(len(column), *(len(cell[i]) for cell in cells)) for i, column in enumerate(header)]
    right = {0, 1}  # numbers line up on their last digit

    def line(values: Sequence[str], last: str) -> str:
        padded = [
            value.rjust(widths[i]) if i in right else value.ljust(widths[i]) for i, value in enumerate(values)
        ]
        return "  ".join([*padded, last]).rstrip()

    lines = [line(header, "ACTOR")]
    for row, values in zip(rows, cells, strict=True):
        lines.append(line(values, _name_with_aliases(row)))
    return "\n".join(lines) + "\n"


def _name_with_aliases(row: ActorRow) -> str:
    text = shortened(_one_line(row.name), NAME_LIMIT)
    if row.aliases:
        shown = ", ".join(
            f"{shortened(_one_line(alias), NAME_LIMIT)} ({count})"
            for alias, count in row.aliases[:ALIASES_SHOWN]
        )
        more = len(row.aliases) - ALIASES_SHOWN
        text += f"  also {shown}" + (f" +{more}" if more > 0 else "")
    return text


def _one_line(text: str) -> str:
    """Whitespace runs as one space, and any control character left shown as a placeholder."""
    return visible_line(" ".join(text.split()))


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        library = open_library(
            args, nothing="no actors: no article could be read from " + ", ".join(args.paths)
        )
        try:
            analyse_pending(library, processes=args.processes)
            rows = actor_rows(library, min_statements=args.min_statements)
            total = len(library.actors(None))
            articles = len(library.articles)
        finally:
            library.close()
    except CommandError as error:
        tell(str(error))
        return error.status
    if not rows:
        wanted = f" with at least {args.min_statements} statement(s)" if args.min_statements else ""
        tell(f"no actor{wanted} in {articles} article(s) ({total} actor(s) in all)")
        return EXIT_FAILED
    if args.format == "jsonl":
        for row in rows:
            write_out(as_json(row), exact=True)
    elif args.format == "csv":
        write_out(as_csv(rows), exact=True)
    else:
        write_out(as_text(rows))
    shown = f"{len(rows)} of {total}" if len(rows) != total else str(total)
    tell(f"{shown} actor(s) in {articles} article(s)")
    return 0
