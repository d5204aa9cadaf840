"""Analysis workers end when the process that started them is killed (kill -9 leaves no time to say so)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"
WAIT_S = 60  # bounds the waiting, not a speed claim: on a loaded machine spaCy alone takes seconds to load

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[1] == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in {"Z", "X"}  # a zombie has ended; only its entry is left


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


POOL_SCRIPT = """
from tui.core.analysis_pool import AnalysisPool
from tui.core.model import Article

text = "The minister said it would end. " * 400
articles = [Article(path=f"{i}.txt", title="", text=text) for i in range(60)]
with AnalysisPool(processes=2, niceness=0) as pool:
    pool.run(articles)
"""


@pytest.mark.parametrize("how", ["newsreader analyze", "the reader's pool"])
def test_workers_end_when_their_parent_is_killed(tmp_path, how):
    if how == "newsreader analyze":
        articles = tmp_path / "articles"
        shutil.copytree(SAMPLE_DATA, articles)
        argv = [sys.executable, "-m", "tui", "analyze", "--no-cache", "--processes", "2", str(articles)]
    else:
        argv = [sys.executable, "-c", POOL_SCRIPT]
    parent = subprocess.Popen(
        argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    workers: list[int] = []
    try:
        assert _wait_for(lambda: len(_children(parent.pid)) >= 2 or parent.poll() is not None, WAIT_S)
        time.sleep(1)  # let the workers get into their work
        workers = _children(parent.pid)
        assert parent.poll() is None and len(workers) >= 2, "the command ended before its workers started"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _wait_for(lambda: not any(_running(w) for w in workers), WAIT_S), "orphaned workers run on"
    finally:
        for worker in workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)
