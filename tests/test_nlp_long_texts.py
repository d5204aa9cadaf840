"""A long text is analysed in pieces (tui/core/nlp/chunking.py): the pieces cover it exactly, end at
paragraphs or sentences outside quotes, and every offset of the joined analysis points at the right
characters of the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from nlp_fixtures import analyse, shared_analyzer
from test_nlp_properties import check

from tui.core.model import Article
from tui.core.nlp import chunking
from tui.core.nlp.chunking import chunk_bounds, piece_batches

PARAGRAPH = (
    '"We will stay until the work is done," Jane Okafor told reporters on Monday. '
    "The ministry said that the talks would resume in Geneva."
)


def pieces(text: str, limit: int) -> list[str]:
    return [text[start:end] for start, end in chunk_bounds(text, limit)]


def test_a_text_within_the_limit_is_one_piece():
    assert chunk_bounds("Short text.", 100) == [(0, 11)]
    assert chunk_bounds("", 100) == [(0, 0)]


@given(st.text(alphabet='ab .\n"“”', max_size=400), st.integers(min_value=2, max_value=60))
def test_pieces_cover_the_text_exactly_and_stay_within_the_limit(text, limit):
    bounds = chunk_bounds(text, limit)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(0 < end - start <= limit for start, end in bounds) or text == ""


def test_pieces_end_at_paragraphs_then_sentences_never_inside_a_quote():
    paragraphs = "\n".join(["A paragraph. Of two sentences."] * 6)
    assert all(piece.endswith("\n") for piece in pieces(paragraphs, 50)[:-1])
    one_line = 'He said "Stop it. Now. Please." and left. She stayed. ' * 3
    for piece in pieces(one_line, 60)[:-1]:
        assert piece.endswith(". ")
        assert piece.count('"') % 2 == 0


def test_a_line_without_spaces_is_cut_at_the_limit():
    assert pieces("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_batches_hold_at_most_so_many_pieces_and_characters():
    texts = ["a" * 30, "b" * 30, "c" * 30, "d" * 5]
    batches = list(piece_batches(texts, batch_size=8, batch_chars=65))
    assert [[(index, start) for index, start, _ in batch] for batch in batches] == [
        [(0, 0), (1, 0)],
        [(2, 0), (3, 0)],
    ]


def test_a_long_one_line_text_gives_every_quote_at_its_place(monkeypatch):
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 400)
    text = " ".join([PARAGRAPH] * 6)
    assert len(chunk_bounds(text)) > 2
    analysis = analyse(text)
    check(text)
    direct = [q for q in analysis.quotes if q.text.startswith('"We will stay')]
    assert len(direct) == 6
    assert {q.actor for q in direct} == {"Jane Okafor"}
    assert all(q.speaker is not None and q.speaker.text == "Jane Okafor" for q in direct)
    assert sorted(q.start for q in direct) == [
        i * (len(PARAGRAPH) + 1) for i in range(6)
    ]  # each at the start of its copy of the paragraph
    for entity in analysis.entities:
        assert entity.text == text[entity.start : entity.end]
    (jane,) = [a for a in analysis.actors if a.name == "Jane Okafor"]
    assert len(jane.mentions) == 6  # one actor across the pieces, with every mention
    assert all(m.text == text[m.start : m.end] for m in jane.mentions)


def test_a_long_text_in_paragraphs_matches_its_paragraphs_analysed_alone(monkeypatch):
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 400)
    text = "\n".join([PARAGRAPH] * 5)
    alone = shared_analyzer().analyze(Article(path="p.txt", title="", text=PARAGRAPH))
    whole = shared_analyzer().analyze(Article(path="w.txt", title="", text=text))
    expected = sorted(
        (q.start + i * (len(PARAGRAPH) + 1), q.end + i * (len(PARAGRAPH) + 1), q.kind, q.actor)
        for i in range(5)
        for q in alone.quotes
    )
    assert sorted((q.start, q.end, q.kind, q.actor) for q in whole.quotes) == expected
    many = list(
        shared_analyzer().analyze_many([Article(path="w.txt", title="", text=text)] * 2, batch_size=3)
    )
    assert [a.quotes for a in many] == [whole.quotes, whole.quotes]
