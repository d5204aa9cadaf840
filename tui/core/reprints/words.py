"""A statement's words as one outlet printed them, reduced to what two outlets would share.

Outlets differ in quote marks and apostrophes (’ or '), case, accents (Erdoğan or Erdogan), dashes,
ellipses and punctuation; none of that changes what was said, so all of it is folded away here and a
statement becomes a list of plain lower-case words.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# a word: letters and digits, with inner apostrophes kept ("don't", "o'neill"); hyphens split words
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def fold(text: str) -> str:
    """Case, accents, compatibility forms and apostrophes folded: 'Erdoğan’s' -> "erdogan's"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.casefold()


def statement_words(text: str) -> list[str]:
    """The words of a statement, folded, without punctuation: what decides whether two are the same."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1 << 18)
def word_hash(word: str) -> int:
    """A stable 32-bit number for a folded word (the same in every run, so prints can be cached)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def word_hashes(text: str) -> list[int]:
    return [word_hash(word) for word in statement_words(text)]


def surname_hash(actor: str | None) -> int:
    """The last word of an actor's name, hashed (0 when unknown): 'Donald J. Trump' and 'Trump' agree."""
    words = statement_words(actor or "")
    return word_hash(words[-1]) if words else 0
