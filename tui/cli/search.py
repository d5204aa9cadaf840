"""`newsreader search QUERY PATH...`: the matching articles, best first, from the reader's cache."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    check_cache_location,
    progress,
    report_problem,
)
from tui.cli.output import TITLE_LIMIT, shortened, tell, write_out
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.core.library import Library

SEARCH_HELP = (
    'words (all must match), "exact phrase", prefix*, -word, a OR b, and fields: actor: person: org: '
    "place: said: source: title: date:2019-01..2019-06 (see docs/search.md)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader search",
        description=(
            "Print the articles that match QUERY, best first: title, path and a line of context. "
            "Articles not analysed yet are analysed first (and cached), so actor:, person:, said: "
            "and the other fields find them."
        ),
        epilog="Query language: " + SEARCH_HELP + ". Example: newsreader search 'actor:Tokayev' sample_data/",
    )
    parser.dash_hint = (
        "{word} looks like an option; to search for articles without a word, put the query "
        "after --, as in: newsreader search -- {word} PATH..."
    )
    parser.add_argument("query", metavar="QUERY", help="what to look for (quote it for the shell)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text for reading (default); jsonl: one JSON object per match "
        "(path, title, date, source, url, score, snippet, matches)",
    )
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show at most N matches (default 20)"
    )
    parser.add_argument(
        "--no-analysis",
        action="store_true",
        help="search without analysing new articles (fields like actor: then find only cached ones)",
    )
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    from tui.core.library import Library
    from tui.core.query import QueryError, parse_query

    try:
        parse_query(args.query)
        check_cache_location(args)
    except QueryError as error:
        tell(f"cannot search for {shortened(args.query)!r}: {error}")
        return EXIT_BAD_INPUT
    except CommandError as error:
        tell(str(error))
        return error.status
    library = Library(model=args.model, db=args.db, no_cache=args.no_cache)
    try:
        return _search(library, args)
    finally:
        library.close()


def _search(library: Library, args: argparse.Namespace) -> int:
    for message in library.messages:
        tell(message)
    library.open(args.paths, on_problem=report_problem)
    if not library.articles:
        tell("nothing to search")
        return EXIT_FAILED
    if not args.no_analysis and library.pending():
        if library.model_problem:
            tell(f"searching without analysis: {library.model_problem}")
        else:
            with progress("analysing") as bar:
                library.analyze_pending(on_progress=bar.advance)
    if "actor:" in args.query.casefold():
        library.sync_identities()  # every actor known before `actor:` looks them up, however many
    results = library.find(args.query, limit=max(args.limit, 0))
    for hit in results.hits:
        article = library.article(hit.article_id)
        assert article is not None
        if args.format == "jsonl":
            record = {
                "path": article.path,
                "title": article.title,
                "date": article.date,
                "source": article.source,
                "url": article.url,
                "score": round(hit.score, 4),
                "snippet": hit.snippet,
                "snippet_matches": [list(s) for s in hit.snippet_spans],
                "matches": [list(s) for s in library.match_spans(args.query, article.id)],
            }
            write_out(json.dumps(record, ensure_ascii=False) + "\n", exact=True)
        else:
            title = visible_line(shortened(article.title or article.path, TITLE_LIMIT))
            snippet = visible_line(_marked(hit.snippet, hit.snippet_spans))
            write_out(f"{title}\n  {visible_line(article.path)}\n  {snippet}\n")
    shown = len(results.hits)
    summary = f"{results.total} article(s) match" + (
        f"; showing the best {shown}" if shown < results.total else ""
    )
    tell(summary)
    return 0 if results.total else EXIT_FAILED


def _marked(snippet: str, spans: Sequence[tuple[int, int]]) -> str:
    """The snippet with each match in [brackets], since plain text has no colour."""
    out, at = [], 0
    for start, end in spans:
        out += [snippet[at:start], "[", snippet[start:end], "]"]
        at = end
    out.append(snippet[at:])
    return "".join(out)
