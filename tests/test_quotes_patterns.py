"""Each pattern of reported speech the reader must recognise, one small sentence each."""

from __future__ import annotations

from nlp_fixtures import analyse, shared_analyzer


def only_quote(text: str):
    analysis = analyse(text)
    assert len(analysis.quotes) == 1, [q.to_dict() for q in analysis.quotes]
    return analysis.quotes[0]


def test_quote_then_cue_then_speaker():
    q = only_quote('"The mission will end soon," said Putin.')
    assert q.text == '"The mission will end soon,"'
    assert (q.kind, q.cue.text, q.speaker.text, q.actor) == ("direct", "said", "Putin", "Putin")


def test_speaker_then_cue_then_quote():
    q = only_quote('Vladimir Putin said: "The mission will end soon."')
    assert q.text == '"The mission will end soon."'
    assert (q.kind, q.cue.text, q.speaker.text, q.actor) == (
        "direct",
        "said",
        "Vladimir Putin",
        "Vladimir Putin",
    )


def test_curly_quote_with_pronoun_speaker_resolves_to_the_person_before():
    analysis = analyse(
        "President Kassym-Jomart Tokayev spoke on Monday.\n“We will stay until it is stable,” he said."
    )
    q = analysis.quotes[-1]
    assert q.speaker.text == "he"
    assert q.actor == "Kassym-Jomart Tokayev"


def test_quote_split_by_its_cue_is_one_statement():
    text = '"We will stay," he said, "until it is stable."'
    q = only_quote(text)
    assert (q.start, q.end) == (0, len(text))
    assert q.kind == "direct"
    assert q.cue.text == "said"


def test_second_quote_after_the_cue_sentence_joins_the_statement():
    text = '"These are strange days," said Peter Morgan, a lawyer. "I am skeptical he can pull it off."'
    q = only_quote(text)
    assert q.end == len(text)
    assert q.actor == "Peter Morgan"


def test_indirect_speech_with_reporting_verb_and_clause():
    q = only_quote("Putin said today that the mission will soon end.")
    assert q.kind == "indirect"
    assert q.text == "that the mission will soon end"
    assert q.speaker.text == "Putin"


def test_participle_cue_takes_the_subject_of_its_main_verb():
    analysis = analyse(
        "Putin emphasized that Moscow will not allow chaos, "
        "noting that some forces have exploited the crisis."
    )
    noting = next(q for q in analysis.quotes if q.cue.text == "noting")
    assert noting.text == "that some forces have exploited the crisis"
    assert noting.speaker.text == "Putin"


def test_partial_quote_inside_reported_speech_is_mixed():
    q = only_quote('The committee announced that it neutralized "two extremist cells" in Almaty.')
    assert q.kind == "mixed"
    assert '"two extremist cells"' in q.text
    assert q.text.startswith("that it neutralized")


def test_according_to_names_the_source():
    q = only_quote("According to the ministry, the troops will leave next week.")
    assert q.cue.text == "According to"
    assert q.speaker.text == "the ministry"
    assert q.text == "the troops will leave next week"


def test_parenthetical_cue_reports_the_whole_sentence():
    q = only_quote("The museum, Mr. Bush said, celebrated several of his heroes.")
    assert q.text.startswith("The museum") and q.text.endswith("heroes")
    assert "Bush" in q.speaker.text


def test_follow_on_paragraph_inherits_the_speaker():
    text = "“We will stay,” said Tokayev.\n“Their intent was to seize power.”"
    analysis = analyse(text)
    assert len(analysis.quotes) == 2
    follow_on = analysis.quotes[1]
    assert follow_on.text == "“Their intent was to seize power.”"
    assert follow_on.speaker_inherited
    assert follow_on.cue is None
    assert follow_on.actor == "Tokayev"


def test_headline_attribution_with_a_colon():
    analysis = analyse(
        "Kazakh FM: Recent events are a hybrid terrorist attack\nThe minister spoke in Almaty."
    )
    q = analysis.quotes[0]
    assert q.text == "Recent events are a hybrid terrorist attack"
    assert q.speaker.text == "Kazakh FM"
    assert not any(e.text.startswith("Kazakh FM: Recent") for e in analysis.entities)


def test_quote_signed_with_a_dash():
    q = only_quote("“He can’t even answer a question.” ― Esther Tapia")
    assert q.speaker.text == "Esther Tapia"


def test_reporting_verb_with_an_object():
    q = only_quote("Senator Graham criticized the party's lack of environmental awareness.")
    assert q.text == "the party's lack of environmental awareness"


def test_call_for_reports_what_was_called_for():
    q = only_quote("Clinton called for a ban on assault weapons.")
    assert q.text == "a ban on assault weapons"


def test_statement_noun_speaker_belongs_to_whoever_gave_the_statement():
    text = (
        "“We will stay,” said Tokayev in a statement issued by the presidential office.\n"
        "The statement added, “This was a well-organized act of aggression.”"
    )
    analysis = analyse(text)
    added = next(q for q in analysis.quotes if q.cue and q.cue.text == "added")
    assert added.speaker.text == "The statement"
    assert added.actor == "Tokayev"


def test_role_noun_resolves_to_the_actor_holding_that_role():
    text = (
        "President Kassym-Jomart Tokayev arrived in Almaty.\nThe president said the troops will leave soon."
    )
    q = next(q for q in analyse(text).quotes if q.cue.text == "said")
    assert q.actor == "Kassym-Jomart Tokayev"


def test_she_resolves_to_a_person_and_it_to_an_organisation():
    text = (
        "Hillary Clinton met the Federal Reserve on Monday. It said that rates will stay low. "
        "She said that the economy is strong."
    )
    quotes = analyse(text).quotes
    by_pronoun = {q.speaker.text: q.actor for q in quotes}
    assert by_pronoun["She"] == "Hillary Clinton"
    assert by_pronoun["It"] == "Federal Reserve"


def test_surname_mentions_join_one_actor_with_the_full_name():
    text = "Kassym-Jomart Tokayev spoke on Monday. Later, Tokayev said that the crisis was over."
    analysis = analyse(text)
    tokayev = next(a for a in analysis.actors if a.name == "Kassym-Jomart Tokayev")
    assert "Tokayev" in tokayev.aliases
    assert len(tokayev.mentions) >= 2
    assert analysis.quotes[0].actor == "Kassym-Jomart Tokayev"


def test_text_without_speech_has_no_quotes():
    assert analyse("The river rose two metres overnight. Roads were closed.").quotes == ()


def test_a_newline_ends_a_sentence():
    analysis = analyse("Kazakhstan President: CSTO forces to remain\nPolice fired tear gas in Almaty.")
    assert not any("\n" in e.text for e in analysis.entities)


def test_sentence_ending_in_a_colon_introduces_the_quote():
    text = "Sanders made the following comment:\n\n“The unemployment rate is 33 percent.”"
    q = only_quote(text)
    assert q.text == "“The unemployment rate is 33 percent.”"
    assert q.speaker.text == "Sanders"


def test_verb_outside_the_lexicon_linked_to_the_quote_is_its_cue():
    q = only_quote("“Not us,” Murphy grinned on Friday.")
    assert q.speaker.text == "Murphy"


def test_people_who_share_a_surname_stay_apart():
    text = "Barack Obama and Michelle Obama arrived. Mr. Obama said that the vote matters."
    analysis = analyse(text)
    names = {a.name for a in analysis.actors}
    assert {"Barack Obama", "Michelle Obama"} <= names
    assert analysis.quotes[0].actor == "Barack Obama"


def test_she_skips_the_nearer_man():
    text = "Senator Claire McCaskill met David Gorski on Monday.\n“It is wrong,” she said."
    assert analyse(text).quotes[-1].actor == "Claire McCaskill"


def test_relative_pronoun_speaker_is_shown_as_written_and_resolved_to_its_antecedent():
    analysis = analyse(
        "Marc Morial, the chief executive of the League, who said that the vote matters, spoke."
    )
    q = analysis.quotes[0]
    assert q.speaker.text == "who"
    assert q.actor == "Marc Morial"


def test_a_coordinated_cue_with_its_own_speaker_starts_its_own_statement():
    text = (
        "She said fathers would not be eligible, and when pressed on why, "
        'the 34-year-old mother of three replied, "It is meant to benefit the mother."'
    )
    quotes = analyse(text).quotes
    assert [q.text for q in quotes] == [
        "fathers would not be eligible",
        '"It is meant to benefit the mother."',
    ]
    assert [q.speaker.text for q in quotes] == ["She", "the 34-year-old mother of three"]


def test_a_partial_quote_after_its_cue_takes_the_reported_words_before_it():
    q = only_quote(
        'Senator John McCain says the populist movement appeals to the "bad angels" of human nature.'
    )
    assert q.text.startswith("the populist movement appeals")
    assert '"bad angels"' in q.text
    assert q.kind == "mixed"


def test_a_question_reported_with_if():
    q = only_quote("He shook hands and asked workers if they planned to attend the caucuses.")
    assert q.text == "if they planned to attend the caucuses"


def test_a_speech_noun_with_its_owner_and_clause():
    analysis = analyse("Contrary to his claim that people would ''learn nothing,'' the returns matter.")
    q = next(q for q in analysis.quotes if q.cue.text == "claim")
    assert q.text == "that people would ''learn nothing,''"
    assert q.speaker.text == "his"


def test_a_quote_that_opens_the_cues_object_takes_the_rest_of_it():
    q = only_quote(
        'The IMF referenced "political tensions" in advanced economies that are generating uncertainty.'
    )
    assert q.text == '"political tensions" in advanced economies that are generating uncertainty'


def test_quote_after_its_cue_sentence_is_the_same_statement_not_the_next_paragraphs():
    """`"A," X said. "B."`: B goes on with X even when the next paragraph opens with another cue."""
    analysis = analyse(
        '"The world economy has moved sideways," chief economist Maury Obstfeld said. '
        '"Without determined action, weak growth risks perpetuating itself."\n\n'
        "The fund pointed to the British vote as an example of rising sentiment against trade.\n"
    )
    quote = next(q for q in analysis.quotes if "moved sideways" in q.text)
    assert "weak growth risks perpetuating itself" in quote.text
    assert quote.speaker.text == "Maury Obstfeld"


def test_dateline_is_not_the_speaker():
    """The parser takes `CLEVELAND` for the subject; the speaker is the noun phrase after the dash."""
    analysis = analyse(
        "Mukasey speaks\n"
        "CLEVELAND, Ohio — Former Attorney General Michael Mukasey said that Hillary Clinton "
        "should be disqualified.\n"
    )
    quote = next(q for q in analysis.quotes if "disqualified" in q.text)
    assert quote.speaker.text == "Michael Mukasey"
    assert quote.actor == "Michael Mukasey"


def test_a_chant_is_quoted_speech():
    analysis = analyse('Protesters marching through the streets chanted "What curfew?" and kept going.\n')
    chant = next(q for q in analysis.quotes if "What curfew?" in q.text)
    assert (chant.cue.text, chant.speaker.text) == ("chanted", "Protesters")


def test_likened_to_a_quote():
    analysis = analyse(
        'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution".\n'
    )
    quote = next(q for q in analysis.quotes if "burning the Constitution" in q.text)
    assert quote.cue.text == "likened"
    assert quote.actor == "Laurence H. Tribe"


def test_cue_under_a_preposition_takes_the_subject_of_the_verb_it_hangs_on():
    analysis = analyse(
        "But he refuses to discuss potential appointees, aside from saying he wants a diverse delegation.\n"
    )
    quote = next(q for q in analysis.quotes if "diverse delegation" in q.text)
    assert (quote.cue.text, quote.speaker.text) == ("saying", "he")


def test_inverted_said_before_a_name_and_colon():
    analysis = analyse(
        "Critics were not convinced. "
        "Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”\n"
    )
    quote = next(q for q in analysis.quotes if "tax reform" in q.text)
    assert quote.speaker.text == "Ellis"


def test_a_question_put_by_no_one_named_has_no_speaker():
    """`Asked whether ..., 75 percent said`: the 75 percent answered; who asked is not written."""
    analysis = analyse(
        "Asked whether Clinton has the integrity to serve, 75 percent of Democrats said yes.\n"
        "Sanders was asked to name a decision that donations had influenced.\n"
    )
    for words in ("whether Clinton has the integrity", "to name a decision"):
        question = next(q for q in analysis.quotes if words in q.text)
        assert question.speaker is None and question.actor is None


def test_a_rubric_before_a_colon_is_not_the_speaker():
    analysis = analyse(
        "The Latest: Trump urges supporters to monitor polling places.\n\n"
        "WASHINGTON (AP) — The Latest on the U.S. presidential race (all times EDT):\n\n"
        "Donald Trump is once again questioning the integrity of the U.S. voting system.\n"
    )
    quote = next(q for q in analysis.quotes if "monitor polling places" in q.text)
    assert quote.speaker.text == "Trump"


def test_a_description_with_a_name_in_apposition_shows_the_name():
    analysis = analyse(
        "The head of the major Super PAC backing former Florida Gov. Jeb Bush for president, Mike Murphy, "
        "praised the efforts of a donor to Sen. Marco Rubio to attack Donald Trump.\n"
    )
    quote = next(q for q in analysis.quotes if "the efforts of a donor" in q.text)
    assert (quote.speaker.text, quote.actor) == ("Mike Murphy", "Mike Murphy")


def test_separator_lines_between_paragraphs_do_not_break_a_follow_on():
    analysis = analyse(
        '"We will rebuild the school," said Mayor Ann Lee.\n .\n "It will be ready by September."'
    )
    assert [q.text for q in analysis.quotes] == [
        '"We will rebuild the school,"',
        '"It will be ready by September."',
    ]
    follow_on = analysis.quotes[1]
    assert follow_on.speaker_inherited and follow_on.actor == "Ann Lee"


def test_a_quote_continued_across_a_separator_line_is_one_quote():
    text = 'Ann Lee said: "We will rebuild the school.\n .\n "It will be ready by September."'
    q = only_quote(text)
    assert (q.start, q.end) == (text.index('"We'), len(text))


def test_a_dateline_is_not_what_the_speaker_said():
    """The small model sometimes parses a dateline as a clause of the verb (seen on real news; the
    parse is given here as the model gave it, so the test does not depend on the model's mood)."""
    from spacy.tokens import Doc

    from tui.core.nlp.quotes import find_statements

    words = ["HALIFAX", "—", "Mark", "Doyle", "says", "Jane", "Ross", "is", "secretive", "."]
    heads = [4, 4, 3, 4, 4, 6, 7, 4, 7, 4]
    deps = ["ccomp", "punct", "compound", "nsubj", "ROOT", "compound", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["ADJ", "PUNCT", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "AUX", "ADJ", "PUNCT"]
    doc = Doc(shared_analyzer().nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    (statement,) = find_statements(doc)
    assert doc.text[statement.start : statement.end] == "Jane Ross is secretive"


def test_who_is_urged_belongs_to_what_was_urged():
    q = only_quote("The mayor urged residents to boil their water until Friday.")
    assert q.text == "residents to boil their water until Friday"
    assert q.speaker.text == "The mayor"


def test_a_second_clause_hung_on_the_cue_belongs_to_the_report():
    q = only_quote(
        "The fire chief said it was too early to know the cause of the blaze, and there was no sign "
        "yet that anyone had been hurt."
    )
    assert q.text.startswith("it was too early") and q.text.endswith("anyone had been hurt")


def test_a_short_lead_between_cue_and_quote_belongs_to_the_statement():
    analysis = analyse('On Tuesday the senator attacked it as "a gift to polluters".')
    assert [q.text for q in analysis.quotes] == ['it as "a gift to polluters"']


def test_a_cue_sharing_its_subject_does_not_cut_the_report_around_it():
    text = (
        "Police said the driver was heading home to see his family, which he was doing when officers "
        "stopped him and told him to leave the car."
    )
    analysis = analyse(text)
    first = analysis.quotes[0]
    assert first.text.startswith("the driver was heading home") and "officers stopped him" in first.text


def test_a_report_the_parser_split_into_two_clauses_of_the_cue_is_one_statement():
    """The parse hangs "hadn't paid" on "said" as a second clause; the report is the whole."""
    from spacy.tokens import Doc

    from tui.core.nlp.quotes import find_statements

    words = ["He", "said", "a", "source", "told", "him", "Lee", "had", "n't", "paid", "taxes", "."]
    heads = [1, 1, 3, 4, 1, 4, 9, 9, 9, 1, 9, 1]
    deps = [
        "nsubj",
        "ROOT",
        "det",
        "nsubj",
        "ccomp",
        "dative",
        "nsubj",
        "aux",
        "neg",
        "ccomp",
        "dobj",
        "punct",
    ]
    pos = ["PRON", "VERB", "DET", "NOUN", "VERB", "PRON", "PROPN", "AUX", "PART", "VERB", "NOUN", "PUNCT"]
    doc = Doc(shared_analyzer().nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    said = [st for st in find_statements(doc) if st.cue_token == 1]
    assert [doc.text[st.start : st.end] for st in said] == ["a source told him Lee had n't paid taxes"]


def test_a_report_inside_a_relative_clause_is_found():
    text = "He attacked the donations, which he said were tied to favours from lobbyists."
    said = [q for q in analyse(text).quotes if q.cue.text == "said"]
    assert len(said) == 1 and said[0].text.startswith("which") and said[0].text.endswith("lobbyists")
    assert said[0].speaker.text == "he"


def test_a_recording_of_someone_speaking_is_theirs_not_the_recordings():
    q = only_quote("The new ad uses footage of Maria Lopez asking, “Who pays for the new bridge?”")
    assert q.speaker is not None and "Lopez" in q.speaker.text
    assert q.actor == "Maria Lopez"


def test_a_dash_the_parser_takes_for_a_subject_is_no_speaker():
    text = "The council's accounts were made public ― Lopez boasted, “That is good management.”"
    q = next(q for q in analyse(text).quotes if "good management" in q.text)
    assert q.speaker is not None and q.speaker.text == "Lopez"


def test_a_quoted_title_the_parser_makes_the_subject_gives_way_to_the_name_before_the_cue():
    """`"…," Ortiz, an adviser, said on CBC's "Rain and Shine."` where the small model takes "Rain" for
    the subject of "said" (as it does on some articles): the speaker is Ortiz. The parse is given."""
    from spacy.tokens import Doc

    from tui.core.nlp.speakers import subject_of

    nlp = shared_analyzer().load().nlp
    words = ["“", "Go", ",", "”", "Ortiz", ",", "an", "adviser", ",", "said", "on", "CBC", "’s", "“", "Rain"]
    heads = [1, 9, 1, 1, 9, 4, 7, 4, 9, 9, 9, 10, 11, 14, 9]
    deps = ["punct", "ccomp", "punct", "punct", "npadvmod", "punct", "det", "appos", "punct", "ROOT",
            "prep", "pobj", "case", "punct", "nsubj"]  # fmt: skip
    pos = ["PUNCT", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADP",
           "PROPN", "PART", "PUNCT", "PROPN"]  # fmt: skip
    tags = ["``", "VB", ",", "''", "NNP", ",", "DT", "NN", ",", "VBD", "IN", "NNP", "POS", "``", "NNP"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    subject = subject_of(doc[9])
    assert subject is not None and subject.text == "Ortiz"
