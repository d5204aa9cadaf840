"""A person's name taken apart: forename, middle initials, surname, and what a title says.

`Donald J. Trump`, `Donald Trump`, `Mr. Trump` and `President-elect Trump's` are one name written
four ways; `parse_person` gives each the parts that decide whether two names can be one person:
the forename (`donald`, empty for a surname alone), the initials of the middle names (`j`; one name
with and one without middle names can be the same person, `George W.` and `George H. W.` cannot),
the surname with its particles and generation (`bin laden`, `trump jr`: Donald Trump Jr. is not his
father), and the gender a title gives (`Mr.` m, `Mrs.` f) to tell Bill Clinton from Hillary.

The titles are the analysis's own list (tui/core/nlp/data/name_titles.txt) and its roles
(role_nouns.txt), read as files so that this module never imports the analysis package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .folding import name_words

NLP_DATA = Path(__file__).resolve().parents[1] / "nlp" / "data"

PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "ben", "de", "da", "di", "do", "dos", "das", "du", "del", "della",
     "der", "den", "van", "von", "la", "le", "mc", "abu", "ter", "zu"}
)  # fmt: skip
"""Lower-case words that belong to a surname: `Osama bin Laden`, `Ludwig van Beethoven`."""
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Words after a name that make it another person's: Donald Trump Jr. is not Donald Trump."""
MORE_TITLES = frozenset(
    {"miss", "madam", "madame", "mx", "hon", "lt", "col", "capt", "sgt", "adm", "cmdr", "atty",
     "of", "the", "state", "house", "senate", "presidential", "republican", "democratic", "elect",
     "president-elect", "ex", "then", "us", "deputy", "assistant", "acting", "majority", "minority",
     "whip", "first", "chief", "justice", "attorney", "general", "supreme", "court", "rabbi", "saint"}
)  # fmt: skip
"""Words of titles and offices written before a name that the analysis's lists leave out:
`Secretary of State John Kerry`, `House Speaker Paul Ryan`, `President-elect Trump`."""
FEMININE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess"})
MASCULINE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince"})


@cache
def _data_words(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (NLP_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(line.lower().split())
    return frozenset(words)


@cache
def title_words() -> frozenset[str]:
    """Every word that can stand before a name without being part of it, in lower case."""
    return _data_words("name_titles.txt") | _data_words("role_nouns.txt") | MORE_TITLES


@cache
def forename_genders() -> dict[str, str]:
    """Forename (lower case) -> "f" or "m", from the analysis's list: a hint, used only when a
    title says a gender, to keep `Mr. Clinton` from Hillary Clinton."""
    genders = {}
    for line in (NLP_DATA / "forenames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            genders[parts[0]] = parts[1]
    return genders


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name that tell people apart, folded (lower case, no diacritics)."""

    forename: str
    """The first forename (`donald`), or its initials when only initials are written (`jk`);
    empty for a surname alone (`Mr. Trump`)."""
    middle: str
    """The initials of the middle names: `j` for `Donald J. Trump` and `Donald John Trump`."""
    surname: str
    """The surname with its particles and generation: `trump`, `bin laden`, `trump jr`."""
    gender: str = ""
    """"m" or "f" when a title says so (`Mr.`, `Mrs.`), else empty."""

    @property
    def is_full(self) -> bool:
        """A forename and a surname: a name that picks one person out."""
        return bool(self.forename)

    @property
    def full_key(self) -> tuple[str, str]:
        return (self.forename, self.surname)

    def may_be(self, forename: str) -> bool:
        """Whether someone called `forename` can be this name's person, by the title's gender."""
        known = forename_genders().get(forename, "")
        return not self.gender or not known or known == self.gender


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name; None when nothing of a name is left (`Mr.`, `the President`)."""
    words = list(name_words(name))
    gender = ""
    titles = title_words()
    while len(words) > 1 and words[0].casefold() in titles:
        title = words.pop(0).casefold()
        if title in FEMININE_TITLES:
            gender = "f"
        elif title in MASCULINE_TITLES:
            gender = "m"
    generation = ""
    if len(words) > 1 and words[-1].casefold() in GENERATIONS:
        generation = words.pop().casefold()
    if not words:
        return None
    folded = [word.casefold() for word in words]
    start = len(folded) - 1
    while start > 0 and folded[start - 1] in PARTICLES and not words[start - 1][:1].isupper():
        start -= 1
    surname = " ".join([*folded[start:], *([generation] if generation else [])])
    forenames = folded[:start]
    if not forenames:
        return PersonName("", "", surname, gender)
    originals = words[:start]
    if _is_initials(originals[0]):
        initials = "".join(
            word.casefold() if _is_initials(word) else word[0].casefold() for word in originals
        )
        return PersonName(initials, "", surname, gender)
    middle = "".join(word.casefold() if _is_initials(word) else word[0].casefold() for word in originals[1:])
    return PersonName(forenames[0], middle, surname, gender)


def _is_initials(word: str) -> bool:
    """`J` (from `J.`), `HW` (from `H.W.`): one to three capitals, no lower-case letter."""
    return len(word) <= 3 and word.isalpha() and word.isupper()
