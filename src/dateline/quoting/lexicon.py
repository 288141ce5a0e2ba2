"""The word lists the quote extractor reads, loaded once from ``data/quotes/``.

Every list is a small TSV or text file whose format is described in its header
comment, so adding a reporting verb or a title never needs a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: where the quote lexicons live inside the package data folder
QUOTES_DATA = "quotes"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A two-word reporting construction such as "according to" or "quoted ... as"."""

    head: str
    dependent: str
    dep: str
    marks: str  # cue | source | channel


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Cue verbs, reporting phrases, pronouns and office descriptions."""

    cue_verbs: dict[str, str]
    clause_only: frozenset[str]
    phrases: tuple[Phrase, ...]
    pronouns: dict[str, str]
    roles: tuple[tuple[tuple[str, ...], str], ...]
    person_nouns: frozenset[str]
    cue_nouns: frozenset[str]
    seem_verbs: frozenset[str]
    title_words: frozenset[str]
    cue_adjectives: frozenset[str] = frozenset()
    #: light-verb idioms (verb, word, preposition or "that"): "took aim at", "made clear that"
    idioms: frozenset[tuple[str, str, str]] = frozenset()
    #: nouns naming a poll or survey, whose findings an ``in`` phrase frames ("in a new poll, ...")
    poll_nouns: frozenset[str] = frozenset()
    #: common nouns that may stand alone as a headline's speaker label ("Poll: ...", "Report: ...")
    label_nouns: frozenset[str] = frozenset()
    #: verbs by which a target receives a stance ("drew support from", "won praise")
    receiving_verbs: frozenset[str] = frozenset()
    #: the stances so received ("support", "criticism")
    received_nouns: frozenset[str] = frozenset()

    def is_speech(self, lemma: str) -> bool:
        return self.cue_verbs.get(lemma) == "speech"

    def is_cue(self, lemma: str) -> bool:
        return lemma in self.cue_verbs

    def takes_object(self, lemma: str) -> bool:
        """Whether the verb's object alone is what it attributes ("endorsed Clinton")."""
        return lemma in self.cue_verbs and lemma not in self.clause_only

    def is_phrase_head(self, lemma: str) -> bool:
        """A word that is a cue only with its particle or preposition ("took aim at", "sided with")."""
        return any(p.head == lemma and p.marks == "cue" for p in self.phrases)

    def phrase(self, head: str, dependent: str, dep: str) -> Phrase | None:
        for phrase in self.phrases:
            if phrase.head == head and phrase.dependent == dependent and phrase.dep == dep:
                return phrase
        return None


def _rows(path: Path) -> list[list[str]]:
    """Non-comment, non-blank lines split on tabs."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def load_lexicon(data: Path) -> QuoteLexicon:
    """Read the lexicons under ``data/quotes``; built once per run and kept in the Context."""
    folder = data / QUOTES_DATA
    verb_rows = _rows(folder / "cue_verbs.tsv")
    cue_verbs = {row[0]: row[1] for row in verb_rows}
    clause_only = frozenset(row[0] for row in verb_rows if row[2:3] == ["clause"])
    phrases = tuple(Phrase(*row[:4]) for row in _rows(folder / "reporting_phrases.tsv"))
    pronouns = {row[0]: row[1] for row in _rows(folder / "pronouns.tsv")}
    roles = tuple((tuple(row[0].split()), row[1]) for row in _rows(folder / "roles.tsv"))
    roles = tuple(sorted(roles, key=lambda item: -len(item[0])))
    nouns = frozenset(row[0] for row in _rows(folder / "person_nouns.txt"))
    cue_nouns = frozenset(row[0] for row in _rows(folder / "cue_nouns.txt"))
    seem_verbs = frozenset(row[0] for row in _rows(folder / "seem_verbs.txt"))
    titles = frozenset(row[0] for row in _rows(folder / "title_words.txt"))
    adjectives = frozenset(row[0] for row in _rows(folder / "cue_adjectives.txt"))
    idioms = frozenset((row[0], row[1], row[2]) for row in _rows(folder / "idioms.tsv"))
    polls = frozenset(row[0] for row in _rows(folder / "poll_nouns.txt"))
    labels = frozenset(row[0] for row in _rows(folder / "label_nouns.txt"))
    received = _rows(folder / "received_stances.tsv")
    titles = titles | nouns | {word for pattern, _ in roles for word in pattern if word != "of"}
    return QuoteLexicon(
        cue_verbs,
        clause_only,
        phrases,
        pronouns,
        roles,
        nouns,
        cue_nouns,
        seem_verbs,
        titles,
        adjectives,
        idioms,
        polls,
        labels,
        frozenset(row[1] for row in received if row[0] == "verb"),
        frozenset(row[1] for row in received if row[0] == "noun"),
    )
