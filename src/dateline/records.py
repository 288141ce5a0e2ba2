"""Typed, frozen records that flow through the pipeline.

Every span is a pair of character offsets into the story's original ``text``
(end-exclusive Python ``str`` indices), never a copy that could drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original story text."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from, for error messages and provenance."""

    path: str
    line: int | None = None
    record: str | None = None

    def describe(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" (record {self.record})"
        return where


@dataclass(frozen=True, slots=True)
class RawStory:
    """A story as read from input, before any cleaning or NLP."""

    id: str
    text: str
    origin: Origin
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Repair:
    """One edit made to the text before NLP, located in the original text."""

    start: int
    end: int
    before: str
    after: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Dateline:
    """The ``PLACE (AGENCY):`` opening of a wire story."""

    text: str
    start: int
    end: int
    place: str | None
    country: str | None
    agency: str | None
    date_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "place": self.place,
            "country": self.country,
            "agency": self.agency,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What a registry lookup says about a name: a CAMEO-style code and who it is."""

    code: str
    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    kind: str = "state"  # state | igo | ngo | person | group


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention, optionally resolved to an actor."""

    text: str
    label: str
    start: int
    end: int
    actor: str | None = None
    actor_name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "actor": self.actor,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor taking part in the story, with every mention of it."""

    code: str
    name: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: tuple[tuple[int, int], ...]
    kind: str = "state"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "kind": self.kind,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote resolves to; ``cast`` is the id of the story's cast member, when there is one."""

    name: str
    actor: str | None
    cast: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "actor": self.actor, "cast": self.cast}


@dataclass(frozen=True, slots=True)
class CastMention:
    """One stretch of text that refers to a cast member, and why it was linked."""

    start: int
    end: int
    text: str
    how: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "how": self.how}


@dataclass(frozen=True, slots=True)
class Member:
    """A participant of the story (person, body, group, country, IGO) with every mention of it."""

    id: str
    name: str
    actor: str | None
    kind: str  # person | organisation | government | armed_group | country | igo
    country: str | None
    mentions: tuple[CastMention, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "actor": self.actor,
            "kind": self.kind,
            "country": self.country,
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported statement with its cue and speaker."""

    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    cue: Span | None
    speaker_mention: Span | None
    speaker: Speaker | None
    via: Speaker | None = None
    reason: str | None = None
    parts: tuple[Span, ...] = ()
    #: the quotation goes on from the quote before under the same cue (``"A," she said. "B."``, or the
    #: second half of an interrupted quotation): one attribution, two stretches of text
    continues: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue.to_json() if self.cue else None,
            "speaker_mention": self.speaker_mention.to_json() if self.speaker_mention else None,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "via": self.via.to_json() if self.via else None,
            "reason": self.reason,
            "parts": [p.to_json() for p in self.parts],
            "continues": self.continues,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved against the gazetteer (coordinates ``None`` when unresolved)."""

    start: int
    end: int
    text: str
    geonameid: int | None
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str | None  # GeoNames feature code: PCLI, ADM1, PPLC, PPL
    confidence: float
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "geonameid": self.geonameid,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "confidence": self.confidence,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded act or statement: who did what to whom, when, and where it says so."""

    cameo: str
    cameo_name: str
    goldstein: float | None
    quad: int | None
    plover: dict[str, Any] | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None
    date_precision: str | None
    modality: tuple[str, ...]
    trigger: Span
    sentence: Span
    source_text: tuple[Span, ...] = ()
    target_text: tuple[Span, ...] = ()
    speaker: str | None = None
    #: cast ids of the source and target actors, where the cast knows them
    source_cast: tuple[str, ...] = ()
    target_cast: tuple[str, ...] = ()
    #: a mutual act (meetings, talks, cooperation): every listed actor acts towards the others
    reciprocal: bool = False
    #: where it happened: one of the story's places, and how precisely (site, city, admin1,
    #: country, or dateline when only the dateline places it)
    place: Place | None = None
    place_precision: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "plover": self.plover,
            "source": list(self.source),
            "target": list(self.target),
            "date": self.date,
            "date_precision": self.date_precision,
            "modality": list(self.modality),
            "trigger": self.trigger.to_json(),
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "source_text": [s.to_json() for s in self.source_text],
            "target_text": [s.to_json() for s in self.target_text],
            "speaker": self.speaker,
            "source_cast": list(self.source_cast),
            "target_cast": list(self.target_cast),
            "reciprocal": self.reciprocal,
            "place": self.place.to_json() if self.place else None,
            "place_precision": self.place_precision,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """A story after reading and cleaning, ready for NLP."""

    id: str
    text: str
    clean_text: str
    repairs: tuple[Repair, ...]
    origin: Origin
    published: dt.date | None = None
    dateline: Dateline | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoryResult:
    """Everything extracted from one story."""

    story: Story
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    cast: tuple[Member, ...] = ()
    places: tuple[Place, ...] = ()

    def to_json(self) -> dict[str, Any]:
        story = self.story
        return {
            "id": story.id,
            "source": story.source,
            "published": story.published.isoformat() if story.published else None,
            "dateline": story.dateline.to_json() if story.dateline else None,
            "title": story.title,
            "url": story.url,
            "text": story.text,
            "clean_text": story.clean_text,
            "repairs": [r.to_json() for r in story.repairs],
            "entities": [e.to_json() for e in self.entities],
            "actors": [a.to_json() for a in self.actors],
            "cast": [m.to_json() for m in self.cast],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
            "places": [p.to_json() for p in self.places],
            "metadata": story.metadata,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """A story or record that could not be read or processed."""

    id: str | None
    code: str
    message: str
    origin: Origin
    stage: str = "read"
    #: "warning" for a problem that still lets the story through (e.g. a bad date)
    severity: str = "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "error": {
                "code": self.code,
                "message": self.message,
                "stage": self.stage,
                "where": self.origin.describe(),
            },
        }
