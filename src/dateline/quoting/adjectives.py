"""Attributions carried by an adjective of stance: ``X is worried that ...``, ``X was critical of Y``.

PolNeAR annotates these like verbs: the adjective (with its preposition) is the
cue, the subject of its copula the source, and its ``that`` clause, ``to``
infinitive or prepositional object the content. An adjective with no complement
(``voters are worried``) reports nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Attribution, phrase, subject
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_span
from .scope import Finder, token_finder

#: dependents of the adjective that hold what is believed, wished or judged
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
#: prepositions whose object is what the stance is about
CONTENT_PREPS = frozenset({"about", "of", "over", "that", "with", "to", "on"})
#: how the finding is described in ``reason``
ADJECTIVE_CUE = "adjective cue"


def _is_stance_adjective(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.dep_ == "acomp" and token.lemma_.lower() in lexicon.cue_adjectives


def _adjective(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    holder = subject(token.head)
    if holder is None:
        return None
    content, cue_end = _complement(token)
    if content is None:
        return None
    found = Attribution((token.idx, cue_end.idx + len(cue_end)), phrase(holder), None)
    span = content_span(content, token, found, lexicon)
    if span is None:
        return None
    return ReportedFinding(span, found, ADJECTIVE_CUE, stance=True)


def _complement(token: Token) -> tuple[Token | None, Token]:
    """The content head and the last word of the cue (the preposition when there is one)."""
    for child in token.rights:
        if child.dep_ in CLAUSE_DEPS:
            return child, token
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            target = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            return target, child
    return None, token


#: every stance adjective predicated of a subject, outside quotation marks, with a complement
find_adjective_cues: Finder = token_finder(_is_stance_adjective, _adjective)
