"""The search language people type, parsed into a small tree; nothing here knows the index engine.

    tokayev csto              both words (every word must match)
    "hybrid attack"           the exact phrase
    toka*                     words starting with toka
    -russia                   not this word
    kazakhstan OR kyrgyzstan  either word
    actor:Tokayev person: org: place: said: source: title:   only in that part of the article
    date:2019  date:2019-01..2019-06  date:..2020-03-01      by publication date

Words are split and lowercased the same way the index splits text (letters and digits; anything else
separates words), so `Kassym-Jomart` is the phrase "kassym jomart". `AND`, `NEAR` and `NOT` are plain
words: the only operator word is `OR`. The parser builds the index query itself, so user text never
reaches an engine's own query syntax or SQL; anything it cannot read raises `QueryError` saying what
is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MIN_PREFIX_CHARS = 2

FIELDS: dict[str, str] = {
    "actor": "people and organisations who act in the article, by any of their names",
    "person": "names of people",
    "org": "names of organisations",
    "place": "names of places (countries, cities, regions, landmarks)",
    "said": "words inside quotations",
    "source": "the publication or web site",
    "title": "the headline",
    "date": "publication date: YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B",
}

PLACE_FIELD_LABELS = frozenset({"GPE", "LOC"})
"""The entity labels `place:` searches: countries and cities (GPE) and other locations (LOC)."""

QUOTE_CHARS = '"“”„'
WORD = re.compile(r"[^\W_]+")
_FIELD = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(ValueError):
    """A query that cannot be searched; the message says what is wrong in the user's terms."""


def words_of(text: str) -> list[str]:
    """Split and lowercase like the index does: runs of letters and digits."""
    return [w.lower() for w in WORD.findall(text)]


@dataclass(frozen=True)
class Term:
    """Words that must appear together (one word, a phrase, or a word prefix) in a field.

    `field` None means the default fields: title, text and actor names.
    """

    words: tuple[str, ...]
    field: str | None = None
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds as integers YYYYMMDD (None: open-ended)."""

    low: int | None
    high: int | None


Clause = Term | DateRange


@dataclass(frozen=True)
class Any_:
    """At least one of these must match (the OR of the words around each OR)."""

    options: tuple[Clause, ...]


@dataclass(frozen=True)
class Query:
    """All of `required` must match, none of `excluded` may. Made only by `parse_query`."""

    required: tuple[Clause | Any_, ...]
    excluded: tuple[Clause, ...]
    text: str

    def positive_terms(self) -> list[Term]:
        """The terms a matching article contains: what to highlight."""
        out: list[Term] = []
        for item in self.required:
            for clause in item.options if isinstance(item, Any_) else (item,):
                if isinstance(clause, Term):
                    out.append(clause)
        return out


def parse_query(text: str) -> Query:
    """Read a query; raise QueryError with a plain explanation when it cannot be searched."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})")
    if not text.strip():
        raise QueryError("the query is empty: type a word to search for")
    pieces = _split(text)
    if len(pieces) > MAX_TERMS:
        raise QueryError(f"the query has too many terms ({len(pieces)}; at most {MAX_TERMS})")

    groups: list[list[tuple[bool, Clause]]] = []
    joining = False
    for raw, quoted in pieces:
        if raw == "OR" and not quoted:
            if not groups or joining:
                raise QueryError("OR needs a word on each side, as in: kazakhstan OR kyrgyzstan")
            joining = True
            continue
        negated, clause = _clause(raw, quoted)
        if clause is None:
            if joining:
                raise QueryError(f"OR needs a word on each side; {raw!r} has no letters or digits")
            continue
        if joining:
            if negated or groups[-1][0][0]:
                raise QueryError("-word cannot be part of an OR; exclude it separately")
            groups[-1].append((negated, clause))
            joining = False
        else:
            groups.append([(negated, clause)])
    if joining:
        raise QueryError("OR needs a word on each side, as in: kazakhstan OR kyrgyzstan")
    if not groups:
        raise QueryError(f"nothing to search for in {text.strip()!r}: type letters or digits")

    required: list[Clause | Any_] = []
    excluded: list[Clause] = []
    for group in groups:
        if len(group) > 1:
            required.append(Any_(tuple(c for _, c in group)))
        elif group[0][0]:
            excluded.append(group[0][1])
        else:
            required.append(group[0][1])
    return Query(tuple(required), tuple(excluded), text)


def _split(text: str) -> list[tuple[str, bool]]:
    """Cut the query at spaces outside quotes; each piece keeps its quotes and field prefix."""
    pieces: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        quoted = False
        while i < n and not text[i].isspace():
            if text[i] in QUOTE_CHARS:
                close = _closing_quote(text, i)
                if close < 0:
                    raise QueryError(
                        f"unbalanced quote: the {text[i]} at character {i + 1} has no closing quote"
                    )
                quoted = True
                i = close + 1
            else:
                i += 1
        pieces.append((text[start:i], quoted))
    return pieces


def _closing_quote(text: str, at: int) -> int:
    for j in range(at + 1, len(text)):
        if text[j] in QUOTE_CHARS:
            return j
    return -1


def _clause(raw: str, quoted: bool) -> tuple[bool, Clause | None]:
    """One piece -> (excluded?, clause); None when it has nothing searchable (lone punctuation)."""
    negated = False
    body = raw
    if body.startswith("-") and len(body) > 1:
        negated, body = True, body[1:]
    field = None
    match = _FIELD.match(body)
    if match:
        name = match.group(1).lower()
        if name not in FIELDS:
            known = ", ".join(f"{f}:" for f in FIELDS)
            raise QueryError(f"unknown field {match.group(1)}: — the fields are {known}")
        field, body = name, body[match.end() :]
        if not body:
            raise QueryError(f"{name}: needs something after it, as in {name}:{_example(name)}")
    if field == "date":
        return negated, _date_range(body)
    prefix = False
    is_quoted = quoted and body[:1] in QUOTE_CHARS and body[-1:] in QUOTE_CHARS and len(body) >= 2
    inner = body[1:-1] if is_quoted else body.replace('"', " ")
    if not is_quoted and inner.endswith("*"):
        stem = inner.rstrip("*")
        if not words_of(stem):
            raise QueryError("a * must follow the start of a word, as in toka* (a lone * matches nothing)")
        if len(words_of(stem)[-1]) < MIN_PREFIX_CHARS or not WORD.fullmatch(stem[-1]):
            raise QueryError(f"{inner!r}: put at least {MIN_PREFIX_CHARS} letters before the *, as in toka*")
        prefix, inner = True, stem
    words = tuple(words_of(inner))
    if not words:
        if inner.strip("*") == "" and "*" in inner:
            raise QueryError("a * must follow the start of a word, as in toka* (a lone * matches nothing)")
        if is_quoted:
            raise QueryError("the quotes are empty: put words between them")
        return negated, None
    return negated, Term(words, field, prefix)


def _example(field: str) -> str:
    return {"date": "2019-01..2019-06", "said": '"hybrid attack"', "place": "Kazakhstan"}.get(
        field, "Tokayev"
    )


def _date_range(body: str) -> DateRange:
    if ".." in body:
        low_text, _, high_text = body.partition("..")
    else:
        low_text = high_text = body
    low = _date_bound(low_text, high=False) if low_text else None
    high = _date_bound(high_text, high=True) if high_text else None
    if low is None and high is None:
        raise QueryError("date: needs a date, as in date:2019-01..2019-06")
    if low is not None and high is not None and low > high:
        raise QueryError(f"date:{body}: the range ends before it starts")
    return DateRange(low, high)


def _date_bound(text: str, *, high: bool) -> int:
    match = _DATE.match(text)
    if not match:
        raise QueryError(f"date:{text} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if high else 1)
    day = int(match.group(3)) if match.group(3) else (31 if high else 1)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise QueryError(f"date:{text} is not a date: the month or day is out of range")
    return year * 10000 + month * 100 + day


def date_key(date: str | None) -> int | None:
    """An article's date as YYYYMMDD when it starts with an ISO date, else None (no date: filters)."""
    if not date:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", date)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3) or 1)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return year * 10000 + month * 100 + day
