"""A small library where one actor is quoted saying the same thing in three articles (one outlet's
cut, one with a word left out), for the actor page's Pilot and snapshot tests. Built by hand: no spaCy."""

from __future__ import annotations

from tui.core.library import Library
from tui.core.model import Analysis, Article, Quote, Span

SPEAKER = "Ana Ruiz"
WALL = (
    "We are going to build a wall on the southern border, and Mexico is going to pay for that wall, "
    "believe me, because they have taken advantage of us for far too long."
)
CUT = "Mexico is going to pay for that wall, believe me"
CORN = "Our farmers will sell their corn to every country on earth again."


def reported(path: str, title: str, date: str | None, source: str, *said: str) -> tuple[Article, Analysis]:
    """An article quoting Ana Ruiz saying each of `said` in turn, each after a line of the reporter's."""
    text = f"{title}.\n"
    quotes = []
    for words in said:
        text += "Ana Ruiz spoke to supporters on Tuesday.\n"
        start = len(text) + 1
        cue = start + len(words) + 2
        quotes.append(
            Quote(start, start + len(words), "direct", words, cue=Span(cue, cue + 4, "said"), actor=SPEAKER)
        )
        text += f'"{words}" said Ana Ruiz.\n'
    article = Article(path=path, title=title, text=text + "The rally ended late.", date=date, source=source)
    return article, Analysis(article.id, "test", quotes=tuple(quotes))


def reprint_library() -> Library:
    library = Library(no_cache=True)
    for article, analysis in (
        reported("first.txt", "Ruiz promises a wall", "2016-03-01", "USA Today", WALL),
        reported("later.txt", "Border plans", "2016-03-02", "Politico", CORN, CUT),
        reported("blog.txt", "Rally notes", None, "Campaign Blog", WALL.replace("far too long", "too long")),
    ):
        library.add(article)
        library.set_analysis(analysis)
    return library
