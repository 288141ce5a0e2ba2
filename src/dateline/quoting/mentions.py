"""The story's mention history: every person and organisation named, in order.

Pronouns and descriptions are resolved against this history, so it records for each
mention its canonical name (a surname alone is expanded to the full name used
elsewhere in the story), its actor code and role from the registry, and whether it
stands in subject position (a salient candidate for a later "he said").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..cast.model import Cast
from ..cast.names import SUBJECT_DEPS, bare_name, full_name, same_person, story_full_names, with_first_names
from ..records import ActorRef
from ..registry import ActorRegistry

#: spaCy labels of people, and of bodies or places that may speak as one
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: links by which a name stays the head of the phrase it stands in ("Kevin Hassett, director
#: of ...", "Presidents Xi and Putin"); through a preposition or a possessive it is only part of it
NAME_HEAD_DEPS = frozenset({"compound", "flat", "appos", "conj"})
#: how far up the name's own phrase to look for its role
MAX_HEAD_CLIMB = 4
#: words a subject the tagger missed must have to be taken for a person's name (first and last)
MIN_UNTAGGED_WORDS = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person or organisation, in clean-text character offsets."""

    start: int
    end: int
    name: str
    actor: str | None
    role: str | None
    kind: str  # person | group
    subject: bool


@dataclass(frozen=True, slots=True)
class History:
    """All mentions of a story, ordered by position."""

    mentions: tuple[Mention, ...]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def before(self, pos: int, *, window: int) -> list[Mention]:
        """Mentions ending before ``pos`` and no further back than ``window`` characters, nearest last."""
        return [m for m in self.mentions if pos - window <= m.start and m.end <= pos]


@dataclass(frozen=True)
class _Names:
    """Per-story lookups while the history is built."""

    registry: ActorRegistry
    on: dt.date | None
    full_names: tuple[str, ...]
    titles: frozenset[str]


def build_history(
    doc: Doc,
    text: str,
    registry: ActorRegistry,
    on: dt.date | None,
    *,
    quoted: list[tuple[int, int]],
    titles: frozenset[str] = frozenset(),
) -> History:
    """The mention history of ``doc``; mentions inside quotations never count as subjects.

    ``titles`` are words of office that may stand before a name and are not part of it.
    """
    persons = [with_first_names(ent) for ent in doc.ents if ent.label_ in PERSON_LABELS]
    bare = {bare_name(ent.text, titles) for ent in persons}
    full = story_full_names(bare)
    names = _Names(registry, on, full, titles)
    cache: dict[tuple[str, str], ActorRef | None] = {}
    groups = [ent for ent in doc.ents if ent.label_ in GROUP_LABELS]
    mentions = [_mention(ent, names, cache, quoted) for ent in [*persons, *groups]]
    mentions.extend(_missed_full_names(doc, text, names, cache, quoted, mentions))
    mentions = _untagged_subjects(doc, names, cache, quoted, mentions)
    return History(tuple(sorted(mentions, key=lambda m: m.start)))


def _untagged_subjects(
    doc: Doc,
    names: _Names,
    cache: dict[tuple[str, str], ActorRef | None],
    quoted: list[tuple[int, int]],
    known: list[Mention],
) -> list[Mention]:
    """A subject of two or more capitalised proper-noun words the tagger took for nobody or for a
    body the registry does not know ("Chalida Tajaroensuk, who heads ..., echoed") is a person for
    a later "she", unless its last word is a body's ("Constitutional Court")."""
    kept = list(known)
    for token in doc:
        if token.dep_ not in SUBJECT_DEPS or not _name_word(token):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and _name_word(doc[start - 1]):
            start -= 1
        if token.i - start + 1 < MIN_UNTAGGED_WORDS:
            continue
        span = doc[start : token.i + 1]
        if names.registry.agent_code(token.text) is not None:
            continue  # "Constitutional Court", "Security Council": a body's head noun
        inside = [m for m in kept if m.start < span.end_char and span.start_char < m.end]
        if any(m.kind == "person" or m.actor is not None for m in inside):
            continue
        if names.registry.resolve(span.text, on=names.on) is not None:
            continue
        kept = [m for m in kept if m not in inside]
        kept.append(_mention(Span(doc, start, token.i + 1, label="PERSON"), names, cache, quoted))
    return kept


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha


def people_only(history: History, cast: Cast) -> History:
    """The history without "persons" the cast does not take for people (a place the tagger
    called a person is no antecedent for "he")."""
    kept = []
    for mention in history.mentions:
        member = cast.member_at(mention.start) if mention.kind == "person" else None
        if member is None or (member.kind == "person" and member.id in cast.people):
            kept.append(mention)
    return History(tuple(kept))


def described_people(cast: Cast) -> History:
    """The cast's descriptions of named people ("The Commerce chief also rebuffed ...", "the
    spokesperson said"): a described person in subject position is a candidate for a later "he"
    as much as a named one."""
    named = {link.member for link in cast.links if link.named}
    found = []
    for link in cast.links:
        member = cast.member(link.member)
        # a person only described ("the Colombian-French politician") may be one named elsewhere
        if link.named or link.how.startswith("pronoun") or member.id not in cast.people & named:
            continue
        found.append(Mention(link.start, link.end, member.name, member.actor, None, "person", link.subject))
    return History(tuple(found))


def _mention(
    span: Span, names: _Names, cache: dict[tuple[str, str], ActorRef | None], quoted: list[tuple[int, int]]
) -> Mention:
    label = span.label_ or "PERSON"
    text = bare_name(span.text, names.titles) if label in PERSON_LABELS else span.text
    if label in PERSON_LABELS:
        text = full_name(text, names.full_names)
    key = (text, label)
    if key not in cache:
        cache[key] = names.registry.resolve(text, on=names.on, label=label)
    ref = cache[key]
    if ref is not None and label in PERSON_LABELS and not same_person(text, ref):
        ref = None
    subject = heads_subject(span, names.titles) and not any(s <= span.start_char < e for s, e in quoted)
    kind = "person" if label in PERSON_LABELS else "group"
    name = ref.name if ref else (text if kind == "person" else span.text.removeprefix("the ").strip())
    return Mention(
        span.start_char,
        span.end_char,
        name,
        ref.code if ref else None,
        ref.role if ref else None,
        kind,
        subject,
    )


def _missed_full_names(
    doc: Doc,
    text: str,
    names: _Names,
    cache: dict[tuple[str, str], ActorRef | None],
    quoted: list[tuple[int, int]],
    known: list[Mention],
) -> list[Mention]:
    """Occurrences of a full person name the tagger missed elsewhere (it tags names unevenly)."""
    taken = [(m.start, m.end) for m in known]
    extra = []
    for name in names.full_names:
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            if not any(s < end and pos < e for s, e in taken):
                span = doc.char_span(pos, end, label="PERSON", alignment_mode="expand")
                if span is not None:
                    extra.append(_mention(span, names, cache, quoted))
                    taken.append((pos, end))
            pos = text.find(name, end)
    return extra


def heads_subject(span: Span, titles: frozenset[str]) -> bool:
    """The mention is the subject (or a passive agent), not a word inside it: "Nenad Stevandic, a
    close ally of Dodik, denounced" makes Stevandic the subject and not Dodik, and "the Trump
    administration did not want" makes nobody a person subject. A title before the name and an
    ``of`` phrase of a title ("the President of China Xi Jinping") keep the name the head."""
    token = span.root
    for _ in range(MAX_HEAD_CLIMB):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            return True
        head = token.head
        if head is token:
            return False
        if token.dep_ in {"appos", "conj"} and _fronted_object(head):
            return True
        if token.dep_ == "appos" or (
            token.dep_ in NAME_HEAD_DEPS and (head.pos_ == "PROPN" or _titled(head, titles))
        ):
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and _titled(head.head, titles):
            token = head.head
        else:
            return False
    return False


def _fronted_object(token: Token) -> bool:
    """``Like Lutnick, Kevin Hassett, director of ..., emphasized``: the parser hangs the subject
    as an apposition (or a conjunct with no ``and``) on the object of an opening preposition when
    the verb has no subject."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.i > token.i:
        return False
    if any(child.dep_ == "cc" for child in token.children):
        return False
    verb = prep.head
    return (
        verb.pos_ in {"VERB", "AUX"}
        and prep.i < verb.i
        and not any(child.dep_ in SUBJECT_DEPS for child in verb.children)
    )


def _titled(token: Token, titles: frozenset[str]) -> bool:
    return token.lemma_.lower() in titles or token.lower_ in titles
