"""Process start to the first article titles on screen: newsreader on sample_data/ against a bare
Textual app (a header, a footer and one line of text), in the same run.

Each program runs in its own pseudo-terminal (120x40); the clock stops when the terminal receives what
a user waits for: the start of any sample article's title for newsreader (the list's rows, or the
open article's header: the first content, not the empty frame), "BARE-READY" for the bare app. Runs
alternate between the two so both see the same machine load. Goal: newsreader <= 1.5x the bare app
(issue 13).

The reader's cache is warmed once, by a run left open until it has read sample_data/ to the end (as
a reader used before has): later starts list the titles from the cache before reading a file, and
check the files after the first paint. `--first-start` gives each start an empty cache instead.

Python's bytecode cache is on (in a temporary PYTHONPYCACHEPREFIX, so the checkout stays clean) even
when the shell sets PYTHONDONTWRITEBYTECODE: an installed newsreader has its .pyc files, as Textual in
the venv has, and compiling the reader's modules on every start (~25 ms) is not what a user waits for.
`--no-bytecode-cache` measures the uncached case.

    .venv/bin/python bench/startup.py [--runs 7] [--first-start]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import select
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
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
    command: list[str],
    markers: list[bytes],
    env: dict[str, str],
    timeout: float = 20.0,
    linger: Callable[[], bool] | None = None,
) -> float:
    """Seconds from spawning `command` in a 120x40 pty until any of `markers` appears in its output.
    With `linger`, the program runs on until `linger()` is true (or `timeout`) before it is stopped."""
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
                    took = time.perf_counter() - start
                    while linger is not None and not linger() and time.perf_counter() - start < timeout:
                        _drain(primary)
                    return took
        raise RuntimeError(f"{command[0]}: nothing awaited on screen within {timeout} s")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(primary)


def _drain(primary: int) -> None:
    """Read what the program writes meanwhile, so that it never blocks on a full terminal."""
    ready, _, _ = select.select([primary], [], [], 0.1)
    if ready:
        try:
            os.read(primary, 65536)
        except OSError:
            time.sleep(0.1)


def listing_kept(cache_home: str) -> bool:
    """The reader has read sample_data/ to the end once and kept what it gave in its cache, as a
    reader that was used before has: the next start lists the titles from the cache."""
    db = Path(cache_home) / "newsreader" / "newsreader.db"
    if not db.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as connection:
            row = connection.execute("SELECT count(*) FROM meta WHERE key LIKE 'listing:%'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row and row[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="compile the reader's modules on every start"
    )
    parser.add_argument(
        "--first-start",
        action="store_true",
        help="an empty cache for each start (the first start ever: no titles to list from the cache)",
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
        # warm the file cache and the reader's cache once: read to the end, as by a reader used before
        cache = env["XDG_CACHE_HOME"]
        time_to_marker(newsreader, titles, env, timeout=60, linger=lambda: listing_kept(cache))
        if not listing_kept(cache):
            print("note: the warm-up run kept no listing of sample_data/ in the cache", file=sys.stderr)
        reader_times, bare_times = [], []
        for run in range(args.runs):
            bare_times.append(time_to_marker(bare, [b"BARE-READY"], env))
            # --first-start: a cache of its own each run, empty: the files are read before any title
            reader_env = {**env, "XDG_CACHE_HOME": f"{home}/first-{run}"} if args.first_start else env
            reader_times.append(time_to_marker(newsreader, titles, reader_env))
    reader, plain = statistics.median(reader_times), statistics.median(bare_times)
    bytecode = "off" if args.no_bytecode_cache else "on"
    print(f"runs: {args.runs} each, alternating; process start to first content, median (min-max)")
    print(f"bytecode cache   : {bytecode}")
    print(f"reader's cache   : {'empty (first start)' if args.first_start else 'sample_data/ read before'}")
    print(f"bare Textual app : {plain:.3f} s ({min(bare_times):.3f}-{max(bare_times):.3f})")
    print(f"newsreader       : {reader:.3f} s ({min(reader_times):.3f}-{max(reader_times):.3f}) to a title")
    ratio = reader / plain
    print(f"ratio            : {ratio:.2f}x  (goal <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
