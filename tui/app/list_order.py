"""The orders the article list can show, and how each one sorts: newest first unless the user chose.

Undated articles go last in both date orders (a missing date is not "oldest"), unanalysed ones last
in "most statements"; ties keep the order the articles were read in (Python's sort is stable).
Dates are the loaders' normalised ISO strings, so comparing them as text compares them as dates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, get_args

from tui.core.model import Article

ListOrder = Literal["newest", "oldest", "title", "statements"]
LIST_ORDERS: tuple[ListOrder, ...] = get_args(ListOrder)
DEFAULT_ORDER: ListOrder = "newest"

ORDER_LABELS: dict[ListOrder, str] = {
    "newest": "newest first",
    "oldest": "oldest first",
    "title": "by title",
    "statements": "most statements",
}


def next_order(order: ListOrder) -> ListOrder:
    """The order the key moves to after `order`, round and round."""
    return LIST_ORDERS[(LIST_ORDERS.index(order) + 1) % len(LIST_ORDERS)]


def as_order(value: object) -> ListOrder:
    """A stored value read back: a known order, else the default (an old or hand-edited file)."""
    return value if isinstance(value, str) and value in LIST_ORDERS else DEFAULT_ORDER  # type: ignore[return-value]


def ordered(
    articles: Sequence[Article], order: ListOrder, statements: Callable[[str], int | None]
) -> list[Article]:
    """`articles` in `order`; `statements(article_id)` is the number of statements found in an
    article, None while it is not analysed."""
    if order == "title":
        return sorted(articles, key=lambda a: (a.title or a.path).casefold())
    if order == "statements":
        counts = {a.id: statements(a.id) for a in articles}
        known = [a for a in articles if counts[a.id] is not None]
        return sorted(known, key=lambda a: -(counts[a.id] or 0)) + [
            a for a in articles if counts[a.id] is None
        ]
    dated = [a for a in articles if a.date]
    undated = [a for a in articles if not a.date]
    return sorted(dated, key=lambda a: a.date or "", reverse=order == "newest") + undated
