"""`newsreader`: open the reader, or run one of its jobs (analyze, ...) on the command line.

The first word picks the job; anything else is a path for the reader, so `newsreader sample_data/`
opens the reader and `newsreader analyze sample_data/` prints the analysis.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

# Subcommand modules are imported only when their job runs: the reader's start-up pays for none.
COMMANDS = ("analyze", "export", "search", "actors", "import")
MODULES = {"import": "import_results"}  # `import` cannot name a Python module


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand; exit with its status. Never lets a traceback reach the user."""
    from tui.cli.output import OutputError, finish_output, tell

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = importlib.import_module(f"tui.cli.{MODULES.get(args[0], args[0])}")
            status = command.run(args[1:])
        else:
            from tui.cli import reader

            status = reader.run(args, commands=COMMANDS)
        finish_output()
        return status
    except KeyboardInterrupt:
        tell("interrupted")
        return 130
    except OutputError as error:
        tell(str(error))
        _discard_standard_output()
        return 1
    except BrokenPipeError:
        # `newsreader analyze ... | head` closes the pipe early: not an error for the user, as for
        # any Unix tool. What is still buffered can go nowhere; drop it so the exit stays quiet.
        _discard_standard_output()
        return 0


def _discard_standard_output() -> None:
    """Point standard output at /dev/null, so Python's flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind sys.stdout (tests, embedding)
        pass


def entry() -> None:
    """The console script: exit with main's status."""
    sys.exit(main())
