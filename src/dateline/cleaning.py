"""Stage ``clean``: from a raw story to one ready for NLP (dateline parsed, text repaired)."""

from __future__ import annotations

from .records import Dateline, RawStory, Story
from .registry import ActorRegistry
from .repair import clean_text
from .wire import find_dateline


def clean_story(raw: RawStory, registry: ActorRegistry) -> Story:
    """Parse the dateline and repair the text; ``text`` itself is kept exactly as read."""
    cleaned = clean_text(raw.text)
    dateline = _dateline(raw.text, registry)
    source = raw.source or (dateline.agency if dateline else None)
    return Story(
        id=raw.id,
        text=raw.text,
        clean_text=cleaned.text,
        repairs=cleaned.repairs,
        origin=raw.origin,
        published=raw.published,
        dateline=dateline,
        title=raw.title,
        url=raw.url,
        source=source,
        metadata=raw.metadata,
    )


def _dateline(text: str, registry: ActorRegistry) -> Dateline | None:
    match = find_dateline(text)
    if match is None:
        return None
    country = _country(match.place, match.places, match.region, registry)
    if country is None and match.agency is None and match.date_text is None:
        # a bare "JAKE TAPPER:" is a transcript speaker, not a place: without an agency or a
        # date, only a place the registry knows makes a dateline
        return None
    return Dateline(
        text=match.text,
        start=match.start,
        end=match.end,
        place=match.place,
        country=country,
        agency=match.agency,
        date_text=match.date_text,
    )


def _country(place: str, places: tuple[str, ...], region: str | None, registry: ActorRegistry) -> str | None:
    """The place's country; for ``KYIV/MOSCOW`` the first place's, else the region's."""
    for name in (place, *places, region):
        country = registry.place_country(name) if name else None
        if country is not None:
            return country
    return None
