"""CAMEO and PLOVER as data: code names, Goldstein scores, QuadClass and the CAMEO->PLOVER map.

Versions are pinned (see ``data/ontology/NOTICE.md``): the CAMEO code set of text_to_CAMEO
(identical to CAMEO 1.1b3 apart from label wording) and PLOVER Draft 0.8's translation table
with the PLOVER 2.0 codebook. One loaded :class:`Ontology` is shared by every story.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: QuadClass by CAMEO root: 1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict
QUAD_BY_ROOT: dict[str, int] = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}


@dataclass(frozen=True, slots=True)
class PloverCode:
    """What a CAMEO code becomes in PLOVER: event type, optional mode and contexts."""

    type: str
    mode: str | None
    context: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its name, Goldstein score and QuadClass."""

    code: str
    name: str
    goldstein: float | None
    quad: int


@dataclass(frozen=True)
class Ontology:
    """CAMEO codes, Goldstein scores and the PLOVER map, loaded once."""

    cameo: dict[str, CameoCode]
    plover: dict[str, PloverCode]
    plover_types: frozenset[str]
    plover_modes: dict[str, frozenset[str]]
    plover_contexts: frozenset[str]

    @classmethod
    def load(cls, folder: Path, overrides: Path | None = None) -> Ontology:
        """``overrides``: Dateline's own CAMEO->PLOVER rows (same line format), applied over the
        pinned table where its row contradicts the PLOVER codebook (see docs/events.md)."""
        goldstein = _read_goldstein(folder / "goldstein.tsv")
        names = _read_names(folder / "cameo_event_codes.tsv")
        cameo = {
            code: CameoCode(code, name, _inherit(goldstein, code), QUAD_BY_ROOT[code[:2]])
            for code, name in names.items()
        }
        codebook = json.loads((folder / "plover_codebook.json").read_text(encoding="utf-8"))
        return cls(
            cameo=cameo,
            plover={
                **_read_plover_map(folder / "CAMEO2PLOVER-2021.txt"),
                **(_read_plover_map(overrides) if overrides is not None else {}),
            },
            plover_types=frozenset(e["event"] for e in codebook["events"]),
            plover_modes={e["event"]: frozenset(m["mode"] for m in e["modes"]) for e in codebook["events"]},
            plover_contexts=frozenset(c["context"] for c in codebook["contexts"]),
        )

    def lookup(self, code: str) -> CameoCode | None:
        """The code itself, else its nearest listed parent (4 -> 3 -> 2 digits)."""
        for length in (len(code), 3, 2):
            found = self.cameo.get(code[:length])
            if found is not None:
                return (
                    found if found.code == code else CameoCode(code, found.name, found.goldstein, found.quad)
                )
        return None

    def to_plover(self, code: str) -> PloverCode | None:
        """PLOVER equivalent: exact code, then 3-digit, then root; None for 01x (statements)."""
        for length in (len(code), 3, 2):
            found = self.plover.get(code[:length])
            if found is not None:
                return found
        return None


def _inherit(table: dict[str, float], code: str) -> float | None:
    for key in (code, code[:3], code[:2] + "0"):
        if key in table:
            return table[key]
    return None


def _read_goldstein(path: Path) -> dict[str, float]:
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "code\t")):
            continue
        code, score = line.split("\t")[:2]
        table[code] = float(score)
    return table


def _read_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].isdigit():
            names[cols[0]] = cols[1][:1].upper() + cols[1][1:].lower() if cols[1].isupper() else cols[1]
    return names


def _read_plover_map(path: Path) -> dict[str, PloverCode]:
    """Parse ``CODE: EVENT, mode, context # description`` lines."""
    table: dict[str, PloverCode] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or ":" not in body:
            continue
        code, rest = (part.strip() for part in body.split(":", 1))
        if not code.isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        event = fields[0]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        contexts = tuple(c.strip() for f in fields[2:] for c in f.split(";") if c.strip())
        table[code] = PloverCode(event, mode, contexts)
    return table
