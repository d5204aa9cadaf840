"""What the reader shows of a statement printed in several articles, and how each version differs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.core.model import Quote
from tui.core.reprints.words import statement_words

ChangeKind = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class Appearance:
    """One article's printing of the statement."""

    article_id: str
    quote: Quote


@dataclass(frozen=True)
class StatementGroup:
    """One statement as printed by two articles or more, one appearance per article, ordered by the
    article's date (undated last, then in the order the articles were loaded): the first is the
    reference the others are compared with."""

    appearances: tuple[Appearance, ...]

    @property
    def reference(self) -> Appearance:
        return self.appearances[0]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(a.article_id for a in self.appearances)

    def others(self, article_id: str) -> tuple[Appearance, ...]:
        """The appearances in articles other than `article_id`."""
        return tuple(a for a in self.appearances if a.article_id != article_id)

    def changes(self, appearance: Appearance) -> list[WordChange]:
        """How an appearance's words differ from the reference's (see `word_changes`)."""
        return word_changes(self.reference.quote.spoken_words(), appearance.quote.spoken_words())


@dataclass(frozen=True)
class WordChange:
    """A stretch of words: the same in both versions (`equal`), or the reference's words replaced,
    added (`insert`: only in the version) or left out (`delete`: only in the reference)."""

    kind: ChangeKind
    reference: str
    version: str


def word_changes(reference: str, version: str) -> list[WordChange]:
    """The words of `version` against `reference`, as printed (punctuation kept), stretch by stretch.

    Words are compared as the grouping compares them (case, accents and punctuation folded), so
    `"We will win," he said` and `we will win.` are equal throughout.
    """
    from rapidfuzz.distance import Levenshtein  # on first use: not at the reader's start-up

    reference_words, version_words = reference.split(), version.split()
    reference_keys = [" ".join(statement_words(w)) for w in reference_words]
    version_keys = [" ".join(statement_words(w)) for w in version_words]
    changes: list[WordChange] = []
    for tag, r_start, r_end, v_start, v_end in Levenshtein.opcodes(reference_keys, version_keys).as_list():
        if not any(reference_keys[r_start:r_end]) and not any(version_keys[v_start:v_end]):
            tag = "equal"  # only punctuation or an ellipsis differs: no word does
        changes.append(
            WordChange(tag, " ".join(reference_words[r_start:r_end]), " ".join(version_words[v_start:v_end]))
        )
    return changes


def differs(reference: str, version: str) -> bool:
    """Whether two versions differ in any word (not only in punctuation, case or quote marks)."""
    return statement_words(reference) != statement_words(version)
