"""The cast of one story: its participants and, for every stretch of text that refers to one,
which member it is and why.

Built once by the ``cast`` stage (:mod:`dateline.cast.build`); quotes and events read it.
Offsets here are in the parsed (clean) text, as the stages work; ``Member`` records carry
original-text spans for the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Member


@dataclass(frozen=True, slots=True)
class Link:
    """A mention of member ``member`` at clean-text ``[start, end)``; ``named`` when it is a name."""

    start: int
    end: int
    member: str
    how: str
    named: bool
    #: linked by the story's-country default alone ("authorities" with nothing else to go on)
    default: bool = False
    #: the mention is (or heads) the subject of its clause
    subject: bool = False


@dataclass(frozen=True)
class Cast:
    """Members in order of first mention and their links, ordered by position."""

    members: tuple[Member, ...]
    links: tuple[Link, ...]
    #: ids of members that are plausibly people (a full name, a known person, a title before it)
    people: frozenset[str] = frozenset()
    #: the country the story is about (its dateline's, else the one its names point to most): the
    #: one home of that judgement, read by the cast's own defaults and by the event coder
    country: str | None = None
    #: members by id, derived from ``members`` (links name their member by id, and lookups by
    #: id sit in the stages' loops)
    _by_id: dict[str, Member] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {member.id: member for member in self.members})

    def member(self, member_id: str) -> Member:
        return self._by_id[member_id]

    def link_at(self, char: int) -> Link | None:
        """The narrowest link covering clean-text offset ``char``."""
        covering = [link for link in self.links if link.start <= char < link.end]
        return min(covering, key=lambda link: link.end - link.start) if covering else None

    def member_at(self, char: int) -> Member | None:
        link = self.link_at(char)
        return self.member(link.member) if link is not None else None


EMPTY_CAST = Cast((), ())
