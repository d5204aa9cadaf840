"""The same statement in several articles: quotations printed by more than one outlet, found and grouped.

A statement's words are normalised (`words`), hashed into a compact print per article (`prints`, what
the cache keeps), compared by aligning their words (`matching`) and grouped incrementally across the
library (`grouping`); `group` is what the reader and the command line receive.
"""

from tui.core.reprints.group import Appearance, StatementGroup, WordChange, word_changes
from tui.core.reprints.prints import PRINT_VERSION, ArticlePrints, prints_of

__all__ = [
    "PRINT_VERSION",
    "Appearance",
    "ArticlePrints",
    "StatementGroup",
    "WordChange",
    "prints_of",
    "word_changes",
]
