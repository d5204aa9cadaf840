"""Shared helpers for the language tests: one loaded spaCy model for the whole session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tui.core.model import Analysis, Article
from tui.core.nlp import Analyzer

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "sample_data"


@lru_cache(maxsize=1)
def shared_analyzer() -> Analyzer:
    """Loading spaCy takes about a second: every test module shares this one instance."""
    return Analyzer().load()


def analyse(text: str) -> Analysis:
    return shared_analyzer().analyze(Article(path="test.txt", title="", text=text))


def quote_texts(analysis: Analysis) -> list[str]:
    return [q.text for q in analysis.quotes]
