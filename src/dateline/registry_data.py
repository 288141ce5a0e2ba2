"""Readers for the built-in actor tables in ``data/actors/`` (formats in that folder's README.md).

Each reader turns one TSV file into typed rows. A malformed row is skipped and described in the
returned warnings (file and line), so a user's edited table never stops a run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: marks an alias or short name that resolves but is kept out of the spaCy entity ruler
RESOLVE_ONLY = "~"
#: marks a building or office that stands for a government ("^White House"): an ORG, not a place
INSTITUTION = "^"


@dataclass(frozen=True, slots=True)
class Alias:
    """A name as written, and whether it may become an entity-ruler pattern."""

    text: str
    in_ruler: bool = True
    institution: bool = False


@dataclass(frozen=True, slots=True)
class CountryRow:
    code: str
    name: str
    aliases: tuple[Alias, ...]
    adjectives: tuple[Alias, ...]
    capitals: tuple[Alias, ...]


@dataclass(frozen=True, slots=True)
class CityRow:
    code: str
    names: tuple[Alias, ...]


@dataclass(frozen=True, slots=True)
class OrgRow:
    code: str
    name: str
    aliases: tuple[Alias, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class AgentRow:
    phrases: tuple[str, ...]
    code: str


@dataclass(frozen=True, slots=True)
class TitleRow:
    title: str
    role: str
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person in one office for one term (end exclusive, None while in office)."""

    name: str
    aliases: tuple[Alias, ...]
    short_names: tuple[Alias, ...]
    country: str
    sector: str
    roles: tuple[str, ...]
    title: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class TableRows:
    """Every built-in table, read once."""

    countries: tuple[CountryRow, ...]
    cities: tuple[CityRow, ...]
    orgs: tuple[OrgRow, ...]
    agents: tuple[AgentRow, ...]
    titles: tuple[TitleRow, ...]
    leaders: dict[str, tuple[str, ...]]
    people: tuple[PersonRow, ...]
    warnings: tuple[str, ...]


def split_list(cell: str) -> tuple[str, ...]:
    """A "|"-joined cell as its non-empty parts."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def aliases(cell: str) -> tuple[Alias, ...]:
    """A "|"-joined cell of names, where a leading "~" keeps a name out of the ruler."""
    found = []
    for part in split_list(cell):
        if part.startswith(RESOLVE_ONLY):
            found.append(Alias(part[1:].strip(), in_ruler=False))
        elif part.startswith(INSTITUTION):
            found.append(Alias(part[1:].strip(), institution=True))
        else:
            found.append(Alias(part))
    return tuple(found)


def read_rows(path: Path, width: int, warnings: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Data rows of a TSV table (comments, blank lines and the header skipped), padded to ``width``."""
    header_seen = False
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if len(cells) > width or not cells[0]:
                warnings.append(f"{path}:{number}: expected {width} tab-separated columns, skipped")
                continue
            yield number, cells + [""] * (width - len(cells))


def parse_date(text: str) -> dt.date | None:
    """An ISO date cell; empty means open-ended."""
    return dt.date.fromisoformat(text) if text else None


def read_countries(path: Path, warnings: list[str]) -> tuple[CountryRow, ...]:
    rows = []
    for _, (code, name, alias_cell, adjective_cell, capital_cell) in read_rows(path, 5, warnings):
        rows.append(
            CountryRow(
                code.upper(), name, aliases(alias_cell), aliases(adjective_cell), aliases(capital_cell)
            )
        )
    return tuple(rows)


def read_cities(path: Path, warnings: list[str]) -> tuple[CityRow, ...]:
    rows = []
    for _, (city, code, alias_cell) in read_rows(path, 3, warnings):
        rows.append(CityRow(code.upper(), (Alias(city), *aliases(alias_cell))))
    return tuple(rows)


def read_orgs(path: Path, warnings: list[str]) -> tuple[OrgRow, ...]:
    rows = []
    for _, (code, name, alias_cell, kind) in read_rows(path, 4, warnings):
        rows.append(OrgRow(code.upper(), name, aliases(alias_cell), kind or "igo"))
    return tuple(rows)


def plural(word: str) -> str:
    """The regular English plural of a phrase's last word (as PETRARCH forms it)."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def read_agents(path: Path, warnings: list[str]) -> tuple[AgentRow, ...]:
    rows = []
    for number, (phrase, code, plural_cell) in read_rows(path, 3, warnings):
        if not code:
            warnings.append(f"{path}:{number}: agent {phrase!r} has no code, skipped")
            continue
        forms = [phrase.lower()]
        if plural_cell == "":
            forms.append(plural(phrase.lower()))
        elif plural_cell != "-":
            forms.extend(form.lower() for form in split_list(plural_cell))
        rows.append(AgentRow(tuple(forms), code.upper()))
    return tuple(rows)


def read_titles(path: Path, warnings: list[str]) -> tuple[TitleRow, ...]:
    rows = []
    for _, (title, role, countries) in read_rows(path, 3, warnings):
        rows.append(TitleRow(title.lower(), role, tuple(c.upper() for c in split_list(countries))))
    return tuple(rows)


def read_leaders(path: Path, warnings: list[str]) -> dict[str, tuple[str, ...]]:
    return {code.upper(): split_list(roles) for _, (code, roles) in read_rows(path, 2, warnings)}


def read_people(path: Path, warnings: list[str]) -> tuple[PersonRow, ...]:
    rows = []
    for number, cells in read_rows(path, 9, warnings):
        name, alias_cell, short_cell, country, sector, roles, title, start, end = cells
        try:
            row = PersonRow(
                name=name,
                aliases=aliases(alias_cell),
                short_names=aliases(short_cell),
                country=country.upper(),
                sector=sector.upper(),
                roles=split_list(roles),
                title=title,
                start=parse_date(start),
                end=parse_date(end),
            )
        except ValueError as error:
            warnings.append(f"{path}:{number}: bad date ({error}), skipped")
            continue
        if not row.country or not row.roles:
            warnings.append(f"{path}:{number}: {name!r} lacks a country or a role, skipped")
            continue
        rows.append(row)
    return tuple(rows)


def read_tables(folder: Path) -> TableRows:
    """All built-in tables of ``folder`` (``data/actors``)."""
    warnings: list[str] = []
    return TableRows(
        countries=read_countries(folder / "countries.tsv", warnings),
        cities=read_cities(folder / "cities.tsv", warnings),
        orgs=read_orgs(folder / "igos.tsv", warnings) + read_orgs(folder / "groups.tsv", warnings),
        agents=read_agents(folder / "agents.tsv", warnings),
        titles=read_titles(folder / "titles.tsv", warnings),
        leaders=read_leaders(folder / "leaders.tsv", warnings),
        people=read_people(folder / "people.tsv", warnings),
        warnings=tuple(warnings),
    )
