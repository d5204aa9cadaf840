"""`newsreader [PATH...]`: open the reader on files, folders or URLs."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence

from tui.cli.common import (
    ArgumentParser,
    CommandError,
    add_cache_options,
    add_model_option,
    check_cache_location,
)
from tui.cli.output import tell


def build_parser(commands: Sequence[str]) -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="newsreader",
        description=(
            "A terminal reader for news: each article with its people, places and organisations "
            "highlighted, every quotation marked, and a panel of who said what."
        ),
        epilog=(
            "Jobs without the screen: "
            + ", ".join(f"newsreader {c} --help" for c in commands)
            + ". Example: newsreader sample_data/"
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (.txt, .md, .json, .jsonl, ...), read recursively",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="keep reading: articles saved into the opened folders later appear in the list as they arrive",
    )
    add_model_option(parser)
    add_cache_options(parser)
    return parser


def run(argv: Sequence[str], *, commands: Sequence[str]) -> int:
    args = build_parser(commands).parse_args(argv)
    try:
        check_cache_location(args)
    except CommandError as error:
        tell(str(error))
        return error.status
    # No garbage collection until the first paint: importing Textual and building the screen make
    # thousands of objects and no garbage worth a collection (measured ~7% of the start-up). The app
    # freezes what start-up made and turns collection back on once the screen is painted.
    gc.disable()
    from tui.app.app import NewsReaderApp
    from tui.app.options import ReaderOptions

    # The analysis processes' resource tracker is started by the app after its first paint
    # (NewsReaderApp.prepare_processes), not here: spawning it now would compete with the first paint.
    options = ReaderOptions(
        paths=tuple(args.paths), model=args.model, db=args.db, no_cache=args.no_cache, watch=args.watch
    )
    app = NewsReaderApp(options)
    app.run()
    return app.return_code or 0
