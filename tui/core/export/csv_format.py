"""Quotes as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when needed), UTF-8.

The quote text is written exactly as found, newlines included: a field holding a newline, comma
or quote mark is enclosed in quote marks with inner quote marks doubled, which is how every
spreadsheet and `csv.reader` reads it back. One header row names the columns (`EXPORT_FIELDS`);
an unknown value is an empty field; `parts` is written as JSON (`[[12, 40], [52, 80]]`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from tui.core.export.items import EXPORT_FIELDS, ExportItem


def render_csv(items: Sequence[ExportItem]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXPORT_FIELDS)
    for item in items:
        record = item.to_record()
        record["parts"] = json.dumps(record["parts"])
        writer.writerow(["" if record[name] is None else record[name] for name in EXPORT_FIELDS])
    return buffer.getvalue()
