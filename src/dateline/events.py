"""Stage ``events``: CAMEO and PLOVER event coding (issue #4)."""

from __future__ import annotations

from .work import Context, Work


def code_events(work: Work, ctx: Context) -> Work:
    """Placeholder until the event coder lands: no events."""
    return work
