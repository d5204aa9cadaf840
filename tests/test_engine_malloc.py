"""A Dask worker's allocator: the nanny's MALLOC_TRIM_THRESHOLD_ undone, or never set on our workers.

With the variable set, glibc hands every block above 128 KB to mmap and faults its pages in afresh
on each use; spaCy's arrays then cost a quarter more CPU. Page faults are what the user pays for,
and what these count.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ALLOCATE_AND_COUNT = """
import resource, sys
from tui.core.engines.malloc_tuning import restore_heap_allocation

def faults_for_blocks():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        block = bytearray(1024 * 1024)  # 1 MB, written: as a numpy array thinc fills
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

faults_for_blocks()
as_the_nanny_sets_it = faults_for_blocks()
restored = restore_heap_allocation()
faults_for_blocks()
print(as_the_nanny_sets_it, faults_for_blocks(), restored)
"""


def faults(environment: dict[str, str]) -> tuple[int, int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **environment}
    done = subprocess.run(
        [sys.executable, "-c", ALLOCATE_AND_COUNT], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    before, after, restored = done.stdout.split()
    return int(before), int(after), restored


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_worker_started_with_the_nannys_trim_threshold_gets_its_heap_back() -> None:
    before, after, restored = faults({"MALLOC_TRIM_THRESHOLD_": "65536"})
    assert restored == "True"
    assert before > 200 * 200  # each 1 MB block faulted in afresh: 256 pages of 4 KB
    assert after < before / 20


def test_without_the_variable_glibc_is_left_alone() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    env = {**environment, "PYTHONPATH": str(ROOT)}
    ask = "from tui.core.engines.malloc_tuning import restore_heap_allocation as r; print(r())"
    done = subprocess.run(
        [sys.executable, "-c", ask], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
