"""The export formats by name, their file names, and turning a selection into a file's text.

The dialog and the `export` subcommand both go through `FORMATS` and `render_export`, so they
offer the same formats and refuse the same empty selections with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.core.export.csv_format import render_csv
from tui.core.export.errors import ExportError, NothingToExportError
from tui.core.export.items import ExportItem
from tui.core.export.jsonl_format import render_jsonl
from tui.core.export.markdown_format import render_markdown

Renderer = Callable[[Sequence[ExportItem], str, datetime], str]


@dataclass(frozen=True)
class ExportFormat:
    """A format as a user chooses it: `key` for the command line, `label` for the dialog."""

    key: str
    label: str
    suffix: str
    render: Renderer


FORMATS: dict[str, ExportFormat] = {
    "md": ExportFormat(
        "md", "Markdown", ".md", lambda items, title, now: render_markdown(items, title=title, now=now)
    ),
    "csv": ExportFormat("csv", "CSV", ".csv", lambda items, title, now: render_csv(items)),
    "jsonl": ExportFormat("jsonl", "JSON Lines", ".jsonl", lambda items, title, now: render_jsonl(items)),
}

_NOT_IN_NAME = re.compile(r"[^\w]+")


def get_format(key: str) -> ExportFormat:
    """The format called `key` (case and a leading dot ignored), or an ExportError naming the choices."""
    fmt = FORMATS.get(key.strip().lower().lstrip("."))
    if fmt is None:
        raise ExportError(f"unknown export format {key!r}: choose one of {', '.join(FORMATS)}")
    return fmt


def default_filename(fmt: str, what: str, now: datetime) -> str:
    """A name that says what was exported and when, safe on every file system.

    `default_filename("md", "quotes", now)` gives `newsreader-quotes-2026-11-25-1530.md`;
    `what` is reduced to lower-case letters, digits and dashes ("Marked quotes" -> "marked-quotes").
    """
    slug = _NOT_IN_NAME.sub("-", what.casefold()).strip("-_")[:60].strip("-_") or "quotes"
    return f"newsreader-{slug}-{now:%Y-%m-%d-%H%M}{get_format(fmt).suffix}"


def render_export(items: Sequence[ExportItem], fmt: str, *, what: str, now: datetime) -> str:
    """The text of an export of `items` in format `fmt`; `what` says what was chosen ("marked quotes").

    Raises `NothingToExportError` when `items` is empty, so nobody gets an empty file or page.
    """
    chosen = get_format(fmt)
    if not items:
        raise NothingToExportError(f"nothing to export: the selection ({what}) holds no quotes")
    return chosen.render(items, what, now)
