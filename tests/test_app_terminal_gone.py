"""The reader in a real terminal (a pseudo-terminal) that goes away: it quits instead of spinning.

Textual's input thread meets end-of-file at once on every read of a hung-up terminal; before the
watch in tui/app/terminal_watch.py the reader then used most of a core until killed. Here the
terminal is not the reader's controlling one, so no SIGHUP comes: only the watch can see it go.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")

ROOT = Path(__file__).resolve().parents[1]


def read_until(master: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


def test_the_reader_quits_when_its_terminal_is_closed(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "vote.txt").write_text("Budget vote\nThe parliament met in Lagos.\n", "utf-8")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CACHE", "DATA", "CONFIG")},
    }
    reader = subprocess.Popen(
        [sys.executable, "-m", "tui", str(folder), "--no-cache"],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    try:
        screen = read_until(master, b"Budget vote", 60)
        assert b"Budget vote" in screen, screen[-2000:]
        os.close(master)  # the window closes
        try:
            status = reader.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail("the reader was still running 15 s after its terminal closed")
        assert status == 0
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
