"""The two kinds of residue news text carries from its page: a dateline paragraph and photo credits.

Raw datasets (Wikinews dumps, scraped JSON) open with the publication date as a paragraph of its own
("Friday, January 4, 2019") and keep image captions that end in a credit ("More protestors.
Image: Chris j wood."). Neither is the article's words; the date is kept as metadata instead.
Used for text newsreader builds (JSON, feeds, pages), never for `.txt`, whose text stays unchanged.
"""

from __future__ import annotations

import re

from .dates import normalise_date

MAX_DATELINE_CHARS = 40
MAX_CAPTION_CHARS = 250
_CREDITED_CAPTION = re.compile(
    r"^(?:.{0,200}?[\s(a-z.])?(?:Image|Photo|Picture|Photograph)s?\s*:\s*[^:]{1,80}$"
)


def is_dateline(paragraph: str) -> bool:
    """A short paragraph that is nothing but a date."""
    return len(paragraph) <= MAX_DATELINE_CHARS and normalise_date(paragraph) is not None


def is_credited_caption(paragraph: str) -> bool:
    """A short paragraph ending in an image credit: "A banner for the event. Image: Paul Budd."."""
    return len(paragraph) <= MAX_CAPTION_CHARS and _CREDITED_CAPTION.match(paragraph) is not None


def without_residue(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """The paragraphs without a leading dateline or credited captions, and the dateline's date (ISO).

    A dateline that is the only paragraph stays: an article whose text is a date is still shown.
    """
    date = None
    if len(paragraphs) > 1 and is_dateline(paragraphs[0]):
        date = normalise_date(paragraphs[0])
        paragraphs = paragraphs[1:]
    return [p for p in paragraphs if not is_credited_caption(p)], date
