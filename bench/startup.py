"""Process start to the first article titles on screen: newsreader on sample_data/ against a bare
Textual app (a header, a footer and one line of text), in the same run.

Each program runs in its own pseudo-terminal (120x40); the clock stops when the terminal receives what
a user waits for: the start of any sample article's title for newsreader (the list's rows, or the
open article's header: the first content, not the empty frame), "BARE-READY" for the bare app. Runs
alternate between the two so both see the same machine load. Goal: newsreader <= 1.5x the bare app
(issue 13).

Python's bytecode cache is on (in a temporary PYTHONPYCACHEPREFIX, so the checkout stays clean) even
when the shell sets PYTHONDONTWRITEBYTECODE: an installed newsreader has its .pyc files, as Textual in
the venv has, and compiling the reader's modules on every start (~25 ms) is not what a user waits for.
`--no-bytecode-cache` measures the uncached case.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Header, Static\n"
    "class Bare(App):\n"
    "    BINDINGS = [('q', 'quit', 'Quit')]\n"
    "    def compose(self):\n"
    "        yield Header()\n"
    "        yield Static('BARE-READY')\n"
    "        yield Footer()\n"
    "Bare().run()\n"
)
TITLE_START = 14  # characters: fits the list's first row at 120 columns, long enough to be a title's


def title_markers() -> list[bytes]:
    """The start of every sample article's title, as the terminal receives it."""
    sys.path.insert(0, str(ROOT))
    from tui.core.library import Library

    library = Library(no_cache=True)
    library.open([str(ROOT / "sample_data")], index=False)
    return [a.title[:TITLE_START].encode() for a in library.articles if len(a.title) >= TITLE_START]


def time_to_marker(
    command: list[str], markers: list[bytes], env: dict[str, str], timeout: float = 20.0
) -> float:
    """Seconds from spawning `command` in a 120x40 pty until any of `markers` appears in its output."""
    primary, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(secondary)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([primary], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(primary, 65536)
                except OSError:
                    break
                seen += chunk
                if any(marker in seen for marker in markers):
                    return time.perf_counter() - start
        raise RuntimeError(f"{command[0]}: nothing awaited on screen within {timeout} s")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(primary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="compile the reader's modules on every start"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache",
        }
        if not args.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        newsreader = [str(ROOT / ".venv/bin/newsreader"), "sample_data/"]
        bare = [sys.executable, "-c", BARE]
        titles = title_markers()
        time_to_marker(newsreader, titles, env)  # warm the file cache and the reader's cache once
        reader_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(time_to_marker(bare, [b"BARE-READY"], env))
            reader_times.append(time_to_marker(newsreader, titles, env))
    reader, plain = statistics.median(reader_times), statistics.median(bare_times)
    cache = "off" if args.no_bytecode_cache else "on"
    print(f"runs: {args.runs} each, alternating; process start to first content, median (min-max)")
    print(f"bytecode cache   : {cache}")
    print(f"bare Textual app : {plain:.3f} s ({min(bare_times):.3f}-{max(bare_times):.3f})")
    print(f"newsreader       : {reader:.3f} s ({min(reader_times):.3f}-{max(reader_times):.3f}) to a title")
    ratio = reader / plain
    print(f"ratio            : {ratio:.2f}x  (goal <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
