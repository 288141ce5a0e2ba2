"""The actor registry: who a name, adjective, capital or title refers to on a given date.

PLACEHOLDER implementation (country names only); the full registry with data
files replaces it. The public methods below are the interface other stages use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pycountry

from .records import ActorRef
from .settings import Settings


@dataclass(frozen=True)
class ActorRegistry:
    """Immutable lookup tables built once per run."""

    names: dict[str, ActorRef]

    @classmethod
    def load(cls, settings: Settings) -> ActorRegistry:
        names: dict[str, ActorRef] = {}
        for country in pycountry.countries:
            ref = ActorRef(country.alpha_3, country.name, country.alpha_3, None)
            names[country.name.lower()] = ref
            common = getattr(country, "common_name", None)
            if common:
                names[common.lower()] = ref
        return cls(names)

    def resolve(self, text: str, *, on: dt.date | None = None, label: str | None = None) -> ActorRef | None:
        """The actor a mention names, as of ``on`` (the story date)."""
        key = text.lower().removeprefix("the ").strip()
        return self.names.get(key)

    def resolve_title(self, text: str, *, on: dt.date | None = None) -> ActorRef | None:
        """The person a title refers to on ``on`` ("the Russian President" -> Putin in 2021)."""
        return None

    def role_holder(self, country: str, role: str, *, on: dt.date | None = None) -> ActorRef | None:
        """Who held ``role`` (head_of_state, head_of_government, foreign_minister) of ``country``."""
        return None

    def place_country(self, place: str) -> str | None:
        """The country code of a dateline place (a capital, city or country)."""
        ref = self.resolve(place)
        return ref.country if ref else None

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns for every registered name."""
        return []
