"""`newsreader analyze --engine dask`: the same results as `--engine local`, even when a worker dies.

These start a local Dask cluster of two worker processes, each loading spaCy: ~10-20 s each.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("spacy")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
KAZAKHSTAN = SAMPLE / "kazakhstan-csto-forces-to-remain.txt"
PERU = sorted(SAMPLE.glob("globalvoices-2009-06-0*-peru-*.md"))
KENYA = sorted(SAMPLE.glob("wikinews-2019-10-1*-*marathon*.md"))


def newsreader(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, env=env, capture_output=True, timeout=300
    )


def test_dask_gives_byte_for_byte_what_local_gives_with_files_the_workers_read(tmp_path: Path) -> None:
    """A path the client reads, a quoted glob the workers read, a broken file: the same output."""
    assert len(PERU) == 2 and len(KENYA) == 2
    shutil.copy(KAZAKHSTAN, tmp_path / "kazakhstan.txt")
    (tmp_path / "more").mkdir()
    for path in [*PERU, *KENYA]:
        shutil.copy(path, tmp_path / "more" / path.name)
    (tmp_path / "more" / "broken.json").write_text("{not json", "utf-8")
    in_glob_order = sorted(["more/broken.json", *(f"more/{p.name}" for p in [*PERU, *KENYA])])

    local = newsreader(
        "analyze", "--format", "jsonl", "--no-cache", "kazakhstan.txt", *in_glob_order, cwd=tmp_path
    )
    on_dask = newsreader(
        "analyze", "--engine", "dask", "--workers", "2", "--format", "jsonl", "--no-cache",
        "kazakhstan.txt", "more/*",
        cwd=tmp_path,
    )  # fmt: skip

    assert local.returncode == 0, local.stderr.decode()
    assert on_dask.returncode == 0, on_dask.stderr.decode()
    assert len(on_dask.stdout.splitlines()) == 5
    assert on_dask.stdout == local.stdout
    errors = on_dask.stderr.decode()
    assert "skipped more/broken.json: not valid JSON" in errors
    assert "dashboard: http://" in errors


def test_a_worker_killed_mid_run_loses_no_article_and_writes_none_twice() -> None:
    from tui.cli.analyze_dask import client_pipeline
    from tui.core.engines.dask_engine import DaskEngine
    from tui.core.engines.planning import plan_units

    paths = [str(p) for p in [KAZAKHSTAN, *PERU, *KENYA]]
    problems: list[object] = []
    units = plan_units(paths, on_problem=problems.append, articles_per_unit=1)
    lost: list[tuple[str, str]] = []
    killed: list[int] = []

    with DaskEngine(None, client_pipeline(None), workers=2) as engine:
        clean = list(engine.run(units, on_problem=problems.append, on_lost=lambda *a: lost.append(a)))
        pids = engine.worker_pids()

        def kill_a_busy_worker(done: int, total: int) -> None:
            """After the first result: SIGKILL a worker process that is analysing something now."""
            if killed or done >= total:
                return
            busy = [address for address, keys in engine.client.processing().items() if keys]
            if busy:
                killed.append(pids[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)

        again = list(
            engine.run(
                units,
                on_problem=problems.append,
                on_lost=lambda *a: lost.append(a),
                on_progress=kill_a_busy_worker,
            )
        )
        after = engine.worker_pids()

    assert killed, "no worker was busy to be killed"
    assert killed[0] not in after.values(), "the killed worker is still there"
    assert not problems and not lost
    assert [a.id for a, _ in again] == [a.id for a, _ in clean]
    assert len({a.id for a, _ in again}) == len(paths)
    assert [b.to_dict() for _, b in again] == [b.to_dict() for _, b in clean]


def test_a_local_clusters_workers_keep_glibcs_own_malloc_thresholds() -> None:
    """Dask's nanny would set MALLOC_TRIM_THRESHOLD_ in them, costing spaCy a quarter more CPU."""
    from tui.core.engines.dask_engine import DaskEngine

    with DaskEngine(None, "unused", workers=1) as engine:
        seen = engine.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    assert list(seen.values()) == [os.environ.get("MALLOC_TRIM_THRESHOLD_")] == [None]
