"""Lines of a news page that are not the article's prose: links to other stories and photo captions.

Text copied from a page keeps them: `READ MORE: Trudeau says people are 'extremely disturbed'`,
`WATCH: ...`, and captions that end in a photo credit, `(Robert Short/CBC)` or `( Jane Doe / AP )`.
A reporting verb there quotes nobody in this article (a link's headline is another story) or says
again what the article says (a caption under a photo); annotators of news (the Gender Gap Tracker's)
mark no statement in them, and a reader wants none listed twice. Found by the line's form alone,
before and without the parse.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .lexicon import DATA

_CREDIT = re.compile(r"\(\s*[^()\n]{2,80}?\s*/\s*[^()\n]{2,80}?\s*\)\s*\.?\s*$")
_GALLERY = re.compile(r"^\s*Open this photo in gallery", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rubric_re() -> re.Pattern[str]:
    words = []
    for line in (DATA / "link_rubrics.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(r"\s+".join(re.escape(w) for w in line.split()))
    words.sort(key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(words) + r")\s*:", re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """Whether one line of text is a link to another story or a photo caption."""
    return bool(_rubric_re().match(line) or _CREDIT.search(line) or _GALLERY.match(line))


class Furniture:
    """The furniture lines of one text, asked by character offset."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        position = 0
        for line in text.split("\n"):
            if is_furniture(line):
                self.spans.append((position, position + len(line)))
            position += len(line) + 1
        self._starts = [start for start, _ in self.spans]

    def holds(self, char: int) -> bool:
        """Whether the character at `char` lies on a furniture line."""
        i = bisect.bisect_right(self._starts, char) - 1
        return i >= 0 and self.spans[i][0] <= char <= self.spans[i][1]
