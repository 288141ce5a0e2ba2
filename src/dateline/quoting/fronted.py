"""Attributions whose content stands before the cue: the subject of a passive cue verb.

``The plan was criticized by the mayor for its cost``: what was criticized is the
passive subject (with the ``for`` phrase after the cue), and the source is the
``by`` agent, or nobody (``Internet companies have been criticized for ...``).
PolNeAR marks the subject plus any phrase that continues it after the cue as one
discontinuous content; a span covering both would hold the cue and the agent, so
the longer of the two pieces is kept (it always holds at least half of the gold
characters).

Tried and dropped: the antecedent of a relative-clause cue (``something she
opposed``, ``a point the senator acknowledged``): on the even half only one in five
such predictions matched gold. A relative word as passive subject (``which was
criticized``) is skipped for the same reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .cues import Attribution, attribution, phrase
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_end, continues_object, trim_tokens
from .scope import Scope

#: how the findings are described in ``reason``
PASSIVE = "subject of a passive cue"
#: relative words, whose passive clause PolNeAR rarely marks ("which was criticized")
RELATIVE_WORDS = frozenset({"which", "that", "whom", "who", "whose"})
#: a bare demonstrative as passive subject points back at the sentence before
#: (``The talks must go on. This was stated by the minister``): that sentence is the content
ANAPHORIC_SUBJECTS = frozenset({"this", "these"})
#: clause dependents that give the cue content of its own, left to ``reported``
OWN_CONTENT_DEPS = frozenset({"ccomp", "dobj"})


def find_fronted(scope: Scope, earlier: Sequence[ReportedFinding]) -> list[ReportedFinding]:
    """Passive cues outside quotation marks that found no content as ``reported`` speech
    (the cues of ``earlier`` findings are taken)."""
    lexicon = scope.lexicon
    taken = frozenset(finding.found.cue[0] for finding in earlier)
    findings = []
    for token in scope.doc:
        if token.idx in taken or not _is_verb_cue(token, lexicon):
            continue
        if scope.is_quoted(token):
            continue
        if any(c.dep_ in OWN_CONTENT_DEPS and c.i > token.i for c in token.children):
            continue
        finding = _passive(token, lexicon)
        if finding is not None:
            findings.append(finding)
    return findings


def _is_verb_cue(token: Token, lexicon: QuoteLexicon) -> bool:
    """Any cue verb: a clause-only verb's passive (``is widely seen as``, ``is considered``)
    reports its subject as an active one's object would not."""
    return token.pos_ == "VERB" and lexicon.is_cue(token.lemma_.lower())


def _passive(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``X was criticized (by Y) (for Z)``: X (or Z, the longer) as said of X, by Y or nobody."""
    subject = next((c for c in token.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in RELATIVE_WORDS:
        return None  # "which was criticized": PolNeAR rarely marks the relative word
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    target = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    found = attribution(token, lexicon, reported=True)
    speaker = phrase(target) if target is not None else None
    found = Attribution(found.cue, speaker, found.via)
    before = _previous_sentence(subject)
    if before is not None:
        return _finding(token, lexicon, before, found, PASSIVE, continued=False)
    named = phrase(subject)
    return _finding(token, lexicon, (named.start, named.end), found, PASSIVE)


def _previous_sentence(subject: Token) -> tuple[int, int] | None:
    """The sentence a bare ``This``/``These`` opening the cue's sentence points back to,
    when it stands in the same paragraph."""
    if subject.lower_ not in ANAPHORIC_SUBJECTS or len(list(subject.subtree)) != 1:
        return None
    sentence = subject.sent
    if subject.i != sentence.start or sentence.start == 0:
        return None
    before = subject.doc[sentence.start - 1].sent
    if any("\n" in t.text for t in subject.doc[before.start : sentence.start]):
        return None
    return before.start, before.end


def _finding(
    token: Token,
    lexicon: QuoteLexicon,
    front: tuple[int, int],
    found: Attribution,
    how: str,
    *,
    continued: bool = True,
) -> ReportedFinding | None:
    doc = token.doc
    start, end = trim_tokens(doc, *front)
    rest = _continuation(token, lexicon) if continued else None
    if rest is not None and rest[1] - rest[0] > end - start:
        start, end = rest
    if end <= start or any("\n" in t.text for t in doc[start:end]):
        return None
    if found.speaker is not None and found.speaker.start < end and start < found.speaker.end:
        return None
    span = doc[start:end]
    stance = lexicon.cue_verbs.get(token.lemma_.lower()) == "stance"
    return ReportedFinding((span.start_char, span.end_char), found, how, stance)


def _continuation(token: Token, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The phrases after the cue that continue what it is about (``for its cost``, ``as a threat``)."""
    pieces = [
        c for c in token.rights if c.dep_ != "agent" and (c.dep_ in {"oprd", "xcomp"} or continues_object(c))
    ]
    if not pieces:
        return None
    start = pieces[0].left_edge.i
    end = max(content_end(c, lexicon) for c in pieces) + 1
    return trim_tokens(token.doc, start, end)
