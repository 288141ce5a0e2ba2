"""Stage ``actors``: the actors of a story, each with every mention of it."""

from __future__ import annotations

import dataclasses

from .records import Actor, ActorRef
from .work import Context, Work


def collect_actors(work: Work, ctx: Context) -> Work:
    """Group resolved entity mentions by actor code, in order of first mention."""
    refs: dict[str, ActorRef] = {}
    mentions: dict[str, list[tuple[int, int]]] = {}
    for entity in work.entities:
        if entity.actor is None:
            continue
        if entity.actor not in refs:
            ref = ctx.registry.resolve(entity.text, on=work.date)
            if ref is None or ref.code != entity.actor:
                continue
            refs[entity.actor] = ref
            mentions[entity.actor] = []
        mentions[entity.actor].append((entity.start, entity.end))
    actors = tuple(
        Actor(
            code=ref.code,
            name=ref.name,
            country=ref.country,
            sector=ref.sector,
            role=ref.role,
            mentions=tuple(mentions[code]),
            kind=ref.kind,
        )
        for code, ref in refs.items()
    )
    return dataclasses.replace(work, actors=actors)
