"""The project's own example article comes out as a careful reader would annotate it."""

from __future__ import annotations

import pytest
from nlp_fixtures import SAMPLE_DATA, shared_analyzer

from tui.core.model import Article

EXAMPLE = SAMPLE_DATA / "kazakhstan-csto-forces-to-remain.txt"


@pytest.fixture(scope="module")
def analysis():
    text = EXAMPLE.read_text(encoding="utf-8")
    return shared_analyzer().analyze(Article(path=str(EXAMPLE), title=text.splitlines()[0], text=text))


def statements_of(analysis, actor: str) -> list[str]:
    return [q.text for q in analysis.quotes if q.actor == actor]


def said_by(analysis, actor: str, words: str) -> bool:
    return any(words in text for text in statements_of(analysis, actor))


def test_the_people_and_bodies_who_speak_are_actors(analysis):
    names = {a.name for a in analysis.actors}
    assert "Kassym-Jomart Tokayev" in names
    assert "Vladimir Putin" in names
    assert "National Security Committee of Kazakhstan" in names
    assert "Russian Defense Ministry" in names
    assert any("Minister of Foreign Affairs of Kazakhstan" in n for n in names)


def test_the_foreign_minister_is_one_actor_under_every_name(analysis):
    """ "Kazakh FM" (headline), "the Minister of Foreign Affairs" and "... of Kazakhstan" are one person."""
    ministers = [a for a in analysis.actors if "FM" in a.name or "Minister of Foreign Affairs" in a.name]
    assert [a.name for a in ministers] == ["Minister of Foreign Affairs of Kazakhstan"]
    assert ministers[0].label == "PERSON"
    assert "Kazakh FM" in ministers[0].aliases
    said = statements_of(analysis, "Minister of Foreign Affairs of Kazakhstan")
    assert any(s.startswith("Recent events in the country are a hybrid terrorist attack") for s in said)
    assert any("as a hybrid terrorist attack aimed at destabilizing" in s for s in said)


def test_no_actor_that_is_no_name(analysis):
    """spaCy calls "Articles 2" (of the treaty) a person: the entity stays, the actor list drops it."""
    assert "Articles 2" in {e.text for e in analysis.entities}
    assert not any(a.name.startswith("Articles") for a in analysis.actors)


def test_tokayev_is_one_actor_under_his_full_name(analysis):
    tokayev = [a for a in analysis.actors if "Tokayev" in a.name]
    assert len(tokayev) == 1
    assert "Tokayev" in tokayev[0].aliases
    assert len(tokayev[0].mentions) >= 5


@pytest.mark.parametrize(
    "words",
    [
        "until the situation is completely stabilized",
        "The grounds for sending the CSTO Collective Peacekeeping Forces",
        "This was a well-organized and prepared act of aggression",
        "Their intent was to create a zone of controlled chaos",
        "his country survived an attempted coup",
        "he would not permit the toppling of the Kazakhstani regime",
        "he would be heading a cabinet meeting",
    ],
)
def test_tokayev_statements(analysis, words):
    assert said_by(analysis, "Kassym-Jomart Tokayev", words), statements_of(analysis, "Kassym-Jomart Tokayev")


def test_the_statements_follow_on_inherits_its_speaker(analysis):
    follow_on = next(q for q in analysis.quotes if q.text.startswith("“Their intent was"))
    assert follow_on.speaker_inherited
    assert follow_on.speaker.text == "The statement"
    statement = next(q for q in analysis.quotes if q.text.startswith("“This was a well-organized"))
    assert (statement.cue.text, statement.speaker.text, statement.kind) == (
        "added",
        "The statement",
        "direct",
    )


@pytest.mark.parametrize(
    "words",
    [
        "the mission of the Russian-led peacekeeping troops in Kazakhstan will soon come to an end",
        "Moscow will not allow others to destabilize the nation",
        "some external and internal forces have exploited the economic situation",
    ],
)
def test_putin_statements(analysis, words):
    assert said_by(analysis, "Vladimir Putin", words), statements_of(analysis, "Vladimir Putin")


def test_putin_is_he_in_the_paragraph_after_his_name(analysis):
    emphasized = next(q for q in analysis.quotes if q.cue and q.cue.text == "emphasized")
    assert emphasized.speaker.text == "He"
    assert emphasized.kind == "mixed"  # it quotes "color revolution" inside reported speech


def test_bodies_statements(analysis):
    assert said_by(analysis, "National Security Committee of Kazakhstan", '"two extremist cells"')
    assert said_by(analysis, "Russian Defense Ministry", "Russian peacekeeping forces have begun to protect")
    minister = next(a.name for a in analysis.actors if "Minister of Foreign Affairs of Kazakhstan" in a.name)
    assert said_by(analysis, minister, "hybrid terrorist attack")


def test_headline_colon_is_an_attribution_not_an_organisation(analysis):
    assert not any("Recent" in e.text for e in analysis.entities if e.label == "ORG")
    headline = next(q for q in analysis.quotes if q.text.startswith("Recent events in the country"))
    assert headline.speaker.text == "Kazakh FM"
