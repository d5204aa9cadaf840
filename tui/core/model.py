"""The reader's data, as frozen dataclasses that cross every boundary.

Nothing from spaCy or Textual appears here: the analysis travels from a worker process to the
screen, into the SQLite cache and out to export files as these objects or their plain dicts.
Every offset is a character offset into `Article.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "indirect", "mixed")
ELLIPSIS = " … "  # stands where a split statement's cue and speaker are left out of its words
BlockKind = Literal["heading", "paragraph", "blockquote", "list_item", "caption", "preformatted"]
# The cache stores a kind by its place here: add new kinds at the end.
BLOCK_KINDS: tuple[BlockKind, ...] = (
    "heading",
    "paragraph",
    "blockquote",
    "list_item",
    "caption",
    "preformatted",
)


def content_hash(text: str) -> str:
    """The identity of an article's text: the cache key, stable across paths and runs."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Span:
    """A stretch of the article text, kept with its words so a reader can show it without the text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True)
class Block:
    """One block of an article as it was written (a heading, a block quotation, a list item...):
    a span of `Article.text`, so the view can draw it and the analysis can read it without the text
    ever changing. `level` is a heading's level (1 for the title), None for other kinds."""

    kind: BlockKind
    start: int
    end: int
    level: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.level is not None:
            data["level"] = self.level
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        kind = data.get("kind")
        level = data.get("level")
        return cls(
            kind=kind if kind in BLOCK_KINDS else "paragraph",
            start=int(data["start"]),
            end=int(data["end"]),
            level=int(level) if level is not None else None,
        )


def line_blocks(text: str) -> tuple[Block, ...]:
    """Every non-blank line of `text` as a paragraph: the shape of a text built one paragraph a line,
    and what an article without known structure (an old cache row, a plain record) is read as."""
    blocks: list[Block] = []
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            blocks.append(Block("paragraph", start, start + len(stripped)))
        position = end + 1
    return tuple(blocks)


@dataclass(frozen=True)
class Article:
    """One news article as loaded from a file, a feed entry, a JSON line or a URL.

    `path` says where it came from (a file path, `file.jsonl#3` for a line, or a URL) so every
    message and every exported quote can point back to it.
    """

    path: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    licence: str | None = None
    format: str = "txt"
    id: str = field(default="")
    blocks: tuple[Block, ...] = ()
    """The text's blocks in reading order; left empty, every non-blank line is a paragraph."""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text))
        if not self.blocks:
            object.__setattr__(self, "blocks", line_blocks(self.text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "text": self.text,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "authors": list(self.authors),
            "licence": self.licence,
            "format": self.format,
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            path=data["path"],
            title=data.get("title") or "",
            text=data["text"],
            date=data.get("date"),
            source=data.get("source"),
            url=data.get("url"),
            authors=tuple(data.get("authors") or ()),
            licence=data.get("licence"),
            format=data.get("format") or "txt",
            id=data.get("id") or "",
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks") or ()),
        )


@dataclass(frozen=True)
class LoadProblem:
    """A file (or part of one) that could not be read, with a reason a person understands.

    `kept=True` when the file was read all the same and `reason` says what was left out or
    changed (front matter dropped, damaged bytes replaced, an old copy read): a note, not a skip.
    """

    path: str
    reason: str
    kept: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Entity:
    """A named entity: spaCy's label (PERSON, ORG, GPE, ...) over a span of the text."""

    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(int(data["start"]), int(data["end"]), str(data["label"]), str(data["text"]))


@dataclass(frozen=True)
class Quote:
    """A statement: what was said (the span), how it was reported (kind, cue) and by whom.

    `speaker` is the mention nearest the cue ("he", "the minister", "Tokayev"); `actor` is the
    canonical name of who that is, or None when nobody could be resolved.
    `speaker_inherited` marks a follow-on quote that took its speaker from the quote it continues.
    `parts` are the pieces of what was said, in order, inside [start, end]: one piece, the whole span, for
    most statements; two or more for a statement split by its cue (`"A," she said, "B."`), whose cue and
    speaker between the pieces are the reporter's words, not the speaker's.
    """

    start: int
    end: int
    kind: QuoteKind
    text: str
    cue: Span | None = None
    speaker: Span | None = None
    actor: str | None = None
    speaker_inherited: bool = False
    parts: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))

    def part_texts(self) -> list[str]:
        """The words of each piece, in order."""
        return [self.text[start - self.start : end - self.start] for start, end in self.parts]

    def spoken_words(self) -> str:
        """What was said: the pieces joined, with an ellipsis where the reporter's words are left out.

        A gap holding no word (only spaces or punctuation) is kept as it is: nothing was left out there.
        """
        pieces = self.part_texts()
        words = pieces[0]
        for gap, piece in zip(self.gap_texts(), pieces[1:], strict=True):
            words += ELLIPSIS if any(char.isalnum() for char in gap) else gap
            words += piece
        return words

    def gap_texts(self) -> list[str]:
        """The words between one piece and the next (the reporter's: cue, speaker, punctuation)."""
        return [
            self.text[end - self.start : start - self.start]
            for (_, end), (start, _) in zip(self.parts, self.parts[1:], strict=False)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "text": self.text,
            "parts": [[start, end] for start, end in self.parts],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "actor": self.actor,
            "speaker_inherited": self.speaker_inherited,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue = data.get("cue")
        speaker = data.get("speaker")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            kind=data.get("kind") or "direct",
            text=data.get("text") or "",
            cue=Span.from_dict(cue) if cue else None,
            speaker=Span.from_dict(speaker) if speaker else None,
            actor=data.get("actor"),
            speaker_inherited=bool(data.get("speaker_inherited", False)),
            parts=tuple((int(start), int(end)) for start, end in data.get("parts") or ()),
        )


@dataclass(frozen=True)
class Actor:
    """One person or organisation in an article, however it is named.

    `name` is the canonical name ("Kassym-Jomart Tokayev"); `aliases` are the other names the
    article uses ("Tokayev", "President Kassym-Jomart Tokayev"); `mentions` are where it is named.
    """

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=str(data["name"]),
            label=str(data.get("label") or "PERSON"),
            aliases=tuple(data.get("aliases") or ()),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions") or ()),
        )


@dataclass(frozen=True)
class Analysis:
    """Everything the language pipeline found in one article's text.

    `pipeline` names the model and the analysis code's version that produced it, so a cached
    analysis is reused only by the same pipeline.
    """

    article_id: str
    pipeline: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()

    def quotes_by(self, actor_name: str) -> tuple[Quote, ...]:
        """The statements attributed to one actor, in reading order."""
        return tuple(q for q in self.quotes if q.actor == actor_name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "pipeline": self.pipeline,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article_id=str(data["article_id"]),
            pipeline=str(data.get("pipeline") or ""),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities") or ()),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
        )
