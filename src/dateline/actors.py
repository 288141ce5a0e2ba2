"""Stage ``actors``: the actors of a story, each with every mention of it.

People are kept apart even when they share a code (Vladimir Putin and his aide
Yuri Ushakov are both RUSGOV); every other actor is one per code. The dateline's
place says where the story was filed, not who acted, so it is not a mention.
"""

from __future__ import annotations

import dataclasses

from .records import Actor, ActorRef, Entity
from .work import Context, Work


def collect_actors(work: Work, ctx: Context) -> Work:
    """Group resolved entity mentions into actors, in order of first mention."""
    refs: dict[tuple[str, str], ActorRef] = {}
    mentions: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for entity in work.entities:
        if entity.actor is None or _in_dateline(entity, work):
            continue
        ref = ctx.registry.resolve(entity.text, on=work.date, label=entity.label)
        if ref is None or ref.code != entity.actor:
            continue
        key = (ref.code, ref.name if ref.kind == "person" else "")
        refs.setdefault(key, ref)
        mentions.setdefault(key, []).append((entity.start, entity.end))
    actors = tuple(_actor(ref, mentions[key]) for key, ref in refs.items())
    return dataclasses.replace(work, actors=actors)


def _actor(ref: ActorRef, spans: list[tuple[int, int]]) -> Actor:
    return Actor(
        code=ref.code,
        name=ref.name,
        country=ref.country,
        sector=ref.sector,
        role=ref.role,
        mentions=tuple(spans),
        kind=ref.kind,
    )


def _in_dateline(entity: Entity, work: Work) -> bool:
    dateline = work.story.dateline
    return dateline is not None and dateline.start <= entity.start and entity.end <= dateline.end
