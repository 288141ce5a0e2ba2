"""``--alert EXPR``: which new events a watch announces, one JSON line each.

An expression is ``key=value`` conditions separated by blanks, all of which must hold; a value
may list alternatives separated by commas (``source=RUS,BLR``):

- ``source``, ``target``: one of the event's actor codes starts with the value (``RUS`` matches
  ``RUSGOV`` and ``RUSMIL``);
- ``cameo``: the CAMEO code starts with the value (``19`` is every fight, ``190`` one of them);
- ``quad``: the quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
  4 material conflict);
- ``plover``: the PLOVER event type (``ASSAULT``, ``CONSULT``; any case).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import DatelineError, Errors
from .records import Event, StoryResult

#: the keys an expression may use
ALERT_KEYS = ("source", "target", "cameo", "quad", "plover")
#: the quad classes CAMEO defines
QUADS = ("1", "2", "3", "4")


@dataclass(frozen=True, slots=True)
class Condition:
    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlertRule:
    """A parsed ``--alert`` expression."""

    text: str
    conditions: tuple[Condition, ...]

    def matches(self, event: Event) -> bool:
        return all(_holds(condition, event) for condition in self.conditions)

    def lines(self, result: StoryResult) -> list[dict[str, Any]]:
        """One alert per matching event of a story, with where to read it."""
        story = result.story
        return [
            {
                "alert": self.text,
                "story": story.id,
                "title": story.title,
                "url": story.url,
                "published": story.published.isoformat() if story.published else None,
                "event": event.to_json(),
                "sentence": story.text[event.sentence.start : event.sentence.end],
            }
            for event in result.events
            if self.matches(event)
        ]


def parse_alert(text: str) -> AlertRule:
    """The rule an expression states; ``E047`` naming what is wrong otherwise."""
    conditions = []
    for part in text.split():
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        values = tuple(v.strip() for v in value.split(",") if v.strip())
        if not sep or not values:
            raise DatelineError(Errors.E047, expr=text, reason=f"{part!r} is not key=value")
        if key not in ALERT_KEYS:
            reason = f"unknown key {key!r}; use {', '.join(ALERT_KEYS)}"
            raise DatelineError(Errors.E047, expr=text, reason=reason)
        if key == "quad" and not set(values) <= set(QUADS):
            raise DatelineError(Errors.E047, expr=text, reason="quad is 1, 2, 3 or 4")
        conditions.append(Condition(key, tuple(v.upper() for v in values)))
    if not conditions:
        raise DatelineError(Errors.E047, expr=text, reason="no condition given")
    return AlertRule(text, tuple(conditions))


def _holds(condition: Condition, event: Event) -> bool:
    values = condition.values
    if condition.key == "source":
        return any(code.startswith(values) for code in event.source)
    if condition.key == "target":
        return any(code.startswith(values) for code in event.target)
    if condition.key == "cameo":
        return event.cameo.startswith(values)
    if condition.key == "quad":
        return str(event.quad) in values
    plover_type = (event.plover or {}).get("type")
    return isinstance(plover_type, str) and plover_type.upper() in values
