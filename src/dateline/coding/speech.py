"""Speech as the coder reads it: a speaker's own event carried by what they said.

"X said Y should ..." is an appeal to Y, "X said Y attacked Z" an accusation of Y; the speaker is
the cue's agent or subject, the content its complement (or the previous sentence for "This was
said"). First-person pronouns inside an attributed quote are its speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..work import Work
from .arguments import EMPTY, Argument, Resolver, agent_of, passive_subject, subject_of
from .drafts import Draft
from .modality import is_deontic, modality_of
from .ontology import Ontology
from .policy import ACCUSE_CODE, APPEAL_CODE, GOVERNMENT, HOSTILE_QUADS, JOINT_CODE, JOINT_ROOT, REFINE
from .predicates import Predicate

#: the predicates of a sentence (found once per story by the coder)
Predicates = Callable[[Span], list[Predicate]]
#: subjects by which "This was said" points back at the previous sentence
DEMONSTRATIVES = frozenset({"this", "that", "it"})


def speech_drafts(
    cue: Predicate, previous: Span | None, resolver: Resolver, ontology: Ontology, predicates: Predicates
) -> list[Draft]:
    """The speaker's own event: an appeal or an accusation carried by what they said."""
    speaker = speaker_of(cue.token, resolver)
    if not speaker.resolved:
        return []
    content = content_of(cue.token, previous)
    if content is None:
        return []
    resolver.speakers.update({t.i: speaker.codes[0] for t in content.subtree if t.lower_ in {"we", "i"}})
    return _content_drafts(cue, content, speaker, resolver, ontology, predicates)


def _content_drafts(
    cue: Predicate,
    content: Token,
    speaker: Argument,
    resolver: Resolver,
    ontology: Ontology,
    predicates: Predicates,
) -> list[Draft]:
    drafts: list[Draft] = []
    own = {code[:3] for code in speaker.codes}
    if is_deontic(content):
        subject = subject_of(content)
        if subject is not None:
            argument = resolver.argument(subject)
            side = _side(speaker.codes)
            codes = tuple(c for c in argument.codes if c not in side)
            if codes or not argument.codes:
                inner = _inner_code(content, predicates)
                # "X said X and Y should ...": a call for joint action with the speaker's own
                # side is an intent to cooperate with the others, not an appeal to them
                joint = JOINT_ROOT if len(codes) < len(argument.codes) else "02"
                fallback = JOINT_CODE if joint == JOINT_ROOT else APPEAL_CODE
                code = REFINE[joint].get(inner[:2], fallback) if inner else fallback
                drafts.append(
                    Draft(cue, code, speaker, Argument(codes, argument.spans), (), cue.first, cue.last)
                )
        return drafts
    if content.i < cue.token.i and content.sent.start == cue.token.sent.start:
        # "Y attacked Z, police said": a trailing attribution names the news source, not an
        # accuser (neither PETRARCH's nor PLOVER's gold codes it)
        return drafts
    for predicate in predicates(content.sent):
        if predicate.token.i != content.i or predicate.entry.is_speech:
            continue
        known = ontology.lookup(predicate.code)
        if known is None or known.quad not in HOSTILE_QUADS or "negated" in modality_of(content):
            continue
        subject = subject_of(content)
        argument = resolver.argument(subject) if subject is not None else EMPTY
        # an accusation needs someone accused (named or not: "certain forces"): "X said three
        # men were arrested" reports the arrest (coded as itself), it accuses nobody
        if subject is None or any(c[:3] in own for c in argument.codes):
            continue
        drafts.append(Draft(cue, ACCUSE_CODE, speaker, argument, (), cue.first, cue.last))
    return drafts


def _side(codes: tuple[str, ...]) -> frozenset[str]:
    """Whom a speaker speaks for: itself, and its country when it is the country or its
    government (``China said China and Russia should ...``); rebels or an opposition appealing
    to their own government (``rebels said the government must ...``) are not its side."""
    side = set(codes)
    side.update(c[:3] for c in codes if len(c) == len("XXX") or c[3:] == GOVERNMENT)
    return frozenset(side)


def _inner_code(content: Token, predicates: Predicates) -> str | None:
    for predicate in predicates(content.sent):
        if predicate.token.i in {t.i for t in content.subtree} and not predicate.entry.is_speech:
            return predicate.code
    return None


def speaker_of(cue: Token, resolver: Resolver) -> Argument:
    agent = agent_of(cue)
    if agent is not None:
        return resolver.argument(agent)
    subject = subject_of(cue)
    return resolver.argument(subject) if subject is not None else EMPTY


def content_of(cue: Token, previous: Span | None) -> Token | None:
    """The clause a speech cue reports: its complement, or the previous sentence for ``This was said``."""
    for child in cue.children:
        if child.dep_ == "ccomp":
            return child
    if cue.dep_ in {"parataxis", "ccomp"} and cue.head.pos_ in {"VERB", "AUX"}:
        return cue.head
    subject = passive_subject(cue) or next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in DEMONSTRATIVES and previous is not None:
        return previous.root
    return None


#: pronouns by which a quoted speaker refers to itself
FIRST_PERSON = frozenset({"we", "i", "us", "our"})


def quote_speakers(work: Work) -> dict[int, str]:
    """Token index -> speaker code for first-person pronouns inside attributed quotes."""
    attributed = [(q.start, q.end, q.speaker.actor) for q in work.quotes if q.speaker and q.speaker.actor]
    if not attributed:
        return {}
    # map only the few first-person tokens back to original offsets (once, not per quote)
    pronouns = [(work.span(t.idx, t.idx).start, t.i) for t in work.doc if t.lower_ in FIRST_PERSON]
    found: dict[int, str] = {}
    for start, end, code in attributed:
        for offset, index in pronouns:
            if start <= offset < end:
                found[index] = code
    return found
