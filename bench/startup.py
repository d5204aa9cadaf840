"""Process start to first paint: newsreader on sample_data/ against a bare Textual app, in the same run.

Each program runs in its own pseudo-terminal (120x40); the clock stops when the first frame shows a
marker only a painted screen has ("Articles" for newsreader, "BARE-READY" for the bare app). Runs
alternate between the two so both see the same machine load. Goal: newsreader <= 1.5x the bare app
and < 0.6 s.

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
    "from textual.widgets import Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('BARE-READY')\n"
    "Bare().run()\n"
)


def time_to_marker(command: list[str], marker: bytes, env: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from spawning `command` in a 120x40 pty until `marker` appears in its output."""
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
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{command[0]}: no first paint within {timeout} s")
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
        time_to_marker(newsreader, b"Articles", env)  # warm the file cache and the analysis cache once
        reader_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(time_to_marker(bare, b"BARE-READY", env))
            reader_times.append(time_to_marker(newsreader, b"Articles", env))
    reader, plain = statistics.median(reader_times), statistics.median(bare_times)
    cache = "off" if args.no_bytecode_cache else "on"
    print(f"runs: {args.runs} each, alternating; process start to first paint, median (min-max)")
    print(f"bytecode cache   : {cache}")
    print(f"bare Textual app : {plain:.3f} s ({min(bare_times):.3f}-{max(bare_times):.3f})")
    print(f"newsreader       : {reader:.3f} s ({min(reader_times):.3f}-{max(reader_times):.3f})")
    ratio = reader / plain
    ok = ratio <= 1.5 and reader < 0.6
    print(f"ratio            : {ratio:.2f}x  (goal <= 1.5x and < 0.6 s: {'met' if ok else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
