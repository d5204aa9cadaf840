"""`make test` and CI try the same property examples every run; `make fuzz` tries new ones, many more."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif("HYPOTHESIS_PROFILE" in os.environ, reason="a profile was chosen for this run")
def test_the_default_profile_repeats_the_same_examples():
    assert settings.default.derandomize
    assert settings.default.database is None
    assert settings.default.deadline is None


def test_make_fuzz_runs_the_property_tests_randomised():
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--co", "-m", "property", "tests/test_nlp_properties.py"],
        cwd=ROOT,
        env={**os.environ, "HYPOTHESIS_PROFILE": "fuzz"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "test_arbitrary_text_never_breaks_the_analysis" in listed.stdout
    assert "test_empty_and_blank_text" not in listed.stdout  # not a property test
