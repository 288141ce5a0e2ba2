"""Modality of a predicate: negation, future, intent and hypothetical readings.

Read from the auxiliaries and governing verbs of the predicate's clause chain (``China intends
to maintain ...`` gives ``maintain`` the ``intent`` modality; ``could take place`` is
``hypothetical``). Words are named constants so the rules stay visible.
"""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: auxiliaries that state an act as coming or promised (a stated threat or intent when reported)
COMMITMENT_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "would", "can"})
DEONTIC_AUX = frozenset({"should", "must", "ought"})
#: governing words that make their complement an intention of the subject
INTENT_HEADS = frozenset(
    {
        "intend",
        "plan",
        "aim",
        "want",
        "seek",
        "prepare",
        "prepared",
        "hope",
        "wish",
        "vow",
        "swear",
        "pledge",
        "promise",
        "ready",
    }
)
#: governing words that make their complement an obligation (deontic: hypothetical)
DEONTIC_HEADS = frozenset({"need", "oblige", "obliged", "have", "ought", "require", "bind"})
FUTURE_HEADS = frozenset({"about", "set", "due", "scheduled", "schedule", "go"})
#: governing verbs that say their complement did not happen (``failed to reach agreement``)
NEGATING_HEADS = frozenset({"fail"})
#: "under no circumstances", "in no case", "by no means": a negated clause
NO_CASE_NOUNS = frozenset({"circumstance", "case", "condition", "mean", "means", "way", "account", "event"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE_MODIFIERS = frozenset({"future", "upcoming", "forthcoming", "planned", "next", "proposed", "possible"})
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "proposed"})
#: dependency labels along which a complement inherits its governor's modality
CHAIN_DEPS = frozenset({"xcomp", "acomp", "pcomp", "oprd"})


def modality_of(token: Token) -> tuple[str, ...]:
    """The modalities of the clause headed by ``token`` (a verb or an event noun)."""
    found: set[str] = set()
    for node in _chain(token):
        _collect(node, found)
    if token.pos_ in {"NOUN", "PROPN"}:
        for child in token.children:
            if child.lower_ in FUTURE_MODIFIERS and child.dep_ == "amod":
                found.add("future")
            if child.lower_ in HYPOTHETICAL_MODIFIERS and child.dep_ == "amod":
                found.add("hypothetical")
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                found.add("negated")
    return tuple(sorted(found))


def is_commitment(token: Token) -> bool:
    """True when the clause states an act as coming or promised (``will``, ``shall``, a
    conditional ``would``), not as done or merely possible (``could``, ``may``)."""
    return any(
        c.dep_ == "aux" and c.lower_ in COMMITMENT_AUX for node in _chain(token) for c in node.children
    )


def is_deontic(token: Token) -> bool:
    """True when the clause says someone should, must or needs to act (an appeal when reported)."""
    if token.lemma_.lower() in DEONTIC_HEADS and any(c.dep_ in CHAIN_DEPS for c in token.children):
        return True
    for node in _chain(token):
        if any(c.lower_ in DEONTIC_AUX for c in node.children if c.dep_ == "aux"):
            return True
        if node.i != token.i and node.lemma_.lower() in DEONTIC_HEADS | {"obliged"}:
            return True
    return False


def _chain(token: Token) -> list[Token]:
    """The token and the governors whose complement it is (``intends to maintain``)."""
    chain = [token]
    node = token
    while node.dep_ in CHAIN_DEPS and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep":  # "about to" parses as prep in some models
            node = node.head
        chain.append(node)
    if token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
        chain.extend(_chain(token.head)[1:] if token.head.i != token.i else [])
    return chain


def _collect(node: Token, found: set[str]) -> None:
    lemma = node.lemma_.lower()
    if lemma in INTENT_HEADS and any(c.dep_ in CHAIN_DEPS for c in node.children):
        found.add("intent")
    if lemma in DEONTIC_HEADS and any(c.dep_ in CHAIN_DEPS for c in node.children):
        found.add("hypothetical")
    if lemma in FUTURE_HEADS and any(c.dep_ in CHAIN_DEPS for c in node.children):
        found.add("future")
    if lemma in NEGATING_HEADS and any(c.dep_ == "xcomp" for c in node.children):
        found.add("negated")
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "preconj" and word == "neither"):
            found.add("negated")
        if child.dep_ == "prep" and _no_case(child):
            found.add("negated")  # "under no circumstances allow", "in no case accept"
        if child.dep_ not in {"aux", "auxpass"}:
            continue
        if word in FUTURE_AUX:
            found.add("future")
        elif word in HYPOTHETICAL_AUX | DEONTIC_AUX:
            found.add("hypothetical")


def _no_case(prep: Token) -> bool:
    return any(
        obj.dep_ == "pobj"
        and obj.lemma_.lower() in NO_CASE_NOUNS
        and any(d.lower_ == "no" for d in obj.children)
        for obj in prep.children
    )
