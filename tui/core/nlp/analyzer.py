"""The Analyzer: one article's text in, one Analysis (entities, quotes, actors) out.

spaCy is loaded on first use (or by `load()`), never on import. Many articles go through
`nlp.pipe` in batches; with `processes > 1` the batches go to a pool of worker processes that each
load the model once and send back plain dicts, so results are identical to one process.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import Actor, Analysis, Article, Block, Entity, Quote, Span
from ..worker_lifeline import end_with_parent
from . import chunking
from .actor_names import actor_label, looks_like_name
from .actors import ACTOR_LABELS, ActorBook
from .block_quotes import blocks_in_piece, with_block_quotations
from .chunking import piece_batches
from .joining import join_analyses
from .models import pipeline_identity, resolve_model
from .quotes import find_statements
from .speakers import doc_text
from .unspoken_blocks import outside_unspoken_blocks


class Analyzer:
    """Runs the language pipeline; one instance holds one loaded spaCy model."""

    def __init__(self, model: str | None = None) -> None:
        self.model = resolve_model(model)
        self.identity = pipeline_identity(self.model)
        self._nlp: Any = None

    def load(self) -> Analyzer:
        """Load spaCy now (it takes about a second) rather than on the first article."""
        if self._nlp is None:
            from .pipeline import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self

    @property
    def nlp(self) -> Any:
        return self.load()._nlp

    def analyze(self, article: Article) -> Analysis:
        if len(article.text) > chunking.CHUNK_CHARS:
            return next(self._analyses_in_pieces([article], batch_size=1))
        self._allow_length(len(article.text))
        return self._from_doc(article, self.nlp(article.text), 0)

    def _allow_length(self, length: int) -> None:
        """spaCy refuses texts over 1,000,000 characters by default; a long article is still an article."""
        if length >= self.nlp.max_length:
            self.nlp.max_length = length + 1

    def analyze_many(
        self, articles: Iterable[Article], processes: int = 1, batch_size: int = 8
    ) -> Iterator[Analysis]:
        """Analyses in input order; with processes > 1 the work is spread over a process pool."""
        if processes <= 1:
            pending = list(articles) if not isinstance(articles, list) else articles
            yield from self._analyses_in_pieces(pending, batch_size)
            return
        batches = _batched([a.to_dict() for a in articles], batch_size)
        if not batches:
            return
        with self._pool(processes) as pool:
            for results in pool.map(_worker_analyze, batches):
                for data in results:
                    yield Analysis.from_dict(data)

    def _analyses_in_pieces(self, articles: list[Article], batch_size: int) -> Iterator[Analysis]:
        """Analyses in input order. A text longer than chunking.CHUNK_CHARS is parsed and analysed piece
        by piece and the pieces' results joined, so time and memory grow with the text's length."""
        done: list[tuple[int, Analysis]] = []
        current = 0
        for batch in piece_batches([a.text for a in articles], batch_size):
            docs = self.nlp.pipe([piece for _, _, piece in batch], batch_size=len(batch))
            for (index, start, _), doc in zip(batch, docs, strict=True):
                if index != current:
                    yield self._joined(articles[current], done)
                    done, current = [], index
                done.append((start, self._from_doc(articles[index], doc, start)))
        if articles:
            yield self._joined(articles[current], done)

    def _joined(self, article: Article, pieces: list[tuple[int, Analysis]]) -> Analysis:
        if len(pieces) == 1:
            return pieces[0][1]
        return join_analyses(pieces, article.id, self.identity)

    def _pool(self, processes: int) -> concurrent.futures.ProcessPoolExecutor:
        """Worker processes that each hold a loaded model.

        Where fork is safe (POSIX, and this process runs no other thread) the workers are forked from
        this one with its model already loaded: no second import of spaCy, no second model load.
        Otherwise (a running Textual app has threads) they are spawned and load the model themselves.
        Either way a worker ends when this process is gone, even killed (worker_lifeline.py).
        """
        global _worker_analyzer
        if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            _worker_analyzer = self.load()
            return concurrent.futures.ProcessPoolExecutor(
                processes, mp_context=multiprocessing.get_context("fork"), initializer=end_with_parent
            )
        return concurrent.futures.ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_start,
            initargs=(self.model,),
        )

    def _from_doc(self, article: Article, doc: Any, start: int) -> Analysis:
        """The analysis of `doc`, the piece of `article` that begins at character `start`."""
        blocks = blocks_in_piece(article.blocks, start, start + len(doc_text(doc)))
        return analysis_of(doc, article.id, self.identity, blocks)


def analysis_of(doc: Any, article_id: str, identity: str, blocks: Sequence[Block] = ()) -> Analysis:
    """Turn a parsed document into the plain Analysis that leaves this package.

    `blocks` are the document's blocks (offsets into its text): block quotations become statements.
    """
    text = doc_text(doc)
    entities = tuple(Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents)
    book = ActorBook(doc)
    statements = outside_unspoken_blocks(with_block_quotations(doc, blocks, find_statements(doc)), blocks)
    book.learn_written_names(
        [
            (st.written_name, st.speaker_token)
            for st in statements
            if st.written_name and st.speaker_token is not None
        ]
    )
    book.learn_speaker_names(
        [st.speaker_token for st in statements if st.speaker_token is not None],
        [(st.start, st.end) for st in statements],
    )
    actor_names: list[str | None] = []
    recent = []
    for st in statements:
        actor_name = None
        if st.speaker is not None:
            actor_name = book.resolve(st.speaker, st.speaker_token, recent)
        elif st.cue is None and st.quotes:  # a quote right after its speaker is introduced
            actor_name = book.introduced_before(st.start, st.end)
        if actor_name is not None:
            if st.speaker is not None and not st.inherited:
                book.add_mention(actor_name, st.speaker)
            builder = book.by_name(actor_name)
            if builder is not None:
                recent.append(builder)
        actor_names.append(actor_name)
    renamed = book.merge_offices()
    actor_names = [renamed.get(name, name) if name else None for name in actor_names]
    speaking = {name for name in actor_names if name}
    quotes = [
        Quote(
            start=st.start,
            end=st.end,
            kind=st.kind,
            text=text[st.start : st.end],
            cue=Span(st.cue[0], st.cue[1], text[st.cue[0] : st.cue[1]]) if st.cue else None,
            speaker=Span(st.speaker[0], st.speaker[1], text[st.speaker[0] : st.speaker[1]])
            if st.speaker
            else None,
            actor=actor_name,
            speaker_inherited=st.inherited,
            parts=tuple(st.parts),
        )
        for st, actor_name in zip(statements, actor_names, strict=True)
    ]
    actors = []
    for builder in book.actors:
        if builder.label not in ACTOR_LABELS:
            continue
        if builder.name not in speaking:
            if builder.label not in {"PERSON", "ORG"} or not builder.listed:
                continue
            if not looks_like_name(builder.name, builder.label, builder.mentions, text):
                continue
        mentions = tuple(Span(s, e, text[s:e]) for s, e in sorted(builder.mentions))
        aliases = tuple(sorted(a for a in builder.aliases if a and a != builder.name))
        label = actor_label(builder.name, builder.label)
        actors.append(Actor(builder.name, label, aliases, mentions))
    return Analysis(
        article_id=article_id,
        pipeline=identity,
        entities=entities,
        quotes=tuple(quotes),
        actors=tuple(actors),
    )


def _batched(items: list[Any], size: int) -> list[list[Any]]:
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)]


_worker_analyzer: Analyzer | None = None


def _worker_start(model: str) -> None:
    global _worker_analyzer
    end_with_parent()
    _worker_analyzer = Analyzer(model).load()


def _worker_analyze(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _worker_analyzer is not None
    articles = [Article.from_dict(a) for a in batch]
    return [a.to_dict() for a in _worker_analyzer.analyze_many(articles, processes=1, batch_size=len(batch))]
