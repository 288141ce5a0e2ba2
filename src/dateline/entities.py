"""Stage ``entities``: spaCy's named entities, in original-text offsets, with actor codes."""

from __future__ import annotations

import dataclasses

from .records import Entity
from .work import Context, Work

#: spaCy labels that can name an actor
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def find_entities(work: Work, ctx: Context) -> Work:
    """Every entity spaCy (and the registry's ruler) found, resolved where the registry knows it."""
    entities = []
    for ent in work.doc.ents:
        span = work.span(ent.start_char, ent.end_char)
        if not span.text.strip():
            continue
        ref = None
        if ent.label_ in ACTOR_LABELS:
            ref = ctx.registry.resolve(ent.text, on=work.date, label=ent.label_)
        entities.append(
            Entity(
                text=span.text,
                label=ent.label_,
                start=span.start,
                end=span.end,
                actor=ref.code if ref else None,
                actor_name=ref.name if ref else None,
            )
        )
    return dataclasses.replace(work, entities=tuple(entities))
