"""What a cluster worker runs: a batch of articles (or of files it reads itself) in, plain results out.

A worker process keeps one Analyzer per model, loaded on its first batch and kept for every later
one (spaCy's model takes a second or more to load and ~150 MB to hold). Results are plain dicts so
they travel between machines without pickling our classes, and each names the pipeline identity
the worker really ran, so the client can refuse results of a worker whose newsreader or model differs.

This module imports neither Dask nor spaCy: it runs inside a Dask worker, which has both loaded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from tui.core.model import Article, LoadProblem

_analyzers: dict[str | None, tuple[Any, str]] = {}
_lock = threading.Lock()  # a worker with several threads shares one model: one batch at a time


@dataclass(frozen=True)
class Unit:
    """One task: articles the client read (as dicts), or files for the worker to read itself.

    `files` are (location, shown path): the location is what the worker opens (an absolute path
    on a shared file system, or an fsspec URL), the shown path what messages and results say.
    """

    number: int
    articles: tuple[dict[str, Any], ...] = ()
    files: tuple[tuple[str, str], ...] = ()


def worker_analyzer(model: str | None) -> tuple[Any, str]:
    """This process's Analyzer for `model`, loaded once, and its full pipeline identity."""
    found = _analyzers.get(model)
    if found is None:
        from tui.core.engines.malloc_tuning import restore_heap_allocation
        from tui.core.library import nlp_code_fingerprint
        from tui.core.nlp import Analyzer

        restore_heap_allocation()
        analyzer = Analyzer(model).load()
        found = _analyzers[model] = (analyzer, f"{analyzer.identity}+{nlp_code_fingerprint()}")
    return found


def analyse_unit(model: str | None, unit: Unit) -> dict[str, Any]:
    """The unit's results in order: {"pipeline", "items": [...], "start_error"}.

    Each item is ("ok", article dict, analysis dict), ("problem", path, reason, kept) for a file
    the worker could not read (or read in part), or ("failed", path, reason) for an article whose
    analysis raised: one bad article costs only itself.
    """
    with _lock:
        try:
            analyzer, pipeline = worker_analyzer(model)
        except Exception as error:
            return {"pipeline": None, "items": [], "start_error": f"{type(error).__name__}: {error}"}
        articles = [Article.from_dict(a) for a in unit.articles]
        items: list[tuple[Any, ...]] = []
        if unit.files:
            from tui.core.engines.remote_files import read_located

            for location, shown in unit.files:
                for item in read_located(location, shown):
                    if isinstance(item, LoadProblem):
                        items.append(("problem", item.path, item.reason, item.kept))
                    else:
                        articles.append(item)
        items.extend(_analysed(analyzer, articles))
        return {"pipeline": pipeline, "items": items, "start_error": None}


def _analysed(analyzer: Any, articles: list[Article]) -> list[tuple[Any, ...]]:
    if not articles:
        return []
    try:
        analyses = list(analyzer.analyze_many(articles, processes=1, batch_size=len(articles)))
        return [("ok", a.to_dict(), b.to_dict()) for a, b in zip(articles, analyses, strict=True)]
    except Exception:
        pass
    items: list[tuple[Any, ...]] = []
    for article in articles:
        try:
            (analysis,) = analyzer.analyze_many([article], processes=1, batch_size=1)
            items.append(("ok", article.to_dict(), analysis.to_dict()))
        except Exception as error:
            items.append(("failed", article.path, f"analysis failed: {error}"))
    return items


def load_model(model: str | None) -> str:
    """Load the model in this worker now (a warm-up, `client.run`); returns the pipeline identity."""
    with _lock:
        return worker_analyzer(model)[1]
