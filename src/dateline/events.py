"""Stage ``events``: CAMEO and PLOVER event coding (issue #4); the rules live in ``coding/``."""

from __future__ import annotations

import dataclasses

from .coding.arguments import Resolver
from .coding.coder import code_work
from .work import Context, Work


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
    )
    return dataclasses.replace(work, events=code_work(work, resolver, coder))
