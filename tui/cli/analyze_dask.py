"""`newsreader analyze --engine dask`: plan the units, run them on the cluster, write in input order.

The dashboard's address goes to standard error at the start (standard output carries only
results); problems are named there as every command names them, and the progress bar shows
when standard error is a terminal. The local cache is neither read nor written: the results go
to the output, and `newsreader import` puts them in the cache of whichever machine reads them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

from tui.cli.analyze_output import Render, results_output
from tui.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CommandError, progress, report_problem
from tui.cli.output import tell


def run_on_dask(args: argparse.Namespace, target: Path | None, renderer: Callable[[str], Render]) -> int:
    from tui.core.engines.dask_engine import DaskEngine, EngineError
    from tui.core.engines.planning import plan_units

    pipeline = client_pipeline(args.model)
    workers = local_workers(args.workers) if not args.scheduler else 0
    units = plan_units(args.paths, on_problem=report_problem)
    if not units:
        raise CommandError("nothing to analyse")
    lost = 0

    def on_lost(path: str, reason: str) -> None:
        nonlocal lost
        lost += 1
        tell(f"{path}: {reason}")

    try:
        with DaskEngine(args.model, pipeline, scheduler=args.scheduler, workers=workers) as engine:
            tell(f"dashboard: {engine.dashboard}{_dashboard_note(args.scheduler)}")
            with (
                results_output(target, args.format, pipeline, renderer(pipeline), force=args.force) as write,
                progress("analysing") as bar,
            ):
                for article, analysis in engine.run(
                    units, on_problem=report_problem, on_lost=on_lost, on_progress=bar.advance
                ):
                    write(article, analysis)
    except EngineError as error:
        raise CommandError(str(error)) from None
    if lost:
        tell(f"{lost} article(s) or file(s) not analysed (named above)")
        return EXIT_FAILED
    return 0


def local_workers(requested: int) -> int:
    """Worker processes of a local cluster: one per core at most, as `--processes` (each holds a model)."""
    cores = os.cpu_count() or 1
    if requested > cores:
        tell(f"--workers {requested}: this machine has {cores} core(s); starting {cores} workers")
    return min(requested, cores) if requested > 0 else cores


def client_pipeline(model: str | None) -> str:
    """The identity every worker must share: this machine's model and analysis code, no spaCy loaded."""
    from tui.core.library import nlp_code_fingerprint
    from tui.core.nlp import Analyzer, ModelNotFoundError

    try:
        return f"{Analyzer(model).identity}+{nlp_code_fingerprint()}"
    except ModelNotFoundError as error:
        raise CommandError(str(error), EXIT_BAD_INPUT) from None


def _dashboard_note(scheduler: str | None) -> str:
    """The dashboard's pages need bokeh where the scheduler runs: say so when it is ours and missing."""
    if scheduler or importlib.util.find_spec("bokeh") is not None:
        return ""
    return " (its pages need bokeh: pip install bokeh)"
