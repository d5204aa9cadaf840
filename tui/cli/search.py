"""`newsreader search QUERY PATH...`: the matching articles, best first, from the reader's cache."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from tui.cli.common import add_cache_options, add_model_option, progress

SEARCH_HELP = (
    'words (all must match), "exact phrase", prefix*, -word, a OR b, and fields: actor: person: org: '
    "place: said: source: title: date:2019-01..2019-06 (see docs/search.md)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader search",
        description=(
            "Print the articles that match QUERY, best first: title, path and a line of context. "
            "Articles not analysed yet are analysed first (and cached), so actor:, person:, said: "
            "and the other fields find them."
        ),
        epilog="Query language: " + SEARCH_HELP + ". Example: newsreader search 'actor:Tokayev' sample_data/",
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
    except QueryError as error:
        print(f"newsreader: cannot search for {args.query!r}: {error}", file=sys.stderr)
        return 2
    library = Library(model=args.model, db=args.db, no_cache=args.no_cache)
    for message in library.messages:
        print(f"newsreader: {message}", file=sys.stderr)
    library.open(args.paths, on_problem=lambda p: print(f"newsreader: skipped {p}", file=sys.stderr))
    if not library.articles:
        print("newsreader: nothing to search", file=sys.stderr)
        return 1
    if not args.no_analysis and library.pending():
        if library.model_problem:
            print(f"newsreader: searching without analysis: {library.model_problem}", file=sys.stderr)
        else:
            with progress("analysing") as bar:
                library.analyze_pending(on_progress=bar.advance)
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
            print(json.dumps(record, ensure_ascii=False))
        else:
            snippet = _marked(hit.snippet, hit.snippet_spans)
            print(f"{article.title or article.path}\n  {article.path}\n  {snippet}")
    shown = len(results.hits)
    summary = f"{results.total} article(s) match" + (
        f"; showing the best {shown}" if shown < results.total else ""
    )
    print(f"newsreader: {summary}", file=sys.stderr)
    library.close()
    return 0 if results.total else 1


def _marked(snippet: str, spans: Sequence[tuple[int, int]]) -> str:
    """The snippet with each match in [brackets], since plain text has no colour."""
    out, at = [], 0
    for start, end in spans:
        out += [snippet[at:start], "[", snippet[start:end], "]"]
        at = end
    out.append(snippet[at:])
    return "".join(out)
