"""`newsreader`: open the reader, or run one of its jobs (analyze, ...) on the command line.

The first word picks the job; anything else is a path for the reader, so `newsreader sample_data/`
opens the reader and `newsreader analyze sample_data/` prints the analysis.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# Subcommand modules are imported only when their job runs: the reader's start-up pays for none.
COMMANDS = ("analyze", "export", "search")


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand; exit with its status. Never lets a traceback reach the user."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = importlib.import_module(f"tui.cli.{args[0]}")
            return command.run(args[1:])
        from tui.cli import reader

        return reader.run(args, commands=COMMANDS)
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
