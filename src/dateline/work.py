"""The object that flows through the NLP stages, and the context they share.

A stage is a function ``(Work, Context) -> Work`` that returns a new ``Work``
with its own field filled in (``dataclasses.replace``); it never mutates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .offsets import OffsetMap
from .records import Actor, Entity, Event, Place, Quote, Span, Story, StoryResult
from .registry import ActorRegistry
from .settings import Settings

if TYPE_CHECKING:  # the stages' own modules import this one
    from .cast.lexicon import CastLexicon
    from .cast.model import Cast
    from .coding.coder import Coder
    from .places.stage import PlaceFinder
    from .quoting.lexicon import QuoteLexicon


@dataclass(frozen=True)
class Context:
    """What every stage may read, loaded once per run: settings, the registry, the model, and the
    cast, quote and event lexicons."""

    settings: Settings
    registry: ActorRegistry
    nlp: Language
    quote_lexicon: QuoteLexicon
    coder: Coder
    cast_lexicon: CastLexicon
    #: the gazetteer and cue words of the ``places`` stage (None: the stage finds no places)
    places: PlaceFinder | None = None


@dataclass(frozen=True)
class Work:
    """One story in flight: the cleaned story, its parse, and what stages found so far.

    ``doc`` is the parse of ``story.clean_text``; ``offsets`` maps its character
    offsets back into ``story.text``, which is where every output span points.
    """

    story: Story
    doc: Doc
    offsets: OffsetMap
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    #: the story's participants (stage ``cast``); ``None`` before that stage runs
    cast: Cast | None = None
    places: tuple[Place, ...] = ()
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def date(self) -> dt.date | None:
        """The story's date, against which roles and relative dates are resolved."""
        return self.story.published

    def span(self, clean_start: int, clean_end: int) -> Span:
        """A span of the original text for a stretch of the cleaned text."""
        start, end = self.offsets.span(clean_start, clean_end)
        return Span(start, end, self.story.text[start:end])

    def result(self) -> StoryResult:
        members = self.cast.members if self.cast is not None else ()
        return StoryResult(
            self.story, self.entities, self.actors, self.quotes, self.events, members, self.places
        )


Stage = Callable[[Work, Context], Work]
