"""Quotes as JSON Lines for programs: one JSON object per line, the fields of `EXPORT_FIELDS`.

Non-Latin text is written as itself (UTF-8), not as `\\u` escapes, so the file stays readable.
The three characters JSON allows raw but some line splitters treat as line ends (U+0085,
U+2028, U+2029) are escaped, so every reader, even `str.splitlines`, sees one quote per line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tui.core.export.items import ExportItem

_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render_jsonl(items: Sequence[ExportItem]) -> str:
    lines = [json.dumps(item.to_record(), ensure_ascii=False).translate(_LINE_SEPARATORS) for item in items]
    return "".join(line + "\n" for line in lines)
