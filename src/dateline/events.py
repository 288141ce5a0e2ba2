"""Stage ``events``: CAMEO and PLOVER event coding (issue #4); the rules live in ``coding/``.

Who an unnamed party is ("the ministry", "it") comes from the story's cast; each event's actors
carry the ids of the cast members their phrases mention.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from .cast.model import Cast
from .coding.arguments import Resolver
from .coding.cast_parties import fill_parties
from .coding.coder import code_work
from .records import Event, Span
from .work import Context, Work

#: where a phrase names who acts
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})


def code_events(work: Work, ctx: Context) -> Work:
    """Code every act and statement of the story as CAMEO + PLOVER events."""
    coder = ctx.coder
    resolver = Resolver(
        work.doc,
        ctx.registry,
        work.date,
        place_heads=coder.lexicon.place_heads,
        abstract=frozenset(coder.lexicon.abstract),
        actor_nouns=coder.lexicon.actor_nouns,
        unnamed=frozenset(k for k, kind in coder.lexicon.abstract.items() if kind == "culture"),
        documents=frozenset(k for k, kind in coder.lexicon.abstract.items() if kind == "document"),
        cast_codes=_cast_codes(work.doc, work.cast),
        place_countries=_place_countries(work),
    )
    events = code_work(work, resolver, coder)
    if work.cast is not None:
        events = fill_parties(events, work.cast, defaults=not ctx.settings.dictionaries_only)
        events = tuple(_with_cast_ids(event, work.cast) for event in events)
    return dataclasses.replace(work, events=events)


def _place_countries(work: Work) -> dict[int, str]:
    """First token of each named entity the places stage resolved -> its country (ISO alpha-3).

    Only entity starts are looked up (``Resolver.place_country`` takes an entity), so only they are
    mapped to original offsets, not every token of the story."""
    by_start = {p.start: p.country for p in work.places if p.country is not None}
    if not by_start:
        return {}
    found: dict[int, str] = {}
    for ent in work.doc.ents:
        country = by_start.get(work.span(ent.start_char, ent.end_char).start)
        if country is not None:
            found[ent.start] = country
    return found


def _cast_codes(doc: Doc, cast: Cast | None) -> dict[int, str]:
    """Token index -> actor code for every description and pronoun the cast resolved.

    The story's-country default ("authorities", "troops" with nothing else to go on) says who acts;
    it is read for a subject only, since an object (``offered its troops to X``) is as often what
    is given or sent as who undergoes the act.
    """
    if cast is None:
        return {}
    codes: dict[int, str] = {}
    for link in cast.links:
        actor = cast.member(link.member).actor
        if link.named or actor is None:
            continue
        span = doc.char_span(link.start, link.end, alignment_mode="expand")
        if span is None or (link.default and span.root.dep_ not in ACTING_DEPS):
            continue
        for token in span:
            codes[token.i] = actor
    return codes


def _with_cast_ids(event: Event, cast: Cast) -> Event:
    return dataclasses.replace(
        event,
        source_cast=_member_ids(event.source_text, event.source, cast),
        target_cast=_member_ids(event.target_text, event.target, cast),
    )


def _member_ids(spans: tuple[Span, ...], codes: tuple[str, ...], cast: Cast) -> tuple[str, ...]:
    """Members with a mention inside the actor's phrases whose code is one of the event's codes."""
    found: list[str] = []
    for member in cast.members:
        if member.actor not in codes or member.id in found:
            continue
        if any(s.start <= m.start and m.end <= s.end for s in spans for m in member.mentions):
            found.append(member.id)
    return tuple(found)
