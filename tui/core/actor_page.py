"""What an actor's page shows, worked out from the library: no screen, no textual.

The page (tui.app.screens.actor_page) only draws this. Kept apart so the grouping, the timeline's
counts and the co-occurring actors can be tested on plain data, and so `newsreader` could print
the same page one day without a terminal UI.

A statement the actor is quoted saying in several articles (the library's same-statement grouping,
`Library.same_statement`) is one row, under its first printing (by date: the reference), listing
the other printings and how their words differ; the other articles do not repeat it.

Everything here is one pass over the actor's own statements and the library's actor list: time
grows with the library's actors and the actor's articles, never with pairs of articles. The first
same-statement grouping of a library is made here when not made yet: call this on a thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tui.core.model import Article, Quote
from tui.core.reprints.group import StatementGroup, WordChange, word_changes

if TYPE_CHECKING:
    from tui.core.library import ActorSummary, Library

CO_ACTORS_SHOWN = 12


def article_day(article: Article) -> date | None:
    """The day an article is dated, or None when it has no date or one that cannot be read as a day.

    The loaders normalise dates to ISO text (`2019-10-08` or `2019-10-08T14:00:00+00:00`): its first
    ten characters are the day.
    """
    if not article.date:
        return None
    try:
        return date.fromisoformat(article.date[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Printing:
    """Another article's printing of a statement shown on the page, and how its words differ from
    the reference's (only the stretches that differ: none when the words are the same)."""

    article: Article
    quote: Quote
    changes: tuple[WordChange, ...] = ()


@dataclass(frozen=True)
class StatementRow:
    """One statement of the actor: its first printing (the reference, in the article it is listed
    under) and its printings in the actor's other articles, oldest first."""

    quote: Quote
    printings: tuple[Printing, ...] = ()


@dataclass(frozen=True)
class ArticleStatements:
    """One article's statements by the actor, in the order the text gives them; a statement first
    printed in another article is listed there, not here."""

    article: Article
    rows: tuple[StatementRow, ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(row.quote for row in self.rows)

    @property
    def day(self) -> date | None:
        return article_day(self.article)


@dataclass(frozen=True)
class Timeline:
    """When the actor spoke, over the span of the loaded articles' dates.

    `first` and `last` are the earliest and latest day of any loaded article (None when none is
    dated), so an actor who spoke only at the start shows as quiet later. `days` holds one day per
    dated statement; `undated` counts the statements whose article has no date.
    """

    first: date | None
    last: date | None
    days: tuple[date, ...]
    undated: int

    @property
    def span_days(self) -> int:
        """How many days the loaded articles cover (0 when none is dated)."""
        if self.first is None or self.last is None:
            return 0
        return (self.last - self.first).days + 1

    def counts(self, buckets: int) -> list[int]:
        """Statements per stretch of time: one bucket per day when the span has at most `buckets`
        days, else `buckets` equal stretches. [] when no loaded article is dated."""
        span = self.span_days
        if span == 0 or self.first is None:
            return []
        size = max(1, min(buckets, span))
        counts = [0] * size
        for day in self.days:
            offset = (day - self.first).days
            counts[min(size - 1, offset * size // span)] += 1
        return counts

    def busiest(self) -> tuple[date, int] | None:
        """The day with the most statements (the earliest of equals), or None when none is dated."""
        if not self.days:
            return None
        day, count = min(Counter(self.days).items(), key=lambda item: (-item[1], item[0]))
        return day, count


@dataclass(frozen=True)
class ActorPageData:
    """Everything the actor's page shows about one actor."""

    actor: ActorSummary
    aliases: tuple[tuple[str, int], ...]
    """Each name the actor goes by and in how many articles: their own name first, then most used first."""
    groups: tuple[ArticleStatements, ...]
    """The articles they spoke in, newest first, undated last."""
    timeline: Timeline
    co_actors: tuple[tuple[ActorSummary, int], ...] = field(default=())
    """Other actors of the same articles and in how many of them, most shared first."""
    articles_loaded: int = 0
    still_analysing: bool = False
    """Some loaded articles were not analysed yet when the page was made: more may come."""

    @property
    def statement_count(self) -> int:
        """Statements, each counted once however many articles print it."""
        return sum(len(group.rows) for group in self.groups)

    @property
    def printing_count(self) -> int:
        """Statements counted once per article that prints them (what the timeline counts)."""
        return sum(1 + len(row.printings) for group in self.groups for row in group.rows)

    @property
    def article_count(self) -> int:
        """Articles quoting the actor, those whose statements are all listed under another included."""
        listed = {group.article.id for group in self.groups}
        listed.update(p.article.id for group in self.groups for row in group.rows for p in row.printings)
        return len(listed)

    def statements(self) -> list[tuple[Article, Quote]]:
        """Every statement once, in the page's order, in its reference's article: the export and the
        keys work on these."""
        return [(group.article, quote) for group in self.groups for quote in group.quotes]


def find_actor(actors: Sequence[ActorSummary], key: str) -> ActorSummary | None:
    """The actor with this library-wide key, or None (gone since: the file was removed or edited)."""
    return next((actor for actor in actors if actor.key == key), None)


def actor_page(
    library: Library,
    key: str,
    actors: Sequence[ActorSummary] | None = None,
    *,
    still_analysing: bool | None = None,
) -> ActorPageData | None:
    """The page of the actor `key` among `actors` (the library's, when not given), or None.

    `still_analysing` says whether articles wait for analysis; when None the library is asked
    (`pending()`, which writes unsaved articles to the cache: do that on the thread that loads).
    """
    if still_analysing is None:
        still_analysing = bool(library.pending())
    every = list(actors) if actors is not None else library.actors(None)
    actor = find_actor(every, key)
    if actor is None:
        return None
    groups = _groups(library, actor)
    return ActorPageData(
        actor=actor,
        aliases=_aliases(actor),
        groups=groups,
        timeline=_timeline(library, groups),
        co_actors=_co_actors(every, actor),
        articles_loaded=len(library.articles),
        still_analysing=still_analysing,
    )


def _aliases(actor: ActorSummary) -> tuple[tuple[str, int], ...]:
    counts = {alias: len(ids) for alias, ids in actor.alias_articles.items()}
    # an actor known only as the speaker of quotes (no entity named them) is called so where they spoke
    counts.setdefault(actor.name, len(actor.article_ids))
    for alias in actor.aliases:
        counts.setdefault(alias, 0)
    others = sorted(
        (item for item in counts.items() if item[0] != actor.name),
        key=lambda item: (-item[1], item[0].casefold()),
    )
    return ((actor.name, counts[actor.name]), *others)


def _groups(library: Library, actor: ActorSummary) -> tuple[ArticleStatements, ...]:
    rows = statement_rows(actor.statements, library.same_statement, library.article)
    by_article: dict[str, list[StatementRow]] = {}
    for article_id, row in rows:
        by_article.setdefault(article_id, []).append(row)
    groups = []
    for article_id, article_rows in by_article.items():
        article = library.article(article_id)
        if article is not None:
            ordered = tuple(sorted(article_rows, key=lambda row: row.quote.start))
            groups.append(ArticleStatements(article, ordered))
    dated = sorted((g for g in groups if g.article.date), key=lambda g: g.article.date or "", reverse=True)
    return (*dated, *(g for g in groups if not g.article.date))


def statement_rows(
    statements: Sequence[tuple[str, Quote]],
    same_statement: Callable[[str, Quote], StatementGroup | None],
    article: Callable[[str], Article | None],
) -> list[tuple[str, StatementRow]]:
    """The actor's statements (article id, quote) as rows, each with the id of the article it is
    listed under: a statement printed by several of these articles is one row, under its first
    printing (the group's order: by date, then load order), the others its `printings`.

    Only the actor's own statements join a row: an article that printed the words as someone
    else's (or nobody's) is not this actor's printing. A statement said twice in one article is
    two rows, as the article gives it.
    """
    mine = {(article_id, quote.start) for article_id, quote in statements}
    rows: list[tuple[str, StatementRow]] = []
    folded: set[tuple[str, int]] = set()  # printings already shown in a reference's row
    for article_id, quote in statements:
        if (article_id, quote.start) in folded:
            continue
        group = same_statement(article_id, quote)
        printed = [a for a in (group.appearances if group else ()) if (a.article_id, a.quote.start) in mine]
        here = (article_id, quote.start)
        if len(printed) < 2 or all((a.article_id, a.quote.start) != here for a in printed):
            rows.append((article_id, StatementRow(quote)))  # alone, or a repeat within its article
            continue
        reference, *others = printed
        spoken = reference.quote.spoken_words()
        printings = []
        for other in others:
            other_article = article(other.article_id)
            if other_article is None:
                continue
            changes = word_changes(spoken, other.quote.spoken_words())
            differing = tuple(change for change in changes if change.kind != "equal")
            printings.append(Printing(other_article, other.quote, differing))
        folded.update((a.article_id, a.quote.start) for a in printed)
        rows.append((reference.article_id, StatementRow(reference.quote, tuple(printings))))
    return rows


def _timeline(library: Library, groups: Sequence[ArticleStatements]) -> Timeline:
    """Each statement once, on the day of its first printing (the article it is listed under), as
    the header counts them: outlets reprinting it later do not make the actor speak again."""
    loaded = [day for day in map(article_day, library.articles) if day is not None]
    days: list[date] = []
    undated = 0
    for group in groups:
        day = group.day
        if day is None:
            undated += len(group.rows)
        else:
            days.extend([day] * len(group.rows))
    return Timeline(min(loaded, default=None), max(loaded, default=None), tuple(sorted(days)), undated)


def _co_actors(actors: Sequence[ActorSummary], actor: ActorSummary) -> tuple[tuple[ActorSummary, int], ...]:
    """Who appears in the same articles, ranked by shared articles, then by what they said."""
    mine = actor.article_ids
    shared = [
        (other, len(mine & other.article_ids))
        for other in actors
        if other.key != actor.key and not mine.isdisjoint(other.article_ids)
    ]
    shared.sort(key=lambda item: (-item[1], -len(item[0].statements), item[0].name.casefold()))
    return tuple(shared[:CO_ACTORS_SHOWN])
