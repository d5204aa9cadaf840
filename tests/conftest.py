"""Keep the test run away from the user's own cache, marks, session and keys.

Set before any test or fixture runs (session fixtures included), and inherited by the
subprocesses tests start: a test never reads or writes ~/.cache, ~/.local/share or ~/.config.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    home = Path(tempfile.mkdtemp(prefix="newsreader-tests-"))
    for variable in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        os.environ[variable] = str(home / variable.lower())
    os.environ["NEWSREADER_DB"] = str(home / "cache.db")
    os.environ.pop("NEWSREADER_MODEL", None)
