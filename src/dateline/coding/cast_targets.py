"""Targets the cast supplies: a person the act names who has no code of their own.

The coder reads codes from names, descriptions and the registry; a person the story introduces
without office or nationality ("accused Comey", "urged Farmajo to return to talks") gives it
nothing, and the event is left with a source and no target although the text names one. The cast
knows such a person: their member carries a code when a title or an employer gave one, and
otherwise the person is taken to be of the story's country, where a story's unintroduced people
come from. This pass runs after coding and fills only empty targets, so every rule of the coder
that finds a target keeps precedence.
"""

from __future__ import annotations

import dataclasses

from ..cast.model import Cast
from ..records import Event, Member, Span


def fill_targets(events: tuple[Event, ...], cast: Cast, *, defaults: bool = True) -> tuple[Event, ...]:
    """Each event with a source and no target, given the person its trigger or target phrase names."""
    return tuple(_filled(event, cast, defaults) for event in events)


def _filled(event: Event, cast: Cast, defaults: bool) -> Event:
    if event.target or not event.source:
        return event
    where = (*event.target_text, event.trigger)
    for member, mention in _person_mentions(cast, where, event.source_text):
        code = member.actor or (cast.country if defaults else None)
        if code is None or code in event.source:
            continue
        return dataclasses.replace(
            event,
            target=(code,),
            target_text=event.target_text or (Span(mention.start, mention.end, mention.text),),
        )
    return event


def _person_mentions(
    cast: Cast, where: tuple[Span, ...], source: tuple[Span, ...]
) -> list[tuple[Member, Span]]:
    """People mentioned inside ``where`` and not inside the source's phrases, in text order."""
    found: list[tuple[Member, Span]] = []
    for member in cast.members:
        if member.id not in cast.people:
            continue
        for m in member.mentions:
            inside = any(s.start <= m.start and m.end <= s.end for s in where)
            if inside and not any(s.start <= m.start and m.end <= s.end for s in source):
                found.append((member, Span(m.start, m.end, m.text)))
    return sorted(found, key=lambda pair: pair[1].start)
