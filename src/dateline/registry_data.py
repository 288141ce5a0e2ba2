"""Readers for the built-in actor tables in ``data/actors/`` (formats in that folder's README.md).

Each reader turns one TSV file into typed rows through ``rule_tables``: the header line names the
columns, and a malformed row (an empty required cell, a bad date, too many cells) is an error
``E023 file:line: problem`` at load, as for every other rule table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .rule_tables import OPTIONAL, Spec, read_numbered, table_error

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


def read_rows(path: Path, columns: dict[str, Spec]) -> list[tuple[int, list[str]]]:
    """(line number, cells in the declared order) of every data row of a table."""
    return [(number, [row[name] for name in columns]) for number, row in read_numbered(path, columns)]


def parse_date(text: str, path: Path, number: int) -> dt.date | None:
    """An ISO date cell; empty means open-ended."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError as error:
        raise table_error(path, number, f"bad date ({error})") from error


COUNTRY_COLUMNS: dict[str, Spec] = {
    "code": None,
    "name": None,
    "aliases": OPTIONAL,
    "adjectives": OPTIONAL,
    "capitals": OPTIONAL,
}
ORG_KINDS = frozenset({"igo", "ngo", "group"})


def read_countries(path: Path) -> tuple[CountryRow, ...]:
    rows = []
    for _, (code, name, alias_cell, adjective_cell, capital_cell) in read_rows(path, COUNTRY_COLUMNS):
        rows.append(
            CountryRow(
                code.upper(), name, aliases(alias_cell), aliases(adjective_cell), aliases(capital_cell)
            )
        )
    return tuple(rows)


def read_cities(path: Path) -> tuple[CityRow, ...]:
    rows = []
    for _, (city, code, alias_cell) in read_rows(path, {"city": None, "code": None, "aliases": OPTIONAL}):
        rows.append(CityRow(code.upper(), (Alias(city), *aliases(alias_cell))))
    return tuple(rows)


def read_orgs(path: Path) -> tuple[OrgRow, ...]:
    rows = []
    columns: dict[str, Spec] = {"code": None, "name": None, "aliases": OPTIONAL, "kind": ORG_KINDS}
    for _, (code, name, alias_cell, kind) in read_rows(path, columns):
        rows.append(OrgRow(code.upper(), name, aliases(alias_cell), kind))
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


def read_agents(path: Path) -> tuple[AgentRow, ...]:
    rows = []
    for _, (phrase, code, plural_cell) in read_rows(path, {"phrase": None, "code": None, "plural": OPTIONAL}):
        forms = [phrase.lower()]
        if plural_cell == "":
            forms.append(plural(phrase.lower()))
        elif plural_cell != "-":
            forms.extend(form.lower() for form in split_list(plural_cell))
        rows.append(AgentRow(tuple(forms), code.upper()))
    return tuple(rows)


def read_titles(path: Path) -> tuple[TitleRow, ...]:
    rows = []
    for _, (title, role, countries) in read_rows(path, {"title": None, "role": None, "countries": OPTIONAL}):
        rows.append(TitleRow(title.lower(), role, tuple(c.upper() for c in split_list(countries))))
    return tuple(rows)


def read_leaders(path: Path) -> dict[str, tuple[str, ...]]:
    return {
        code.upper(): split_list(roles) for _, (code, roles) in read_rows(path, {"code": None, "roles": None})
    }


PEOPLE_COLUMNS: dict[str, Spec] = {
    "name": None,
    "aliases": OPTIONAL,
    "short_names": OPTIONAL,
    "country": None,
    "sector": OPTIONAL,
    "roles": None,
    "title": OPTIONAL,
    "start": OPTIONAL,
    "end": OPTIONAL,
}


def read_people(path: Path) -> tuple[PersonRow, ...]:
    rows = []
    for number, cells in read_rows(path, PEOPLE_COLUMNS):
        name, alias_cell, short_cell, country, sector, roles, title, start, end = cells
        rows.append(
            PersonRow(
                name=name,
                aliases=aliases(alias_cell),
                short_names=aliases(short_cell),
                country=country.upper(),
                sector=sector.upper(),
                roles=split_list(roles),
                title=title,
                start=parse_date(start, path, number),
                end=parse_date(end, path, number),
            )
        )
    return tuple(rows)


def read_tables(folder: Path) -> TableRows:
    """All built-in tables of ``folder`` (``data/actors``)."""
    return TableRows(
        countries=read_countries(folder / "countries.tsv"),
        cities=read_cities(folder / "cities.tsv"),
        orgs=read_orgs(folder / "igos.tsv") + read_orgs(folder / "groups.tsv"),
        agents=read_agents(folder / "agents.tsv"),
        titles=read_titles(folder / "titles.tsv"),
        leaders=read_leaders(folder / "leaders.tsv"),
        people=read_people(folder / "people.tsv"),
    )
