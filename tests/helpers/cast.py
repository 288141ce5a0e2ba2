"""Finding a story's cast members in test results."""

from __future__ import annotations

from dateline.records import Member, StoryResult


def member_of(result: StoryResult, words: str) -> Member:
    """The member with a mention whose text is ``words``."""
    for member in result.cast:
        if any(mention.text == words for mention in member.mentions):
            return member
    raise AssertionError(f"no member mentioned as {words!r}: {[m.name for m in result.cast]}")
