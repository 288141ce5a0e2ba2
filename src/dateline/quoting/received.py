"""Stances seen from their target: ``Clinton drew support from older voters``.

A verb of receiving (``draw``, ``receive``, ``win``, ``enjoy``) with a stance noun as its
object (``support``, ``criticism``, ``praise``) turns the roles round: the subject is
what the stance is about, and the ``from`` (or ``among``) phrase names whose stance it
is. PolNeAR marks the verb and noun as the cue, the subject as the content and the
``from`` phrase as the source; without one the attribution has no source
(``the plan has drawn criticism``). Verbs and nouns in ``data/quotes/received_stances.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Attribution, phrase
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, trim_tokens
from .scope import Finder, token_finder

#: how the findings are described in ``reason``
RECEIVED = "subject of a received stance"
#: prepositions naming whose stance it is ("support from", "support among")
SOURCE_PREPS = frozenset({"from", "among"})


def _is_receiving_verb(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in lexicon.receiving_verbs


def _received(verb: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    stance = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if stance is None or stance.lemma_.lower() not in lexicon.received_nouns:
        return None
    target = next((c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if target is None:
        return None
    prep = next(
        (c for c in (*stance.rights, *verb.rights) if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS), None
    )
    holder = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    named = phrase(target)
    start, end = trim_tokens(verb.doc, named.start, named.end)
    if end <= start:
        return None
    last = prep if prep is not None and holder is not None else stance
    found = Attribution(
        (verb.idx, last.idx + len(last)), phrase(holder) if holder is not None else None, None
    )
    doc = verb.doc
    return ReportedFinding(
        (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), found, RECEIVED, stance=True
    )


#: every ``X drew/received/won STANCE (from Y)`` outside quotation marks
find_received: Finder = token_finder(_is_receiving_verb, _received)
