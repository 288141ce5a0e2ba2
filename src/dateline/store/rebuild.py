"""Rebuild :class:`StoryResult` records from table rows: the inverse of ``rows.py``.

Rows arrive as dicts keyed by column name, lists and structs already decoded by DuckDB,
JSON columns as strings.
"""

from __future__ import annotations

import json
from typing import Any

from ..records import (
    Actor,
    CastMention,
    Dateline,
    Entity,
    Event,
    Member,
    Origin,
    Place,
    Quote,
    Repair,
    Span,
    Speaker,
    Story,
    StoryResult,
)
from .rows import Row


def rebuild_result(story: Row, children: dict[str, list[Row]]) -> StoryResult:
    """One story and its child rows (each list already in ``seq`` order) as a record."""
    text = story["text"]
    places = tuple(_place(row) for row in children.get("places", []))
    return StoryResult(
        story=_story(story, children.get("repairs", [])),
        entities=tuple(_entity(row) for row in children.get("entities", [])),
        actors=tuple(_actor(row) for row in children.get("actors", [])),
        quotes=tuple(_quote(row) for row in children.get("quotes", [])),
        events=tuple(_event(row, text, places) for row in children.get("events", [])),
        cast=_cast(children.get("cast_members", []), children.get("cast_mentions", [])),
        places=places,
    )


def _story(row: Row, repairs: list[Row]) -> Story:
    return Story(
        id=row["id"],
        text=row["text"],
        clean_text=row["clean_text"],
        repairs=tuple(_repair(r) for r in repairs),
        origin=Origin(row["origin_path"] or "", row["origin_line"], row["origin_record"]),
        published=row["published"],
        dateline=_dateline(row),
        title=row["title"],
        url=row["url"],
        source=row["source"],
        metadata=_json(row["metadata"]) or {},
    )


def _dateline(row: Row) -> Dateline | None:
    if row["dateline_text"] is None:
        return None
    return Dateline(
        text=row["dateline_text"],
        start=row["dateline_start"],
        end=row["dateline_end"],
        place=row["dateline_place"],
        country=row["dateline_country"],
        agency=row["dateline_agency"],
        date_text=row["dateline_date_text"],
    )


def _repair(row: Row) -> Repair:
    return Repair(row["start_char"], row["end_char"], row["before_text"], row["after_text"], row["kind"])


def _entity(row: Row) -> Entity:
    return Entity(
        text=row["text"],
        label=row["label"],
        start=row["start_char"],
        end=row["end_char"],
        actor=row["actor"],
        actor_name=row["actor_name"],
    )


def _actor(row: Row) -> Actor:
    return Actor(
        code=row["code"],
        name=row["name"],
        country=row["country"],
        sector=row["sector"],
        role=row["role"],
        mentions=tuple((m["start_char"], m["end_char"]) for m in row["mentions"]),
        kind=row["kind"],
    )


def _quote(row: Row) -> Quote:
    return Quote(
        text=row["text"],
        start=row["start_char"],
        end=row["end_char"],
        kind=row["kind"],
        cue=_span(row["cue_text"], row["cue_start"], row["cue_end"]),
        speaker_mention=_span(
            row["speaker_mention_text"], row["speaker_mention_start"], row["speaker_mention_end"]
        ),
        speaker=_speaker(row["speaker_name"], row["speaker_actor"], row["speaker_cast"]),
        via=_speaker(row["via_name"], row["via_actor"], row["via_cast"]),
        reason=row["reason"],
        parts=_spans(row["parts"]),
        continues=bool(row["continues"]),
    )


def _event(row: Row, text: str, places: tuple[Place, ...]) -> Event:
    start, end = row["sentence_start"], row["sentence_end"]
    return Event(
        cameo=row["cameo"],
        cameo_name=row["cameo_name"],
        goldstein=row["goldstein"],
        quad=row["quad"],
        plover=_json(row["plover"]),
        source=tuple(row["source"]),
        target=tuple(row["target"]),
        date=row["date_text"],
        date_precision=row["date_precision"],
        modality=tuple(row["modality"]),
        trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        # the sentence's text is not stored twice: it is a slice of the story
        sentence=Span(start, end, text[start:end]),
        source_text=_spans(row["source_text"]),
        target_text=_spans(row["target_text"]),
        speaker=row["speaker"],
        reciprocal=bool(row["reciprocal"]),
        # NULL in rows stored before the store knew the cast (version 2): no cast ids
        source_cast=tuple(row["source_cast"] or ()),
        target_cast=tuple(row["target_cast"] or ()),
        place=_event_place(row.get("place_seq"), places),
        place_precision=row.get("place_precision"),
    )


def _cast(members: list[Row], mentions: list[Row]) -> tuple[Member, ...]:
    """Members with their mentions; ``mentions`` come ordered by (member_seq, seq)."""
    by_member: dict[int, list[CastMention]] = {}
    for row in mentions:
        mention = CastMention(row["start_char"], row["end_char"], row["text"], row["how"])
        by_member.setdefault(row["member_seq"], []).append(mention)
    return tuple(
        Member(
            id=row["member_id"],
            name=row["name"],
            actor=row["actor"],
            kind=row["kind"],
            country=row["country"],
            mentions=tuple(by_member.get(row["seq"], ())),
        )
        for row in members
    )


def _event_place(seq: int | None, places: tuple[Place, ...]) -> Place | None:
    return places[seq] if seq is not None and 0 <= seq < len(places) else None


def _place(row: Row) -> Place:
    return Place(
        start=row["start_char"],
        end=row["end_char"],
        text=row["text"],
        geonameid=row["geonameid"],
        name=row["name"],
        country=row["country"],
        admin1=row["admin1"],
        lat=row["lat"],
        lon=row["lon"],
        feature=row["feature"],
        confidence=row["confidence"],
        reason=row["reason"],
    )


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    if text is None or start is None or end is None:
        return None
    return Span(start, end, text)


def _spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(Span(item["start_char"], item["end_char"], item["text"]) for item in items)


def _speaker(name: str | None, actor: str | None, cast: str | None) -> Speaker | None:
    return None if name is None else Speaker(name, actor, cast)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)
