"""A spaCy component that ends the dateline's sentence before the story's first words.

Without it the parser reads ``LONDON (Reuters) - Britain and France will ...`` as one
sentence whose subject is LONDON, with Britain as its apposition, so the first sentence
of every wire story got the wrong actor. Marking the first word after the dateline as a
sentence start (the parser keeps preset boundaries) changes no character of the text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .wire import find_dateline

COMPONENT = "dateline_sentence"
#: how far into a story a dateline may reach
HEAD_CHARS = 300


@Language.component(COMPONENT)
def split_dateline(doc: Doc) -> Doc:
    """Start a sentence at the first token after a leading dateline and its separator."""
    head = doc.text[:HEAD_CHARS] if len(doc) else ""
    match = find_dateline(head)
    if match is None:
        return doc
    separator_end = _separator_end(head, match.end)
    for token in doc:
        if token.idx >= separator_end and not token.is_space:
            if token.i > 0:
                token.is_sent_start = True
            break
    return doc


def _separator_end(text: str, end: int) -> int:
    """Past the ``:``, ``-``, ``--`` or dash (and spaces) that follow the dateline."""
    position = end
    while position < len(text) and text[position] in " \t:-\u2013\u2014/.":
        position += 1
    return position
