"""The full-text index (tantivy), a copy of the SQLite cache arranged for fast ranked search.

Why tantivy and not SQLite FTS5: at 100,000 articles FTS5 scores every match before LIMIT, and its
p95 was 52-95 ms against tantivy's 1.3-16 ms (see docs/performance.md for this project's figures).

The index is only ever derived from the cache. Every write to the cache bumps its generation; the
index records, beside its files, the cache's random uid and the generation it has caught up to.
`sync` indexes what changed since; a different uid, a newer generation than the cache's, a schema
change or an unreadable index means a rebuild from the cache. So the two never disagree for long,
and when in doubt the cache wins.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import tantivy

from tui.core.identity.folding import plain_letters
from tui.core.model import Analysis, Article
from tui.core.query import PLACE_FIELD_LABELS, Any_, Clause, DateRange, Query, Term, date_key
from tui.core.store import Store

INDEX_SCHEMA_VERSION = 2  # 2: actors' names also without diacritics
STATE_FILE = "newsreader-state.json"
TEXT_FIELDS = ("title", "text", "actor", "person", "org", "place", "said", "source")
DEFAULT_FIELDS = ("title", "text", "actor")
TITLE_BOOST = 2.0


class IndexBusy(Exception):
    """Another process is writing the index; searches still work on what it holds."""


@dataclass(frozen=True)
class IndexState:
    uid: str
    generation: int
    schema: int


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("num", stored=False, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="default", index_option="position")
    builder.add_integer_field("date", stored=False, indexed=True, fast=True)
    return builder.build()


class SearchIndex:
    """A tantivy index on disk beside the cache (or in memory), kept in step with a Store."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.schema = _schema()
        self._write_lock = threading.Lock()
        self._memory_state: IndexState | None = None
        self.messages: list[str] = []
        self._index = self._open()

    def _open(self) -> tantivy.Index:
        if self.path is None:
            return tantivy.Index(self.schema)
        state = self._read_state()
        if state is not None and state.schema != INDEX_SCHEMA_VERSION:
            shutil.rmtree(self.path, ignore_errors=True)
        try:
            Path(self.path).mkdir(parents=True, exist_ok=True)
            return tantivy.Index(self.schema, self.path, reuse=True)
        except (ValueError, OSError) as error:
            self.messages.append(f"the search index was unreadable ({error}); rebuilding it from the cache")
            shutil.rmtree(self.path, ignore_errors=True)
            try:
                Path(self.path).mkdir(parents=True, exist_ok=True)
                return tantivy.Index(self.schema, self.path, reuse=False)
            except (ValueError, OSError) as again:
                self.messages.append(f"search index in memory this time: cannot write {self.path} ({again})")
                self.path = None
                return tantivy.Index(self.schema)

    # -- keeping in step with the cache ------------------------------------------------------------

    def _read_state(self) -> IndexState | None:
        if self.path is None:
            return self._memory_state
        try:
            data = json.loads((Path(self.path) / STATE_FILE).read_text("utf-8"))
            return IndexState(str(data["uid"]), int(data["generation"]), int(data["schema"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_state(self, state: IndexState) -> None:
        if self.path is None:
            self._memory_state = state
            return
        target = Path(self.path) / STATE_FILE
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(state.__dict__), "utf-8")
        os.replace(temporary, target)

    def is_current(self, store: Store) -> bool:
        state = self._read_state()
        return state is not None and state.uid == store.uid and state.generation == store.generation

    def sync(self, store: Store) -> int:
        """Index what the cache changed since the index last looked; returns how many articles.

        Raises IndexBusy if another process holds the index's writer for too long.
        """
        if self.is_current(store):
            return 0
        with self._write_lock:
            writer = self._writer()
            try:
                state = self._read_state()
                target = store.generation
                rebuild = (
                    state is None
                    or state.uid != store.uid
                    or state.schema != INDEX_SCHEMA_VERSION
                    or state.generation > target
                )
                since = 0 if rebuild else state.generation  # type: ignore[union-attr]
                if rebuild:
                    writer.delete_all_documents()
                count = 0
                for stored, analysis in store.changed_since(since):
                    if not rebuild:
                        # by query: delete_documents_by_term silently misses unsigned fields
                        writer.delete_documents_by_query(
                            tantivy.Query.term_query(self.schema, "num", stored.num)
                        )
                    writer.add_document(document(stored.num, stored.article, analysis))
                    count += 1
                writer.commit()
                writer.wait_merging_threads()
                self._write_state(IndexState(store.uid, target, INDEX_SCHEMA_VERSION))
            except BaseException:
                with contextlib.suppress(ValueError, RuntimeError):
                    writer.rollback()
                raise
        self._index.reload()
        return count

    def _writer(self) -> tantivy.IndexWriter:
        import time

        deadline = time.monotonic() + 3.0
        while True:
            try:
                return self._index.writer(heap_size=64_000_000, num_threads=1)
            except ValueError as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise IndexBusy(str(error)) from error
                time.sleep(0.05)

    def reload(self) -> None:
        self._index.reload()

    # -- searching ---------------------------------------------------------------------------------

    def search(
        self,
        query: Query,
        *,
        limit: int,
        among: Collection[int] | None = None,
        actor_articles: Mapping[Term, Collection[int]] | None = None,
    ) -> tuple[int, list[tuple[int, float]]]:
        """(how many match, the best `limit` as (article number, score)); `among` limits to those numbers.

        `actor_articles` gives, for an `actor:` term, the articles of the actors the library takes it
        to mean (tui.core.identity: `actor:Erdogan` is Recep Tayyip Erdoğan): they match it too.
        """
        compiled = self.compile(query, actor_articles)
        if among is not None:
            if not among:
                return 0, []
            allowed = tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(self.schema, "num", list(among)), 0.0
            )
            compiled = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, compiled), (tantivy.Occur.Must, allowed)]
            )
        searcher = self._index.searcher()
        result = searcher.search(compiled, limit=max(limit, 1), count=True)
        if limit <= 0 or not result.hits:
            return result.count, []
        scores = [score for score, _ in result.hits]
        numbers = searcher.fast_field_values("num", [address for _, address in result.hits])
        return result.count, list(zip(numbers, scores, strict=True))

    def num_docs(self) -> int:
        return self._index.searcher().num_docs

    def compile(
        self, query: Query, actor_articles: Mapping[Term, Collection[int]] | None = None
    ) -> tantivy.Query:
        """The tantivy query for a parsed query: built from parts, never from a query string."""
        known = actor_articles or {}
        Occur = tantivy.Occur
        parts: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for item in query.required:
            if isinstance(item, Any_):
                parts.append(
                    (
                        Occur.Must,
                        tantivy.Query.boolean_query(
                            [(Occur.Should, self._clause(c, known)) for c in item.options]
                        ),
                    )
                )
            else:
                parts.append((Occur.Must, self._clause(item, known)))
        if not parts:
            parts.append((Occur.Must, tantivy.Query.all_query()))
        parts.extend((Occur.MustNot, self._clause(c, known)) for c in query.excluded)
        return tantivy.Query.boolean_query(parts)

    def _clause(self, clause: Clause, known: Mapping[Term, Collection[int]]) -> tantivy.Query:
        if isinstance(clause, DateRange):
            return tantivy.Query.range_query(
                self.schema, "date", tantivy.FieldType.Integer, clause.low, clause.high, True, True
            )
        return self._term(clause, known.get(clause))

    def _term(self, term: Term, numbers: Collection[int] | None = None) -> tantivy.Query:
        fields = (term.field,) if term.field else DEFAULT_FIELDS
        options = []
        if numbers and term.field == "actor":
            named = tantivy.Query.term_set_query(self.schema, "num", list(numbers))
            options.append((tantivy.Occur.Should, tantivy.Query.const_score_query(named, 1.0)))
        for name in fields:
            query = self._in_field(term, name)
            if name == "title" and term.field is None:
                query = tantivy.Query.boost_query(query, TITLE_BOOST)
            options.append((tantivy.Occur.Should, query))
        return options[0][1] if len(options) == 1 else tantivy.Query.boolean_query(options)

    def _in_field(self, term: Term, name: str) -> tantivy.Query:
        words = list(term.words)
        if term.prefix and len(words) == 1:
            # Words hold only letters and digits (query.WORD), so they need no regex escaping.
            return tantivy.Query.regex_query(self.schema, name, f"{words[0]}.*")
        if term.prefix:
            return tantivy.Query.phrase_prefix_query(self.schema, name, words)
        if len(words) == 1:
            return tantivy.Query.term_query(self.schema, name, words[0])
        return tantivy.Query.phrase_query(self.schema, name, words)


def document(num: int, article: Article, analysis: Analysis | None) -> tantivy.Document:
    """What the index holds for one article: its text, and from its analysis who and what is in it."""
    doc = tantivy.Document()
    doc.add_unsigned("num", num)
    doc.add_text("title", article.title)
    doc.add_text("text", article.text)
    for value in (article.source, article.url):
        if value:
            doc.add_text("source", value)
    key = date_key(article.date)
    if key is not None:
        doc.add_integer("date", key)
    if analysis is not None:
        for actor in analysis.actors:
            for name in {actor.name, *actor.aliases}:
                doc.add_text("actor", name)
                if not name.isascii():  # `actor:Erdogan` finds `Erdoğan` without the library's identities
                    doc.add_text("actor", plain_letters(name))
        for entity in analysis.entities:
            if entity.label == "PERSON":
                doc.add_text("person", entity.text)
            elif entity.label == "ORG":
                doc.add_text("org", entity.text)
            elif entity.label in PLACE_FIELD_LABELS:
                doc.add_text("place", entity.text)
        for quote in analysis.quotes:
            doc.add_text("said", quote.text)
            if quote.actor:
                doc.add_text("actor", quote.actor)
                if not quote.actor.isascii():
                    doc.add_text("actor", plain_letters(quote.actor))
    return doc
