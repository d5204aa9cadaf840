"""Pair quotation marks into quoted stretches of text, before and without any parse.

News uses straight and curly marks, guillemets, low-9 openers and the doubled apostrophes of some
wires (''like this''). A quote may run over several paragraphs: by convention a paragraph that
continues a quote opens with a mark again and the one before it leaves the quote unclosed.
Apostrophes (Clinton's, the voters') are never quote marks; single curly marks only open a quote at
the top level when they stand where a quote would start, as in headlines (Trump: ‘I will win’).
Only the outermost quotes are returned: a quote inside a quote is part of it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Each family closes only with its own marks: a stray straight mark cannot swallow curly quotes.
_OPEN_ONLY = {"“": "curly", "„": "low", "«": "guillemet", "``": "wire", "‘": "single"}
_CLOSE_ONLY = {"”": "curly", "»": "guillemet", "’": "single", "’’": "curly"}  # ’’: a typed ” (“A’’)
_EITHER = {'"': "straight", "''": "wire"}
_MARK_RE = re.compile(r"``|''|’’|[\"“”„«»‘’]")
_BEFORE_OPEN = set(" \t\n([{—–-/:") | {""}
_AFTER_CLOSE = set(" \t\n)]}—–-.,;:!?…") | {""}


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of text between paired marks, the marks included.

    `closed` is False when a paragraph opened a quote and never closed it (the span then ends with
    the paragraph); such quotes are still quotes, just ones we had to end ourselves.
    """

    start: int
    end: int
    closed: bool = True


_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|(?![\w’'%]))")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    family: str
    can_open: bool
    can_close: bool


def _classify(text: str, match: re.Match[str]) -> _Mark | None:
    mark = match.group()
    start, end = match.span()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if mark in _OPEN_ONLY:
        family = _OPEN_ONLY[mark]
        # ‘ opens only at a word start and before a word: never in "rock ‘n’ roll"-like runs.
        if family == "single" and (before not in _BEFORE_OPEN or not (after.isalnum() or after in '“"$')):
            return None
        if family == "single" and _ELIDED_YEAR.match(text, end):
            return None  # `‘19`, `‘90s`: a year cut short, typed with the opening mark
        return _Mark(start, end, family, True, False)
    if mark == "”" and before in _BEFORE_OPEN and (after.isalnum() or after in "‘'"):
        return _Mark(start, end, "curly", True, False)  # a wrong-way mark opening a quote: ”Fear. I am ...
    if mark in _CLOSE_ONLY:
        family = _CLOSE_ONLY[mark]
        if family == "single" and (after.isalpha() or not before or before.isspace()):
            return None  # an apostrophe: Clinton’s, don’t
        return _Mark(start, end, family, False, True)
    family = _EITHER[mark]
    can_open = before in _BEFORE_OPEN or before in "“‘"
    can_close = after in _AFTER_CLOSE or after in "”’\"'"
    if mark == "''" and not can_open and not can_close:
        return None
    if not can_open and not can_close:
        can_open = can_close = True
    return _Mark(start, end, family, can_open, can_close)


_INTERCHANGEABLE = {"curly": "straight", "straight": "curly"}


def _closes_other_family(mark: _Mark, open_family: str, by_family: _MarksByFamily) -> bool:
    """Sloppy typing closes “a quote" or "a quote” with the other style: accept that when this mark can
    only be a closer and the quote's own closing mark does not come later in the paragraph before
    another quote opens.

    `by_family` finds the next mark of a family by bisection, so this costs the same for the
    ten-thousandth mark of a paragraph as for the first."""
    if _INTERCHANGEABLE.get(open_family) != mark.family or mark.can_open or not mark.can_close:
        return False
    later = by_family.next_after(open_family, mark.start)
    # none of the quote's own marks later, or the next one opens a new quote (“A," he said. “B.”)
    return later is None or (later.can_open and not later.can_close)


class _MarksByFamily:
    """A paragraph's marks grouped by family, in order, to find the next one of a family at once."""

    def __init__(self, marks: list[_Mark]) -> None:
        self._marks: dict[str, list[_Mark]] = {}
        for mark in marks:
            self._marks.setdefault(mark.family, []).append(mark)
        self._starts = {family: [m.start for m in group] for family, group in self._marks.items()}

    def next_after(self, family: str, position: int) -> _Mark | None:
        starts = self._starts.get(family)
        if not starts:
            return None
        at = bisect.bisect_right(starts, position)
        return self._marks[family][at] if at < len(starts) else None


_SEPARATOR_MARKS = set(".•·*~-_=")


def is_separator_line(line: str) -> bool:
    """A line holding no words, only a mark that separates paragraphs (` .`, `***`): some sites export
    their paragraphs with such lines between them, and they must not break a quote or a paragraph."""
    mark = line.strip()
    return bool(mark) and len(mark) <= 3 and set(mark) <= _SEPARATOR_MARKS


def only_separators(stretch: str) -> bool:
    """Whether a stretch of text holds nothing but white space and separator lines."""
    return all(not line.strip() or is_separator_line(line) for line in stretch.split("\n"))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Outermost quoted stretches of `text`, in order, never overlapping."""
    paragraphs = [
        p for p in _paragraphs(text) if text[p[0] : p[1]].strip() and not is_separator_line(text[p[0] : p[1]])
    ]
    found: list[QuotedSpan] = []
    open_at: int | None = None
    open_family = ""
    depth = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = [m for m in (_classify(text, x) for x in _MARK_RE.finditer(text, p_start, p_end)) if m]
        by_family = _MarksByFamily(marks)
        continuing = open_at is not None
        for mark in marks:
            if continuing and mark.can_open and text[p_start : mark.start].strip() == "":
                continuing = False  # the mark that re-opens a continued quote
                continue
            continuing = False
            if open_at is None:
                if mark.can_open:
                    open_at, open_family, depth = mark.start, mark.family, 0
                continue
            if open_family == "low" and text[mark.start : mark.end] in "“”":
                found.append(QuotedSpan(open_at, mark.end))  # „German“ and „mixed” styles
                open_at = None
                continue
            if mark.family != open_family:
                if _closes_other_family(mark, open_family, by_family):
                    found.append(QuotedSpan(open_at, mark.end))
                    open_at = None
                continue  # inner quote of the other family, or an apostrophe
            if mark.can_close and (depth == 0 or not mark.can_open):
                if depth > 0:
                    depth -= 1
                    continue
                found.append(QuotedSpan(open_at, mark.end))
                open_at = None
            elif mark.can_open and not mark.can_close:
                depth += 1
            elif mark.can_open:
                found.append(QuotedSpan(open_at, mark.end))
                open_at = None
        if open_at is None:
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        next_opens = False
        if following is not None:
            lead = text[following[0] : following[1]].lstrip()
            first = _MARK_RE.match(lead)
            next_opens = (
                bool(first) and _OPEN_ONLY.get(first.group(), _EITHER.get(first.group())) == open_family
            )
        if not next_opens or open_family == "single":
            found.append(QuotedSpan(open_at, _content_end(text, open_at, p_end), closed=False))
            open_at, depth = None, 0
    return [q for q in found if q.end - q.start > 2 and _holds_words(text, q)]


_MINOR_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with"}
    | {"from", "as", "vs", "vs.", "de", "la", "le", "du", "von", "van"}
)
_RUNNING_TEXT_WORDS = 3


def is_title(text: str, quote: QuotedSpan) -> bool:
    """Whether a quote holds a name or a title (`"The Kid Who Would Be King"`, `"Level 4"`) rather
    than someone's words: two or more words, each capitalised but for small words, not a cry ending
    in ! or ?, standing in running text (its line has lower-case words outside quotes, so it is no
    headline, where every word is capitalised)."""
    inner = text[quote.start : quote.end].strip("\"“”„«»‘’'` ")
    words = [w.strip(".,;:()") for w in inner.split()]
    words = [w for w in words if w]
    if len(words) < 2 or inner.rstrip("\"“”»’' ").endswith(("!", "?")):
        return False
    if not words[0][:1].isupper() or any(
        not (w[:1].isupper() or w.lower() in _MINOR_WORDS or not w[:1].isalpha()) for w in words
    ):
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start : quote.start] + " " + text[quote.end : line_end]
    if outside.rstrip().endswith(":") or text[line_start : quote.start].rstrip().endswith(":"):
        return False
    lower = [w for w in outside.split() if w[:1].islower()]
    return len(lower) >= _RUNNING_TEXT_WORDS


def _holds_words(text: str, quoted: QuotedSpan) -> bool:
    """Marks around nothing but marks and punctuation (`“”`, `"("`, `«-)»`) quote nobody."""
    return any(character.isalnum() for character in text[quoted.start : quoted.end])
