"""Loading spaCy with the one change newsreader makes to it: a newline always ends a sentence.

Without it the parser runs a headline into the line below ("Kazakh FM: Recent events ..." read as
one sentence with the first line) and finds organisations that straddle two paragraphs.
spaCy is imported here, inside functions, so importing tui.core stays cheap.
"""

from __future__ import annotations

from typing import Any

NEWLINE_COMPONENT = "newsreader_newline_sentences"
ENTITY_CLEANUP_COMPONENT = "newsreader_entity_cleanup"


def _register_newline_component() -> None:
    from spacy.language import Language

    if Language.has_factory(NEWLINE_COMPONENT):
        return

    @Language.component(NEWLINE_COMPONENT)
    def newline_sentences(doc: Any) -> Any:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
        return doc


def _register_entity_cleanup() -> None:
    from spacy.language import Language

    if Language.has_factory(ENTITY_CLEANUP_COMPONENT):
        return

    @Language.component(ENTITY_CLEANUP_COMPONENT)
    def entity_cleanup(doc: Any) -> Any:
        """Drop entities that run over a colon or a line break ("Kazakh FM: Recent" is no organisation)."""
        doc.ents = [e for e in doc.ents if ": " not in e.text and "\n" not in e.text and e.text.strip()]
        return doc


def load_pipeline(model: str) -> Any:
    """The spaCy pipeline for `model`, with sentence breaks at newlines set before the parser."""
    import spacy

    _register_newline_component()
    _register_entity_cleanup()
    nlp = spacy.load(model)
    if NEWLINE_COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(NEWLINE_COMPONENT, before=before) if before else nlp.add_pipe(NEWLINE_COMPONENT)
    if "ner" in nlp.pipe_names and ENTITY_CLEANUP_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(ENTITY_CLEANUP_COMPONENT, after="ner")
    return nlp
