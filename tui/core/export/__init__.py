"""Export the quotes a reader picks, with their sources, as Markdown, CSV or JSON Lines.

Typical use (the app's dialog and the `export` subcommand do exactly this):

    items = select_quotes(pairs, actor="Tokayev", marked=store.keys())
    result = export_quotes(items, path, "md", what="marked quotes by Tokayev")
    print(result.message)

`render_export` gives the text instead (for standard output). Formats are described in
docs/export.md.
"""

from tui.core.export.csv_format import render_csv
from tui.core.export.errors import ExportError, FileExistsExportError, NothingToExportError
from tui.core.export.formats import FORMATS, ExportFormat, default_filename, get_format, render_export
from tui.core.export.items import EXPORT_FIELDS, ExportItem, select_quotes
from tui.core.export.jsonl_format import render_jsonl
from tui.core.export.markdown_format import render_markdown
from tui.core.export.writing import ExportResult, check_writable, encode_export, export_quotes, write_export

__all__ = [
    "EXPORT_FIELDS",
    "FORMATS",
    "ExportError",
    "ExportFormat",
    "ExportItem",
    "ExportResult",
    "FileExistsExportError",
    "NothingToExportError",
    "check_writable",
    "default_filename",
    "encode_export",
    "export_quotes",
    "get_format",
    "render_csv",
    "render_export",
    "render_jsonl",
    "render_markdown",
    "select_quotes",
    "write_export",
]
