"""The language part of newsreader: entities, quotes, speakers and actors from spaCy's parse.

Importing this package is cheap: spaCy is imported only when an Analyzer first needs it.

    from tui.core.nlp import Analyzer
    analysis = Analyzer().analyze(article)       # tui.core.model.Analysis
"""

from __future__ import annotations

from .analyzer import Analyzer
from .models import ANALYSIS_VERSION, ModelNotFoundError, pipeline_identity, resolve_model

__all__ = ["ANALYSIS_VERSION", "Analyzer", "ModelNotFoundError", "pipeline_identity", "resolve_model"]
