"""When an event happens: DATE expressions resolved against the story date.

Own rules rather than a general parser, because wire text needs the *event's* tense to pick
the direction: ``on Wednesday`` in a Wednesday story is that day; ``in February`` in a December
story is next February when the event is future and last February otherwise. With no date
expression an event takes the story date (precision ``day``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
NUMBER_WORDS.update({"eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3})
UNIT_DAYS = {"day": 1, "week": 7}

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_AGO = re.compile(r"\b(\d+|[a-z]+) (day|week|month|year)s? ago\b")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date with its precision: ``day``, ``month`` or ``year``."""

    date: dt.date
    precision: str

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def default_date(story_date: dt.date | None) -> EventDate | None:
    return EventDate(story_date, "day") if story_date else None


def resolve_date(text: str, story_date: dt.date, *, future: bool = False) -> EventDate | None:
    """Resolve one DATE expression; None when it names no point in time we can place."""
    low = text.lower().strip()
    for rule in (_iso, _relative_word, _ago, _relative_unit, _weekday, _month_day_year, _year_only):
        found = rule(low, story_date, future)
        if found is not None:
            return found
    return None


def _iso(low: str, story: dt.date, future: bool) -> EventDate | None:
    m = _ISO.search(low)
    return EventDate(dt.date(int(m[1]), int(m[2]), int(m[3])), "day") if m else None


def _relative_word(low: str, story: dt.date, future: bool) -> EventDate | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0}
    offsets.update({"yesterday": -1, "tomorrow": 1, "last night": -1})
    for word, days in offsets.items():
        if word in low:
            return EventDate(story + dt.timedelta(days=days), "day")
    return None


def _ago(low: str, story: dt.date, future: bool) -> EventDate | None:
    m = _AGO.search(low)
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
    if count is None:
        return None
    unit = m[2]
    if unit == "year":
        return EventDate(dt.date(story.year - count, 1, 1), "year")
    if unit == "month":
        return EventDate(_shift_month(story, -count), "month")
    return EventDate(story - dt.timedelta(days=count * UNIT_DAYS[unit]), "day" if unit == "day" else "month")


def _relative_unit(low: str, story: dt.date, future: bool) -> EventDate | None:
    m = re.search(r"\b(last|past|next|this|coming|previous)\s+(week|month|year)\b", low)
    if not m:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[m[1]]
    if m[2] == "year":
        return EventDate(dt.date(story.year + step, 1, 1), "year")
    if m[2] == "month":
        return EventDate(_shift_month(story, step), "month")
    # a week has no precision of its own in the contract: report its month
    return EventDate((story + dt.timedelta(days=7 * step)).replace(day=1), "month")


def _weekday(low: str, story: dt.date, future: bool) -> EventDate | None:
    for name, index in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low):
            delta = (
                (index - story.weekday()) % 7 if future or "next" in low else -((story.weekday() - index) % 7)
            )
            if "next" in low and delta == 0:
                delta = 7
            if "last" in low and delta == 0:
                delta = -7
            return EventDate(story + dt.timedelta(days=delta), "day")
    return None


def _month_day_year(low: str, story: dt.date, future: bool) -> EventDate | None:
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS), None)
    if month is None:
        return None
    year_match = _YEAR.search(low)
    rest = _YEAR.sub(" ", low)
    day_match = _DAY.search(rest)
    year = int(year_match[1]) if year_match else _year_for(month, story, future, "next" in low)
    if day_match and 1 <= int(day_match[1]) <= calendar.monthrange(year, month)[1]:
        return EventDate(dt.date(year, month, int(day_match[1])), "day")
    return EventDate(dt.date(year, month, 1), "month")


def _year_only(low: str, story: dt.date, future: bool) -> EventDate | None:
    m = _YEAR.search(low)
    return EventDate(dt.date(int(m[1]), 1, 1), "year") if m else None


def _year_for(month: int, story: dt.date, future: bool, explicit_next: bool) -> int:
    """A bare month: the next one for future events, else the latest one not after the story."""
    if future or explicit_next:
        return story.year if month >= story.month else story.year + 1
    return story.year if month <= story.month else story.year - 1


def _shift_month(day: dt.date, step: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + step
    return dt.date(index // 12, index % 12 + 1, 1)
