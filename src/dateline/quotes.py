"""Stage ``quotes``: direct and reported speech with cue and speaker (issue #3)."""

from __future__ import annotations

from .work import Context, Work


def extract_quotes(work: Work, ctx: Context) -> Work:
    """Placeholder until the quote extractor lands: no quotes."""
    return work
