"""Block quotations are statements (issue 13): a run of `> ` blocks is one direct quote, one part a
paragraph, said by whoever the paragraph before introduces, or signed after it (`— Carla Sanchez`)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from nlp_fixtures import shared_analyzer

from tui.core.export.csv_format import render_csv
from tui.core.export.items import ExportItem
from tui.core.export.jsonl_format import render_jsonl
from tui.core.export.markdown_format import render_markdown
from tui.core.model import Analysis, Article, Block, Quote, line_blocks
from tui.core.nlp.block_quotes import blocks_in_piece
from tui.core.nlp.chunking import CHUNK_CHARS
from tui.core.sources import iter_articles


def markdown_article(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "post.md"
    path.write_text(body, encoding="utf-8")
    (article,) = [a for a in iter_articles([path]) if isinstance(a, Article)]
    return article


def analysed(tmp_path: Path, body: str) -> tuple[Article, Analysis]:
    article = markdown_article(tmp_path, body)
    return article, shared_analyzer().analyze(article)


def block_quote(article: Article, analysis: Analysis) -> Quote:
    """The one statement that starts where the article's first block quotation starts."""
    start = next(b.start for b in article.blocks if b.kind == "blockquote")
    (quote,) = [q for q in analysis.quotes if q.start == start]
    return quote


def test_a_writer_introduced_with_writes_speaks_the_whole_quotation(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The budget vote split the town.\n\nLocal blogger Maria Lopez writes:\n\n"
        "> The council has lost its way. Nobody asked us.\n\n> We will remember this in November.\n",
    )
    quote = block_quote(article, analysis)
    assert quote.kind == "direct"
    assert quote.part_texts() == [
        "The council has lost its way. Nobody asked us.",
        "We will remember this in November.",
    ]
    assert quote.speaker is not None and quote.speaker.text == "Maria Lopez"
    assert quote.cue is not None and quote.cue.text == "writes"
    assert quote.actor == "Maria Lopez"


def test_an_introducer_that_opens_with_a_phrase_still_names_its_subject(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The town changed its parking rules in March.\n\nOn the new rules, baker Daniel Fischer writes:\n\n"
        "> Customers cannot stop in front of the shop any more.\n",
    )
    quote = block_quote(article, analysis)
    assert quote.speaker is not None and quote.speaker.text == "Daniel Fischer"
    assert quote.actor == "Daniel Fischer"


def test_a_speaker_before_a_clause_of_what_they_explain(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "Writing at her blog, fellow teacher Anna Berg explains why she left the union:\n\n"
        "> I stayed for twenty years. The union stopped listening to teachers.\n",
    )
    quote = block_quote(article, analysis)
    assert quote.speaker is not None and quote.speaker.text == "Anna Berg"
    assert quote.cue is not None and quote.cue.text == "explains"
    assert quote.actor == "Anna Berg"
    assert [q for q in analysis.quotes if q is not quote and q.cue == quote.cue] == [], (
        "the cue reports the quotation, not a statement of its own"
    )


def test_according_to_introduces_its_source(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The river rose again overnight.\n\nAccording to the Ministry of Health:\n\n"
        "> Three clinics are closed and the water is not safe to drink.\n",
    )
    quote = block_quote(article, analysis)
    assert quote.cue is not None and quote.cue.text == "According to"
    assert quote.speaker is not None and "Ministry of Health" in quote.speaker.text


def test_a_signature_line_names_the_speaker_and_is_not_quoted(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The mayor answered the letter.\n\n> We will rebuild the bridge before winter.\n>\n"
        "> — Carla Sanchez, mayor of Springfield\n",
    )
    quote = block_quote(article, analysis)
    assert quote.part_texts() == ["We will rebuild the bridge before winter."]
    assert quote.speaker is not None and quote.speaker.text == "Carla Sanchez"
    assert quote.actor == "Carla Sanchez"


def test_a_quotation_nobody_introduces_has_no_speaker(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The council met on Monday.\n\n> The bridge will close in May for six weeks of repairs.\n",
    )
    quote = block_quote(article, analysis)
    assert quote.kind == "direct"
    assert (quote.speaker, quote.actor) == (None, None)


def test_quotation_marks_inside_a_block_quotation_are_part_of_it(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "Local blogger Maria Lopez writes:\n\n"
        '> The mayor told us "the bridge is perfectly safe," but the engineers said it was not.\n',
    )
    quote = block_quote(article, analysis)
    assert quote.actor == "Maria Lopez"
    assert [q for q in analysis.quotes if q is not quote] == [], (
        "no statement of its own inside the quotation"
    )


def test_a_paragraph_ending_in_a_full_stop_introduces_nobody(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "Maria Lopez wrote about the vote last week.\n\n> The bridge will close in May for six weeks.\n",
    )
    assert block_quote(article, analysis).speaker is None


def test_a_long_text_keeps_its_block_quotations_in_every_piece() -> None:
    filler = "The council met again on Monday to discuss the budget for the coming year.\n\n"
    text = (
        filler * (CHUNK_CHARS // len(filler) + 20) + "Maria Lopez writes:\n\nThe bridge will close in May.\n"
    )
    blocks = list(line_blocks(text))
    blocks[-1] = Block("blockquote", blocks[-1].start, blocks[-1].end)
    article = Article(path="long.txt", title="", text=text, blocks=tuple(blocks))
    analysis = shared_analyzer().analyze(article)
    (quote,) = [q for q in analysis.quotes if q.start == blocks[-1].start]
    assert quote.text == "The bridge will close in May."
    assert quote.actor == "Maria Lopez"


def test_blocks_of_a_piece_are_cut_to_it_and_shifted() -> None:
    blocks = (Block("paragraph", 0, 10), Block("blockquote", 12, 30), Block("paragraph", 32, 40))
    assert blocks_in_piece(blocks, 20, 35) == (Block("blockquote", 0, 10), Block("paragraph", 12, 15))


def test_exports_keep_the_paragraphs_of_a_block_quotation(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "Local blogger Maria Lopez writes:\n\n> The council has lost its way.\n\n> We will remember this.\n",
    )
    item = ExportItem.from_quote(article, block_quote(article, analysis))
    assert item.quote == "The council has lost its way.\n\nWe will remember this."
    markdown = render_markdown([item], title="Quotes", now=datetime(2026, 11, 30))
    assert "> The council has lost its way.\n>\n> We will remember this." in markdown
    (row,) = list(csv.DictReader(io.StringIO(render_csv([item]))))
    assert row["quote"] == "The council has lost its way.\n\nWe will remember this."
    (record,) = [json.loads(line) for line in render_jsonl([item]).splitlines() if line.strip()]
    assert record["quote"] == "The council has lost its way.\n\nWe will remember this."


def test_a_signature_right_after_the_quotation_names_the_speaker(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path,
        "The mayor answered the letter.\n\n> We will rebuild the bridge before winter.\n\n— Carla Sanchez\n",
    )
    quote = block_quote(article, analysis)
    assert quote.text == "We will rebuild the bridge before winter."
    assert quote.speaker is not None and quote.speaker.text == "Carla Sanchez"


def test_a_lead_that_is_only_a_name_or_a_handle_names_the_speaker(tmp_path: Path) -> None:
    article, analysis = analysed(
        tmp_path, "Reactions on Twitter:\n\nJavier Vargas @javier_vargas:\n\n> Who fired the first shot?\n"
    )
    quote = block_quote(article, analysis)
    assert quote.speaker is not None and quote.speaker.text.startswith("Javier Vargas")
    article, analysis = analysed(
        tmp_path, "Reactions on Twitter:\n\n@xaxo6v:\n\n> Who fired the first shot?\n"
    )
    quote = block_quote(article, analysis)
    assert quote.speaker is not None and quote.speaker.text == "@xaxo6v"


def test_a_pronoun_introducing_the_next_quotation_goes_on_with_the_same_speaker(tmp_path: Path) -> None:
    _article, analysis = analysed(
        tmp_path,
        "At Asia Times, Donald Kirk says:\n\n> The talks will fail again.\n\n"
        "He then goes on to speculate about the envoy:\n\n> Perhaps a former president could go.\n",
    )
    second = [q for q in analysis.quotes if q.text.startswith("Perhaps")]
    assert [(q.speaker.text if q.speaker else None, q.actor) for q in second] == [("He", "Donald Kirk")]


def test_an_html_blockquote_after_its_introducer_is_a_statement(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Bloggers react</title></head><body><article><h1>Bloggers react</h1>"
        "<p>The speech on Thursday drew many reactions from bloggers across the region, some angry and "
        "some hopeful about what comes next.</p><p>Blogger Juan Perez writes:</p><blockquote>"
        "<p>The speech was a turning point for all of us who waited so long for a change.</p>"
        "<p>We will remember it for a long time to come.</p></blockquote>"
        "<p>Others were less impressed and said so on their own blogs during the evening.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (article,) = [a for a in iter_articles([path]) if isinstance(a, Article)]
    quote = block_quote(article, shared_analyzer().analyze(article))
    assert quote.actor == "Juan Perez"
    assert quote.part_texts() == [
        "The speech was a turning point for all of us who waited so long for a change.",
        "We will remember it for a long time to come.",
    ]


def speaker_of_lead(tmp_path: Path, lead: str) -> str | None:
    article, analysis = analysed(
        tmp_path, f"The vote took place on Sunday.\n\n{lead}\n\n> The result will not last the year.\n"
    )
    quote = block_quote(article, analysis)
    return quote.speaker.text if quote.speaker else None


def test_a_comment_by_someone_is_their_words(tmp_path: Path) -> None:
    assert speaker_of_lead(tmp_path, "A comment by Maria Lopez predicted the outcome:") == "Maria Lopez"


def test_the_subject_of_the_lead_speaks_when_its_verb_is_no_cue(tmp_path: Path) -> None:
    assert (
        speaker_of_lead(tmp_path, "Maria Lopez doubts the new council will change anything:") == "Maria Lopez"
    )


def test_a_lead_about_the_reader_names_nobody(tmp_path: Path) -> None:
    assert (
        speaker_of_lead(tmp_path, "When you visit the campaign site you get the following message:") is None
    )


def actor_of_lead(tmp_path: Path, lead: str, before: str = "The vote took place on Sunday.") -> str | None:
    article, analysis = analysed(tmp_path, f"{before}\n\n{lead}\n\n> The result will not last the year.\n")
    return block_quote(article, analysis).actor


def test_a_blog_named_with_small_words_is_one_actor_as_written(tmp_path: Path) -> None:
    assert actor_of_lead(tmp_path, "Reacting to the result, Lanterns on the Harbour writes:") == (
        "Lanterns on the Harbour"
    )


def test_a_handle_leading_its_quotation_is_an_actor(tmp_path: Path) -> None:
    assert actor_of_lead(tmp_path, "@quietvoter99:") == "@quietvoter99"


def test_a_pen_name_spacy_does_not_tag_is_an_actor_as_written(tmp_path: Path) -> None:
    assert actor_of_lead(tmp_path, "Grumpy Harbour cat, a blogger from the port, concluded:") == (
        "Grumpy Harbour cat"
    )


def test_a_common_noun_leading_its_sentence_is_no_pen_name(tmp_path: Path) -> None:
    actor = actor_of_lead(
        tmp_path, "Research on the vote shows:", before="The research was paid for by the council."
    )
    assert actor != "Research"


def test_a_piece_of_writing_by_someone_passed_on_is_their_words(tmp_path: Path) -> None:
    lead = "The blogger then added a cartoon by Tomas Velez, a local painter, about the new mayor:"
    assert actor_of_lead(tmp_path, lead) == "Tomas Velez"


def test_a_speech_someone_posts_is_the_speakers_words(tmp_path: Path) -> None:
    before = "Mayor Ingrid Holm gave her first address on Monday. Blogger Peter Quist was pleased."
    assert actor_of_lead(tmp_path, "He posted Holm's speech on his blog:", before=before) == "Ingrid Holm"


def test_a_lead_whose_last_sentence_names_no_one_is_from_whom_the_paragraph_is_about(tmp_path: Path) -> None:
    lead = (
        "On his blog, Peter Quist goes on with his criticism of the council. "
        "Despite the warnings, it was clear that the vote would be close:"
    )
    assert actor_of_lead(tmp_path, lead) == "Peter Quist"


def test_a_banner_is_no_actor(tmp_path: Path) -> None:
    assert actor_of_lead(tmp_path, "The paper banner read:") is None


def test_a_quotation_after_a_lead_that_names_no_one_gets_no_actor_from_the_line_before(
    tmp_path: Path,
) -> None:
    before = "Nadia Berg signed the appeal on Monday."
    assert actor_of_lead(tmp_path, "The appeal is central to the campaign:", before=before) is None


def test_someone_elses_words_passed_on_are_not_the_translators(tmp_path: Path) -> None:
    lead = "Lena Fox translated a nurse's comments on the strike from a local forum:"
    assert speaker_of_lead(tmp_path, lead) == "a nurse"
    assert actor_of_lead(tmp_path, lead) != "Lena Fox"
