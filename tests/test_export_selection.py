"""Choosing what to export: by actor, by marks, by article, and the one-line citation for `y`."""

from __future__ import annotations

import pytest

from tui.core.export import ExportItem, select_quotes
from tui.core.marks import MarkKey
from tui.core.model import Analysis, Article, Quote, Span

KAZAKH = (
    "Kazakh FM: Recent events are a hybrid attack\n"
    '"The situation is stable," President Tokayev said.\n'
    'The minister said the protests were "a hybrid attack".\n'
    '"We will restore order," Tokayev added.'
)
RUSSIAN = 'Kremlin says mission will end\n"The mission will soon end," Putin said.'


def quote(text: str, words: str, actor: str | None, speaker: str, cue: str, kind: str = "direct") -> Quote:
    start = text.index(words)
    after = text.find(speaker, start + len(words))
    at = after if after >= 0 else text.index(speaker)
    cue_at = text.index(cue, at)
    return Quote(
        start=start,
        end=start + len(words),
        kind=kind,  # type: ignore[arg-type]
        text=words,
        cue=Span(cue_at, cue_at + len(cue), cue),
        speaker=Span(at, at + len(speaker), speaker),
        actor=actor,
    )


@pytest.fixture
def pairs() -> list[tuple[Article, Analysis]]:
    kazakh = Article(
        path="news/kz.txt",
        title=KAZAKH.split("\n")[0],
        text=KAZAKH,
        url="https://example.org/kz",
        date="2022-01-07",
        source="Example Wire",
    )
    russian = Article(path="news/ru.txt", title=RUSSIAN.split("\n")[0], text=RUSSIAN)
    kazakh_quotes = (
        quote(KAZAKH, '"The situation is stable,"', "Kassym-Jomart Tokayev", "President Tokayev", "said"),
        quote(KAZAKH, 'the protests were "a hybrid attack"', None, "The minister", "said", "mixed"),
        quote(KAZAKH, '"We will restore order,"', "Kassym-Jomart Tokayev", "Tokayev", "added"),
    )
    russian_quotes = (quote(RUSSIAN, '"The mission will soon end,"', "Vladimir Putin", "Putin", "said"),)
    return [
        (kazakh, Analysis(article_id=kazakh.id, pipeline="t", quotes=kazakh_quotes)),
        (russian, Analysis(article_id=russian.id, pipeline="t", quotes=russian_quotes)),
    ]


def words(items: list[ExportItem]) -> list[str]:
    return [item.quote for item in items]


def test_everything_in_article_then_reading_order(pairs) -> None:
    items = select_quotes(pairs)
    assert words(items) == [
        '"The situation is stable,"',
        'the protests were "a hybrid attack"',
        '"We will restore order,"',
        '"The mission will soon end,"',
    ]
    first = items[0]
    assert (first.actor, first.speaker_mention, first.cue, first.kind) == (
        "Kassym-Jomart Tokayev",
        "President Tokayev",
        "said",
        "direct",
    )
    assert (first.article_title, first.url, first.date, first.source, first.path) == (
        "Kazakh FM: Recent events are a hybrid attack",
        "https://example.org/kz",
        "2022-01-07",
        "Example Wire",
        "news/kz.txt",
    )
    for item, (article, _) in zip(items, [pairs[0]] * 3 + [pairs[1]], strict=True):
        assert article.text[item.start : item.end] == item.quote
        assert item.mark_key == MarkKey(article.id, item.start, item.end)


def test_actor_matches_the_canonical_name_in_any_case(pairs) -> None:
    assert words(select_quotes(pairs, actor="  kassym-jomart TOKAYEV ")) == [
        '"The situation is stable,"',
        '"We will restore order,"',
    ]
    assert select_quotes(pairs, actor="Tokayev") == [], "an alias is not the canonical name"


def test_marked_and_article_filters_combine(pairs) -> None:
    kazakh, russian = pairs[0][0], pairs[1][0]
    restore = pairs[0][1].quotes[2]
    mission = pairs[1][1].quotes[0]
    marked = {MarkKey.of(kazakh, restore), MarkKey.of(russian, mission), MarkKey("gone", 1, 2)}

    assert words(select_quotes(pairs, marked=marked)) == [
        '"We will restore order,"',
        '"The mission will soon end,"',
    ]
    assert words(select_quotes(pairs, marked=marked, article_ids={russian.id})) == [
        '"The mission will soon end,"'
    ]
    assert words(select_quotes(pairs, marked=marked, actor="vladimir putin", article_ids={kazakh.id})) == []
    assert select_quotes(pairs, marked=set()) == []
    assert len(select_quotes(pairs, article_ids={kazakh.id})) == 3


def test_the_same_text_loaded_twice_is_exported_once(pairs) -> None:
    kazakh, analysis = pairs[0]
    copy = Article(path="elsewhere/kz-copy.txt", title=kazakh.title, text=kazakh.text)
    items = select_quotes([pairs[0], (copy, analysis)])
    assert len(items) == 3 and {item.path for item in items} == {"news/kz.txt"}


def test_an_analysis_of_another_text_is_refused(pairs) -> None:
    with pytest.raises(ValueError, match=r"news/kz\.txt"):
        select_quotes([(pairs[0][0], pairs[1][1])])


def test_citation_gives_words_speaker_and_source_on_one_line(pairs) -> None:
    stable, hybrid, _, mission = select_quotes(pairs)
    assert stable.citation() == (
        '"The situation is stable," — Kassym-Jomart Tokayev (said), '
        "Kazakh FM: Recent events are a hybrid attack, Example Wire, 2022-01-07, https://example.org/kz"
    )
    assert hybrid.citation().startswith('“the protests were "a hybrid attack"” — The minister (said), ')
    assert (
        mission.citation()
        == '"The mission will soon end," — Vladimir Putin (said), Kremlin says mission will end'
    )
