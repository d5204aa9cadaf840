"""Paragraphs their speaker signs at the end: an embedded post and a pull quote.

A news page copied to text keeps two kinds of quotation that have neither quotation marks nor a
reporting verb; the speaker's name closes the paragraph instead:

- an embedded post, as social networks render one: `Damage is unprecedented ... pic.twitter.com/W0Ik
  — BC Hydro (@bchydro) December 22, 2018`: the words before the links are the post;
- a pull quote, set apart from the prose with its speaker under it: `It's very bad for seniors if
  they have no backup. Rod Peters, Lake Cowichan mayor`: one or more sentences, then a name (and a
  role) with no verb, ending the paragraph.

Found by the line's form and the parse of its last words; a photo caption (which ends in a credit,
page_furniture.py) is neither.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

Doc = Any
Token = Any

_POST_SIGNATURE = re.compile(
    r"(?P<dash>[—–―]|--)[ \t]*(?P<name>[^\s()@][^\n()@]{0,60}?)[ \t]*\(@\w{1,30}\)"
    r"(?:[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4})?[ \t]*\.?[ \t]*$"
)
"""The end of an embedded post: `— Name (@handle) Month D, YYYY` (its links come before)."""
_LINK_MARKS = ("://", "pic.twitter.com/")
_LINKS = 4
"""A post ends in a link or two (its own, a picture's); more words with links are the post's words."""

_SENTENCE_END = re.compile(r"[.?!…][”\"’')]?[ \t]+")
_NAME_WORDS = 8
"""A signature is a name and perhaps a role: `Niagara County District Attorney Caroline Wojtaszek`."""
_MIN_WORDS = 4
"""Fewer words before a post's signature say nothing."""
_PULL_QUOTE_WORDS = 8
"""Fewer words before a bare name are more likely a caption under a photo (`Crowds waited outside the
arena. Greta Lindqvist`) than words someone said."""


@dataclass(frozen=True)
class Signed:
    """A paragraph's statement (`start`, `end`) and its signature: the name and where its cue is."""

    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int]
    speaker_token: int
    post: bool
    """An embedded post: the words inside it that report others are part of it."""


def signed_paragraphs(doc: Doc, text: str) -> list[Signed]:
    """Every paragraph of `doc` that ends in its speaker's signature."""
    starts = [t.idx for t in doc]
    found = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        if len(line.split()) <= _MIN_WORDS:
            continue
        signed = _post(doc, starts, text, start, end) or _pull_quote(doc, starts, text, start, end)
        if signed is not None:
            found.append(signed)
    return found


def _tokens(doc: Doc, starts: list[int], start: int, end: int) -> list[Token]:
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return [doc[i] for i in range(first, last)]


def _body(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch [start, end) without blanks and a final full stop at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return start, end


def _post(doc: Doc, starts: list[int], text: str, start: int, end: int) -> Signed | None:
    if "(@" not in text[start:end]:
        return None
    match = _POST_SIGNATURE.search(text, start, end)
    if match is None:
        return None
    body = _body(text, start, _without_links(text, start, match.start()))
    if len(text[body[0] : body[1]].split()) < _MIN_WORDS:
        return None
    name_start, name_end = match.span("name")
    name = _tokens(doc, starts, name_start, name_end)
    if not name:
        return None
    return Signed(body[0], body[1], match.span("dash"), (name_start, name_end), name[-1].i, post=True)


def _without_links(text: str, start: int, end: int) -> int:
    """Where the words of a post end, before the links closing it (`... days. #Stormpic.twitter.com/x`)."""
    for _ in range(_LINKS):
        stretch = text[start:end].rstrip()
        cut = max(stretch.rfind(" "), stretch.rfind("\t"), stretch.rfind("\n")) + 1
        word = stretch[cut:]
        found = [word.find(mark) for mark in _LINK_MARKS if mark in word]
        if not word or not found:
            return start + len(stretch)
        if word.startswith("pic.twitter.com/") or "://" in word:
            end = start + cut
        else:
            return start + cut + min(found)  # a hashtag run into the link: keep the hashtag
    return end


def _pull_quote(doc: Doc, starts: list[int], text: str, start: int, end: int) -> Signed | None:
    """`Sentences. Name, role` on one line: the sentences are the name's."""
    last = None
    for match in _SENTENCE_END.finditer(text, start, end):
        if not _abbreviation(text, start, match.start()):
            last = match
    if last is None:
        return None
    name_start, name_end = _body(text, last.end(), end)
    if name_end <= name_start or any(mark in text[name_start:name_end] for mark in '()/:;"“”'):
        return None
    name = _tokens(doc, starts, name_start, name_end)
    if not _is_signature(name):
        return None
    body = _body(text, start, last.start() + 1)
    words = _tokens(doc, starts, body[0], body[1])
    if len([t for t in words if not t.is_punct]) < _PULL_QUOTE_WORDS or not any(
        t.pos_ in {"VERB", "AUX"} for t in words
    ):
        return None
    head = _name_head(name)
    end_of_name = min((t.idx for t in name if t.text == ","), default=name_end)
    return Signed(body[0], body[1], None, (name_start, end_of_name), head.i, post=False)


def _abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation (`Dr.`, `U.S.`), not a sentence."""
    if text[stop] != ".":
        return False
    word = re.split(r"[\s.]", text[max(start, stop - 4) : stop])[-1]
    return (
        0 < len(word) <= 3
        and word[:1].isupper()
        and (stop - len(word) == start or not text[stop - len(word) - 1].isalnum())
    )


def _is_signature(name: list[Token]) -> bool:
    """A name (and perhaps a role) on its own: capitalised words, no verb, a person or body among them."""
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > _NAME_WORDS or not words[0].text[:1].isupper():
        return False
    if any(t.pos_ in {"VERB", "AUX", "PRON", "DET", "ADP", "NUM"} for t in words):
        return False
    before_comma = []
    for token in name:
        if token.text == ",":
            break
        before_comma.append(token)
    if not before_comma or not all(t.text[:1].isupper() for t in before_comma):
        return False
    return any(t.ent_type_ in {"PERSON", "ORG"} for t in before_comma) or all(
        t.pos_ == "PROPN" for t in before_comma
    )


def _name_head(name: list[Token]) -> Token:
    """The last word of the person or body a signature names (`Peters` in `Rod Peters, mayor`)."""
    head = name[0]
    for token in name:
        if token.text == ",":
            break
        if token.ent_type_ in {"PERSON", "ORG"} or token.pos_ == "PROPN":
            head = token
    return head
