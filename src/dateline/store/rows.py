"""Flatten a :class:`StoryResult` into rows of the store's tables (see data/store/schema.sql).

Each function returns plain dicts keyed by column name; the writer turns a batch of them
into one Arrow table per table, so the column names here must match the DDL exactly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from ..records import (
    Actor,
    CastMention,
    Entity,
    Event,
    Member,
    Place,
    Quote,
    Repair,
    Span,
    Story,
    StoryResult,
)

Row = dict[str, Any]

#: the child tables, in the order they are written and exported
CHILD_TABLES: tuple[str, ...] = (
    "repairs",
    "entities",
    "actors",
    "quotes",
    "events",
    "cast_members",
    "cast_mentions",
    "places",
)
#: every table holding story data; schema_version is bookkeeping and is left out
TABLES: tuple[str, ...] = ("stories", *CHILD_TABLES)
#: the columns that put a story's rows of each child table in contract order: a cast mention
#: is numbered within its member, every other record within the story
ROW_ORDER: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(CHILD_TABLES, ("seq",)),
    "cast_mentions": ("member_seq", "seq"),
}
#: tables derived from the others by ``dateline cluster`` (dateline/clustering/)
CLUSTER_TABLES: tuple[str, ...] = ("story_groups", "event_clusters", "cluster_members")


def content_hash(result: StoryResult) -> str:
    """A fingerprint of the story's contract JSON: equal hashes mean nothing to re-store."""
    canonical = json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def story_row(result: StoryResult, *, digest: str, stored_at: dt.datetime) -> Row:
    story = result.story
    line = story.dateline
    return {
        "id": story.id,
        "source": story.source,
        "published": story.published,
        "title": story.title,
        "url": story.url,
        "dateline_text": line.text if line else None,
        "dateline_start": line.start if line else None,
        "dateline_end": line.end if line else None,
        "dateline_place": line.place if line else None,
        "dateline_country": line.country if line else None,
        "dateline_agency": line.agency if line else None,
        "dateline_date_text": line.date_text if line else None,
        "text": story.text,
        "clean_text": story.clean_text,
        "metadata": json.dumps(story.metadata, ensure_ascii=False),
        "origin_path": story.origin.path,
        "origin_line": story.origin.line,
        "origin_record": story.origin.record,
        "content_hash": digest,
        "stored_at": stored_at,
    }


def child_rows(result: StoryResult) -> dict[str, list[Row]]:
    """Rows of every child table for one story, numbered in contract order."""
    story = result.story
    return {
        "repairs": [_repair_row(story, i, r) for i, r in enumerate(story.repairs)],
        "entities": [_entity_row(story, i, e) for i, e in enumerate(result.entities)],
        "actors": [_actor_row(story, i, a) for i, a in enumerate(result.actors)],
        "quotes": [_quote_row(story, i, q) for i, q in enumerate(result.quotes)],
        "events": [_event_row(story, i, e, result.places) for i, e in enumerate(result.events)],
        "cast_members": [_member_row(story, i, m) for i, m in enumerate(result.cast)],
        "cast_mentions": [
            _cast_mention_row(story, i, j, mention)
            for i, member in enumerate(result.cast)
            for j, mention in enumerate(member.mentions)
        ],
        "places": [_place_row(story, i, p) for i, p in enumerate(result.places)],
    }


def _repair_row(story: Story, seq: int, repair: Repair) -> Row:
    return {
        "story_id": story.id,
        "seq": seq,
        "start_char": repair.start,
        "end_char": repair.end,
        "before_text": repair.before,
        "after_text": repair.after,
        "kind": repair.kind,
    }


def _entity_row(story: Story, seq: int, entity: Entity) -> Row:
    return {
        "story_id": story.id,
        "seq": seq,
        "text": entity.text,
        "label": entity.label,
        "start_char": entity.start,
        "end_char": entity.end,
        "actor": entity.actor,
        "actor_name": entity.actor_name,
    }


def _actor_row(story: Story, seq: int, actor: Actor) -> Row:
    return {
        "story_id": story.id,
        "seq": seq,
        "code": actor.code,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "kind": actor.kind,
        "mention_count": len(actor.mentions),
        "mentions": [{"start_char": start, "end_char": end} for start, end in actor.mentions],
    }


def _quote_row(story: Story, seq: int, quote: Quote) -> Row:
    cue, mention, speaker, via = quote.cue, quote.speaker_mention, quote.speaker, quote.via
    return {
        "story_id": story.id,
        "seq": seq,
        "text": quote.text,
        "start_char": quote.start,
        "end_char": quote.end,
        "kind": quote.kind,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_mention_text": mention.text if mention else None,
        "speaker_mention_start": mention.start if mention else None,
        "speaker_mention_end": mention.end if mention else None,
        "speaker_name": speaker.name if speaker else None,
        "speaker_actor": speaker.actor if speaker else None,
        "via_name": via.name if via else None,
        "via_actor": via.actor if via else None,
        "reason": quote.reason,
        "parts": _spans(quote.parts),
        "speaker_cast": speaker.cast if speaker else None,
        "via_cast": via.cast if via else None,
        "continues": quote.continues,
    }


def _event_row(story: Story, seq: int, event: Event, places: tuple[Place, ...]) -> Row:
    plover = event.plover
    return {
        "story_id": story.id,
        "seq": seq,
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "root_code": event.cameo[:2] or None,
        "goldstein": event.goldstein,
        "quad": event.quad,
        "plover": None if plover is None else json.dumps(plover, ensure_ascii=False),
        "plover_type": _text_or_none(plover, "type"),
        "plover_mode": _text_or_none(plover, "mode"),
        "plover_context": _context(plover),
        "source": list(event.source),
        "target": list(event.target),
        "source_text": _spans(event.source_text),
        "target_text": _spans(event.target_text),
        "date": period_start(event.date),
        "date_text": event.date,
        "date_precision": event.date_precision,
        "modality": list(event.modality),
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "speaker": event.speaker,
        "reciprocal": event.reciprocal,
        "source_cast": list(event.source_cast),
        "target_cast": list(event.target_cast),
        "place_seq": _place_seq(event.place, places),
        "place_precision": event.place_precision,
    }


def _member_row(story: Story, seq: int, member: Member) -> Row:
    return {
        "story_id": story.id,
        "seq": seq,
        "member_id": member.id,
        "name": member.name,
        "actor": member.actor,
        "kind": member.kind,
        "country": member.country,
    }


def _cast_mention_row(story: Story, member_seq: int, seq: int, mention: CastMention) -> Row:
    return {
        "story_id": story.id,
        "member_seq": member_seq,
        "seq": seq,
        "start_char": mention.start,
        "end_char": mention.end,
        "text": mention.text,
        "how": mention.how,
    }


def _place_seq(place: Place | None, places: tuple[Place, ...]) -> int | None:
    """The event's place as its position in the story's places (it is always one of them)."""
    if place is None:
        return None
    return next((i for i, candidate in enumerate(places) if candidate == place), None)


def _place_row(story: Story, seq: int, place: Place) -> Row:
    return {
        "story_id": story.id,
        "seq": seq,
        "text": place.text,
        "start_char": place.start,
        "end_char": place.end,
        "geonameid": place.geonameid,
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "confidence": place.confidence,
        "reason": place.reason,
    }


def _spans(spans: tuple[Span, ...]) -> list[Row]:
    return [{"text": s.text, "start_char": s.start, "end_char": s.end} for s in spans]


def _text_or_none(plover: dict[str, Any] | None, key: str) -> str | None:
    value = plover.get(key) if plover else None
    return value if isinstance(value, str) else None


def _context(plover: dict[str, Any] | None) -> list[str] | None:
    value = plover.get("context") if plover else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return None


def period_start(value: str | None) -> dt.date | None:
    """The first day of an ISO date, year-month or year, so month/year events sort by date.

    Anything else (a free-text date) gives None; the original string stays in ``date_text``.
    """
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(part) for part in parts if part]
        year, month, day = [*numbers, 1, 1][:3]
        return dt.date(year, month, day)
    except ValueError:
        return None
