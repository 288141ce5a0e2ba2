"""The verb and noun pattern lexicon (``data/events/{verbs,nouns}.tsv``), loaded once.

Each row is ``lemma  pattern  code  flags``. A pattern is a set of lemmas that must occur among
the predicate's dependents; the longest matching pattern of a lemma wins, so ``restore ties``
beats a bare ``restore``. The format is documented in ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NO_PATTERN = "-"


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row."""

    lemma: str
    pattern: tuple[str, ...]
    code: str | None
    flags: frozenset[str]
    reverse: str | None = None
    target_preps: frozenset[str] | None = None

    @property
    def is_speech(self) -> bool:
        return "speech" in self.flags

    @property
    def is_light(self) -> bool:
        return "light" in self.flags

    @property
    def is_intent(self) -> bool:
        return "intent" in self.flags

    @property
    def reciprocal(self) -> bool:
        return "recip" in self.flags


@dataclass(frozen=True)
class Lexicon:
    """Verb and noun entries keyed by lemma, longest pattern first."""

    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        return cls(_read(folder / "verbs.tsv"), _read(folder / "nouns.tsv"))

    def match_verb(self, lemma: str, context: Iterable[str]) -> Entry | None:
        return _best(self.verbs.get(lemma, ()), frozenset(context))

    def match_noun(self, lemma: str, context: Iterable[str]) -> Entry | None:
        return _best(self.nouns.get(lemma, ()), frozenset(context))


def _best(entries: tuple[Entry, ...], context: frozenset[str]) -> Entry | None:
    for entry in entries:  # sorted longest pattern first
        if all(word in context for word in entry.pattern):
            return entry
    return None


def _read(path: Path) -> dict[str, tuple[Entry, ...]]:
    table: dict[str, list[Entry]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ValueError(f"{path.name}:{number}: expected 4 tab-separated columns, got {len(cols)}")
        table.setdefault(cols[0], []).append(_entry(cols))
    return {lemma: tuple(sorted(entries, key=lambda e: -len(e.pattern))) for lemma, entries in table.items()}


def _entry(cols: list[str]) -> Entry:
    lemma, pattern, code, flag_text = (c.strip() for c in cols)
    flags: set[str] = set()
    reverse = None
    preps = None
    for flag in flag_text.split(","):
        flag = flag.strip()
        if flag.startswith("rev="):
            reverse = flag[4:]
        elif flag.startswith("tprep="):
            preps = frozenset(flag[6:].split("|"))
        elif flag and flag != NO_PATTERN:
            flags.add(flag)
    words = () if pattern == NO_PATTERN else tuple(pattern.split())
    return Entry(lemma, words, None if code == NO_PATTERN else code, frozenset(flags), reverse, preps)
