"""The batch manifest: what a batch folder was made from, so a resume continues the same batch.

``manifest.json`` records the inputs (the paths as given and a fingerprint of every file they
expand to), the shard size and the options that change results. A run whose inputs or options
differ from the manifest is refused (``E019``) unless the user asks for ``--restart``: mixing
shards of two batches would silently break "nothing lost, nothing twice".

The manifest also lists the shards done, as ranges, for people and tools reading the folder;
the truth is the shard folders themselves (a shard folder exists only once it is complete).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import DatelineError, Errors
from ..reading import STDIN, expand_path
from ..settings import Settings

MANIFEST_NAME = "manifest.json"
#: bump when the folder layout changes; a manifest of another format is refused
MANIFEST_FORMAT = 1
#: the dictionary files of the settings that change what a batch produces
FILE_LISTS = ("actor_files", "agent_files", "verb_files", "discard_files")
#: identity fields added after format 1 was written, with the value an older manifest means
IDENTITY_DEFAULTS: dict[str, Any] = {"verb_files": [], "discard_files": [], "dictionaries_only": False}


@dataclass(frozen=True, slots=True)
class InputPrint:
    """A constant-size fingerprint of the input files: count, bytes, and a digest of their stats."""

    files: int
    bytes: int
    digest: str


@dataclass(frozen=True, slots=True)
class BatchIdentity:
    """Everything that decides which records a batch produces."""

    inputs: tuple[str, ...]
    fingerprint: InputPrint
    shard_size: int
    model: str | None
    actor_files: tuple[str, ...]
    agent_files: tuple[str, ...]
    verb_files: tuple[str, ...] = ()
    discard_files: tuple[str, ...] = ()
    dictionaries_only: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("inputs", *FILE_LISTS):
            data[name] = list(getattr(self, name))
        return data


def batch_identity(inputs: Sequence[str], settings: Settings, *, shard_size: int) -> BatchIdentity:
    if STDIN in inputs:
        raise DatelineError(Errors.E021, out="-", reason="stdin cannot be resumed; give files or folders")
    return BatchIdentity(
        inputs=tuple(str(Path(spec).resolve()) for spec in inputs),
        fingerprint=fingerprint(inputs),
        shard_size=shard_size,
        model=settings.model,
        **{name: _resolved(getattr(settings, name)) for name in FILE_LISTS},
        dictionaries_only=settings.dictionaries_only,
    )


def _resolved(paths: Iterable[Path]) -> tuple[str, ...]:
    return tuple(str(Path(p).resolve()) for p in paths)


def fingerprint(inputs: Iterable[str]) -> InputPrint:
    """Path, size and modification time of every input file, hashed (like make's staleness test)."""
    digest = hashlib.sha256()
    files = total = 0
    for spec in inputs:
        for path in expand_path(spec):
            stat = path.stat()
            files += 1
            total += stat.st_size
            digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return InputPrint(files, total, digest.hexdigest())


def check_or_create(out: Path, identity: BatchIdentity) -> None:
    """Create the manifest of a new batch, or check that ``out`` holds this same batch."""
    path = out / MANIFEST_NAME
    if not path.exists():
        write_manifest(out, identity, done=[])
        return
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(Errors.E021, out=out, reason=f"unreadable {MANIFEST_NAME}: {exc}") from exc
    reason = _difference(found, identity)
    if reason:
        raise DatelineError(Errors.E019, out=out, reason=reason)


def _difference(found: dict[str, Any], identity: BatchIdentity) -> str | None:
    if found.get("format") != MANIFEST_FORMAT:
        return f"manifest format {found.get('format')}, expected {MANIFEST_FORMAT}"
    stored = {**IDENTITY_DEFAULTS, **found.get("identity", {})}
    for key, value in identity.to_json().items():
        if stored.get(key) != value:
            return f"{key} differs: manifest has {stored.get(key)!r}, this run {value!r}"
    return None


def write_manifest(out: Path, identity: BatchIdentity, *, done: Iterable[int]) -> None:
    """Write the manifest atomically (temp file + rename): a reader never sees half of it."""
    payload = {
        "format": MANIFEST_FORMAT,
        "dateline_version": __version__,
        "identity": identity.to_json(),
        "done_shards": as_ranges(done),
    }
    temp = out / f".{MANIFEST_NAME}.{os.getpid()}"
    temp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    temp.replace(out / MANIFEST_NAME)


def as_ranges(numbers: Iterable[int]) -> list[list[int]]:
    """``[0, 1, 2, 5]`` -> ``[[0, 2], [5, 5]]``: the done list stays small for millions of shards."""
    ranges: list[list[int]] = []
    for number in sorted(set(numbers)):
        if ranges and ranges[-1][1] == number - 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ranges
