"""Keep the test run away from the user's own cache, marks, session and keys; make property tests repeatable.

Set before any test or fixture runs (session fixtures included), and inherited by the
subprocesses tests start: a test never reads or writes ~/.cache, ~/.local/share or ~/.config.

Hypothesis runs under the "ci" profile unless HYPOTHESIS_PROFILE names another: derandomised (every run
tries the same examples, so `make test` and CI never fail on an example nobody saw) with a fixed
budget and no example database. `make fuzz` selects the "fuzz" profile: random examples, many more of
them (tests/property_budget.py), failures kept in .hypothesis/ and replayed first.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    print_blob=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    max_examples=2500,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    home = Path(tempfile.mkdtemp(prefix="newsreader-tests-"))
    for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[variable] = str(home / variable.lower())
    os.environ["NEWSREADER_DB"] = str(home / "cache.db")
    os.environ.pop("NEWSREADER_MODEL", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis test `property`, so `make fuzz` can run just those (`-m property`)."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
