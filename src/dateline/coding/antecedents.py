"""Targets named earlier in the story: ``X rejected the allegations``, ``Y denounced the move``.

A reaction often names the act it answers only by a noun (``the allegations``, ``the move``, ``the
request``); a news reader takes its author from what the story told before. When an event's
object is such a noun, with nothing of its own saying whose it is, the target is the source of the
nearest earlier act of the story by someone else: for a noun of speech (``the allegations``) an
earlier statement, appeal, accusation or quote; for a noun of an act (``the move``) an earlier
event other than a reaction or plain statement. See docs/events.md, Coder rule 12.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Token

from .arguments import Argument
from .drafts import Draft

#: kinds of ``referring_nouns.tsv``
SPEECH = "speech"
ACT = "act"
#: CAMEO roots of what is said (statements to threats): what a noun of speech can refer back to
VERBAL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 14))
#: determiners of a noun that refers back (``the move``, ``this decision``); a bare plural
#: (``considering sanctions``, ``rejected accusations that ...``) is new, not referring back
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: reactions and plain statements: what a noun of an act (``the move``) is not about, since a
#: reaction answers the act itself, not another reaction to it
REACTION_ROOTS = frozenset({"01", "11", "12"})
#: how many earlier acts of the story are searched, nearest first
MAX_EARLIER = 12
#: links of a noun to words that say whose act it is (``its decision``, ``the move by X``)
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
OWNER_PREPS = frozenset({"of", "by", "from"})
#: prepositions by which a reaction names what it answers (``protested against the decision``)
REACTION_PREPS = frozenset({"against", "to", "over", "about", "at"})


@dataclass(frozen=True, slots=True)
class Earlier:
    """An act the story reported before: its authors, its CAMEO root (``""`` for a quote), and
    where it starts (original-text offset)."""

    codes: tuple[str, ...]
    root: str
    at: int


def referred_noun(draft: Draft, nouns: Mapping[str, str]) -> Token | None:
    """The object of an event that names an earlier act by a bare noun, or None."""
    if draft.target.codes or draft.predicate.kind != "verb":
        return None
    verb = draft.predicate.token
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in REACTION_PREPS:
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
    for noun in objects:
        if nouns.get(noun.lemma_.lower()) is not None and _bare(noun):
            return noun
    return None


def referred_target(draft: Draft, noun: Token, kind: str, earlier: list[Earlier], at: int) -> Draft:
    """The draft with the author of the nearest earlier act (before offset ``at``, by someone
    other than the draft's source) as its target; unchanged when the story names none."""
    own = set(draft.source.codes)
    candidates = [e for e in earlier if e.at < at and not own & set(e.codes)]
    for act in sorted(candidates, key=lambda e: -e.at)[:MAX_EARLIER]:
        if kind == SPEECH and act.root and act.root not in VERBAL_ROOTS:
            continue
        if kind == ACT and (not act.root or act.root in REACTION_ROOTS):
            continue
        span = (noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text))
        return replace(draft, target=Argument(act.codes, (span,)))
    return draft


def _bare(noun: Token) -> bool:
    """A noun with a definite article, and nothing saying whose act it is."""
    if any(c.dep_ in OWNER_DEPS for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in OWNER_PREPS for c in noun.children):
        return False
    dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
    return bool(dets) and all(d in DEFINITE for d in dets)
