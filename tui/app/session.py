"""What was open last time, so `newsreader` with no paths picks up where the reader left off, and
how the reader was left (the article list's order).

The list of paths and the view are user data (platformdirs' user data directory), not cache:
clearing the cache must not forget them. Failures to read or write it are never fatal.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"


def session_file() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "session.json"


def load_paths(path: Path | None = None) -> list[str]:
    """The paths opened last time that still exist; [] on a first run or an unreadable file."""
    path = path or session_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, list):
        return []
    return [p for p in paths if isinstance(p, str) and (Path(p).exists() or "://" in p)]


def save_paths(paths: list[str], path: Path | None = None) -> None:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    from tui.core.sources.fetching import without_credentials  # not needed at start-up

    # a URL's user:password@ is never stored; its page is kept offline under the URL without them
    absolute = [without_credentials(p) if "://" in p else str(Path(p).resolve()) for p in paths if p != "-"]
    _write_json({"paths": absolute}, path or session_file())


def view_file() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "view.json"


def load_list_order(path: Path | None = None) -> str | None:
    """The article list's order chosen last time (unchecked: tui.app.list_order.as_order checks it),
    None on a first run or an unreadable file."""
    try:
        data = json.loads((path or view_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    order = data.get("list_order") if isinstance(data, dict) else None
    return order if isinstance(order, str) else None


def save_list_order(order: str, path: Path | None = None) -> None:
    _write_json({"list_order": order}, path or view_file())


def _write_json(data: object, path: Path) -> None:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sample_data_dir() -> Path:
    """The bundled sample articles, next to the package in a checkout."""
    import tui

    return Path(tui.__file__).resolve().parents[1] / "sample_data"
