"""The core must work without a screen, and start-up must not pay for spaCy.

Each check runs in a fresh interpreter, so modules imported by other tests cannot hide a leak.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCREEN = ("textual", "rich")


def imported_after(code: str) -> set[str]:
    """Top-level package names present in sys.modules after running `code` in a new interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_every_core_module_imports_without_the_screen_or_spacy() -> None:
    code = (
        "import pkgutil, importlib, tui.core\n"
        "for info in pkgutil.walk_packages(tui.core.__path__, 'tui.core.'):\n"
        "    importlib.import_module(info.name)\n"
    )
    loaded = imported_after(code)
    assert not loaded & set(SCREEN), f"tui.core pulled in {sorted(loaded & set(SCREEN))}"
    assert "spacy" not in loaded, "importing tui.core must not import spaCy: it is loaded where analysis runs"


@pytest.mark.parametrize("module", ["tui.cli", "tui.app.app"])
def test_start_up_does_not_import_spacy(module: str) -> None:
    assert "spacy" not in imported_after(f"import {module}")
