"""The word lists the quote extractor reads, loaded once from ``data/quotes/``.

Every list is a small TSV or text file whose format is described in its header comment
and whose columns its header line names; ``rule_tables`` checks each row on load, so
adding a reporting verb or a title never needs a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..rule_tables import OPTIONAL, Column, Spec, read_column, read_table

#: where the quote lexicons live inside the package data folder
QUOTES_DATA = "quotes"
#: the verbs of saying and stance, in ``QUOTES_DATA``
CUE_VERBS = "cue_verbs.tsv"


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
    #: (word as written, its dependent) whose object is the speaker: ("according", "to")
    source_phrases: frozenset[tuple[str, str]] = frozenset()
    #: (verb lemma, its dependent) whose subject only passes the speech on: ("quote", "as")
    channel_phrases: frozenset[tuple[str, str]] = frozenset()

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

    def is_channel_verb(self, lemma: str) -> bool:
        """A verb whose subject only passes speech on ("the ministry quoted X as saying")."""
        return any(head == lemma for head, _ in self.channel_phrases)

    def phrase(self, head: str, dependent: str, dep: str) -> Phrase | None:
        for phrase in self.phrases:
            if phrase.head == head and phrase.dependent == dependent and phrase.dep == dep:
                return phrase
        return None


#: what a reporting phrase marks (see ``reporting_phrases.tsv``)
PHRASE_MARKS = frozenset({"cue", "source", "channel"})
CUE_KINDS = frozenset({"speech", "stance"})
#: a ``cue_verbs.tsv`` kind for a verb listed only for its statement role in event coding
NOT_A_CUE = "-"
#: the columns of ``cue_verbs.tsv`` (``statement`` is read by the event lexicon, ``coding/lexicon.py``)
CUE_VERB_COLUMNS: dict[str, Spec] = {
    "lemma": None,
    "kind": CUE_KINDS | {NOT_A_CUE},
    "complement": Column(frozenset({"clause"}), optional=True),
    "statement": OPTIONAL,
}
PRONOUN_KINDS = frozenset({"male", "female", "person", "group", "thing", "self"})


def load_lexicon(data: Path) -> QuoteLexicon:
    """Read the lexicons under ``data/quotes``; built once per run and kept in the Context."""
    folder = data / QUOTES_DATA
    verb_rows = read_table(folder / CUE_VERBS, CUE_VERB_COLUMNS)
    cue_verbs = {row["lemma"]: row["kind"] for row in verb_rows if row["kind"] != NOT_A_CUE}
    clause_only = frozenset(row["lemma"] for row in verb_rows if row["complement"] == "clause")
    phrase_rows = read_table(
        folder / "reporting_phrases.tsv",
        {"head": None, "dependent": None, "dep": frozenset({"prt", "prep"}), "marks": PHRASE_MARKS},
    )
    phrases = tuple(Phrase(row["head"], row["dependent"], row["dep"], row["marks"]) for row in phrase_rows)
    pronoun_rows = read_table(folder / "pronouns.tsv", {"pronoun": None, "kind": PRONOUN_KINDS})
    pronouns = {row["pronoun"]: row["kind"] for row in pronoun_rows}
    role_rows = read_table(folder / "roles.tsv", {"words": None, "role": None})
    roles = tuple((tuple(row["words"].split()), row["role"]) for row in role_rows)
    roles = tuple(sorted(roles, key=lambda item: -len(item[0])))
    nouns = frozenset(read_column(folder / "person_nouns.txt", "word"))
    cue_nouns = frozenset(read_column(folder / "cue_nouns.txt", "lemma"))
    seem_verbs = frozenset(read_column(folder / "seem_verbs.txt", "lemma"))
    titles = frozenset(read_column(folder / "title_words.txt", "word"))
    adjectives = frozenset(read_column(folder / "cue_adjectives.txt", "lemma"))
    idiom_rows = read_table(folder / "idioms.tsv", {"verb": None, "word": None, "introducer": None})
    idioms = frozenset((row["verb"], row["word"], row["introducer"]) for row in idiom_rows)
    polls = frozenset(read_column(folder / "poll_nouns.txt", "lemma"))
    labels = frozenset(read_column(folder / "label_nouns.txt", "lemma"))
    received = read_table(
        folder / "received_stances.tsv", {"kind": frozenset({"verb", "noun"}), "lemma": None}
    )
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
        frozenset(row["lemma"] for row in received if row["kind"] == "verb"),
        frozenset(row["lemma"] for row in received if row["kind"] == "noun"),
        frozenset((p.head, p.dependent) for p in phrases if p.marks == "source"),
        frozenset((p.head, p.dependent) for p in phrases if p.marks == "channel"),
    )
