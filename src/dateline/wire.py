"""Wire-text conventions: the metadata prefix and the dateline opening a story."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# "date 2021-12-15" (leading blanks allowed), alone on its line or just before the body
_PREFIX = re.compile(
    r"\A[ \t\r\n\ufeff]*date[ \t]+(?P<value>\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]+)?)[ \t]*(?:\r?\n[ \t\r\n]*|[ \t]+)",
    re.IGNORECASE,
)

# PLACE[, Region][, Mon Day] [(AGENCY)] followed by ':' or a dash
_DATELINE = re.compile(
    r"""\A(?P<lead>[ \t]*)
    (?P<place>[A-Z][A-Z.'\-]*(?:[ ][A-Z][A-Z.'\-]*){0,3})
    (?:,[ ](?P<region>[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2}))?
    (?:,[ ](?P<date>(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}))?
    (?:[ ]?\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\))?
    (?P<sep>[ ]?:|[ ]+[-\u2014\u2013]{1,2})
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Prefix:
    """The metadata prefix of a wire file and where the body starts."""

    date_text: str | None
    body_start: int


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A parsed dateline; offsets are into the body text."""

    text: str
    start: int
    end: int
    place: str
    region: str | None
    agency: str | None
    date_text: str | None


def split_prefix(content: str) -> Prefix:
    """Find the optional ``date YYYY-MM-DD`` prefix; the body starts right after it."""
    match = _PREFIX.match(content)
    if not match:
        return Prefix(None, 0)
    return Prefix(match.group("value"), match.end())


def parse_date(value: object) -> dt.date | None:
    """An ISO date or datetime string as a date, or ``None`` when it does not parse."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def find_dateline(body: str) -> DatelineMatch | None:
    """Parse ``BEIJING (TASS):``, ``MOSCOW, Dec 15 (Reuters) -`` or ``WASHINGTON —``."""
    match = _DATELINE.match(body[:200])
    if not match:
        return None
    place = match.group("place").strip()
    agency = match.group("agency")
    # Without an agency, demand an all-caps place so that an ordinary sentence
    # opening ("US officials -") is not mistaken for a dateline.
    if agency is None and (len(place) < 3 or not place.replace(" ", "").isupper()):
        return None
    start = len(match.group("lead"))
    end = match.start("sep")
    return DatelineMatch(
        text=body[start:end],
        start=start,
        end=end,
        place=_title(place),
        region=match.group("region"),
        agency=agency.strip() if agency else None,
        date_text=match.group("date"),
    )


def _title(place: str) -> str:
    return " ".join(word.capitalize() if word.isupper() else word for word in place.split())
