"""Parties the cast supplies: a participant the act names whom the coder could not code.

The coder reads codes from names, descriptions and the registry; a person the story introduces
without office or nationality ("accused Comey", "Badmus urged people to ...") or an organisation
the registry does not list ("the Blantyre Girls Primary School refused ...") gives it nothing, and
the event is left without a source or a target although the text names one. The cast knows such a
participant: its member carries a code when a title, an employer or the story's country gave one,
and a person without one is taken to be of the story's country, where a story's unintroduced
people come from. This pass runs after coding and fills only empty sides, so every rule of the
coder that finds a party keeps precedence.
"""

from __future__ import annotations

import dataclasses

from ..cast.model import Cast
from ..records import Event, Member, Span

#: kinds of members the registry may not list, whose code only the cast gives
UNLISTED_KINDS = frozenset({"organisation", "armed_group"})


def fill_parties(events: tuple[Event, ...], cast: Cast, *, defaults: bool = True) -> tuple[Event, ...]:
    """Each event with an empty source or target, given the participant its phrases name."""
    return tuple(_target_filled(_source_filled(event, cast, defaults), cast, defaults) for event in events)


def _source_filled(event: Event, cast: Cast, defaults: bool) -> Event:
    if event.source or not event.source_text:
        return event
    for member, _ in _mentions(cast, event.source_text, (), people_only=False):
        person = member.id in cast.people
        code = member.actor or (cast.country if defaults and person else None)
        if code is not None and code not in event.target:
            return dataclasses.replace(event, source=(code,))
    return event


def _target_filled(event: Event, cast: Cast, defaults: bool) -> Event:
    if event.target or not event.source:
        return event
    where = (*event.target_text, event.trigger)
    for member, mention in _mentions(cast, where, event.source_text, people_only=False):
        if member.id not in cast.people and member.kind not in UNLISTED_KINDS:
            # a country, capital, government or IGO the registry codes and the coder did not
            # take as a party is no party here ("held talks in Madrid" is where they were held)
            continue
        person = member.id in cast.people
        code = member.actor or (cast.country if defaults and person else None)
        if code is None or code in event.source:
            continue
        return dataclasses.replace(
            event,
            target=(code,),
            target_text=event.target_text or (mention,),
        )
    return event


def _mentions(
    cast: Cast, where: tuple[Span, ...], outside: tuple[Span, ...], *, people_only: bool = True
) -> list[tuple[Member, Span]]:
    """Members (people only, by default) mentioned inside ``where`` and not inside ``outside``,
    in text order."""
    found: list[tuple[Member, Span]] = []
    for member in cast.members:
        if people_only and member.id not in cast.people:
            continue
        for m in member.mentions:
            inside = any(s.start <= m.start and m.end <= s.end for s in where)
            if inside and not any(s.start <= m.start and m.end <= s.end for s in outside):
                found.append((member, Span(m.start, m.end, m.text)))
    return sorted(found, key=lambda pair: pair[1].start)
