"""Dates from any source as ISO `YYYY-MM-DD`, so articles sort and display the same way.

Feeds give RFC 822 strings or struct_time, JSON gives ISO strings or epoch numbers, YAML gives
`date` objects, e-mail gives RFC 2822. dateutil does the parsing; an incomplete or unparseable
date becomes None rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

# Two different defaults: a field filled from the default differs between the two parses,
# which tells an incomplete date ("June 2009") from a complete one.
_DEFAULT_A = dt.datetime(1900, 1, 1)
_DEFAULT_B = dt.datetime(1904, 2, 2)
_FULL_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_EPOCH_MILLIS_THRESHOLD = 100_000_000_000


def normalise_date(value: Any) -> str | None:
    """The day `value` names as `YYYY-MM-DD`, or None when it does not name one day."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    from dateutil import parser as date_parser

    text = str(value).strip()
    if not text or len(text) > 100:
        return None
    if text.isdigit() and len(text) >= 9:
        return _from_epoch(float(text))
    if len(text) == 10 and _FULL_ISO_DAY.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if _FULL_ISO_DAY.match(text):
        try:
            return date_parser.isoparse(text).strftime("%Y-%m-%d")
        except (ValueError, OverflowError):
            pass
    try:
        first = date_parser.parse(text, default=_DEFAULT_A)
        if first.year != _DEFAULT_A.year and first.month != 1 and first.day != 1:
            return first.strftime("%Y-%m-%d")  # no field could have come from the default
        second = date_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return first.strftime("%Y-%m-%d")


def _from_epoch(seconds: float) -> str | None:
    if seconds > _EPOCH_MILLIS_THRESHOLD:
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, OSError):
        return None
