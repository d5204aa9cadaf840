"""No statement is listed from a photo caption or from preformatted text (code, tables of figures),
whatever reporting verb or quotation marks they hold; the article's own statements stay (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass

from nlp_fixtures import shared_analyzer

from tui.core.model import Article, Block
from tui.core.nlp.unspoken_blocks import outside_unspoken_blocks

PARAGRAPHS = [
    ("paragraph", "Dockers in Mombasa returned to work on Monday after a week-long strike over pay."),
    ("caption", "Union leader Amina Odhiambo says the dockers won every demand they made."),
    ("paragraph", '"We have won what we asked for," said Amina Odhiambo, who led the talks.'),
    ("caption", '"The cranes will run all night," the engineer Peter Kamau told reporters on the quay.'),
    ("paragraph", "The authority published the new rota as commands for the cranes:"),
    ("preformatted", 'crane start "berth 4" --said "night shift"'),
    ("paragraph", "Shipping lines said the backlog would take at least ten days to clear."),
]


def article() -> Article:
    text = "\n\n".join(words for _, words in PARAGRAPHS)
    blocks, position = [], 0
    for kind, words in PARAGRAPHS:
        blocks.append(Block(kind, position, position + len(words)))  # type: ignore[arg-type]
        position += len(words) + 2
    return Article(
        path="strike.html", title="Harbour strike ends", text=text, format="html", blocks=tuple(blocks)
    )


def test_captions_and_preformatted_text_give_no_statement_but_the_paragraphs_do() -> None:
    story = article()
    analysis = shared_analyzer().analyze(story)
    quoted = [q.text for q in analysis.quotes]
    assert any("We have won what we asked for" in q for q in quoted)
    assert any("backlog" in q for q in quoted)
    for kind, words in PARAGRAPHS:
        if kind != "paragraph":
            start = story.text.index(words)
            assert not [q for q in analysis.quotes if start <= q.start < start + len(words)], words
    assert "Peter Kamau" not in {q.actor for q in analysis.quotes}
    # a name in a caption is still a name of the text
    assert any(e.text == "Peter Kamau" for e in analysis.entities)


def test_the_same_words_in_paragraphs_are_statements() -> None:
    """The control: what the caption and the <pre> hold would be statements anywhere else."""
    story = article()
    plain = Article(
        path="strike.txt",
        title="",
        text=story.text,
        blocks=tuple(Block("paragraph", b.start, b.end) for b in story.blocks),
    )
    analysis = shared_analyzer().analyze(plain)
    caption = story.text.index('"The cranes will run all night,"')
    assert any(q.start == caption for q in analysis.quotes)


@dataclass
class Said:
    start: int


def test_a_statement_is_left_out_only_when_it_starts_inside_such_a_block() -> None:
    blocks = (Block("paragraph", 0, 10), Block("caption", 12, 20), Block("preformatted", 22, 30))
    kept = outside_unspoken_blocks(
        [Said(0), Said(11), Said(12), Said(19), Said(20), Said(25), Said(31)], blocks
    )
    assert [s.start for s in kept] == [0, 11, 20, 31]
