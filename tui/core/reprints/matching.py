"""Whether two printed statements are one: the same words, or one outlet's cut or lightly changed copy.

The shorter version is aligned word by word with the longer (rapidfuzz's Indel alignment: the
longest common subsequence) and counts as the same statement when nearly all its words are found in
the longer one, in order, in runs of at least two words: a cut keeps the words it prints, a changed
word costs one word, but common words scattered through a long statement ("the", "to", "we") never
add up to a match. Statements shorter than `SHORT` words are too common to tell apart that way
("thank you", "we will see"): they group only on exactly the same words from the same speaker.
Reported speech and partial quotations group only with a version nearly as long, never as a cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

SHORT = 6  # words: under this, a statement groups only on the same words and the same speaker
FEWEST = 4  # words: under this, a statement never groups ("thank you", "absolutely not")
CONTAINED = 0.8  # share of the shorter version's words found in the longer, in runs of two or more
REPORTED_FEWEST = 10  # words: reported speech shorter than this ("a ban on Muslims entering the
# United States") is a phrase of the news, not one statement
RUN = 2  # words: a shorter run of equal words is chance, not a quotation
DIRECT = 0  # the place of "direct" in QUOTE_KINDS


def shared_words(shorter: Sequence[int], longer: Sequence[int]) -> int:
    """How many of `shorter`'s words are found in `longer`, in order, in runs of at least RUN words."""
    found = 0
    for tag, start, end, _, _ in Indel.opcodes(shorter, longer).as_list():
        if tag == "equal" and end - start >= RUN:
            found += end - start
    return found


def same_statement(
    words_a: Sequence[int], kind_a: int, speaker_a: int, words_b: Sequence[int], kind_b: int, speaker_b: int
) -> bool:
    """Whether two statements (their words hashed, see `words.word_hashes`; their kinds; their
    speakers' surnames hashed, 0 unknown) are one statement.

    A direct quotation may be cut by the other outlet: nearly all the shorter one's words must be in
    the longer. Reported speech and partial quotations are the reporter's own words around the
    speaker's, and a phrase of the news ("a ban on Muslims entering the United States") recurs in
    many of them: both versions must then have nearly all their words in common.
    """
    (shorter, short_kind), (longer, _) = sorted(
        ((words_a, kind_a), (words_b, kind_b)), key=lambda v: len(v[0])
    )
    if len(shorter) < FEWEST:
        return False
    if len(shorter) < SHORT:
        return (
            kind_a == kind_b == DIRECT
            and speaker_a != 0
            and speaker_a == speaker_b
            and list(words_a) == list(words_b)
        )
    if short_kind == DIRECT:
        return shared_words(shorter, longer) >= CONTAINED * len(shorter)
    if len(shorter) < REPORTED_FEWEST or len(shorter) < CONTAINED * len(longer):
        return False
    return shared_words(shorter, longer) >= CONTAINED * len(longer)
