"""`newsreader analyze`: the analysis of each article on standard output, for people or scripts."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from tui.cli.common import (
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    analyse_pending,
    open_library,
)
from tui.cli.output import TITLE_LIMIT, shortened, tell, write_out
from tui.core.model import Analysis, Article
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
        choices=("text", "jsonl"),
        default="text",
        help="text for reading (default); jsonl: one JSON object per article (path, title, text, "
        "quotes, entities, actors) with character offsets into text",
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


def as_json(article: Article, analysis: Analysis) -> str:
    """The shape `../shared/eval/score.py` reads: offsets are into `text`, the file's contents."""
    record = {
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "text": article.text,
        "quotes": [q.to_dict() for q in analysis.quotes],
        "entities": [e.to_dict() for e in analysis.entities],
        "actors": [a.to_dict() for a in analysis.actors],
        "blocks": [b.to_dict() for b in article.blocks],
    }
    return json.dumps(record, ensure_ascii=False)


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
    render = as_json if args.format == "jsonl" else as_text
    try:
        library = open_library(args, nothing="nothing to analyse")
        articles = library.articles
        analyse_pending(library, processes=args.processes)
    except CommandError as error:
        tell(str(error))
        return error.status
    try:
        for article in articles:
            analysis = library.analysis(article.id)
            if analysis is not None:
                write_out(render(article, analysis) + "\n", exact=args.format == "jsonl")
    finally:
        library.close()
    return 0
