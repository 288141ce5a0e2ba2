"""The words the cast reads: descriptions that refer to a participant, pronouns, news outlets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..rule_tables import read_table

#: where the cast's tables live inside the package data folder
CAST_DATA = "cast"
REFERS = frozenset({"person", "government", "group", "country", "document"})
YES_NO = frozenset({"yes", "no"})
PLURAL = frozenset({"several", "one"})


@dataclass(frozen=True, slots=True)
class Description:
    """What a description's head noun refers to, and whether it defaults to the story's country."""

    refers: str
    domestic: bool
    #: whether the plural names several members ("the governments") rather than one body
    plural_several: bool


@dataclass(frozen=True)
class CastLexicon:
    """Description nouns and pronoun kinds (``male``, ``female``, ``group``, ``thing``, ``self``)."""

    descriptions: Mapping[str, Description]
    pronouns: Mapping[str, str]
    #: words of office that may stand before a name and are not part of it
    titles: frozenset[str]
    #: news organisations (lower-case name, no leading "the") -> the country they report from
    media: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, data: Path, *, pronouns: Mapping[str, str], titles: frozenset[str]) -> CastLexicon:
        rows = read_table(
            data / CAST_DATA / "descriptions.tsv",
            {"noun": None, "refers": REFERS, "domestic": YES_NO, "plural": PLURAL},
        )
        descriptions = {
            row["noun"]: Description(row["refers"], row["domestic"] == "yes", row["plural"] == "several")
            for row in rows
        }
        media = {
            row["name"].lower(): row["country"]
            for row in read_table(data / CAST_DATA / "media.tsv", {"name": None, "country": None})
        }
        return cls(descriptions, dict(pronouns), titles, media)
