"""Attributions carried by a noun: ``his claim that ...``, ``the idea that ...``, ``support for X``.

PolNeAR annotates these like verbs: the noun is the cue, its possessor (or a
``by``/``from`` phrase) the source, and its ``that`` clause, ``to`` infinitive or
``of``/``for``/``about``/``on``/``against`` phrase the content. A noun with no
possessor still reports an attribution, with no speaker ("the idea that ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import Attribution, enclosing_subject, phrase, subject
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_span
from .scope import Finder, token_finder

#: dependents of the noun that hold a clause it reports
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
#: prepositions whose object is what the noun reports
CONTENT_PREPS = frozenset({"of", "for", "about", "on", "against", "to", "over"})
#: prepositions that introduce the source ("criticism from X", "a claim by X")
SOURCE_PREPS = frozenset({"by", "from"})
#: a noun in these roles belongs to its verb's subject ("she expressed concern about")
HOLDER_DEPS = frozenset({"dobj", "attr"})
#: pronouns that may hold a statement (not "it", "which", "that")
PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})
#: how the finding is described in ``reason``
NOUN_CUE = "noun cue"
#: a noun cue's content needs this many words, its preposition included: "views of Obama" is
#: a stance PolNeAR marks only about one time in four (even half), against one in two from
#: three words on
MIN_WORDS = 3


def _is_cue_noun(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.cue_nouns


def _noun_cue(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    content = _content(token)
    if content is None:
        return None
    found = Attribution((token.idx, token.idx + len(token)), _source(token), None)
    span = content_span(content, token, found, lexicon)
    if span is not None and len(token.doc.char_span(*span, alignment_mode="expand") or ()) >= MIN_WORDS:
        return ReportedFinding(span, found, NOUN_CUE, stance=True)
    return None


def _content(noun: Token) -> Token | None:
    for child in noun.rights:
        if child.dep_ in CLAUSE_DEPS and _is_reported_clause(child):
            return child
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            return child
    return None


def _is_reported_clause(clause: Token) -> bool:
    """``that`` clauses and ``to`` infinitives; a relative clause ("the claim that he made") is not one."""
    marks = [c for c in clause.children if c.dep_ in {"mark", "aux"} and c.i < clause.i]
    if any(c.lower_ == "to" for c in marks):
        return True
    if not any(c.lower_ == "that" and c.dep_ == "mark" for c in marks):
        return False
    return not any(c.dep_ in {"dobj", "pobj"} and c.lower_ in {"that", "which"} for c in clause.children)


def _source(noun: Token) -> Span | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return phrase(child)
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None:
                return phrase(target)
    if noun.dep_ in HOLDER_DEPS and noun.head.pos_ in {"VERB", "AUX"}:
        holder = subject(noun.head)  # "X made the claim that", "X voiced support for"
        if holder is not None and (holder.pos_ != "PRON" or holder.lower_ in PERSONAL):
            return phrase(holder)
    holder = enclosing_subject(noun)  # "She peppered him with attacks on ...", "raised money in support of"
    if holder is not None and (holder.pos_ != "PRON" or holder.lower_ in PERSONAL):
        return phrase(holder)
    return None


#: every cue noun outside quotation marks with a content it reports
find_noun_cues: Finder = token_finder(_is_cue_noun, _noun_cue)
