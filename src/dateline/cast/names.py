"""Names of people as a story writes them: honorifics, titles, surnames standing for full names.

The cast and the quote history both read names through these functions, so "Xi" and
"President Xi Jinping" are the same person everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from ..records import ActorRef

#: dependency labels that put a mention in subject position
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: links that stay inside one noun phrase ("the President of China Xi Jinping")
NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "appos", "nmod", "poss", "conj", "cc", "flat"})
#: how far up a noun phrase to look for its subject role
MAX_SUBJECT_CLIMB = 6

#: honorifics that are not part of a name
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep.", "gov.", "prof."}
)


def with_first_names(ent: Span) -> Span:
    """A PERSON entity grown leftwards over capitalised name words the tagger left out ("Yuri Ushakov")."""
    start = ent.start
    while start > 0:
        token = ent.doc[start - 1]
        if token.pos_ != "PROPN" or not token.is_title or token.dep_ != "compound" or token.ent_type_:
            break
        if token.head.i < ent.start or token.head.i >= ent.end:
            break
        start -= 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


def same_person(text: str, ref: ActorRef) -> bool:
    """A full name from the story must agree with the registry's ("Mary Johnson" is not Boris Johnson).

    Words of the person's office may stand before the name ("President Vladimir Putin"
    is Vladimir Putin, whose role is President of Russia).
    """
    known = ref.name.lower().split()
    office = (ref.role or "").lower().split()
    words = [w for w in text.lower().split() if w not in office]
    return len(words) < 2 or all(word in known for word in words)


def bare_name(text: str, titles: frozenset[str]) -> str:
    """A person's name without honorifics, leading words of office or a possessive ending."""
    words = [w for w in text.split() if w.lower() not in HONORIFICS]
    while len(words) > 1 and words[0].lower() in titles:
        words = words[1:]
    name = " ".join(words) or text
    for suffix in ("’s", "'s"):
        name = name.removesuffix(suffix)
    return name


def full_name(text: str, full_names: tuple[str, ...]) -> str:
    """ "Xi" -> "Xi Jinping" when the story names him in full: a surname or first name alone."""
    if text in full_names:
        return text
    words = text.split()
    for name in full_names:
        parts = name.split()
        if words == parts[-len(words) :] or words == parts[: len(words)]:
            return name
    return text


def is_subject(span: Span) -> bool:
    """A subject, or inside one, or the agent of a passive ("was stated by the President, X")."""
    token = span.root
    for _ in range(MAX_SUBJECT_CLIMB):
        if token.dep_ in SUBJECT_DEPS or token.dep_ == "agent":
            return True
        if token.dep_ not in NOUN_PHRASE_DEPS or token.head is token:
            return False
        token = token.head
    return False


def story_full_names(names: Iterable[str]) -> tuple[str, ...]:
    """The names of two or more words, shortest first (ties in alphabetical order, so a run is
    reproducible): a surname alone is matched against them."""
    return tuple(sorted({name for name in names if len(name.split()) > 1}, key=lambda n: (len(n), n)))
