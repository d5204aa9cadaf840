"""The article view styles a split statement piece by piece: the cue between its parts is not quoted."""

from __future__ import annotations

from rich.style import Style

from tui.app.article_text import ENTITY_CLASSES, MARK_CLASSES, QUOTE_CLASSES, Marks, styled_text
from tui.core.model import Analysis, Quote, Span

TEXT = '"We will not raise taxes," the mayor said. "Not this year."'
FIRST, SECOND, CUE = '"We will not raise taxes,"', '"Not this year."', "said"
STYLES = {
    name: Style(color=f"color({number})")
    for number, name in enumerate([*QUOTE_CLASSES.values(), *MARK_CLASSES, *ENTITY_CLASSES])
}


def split_quote() -> Quote:
    second = TEXT.index(SECOND)
    cue = TEXT.index(CUE)
    return Quote(
        start=0,
        end=len(TEXT),
        kind="direct",
        text=TEXT,
        cue=Span(cue, cue + len(CUE), CUE),
        speaker=Span(TEXT.index("the mayor"), TEXT.index("the mayor") + 9, "the mayor"),
        parts=((0, len(FIRST)), (second, len(TEXT))),
    )


def styles_at(marks: Marks, position: int) -> set[Style]:
    analysis = Analysis(article_id="a", pipeline="t", quotes=(split_quote(),))
    rendered = styled_text(TEXT, analysis, marks, STYLES)
    return {span.style for span in rendered.spans if span.start <= position < span.end}


def test_the_pieces_are_quoted_and_the_cue_between_them_is_not() -> None:
    quoted = STYLES[QUOTE_CLASSES["direct"]]
    assert quoted in styles_at(Marks(), 1)
    assert quoted in styles_at(Marks(), TEXT.index(SECOND) + 1)
    assert quoted not in styles_at(Marks(), TEXT.index("mayor"))
    assert quoted not in styles_at(Marks(), TEXT.index(CUE))


def test_a_marked_or_selected_split_quote_shows_its_pieces_and_the_cue_as_a_cue() -> None:
    quote = split_quote()
    marked = Marks(marked=frozenset({(quote.start, quote.end)}))
    assert STYLES["article-view--quote-marked"] in styles_at(marked, 1)
    assert STYLES["article-view--quote-marked"] not in styles_at(marked, TEXT.index("mayor"))
    selected = Marks(selected_quote=quote)
    at_cue = styles_at(selected, TEXT.index(CUE))
    assert STYLES["article-view--cue"] in at_cue
    assert STYLES["article-view--quote-selected"] not in at_cue
    assert STYLES["article-view--quote-selected"] in styles_at(selected, TEXT.index(SECOND) + 1)
