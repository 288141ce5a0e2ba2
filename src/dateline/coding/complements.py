"""PETRARCH's reading of a coded verb over a clause: ``X believes Y can cope`` is X->Y.

When a dictionary verb with a code (``BELIEVE [012]``, ``NOTE [010]``, ``ALLOW [080]``) names
nobody in its own phrase but governs a complement clause, PETRARCH codes the verb with the
clause's subject as target, and the clause's own act is not coded apart: the validation suites
code ``X noted that Y regretted Z's refusal`` as X->Y 010 alone. This applies to PETRARCH
dictionary codes only; the built-in lexicon keeps its own reported-speech rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import Argument, Resolver

#: links from a verb (or its object noun: ``expressed hopes that X``) to a complement clause
CLAUSE_DEPS = frozenset({"ccomp"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
OBJECT_DEPS = frozenset({"dobj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: how far into the clause subject's phrase an actor is looked for (``an embargo against X``)
SUBJECT_DEPTH = 3
#: links not followed inside the subject phrase: another clause, or list punctuation
STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc"})


def complement_clause(verb: Token) -> Token | None:
    """The clause a verb governs as its complement, directly or through its object noun. Only a
    clause after the verb: fronted content (``X is about to act, an official said``) is the
    sentence's own event, attributed, not a complement."""
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS and child.i > verb.i and _has_subject(child):
            return child
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        for child in obj.children:
            if child.dep_ in NOUN_CLAUSE_DEPS and _has_subject(child):
                return child
    return None


def clause_subject_target(clause: Token, resolver: Resolver, source: Argument) -> Argument | None:
    """The actors of the clause's subject phrase other than the source: the subject itself, else
    the first named actor inside it (``an arms embargo against the X police``)."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    frontier = [subject]
    for _ in range(SUBJECT_DEPTH + 1):
        following: list[Token] = []
        for node in frontier:
            argument = resolver.argument(node)
            codes = tuple(c for c in argument.codes if c not in source.codes)
            if codes:
                return Argument(codes, argument.spans)
            following.extend(c for c in node.children if c.dep_ not in STOP_DEPS)
        frontier = following
    return None


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in clause.children)
