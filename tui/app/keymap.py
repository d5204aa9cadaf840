"""The user's key remapping: `keys.toml` in the user config directory, `binding_id = "key"`.

Textual applies a keymap by binding id, so every binding in the app has one; this only reads the
file and says clearly what is wrong with it instead of failing.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from tui.app.session import APP_NAME


def keymap_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "keys.toml"


def load_keymap(
    path: Path | None = None, known_ids: set[str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """(keymap, problems). A missing file is an empty keymap; a bad one is reported and ignored."""
    path = path or keymap_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [f"{path}: cannot read ({error.strerror or error})"]
    import tomllib  # only when there is a file: most readers never remap a key

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        return {}, [f"{path}: not valid TOML ({error}); using the default keys"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, key in data.items():
        if isinstance(key, list) and all(isinstance(k, str) for k in key):
            key = ",".join(key)
        if not isinstance(key, str) or not key.strip():
            problems.append(f'{path}: {binding_id} should be a key such as "ctrl+f"')
        elif known_ids is not None and binding_id not in known_ids:
            problems.append(f"{path}: no binding called {binding_id!r}")
        else:
            keymap[binding_id] = key.strip()
    return keymap, problems
