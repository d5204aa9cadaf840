"""Real sample articles with real analyses for the reader's Pilot and snapshot tests.

spaCy is loaded once per test session (the results are cached here); each test gets its own
Library filled from those results, so no test sees another's state.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.library import Library
from tui.core.model import Analysis, Article

if TYPE_CHECKING:
    from tui.app.app import NewsReaderApp

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
PELOSI = "wikinews-2019-09-25-us-speaker-pelosi-announces-trump-impeachment-investigation.md"
KAZAKHSTAN = "kazakhstan-csto-forces-to-remain.txt"
SYRIA = "wikinews-2019-10-08-us-president-trump-announces-troop-withdrawal-from-syria.md"
FILES = (PELOSI, KAZAKHSTAN, SYRIA)


def sample_paths(*names: str) -> list[str]:
    return [str(SAMPLE_DATA / name) for name in (names or FILES)]


@functools.cache
def _read() -> tuple[Article, ...]:
    library = Library(no_cache=True)
    problems = []
    library.open(sample_paths(), on_problem=problems.append)
    assert not problems, problems
    return tuple(library.articles)


@functools.cache
def _analyse() -> tuple[Analysis, ...]:
    from tui.core.nlp import Analyzer

    analyzer = Analyzer()
    return tuple(analyzer.analyze(article) for article in _read())


def articles() -> tuple[Article, ...]:
    return _read()


def analyses() -> dict[str, Analysis]:
    return {analysis.article_id: analysis for analysis in _analyse()}


def unanalysed_library() -> Library:
    library = Library(no_cache=True)
    for article in _read():
        library.add(article)
    return library


def analysed_library() -> Library:
    library = unanalysed_library()
    for analysis in _analyse():
        library.set_analysis(analysis)
    return library


FROZEN = Path(__file__).with_name("app_analyses.json")


def frozen_library() -> Library:
    """The sample articles with analyses the real analyser produced once, stored in app_analyses.json.

    Snapshots use these so that they change when the screen changes, not each time the analyser
    improves. Refresh with: python tests/app_library.py
    """
    import json

    stored = {a["article_id"]: Analysis.from_dict(a) for a in json.loads(FROZEN.read_text(encoding="utf-8"))}
    library = unanalysed_library()
    for article in library.articles:
        library.set_analysis(stored[article.id])
    return library


if __name__ == "__main__":
    import json

    FROZEN.write_text(
        json.dumps([a.to_dict() for a in _analyse()], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {FROZEN}")


def open_reader(library: Library | None = None, **options: Any) -> NewsReaderApp:
    """The reader as `newsreader` starts it, with these ReaderOptions (and a library already open)."""
    from tui.app.app import NewsReaderApp
    from tui.app.options import ReaderOptions

    return NewsReaderApp(ReaderOptions(**options), library=library)
