"""Names spelt one way, so that two spellings of one name compare equal: `Erdoğan` and `Erdogan`,
`F.B.I.` and `FBI`, `Trump's` and `Trump`.

Diacritics go by Unicode decomposition (`ğ` is `g` and a breve); the few Latin letters that do not
decompose (`ø`, `ł`, `ı`, `ß`...) are spelt as English news spells them. News in English already
writes names from other scripts in Latin letters, so no transliteration library is needed: a name
still in Cyrillic or Arabic script keeps its letters, folded for case only, and matches itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
        "Ħ": "H",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
    }
)
_POSSESSIVE = re.compile(r"(?<=[^\W_])['’‘`]s?(?=\W|$)")
"""`Trump's`, `Sanders’` (a final apostrophe after a word): a possessive, never part of a name."""
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
_DOTTED = re.compile(r"(?<=[^\W_])\.(?=[^\W_])|(?<=\b[^\W_])\.")
"""The full stops of initials and abbreviations: `F.B.I.`, `J.`, `U.S.`, `Jr.`."""
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def plain_letters(text: str) -> str:
    """`text` without diacritics, keeping case: `Erdoğan` -> `Erdogan`, `Łódź` -> `Lodz`."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def without_possessive(text: str) -> str:
    """`Trump's campaign` -> `Trump campaign`; `O'Brien` keeps its apostrophe (a letter follows)."""
    return _POSSESSIVE.sub("", text)


@lru_cache(maxsize=65536)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name as written, possessives and the full stops of initials taken out, case
    kept: `F.B.I.` -> [`FBI`], `Donald J. Trump's` -> [`Donald`, `J`, `Trump`], `O'Brien` -> [`OBrien`].
    A hyphenated name stays one word (`Kassym-Jomart`)."""
    text = without_possessive(plain_letters(text))
    text = _APOSTROPHES.sub("", text)
    text = _DOTTED.sub("", text)
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The name as a key: its words, without diacritics, possessives or full stops, in lower case,
    one space between them. `Recep Tayyip Erdoğan` -> `recep tayyip erdogan`, `F.B.I.` -> `fbi`."""
    return " ".join(word.casefold() for word in name_words(text))
