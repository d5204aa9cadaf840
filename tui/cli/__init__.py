"""`newsreader`: open the reader, or run one of its jobs (analyze, ...) on the command line.

The first word picks the job; anything else is a path for the reader, so `newsreader sample_data/`
opens the reader and `newsreader analyze sample_data/` prints the analysis.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tui.cli import analyze, export, reader, search

COMMANDS = {
    "analyze": analyze,
    "export": export,
    "search": search,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand; exit with its status. Never lets a traceback reach the user."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args[0]) if args else None
    try:
        if command is not None:
            return command.run(args[1:])
        return reader.run(args, commands=sorted(COMMANDS))
    except KeyboardInterrupt:
        print("newsreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsreader analyze ... | head` closes the pipe early: not an error for the user.
        sys.stderr.close()
        return 0


def entry() -> None:
    """The console script: exit with main's status."""
    sys.exit(main())
