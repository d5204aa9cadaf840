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
_CREDIT_WORDS = ("Image", "Photo", "Picture")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_CREDITED_CAPTION = re.compile(
    r"^(?:.{0,200}?[\s(a-z.])?(?:Image|Photo|Picture|Photograph)s?\s*:\s*[^:]{1,80}$"
)


def dateline_date(paragraph: str) -> str | None:
    """The date (ISO) of a short paragraph that is nothing but a date, else None.

    The year check first: full date parsing costs half a millisecond, and this runs on every article.
    """
    if len(paragraph) > MAX_DATELINE_CHARS or not _YEAR.search(paragraph):
        return None
    return normalise_date(paragraph)


def is_credited_caption(paragraph: str) -> bool:
    """A short paragraph ending in an image credit: "A banner for the event. Image: Paul Budd."."""
    if len(paragraph) > MAX_CAPTION_CHARS or not any(word in paragraph for word in _CREDIT_WORDS):
        return False
    return _CREDITED_CAPTION.match(paragraph) is not None


def without_residue(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """The paragraphs without a leading dateline or credited captions, and the dateline's date (ISO).

    A dateline that is the only paragraph stays: an article whose text is a date is still shown.
    """
    date = dateline_date(paragraphs[0]) if len(paragraphs) > 1 else None
    if date:
        paragraphs = paragraphs[1:]
    return [p for p in paragraphs if not is_credited_caption(p)], date
