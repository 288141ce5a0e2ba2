"""The verb and noun pattern lexicon (``data/events/{verbs,nouns}.tsv``), loaded once.

Each row is ``lemma  pattern  code  flags`` (its header line names them; ``rule_tables`` checks
them). A pattern is a set of lemmas that must occur among the predicate's dependents; the
longest matching pattern of a lemma wins, so ``restore ties`` beats a bare ``restore``.
The format is documented in ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..quoting.lexicon import CUE_VERB_COLUMNS, CUE_VERBS, QUOTES_DATA
from ..rule_tables import Allowed, read_column, read_numbered, read_table, table_error

NO_PATTERN = "-"
#: the CAMEO code of a plain statement (a verb of saying whose content is coded instead)
STATEMENT = "010"
#: built-in roles a dictionary's bare verb must not take away (``say`` stays a speech cue)
KEPT_ROLES = frozenset({"speech", "light", "intent"})
#: kinds of ``abstract_nouns.tsv`` (what the noun does to the predicate; docs/events.md)
ABSTRACT_KINDS = frozenset({"idiom", "value", "domain", "culture", "measure", "document"})
#: context key present when the verb's subject is a list (PETRARCH ``%``: a compound actor)
COMPOUND_SUBJECT = "%compound"
#: how far after its preposition a word of a ``( PREP ... )`` phrase may sit
PHRASE_SPAN = 6
#: context keys of the words a pattern may name before its verb (subject, auxiliaries, governors)
#: carry this prefix, so that ``RECENTLY *`` is not met by an adverb and ``* TALKS`` not by the subject
BEFORE = "<"


@dataclass(frozen=True, slots=True)
class Word:
    """A pattern word: exact, or a stem that matches any word starting with it."""

    text: str
    exact: bool = True
    #: must be the word right after the previous word of its phrase (PETRARCH ``{...}`` groups)
    follows: bool = False
    #: the preposition whose phrase holds the word (PETRARCH ``(ON &TIETYPES)``), or ""
    under: str = ""
    #: written before the verb's ``*``: found among the pre-verb words (``BEFORE`` keys)
    before: bool = False

    def find(self, context: Mapping[str, object]) -> str | None:
        """The context key this word matches, if any."""
        text = BEFORE + self.text if self.before else self.text
        if text in context:
            return text
        if not self.exact:
            return next((key for key in context if key.startswith(text)), None)
        return None


#: alternatives (a synset's members), each a phrase whose words must all be present
Slot = tuple[tuple[Word, ...], ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row."""

    lemma: str
    pattern: tuple[str, ...]
    code: str | None
    flags: frozenset[str]
    reverse: str | None = None
    target_preps: frozenset[str] | None = None
    #: dictionary patterns (``--verbs``): each slot is satisfied by one of its alternatives
    slots: tuple[Slot, ...] = ()
    #: where a dictionary pattern puts its actors: ``subject``, ``object`` or ``prep:WORD``
    source_role: str | None = None
    target_role: str | None = None
    #: prepositions whose phrase a dictionary pattern skips (``IFTAR (IN ^) +``: the place is
    #: passed over and the target is the next actor of the verb phrase)
    skip_preps: frozenset[str] = frozenset()

    def match(self, context: Mapping[str, object]) -> list[str] | None:
        """The context keys this entry uses, or None when it does not match."""
        used = [w for w in self.pattern if w in context]
        if len(used) < len(self.pattern):
            return None
        for slot in self.slots:
            keys = _slot_keys(slot, context)
            if keys is None:
                return None
            used.extend(keys)
        return used

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
    #: PETRARCH verb dictionaries (``--verbs``): tried before the built-in verbs
    dictionary: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    #: irregular verb forms -> lemma (``data/events/irregular.tsv``), for when the lemmatizer errs
    irregular: dict[str, str] = field(default_factory=dict)
    #: nouns of people or targets that take their country from a place (``targets in Jericho``)
    place_heads: frozenset[str] = frozenset()
    #: abstract noun lemma -> kind (``idiom``, ``value``, ``domain``; ``data/events/abstract_nouns.tsv``)
    abstract: dict[str, str] = field(default_factory=dict)
    #: nouns of people and groups who act, kept as an unresolved source (``data/events/actor_nouns.tsv``)
    actor_nouns: frozenset[str] = frozenset()
    #: nouns of other parties, never of the sentence's own country (``data/events/other_party_nouns.tsv``)
    other_party: frozenset[str] = frozenset()
    #: naming verbs and approving predicate words (``data/events/naming.tsv``)
    naming: dict[str, str] = field(default_factory=dict)
    #: nouns that name an earlier act of the story (``data/events/referring_nouns.tsv``)
    referring: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path, dictionary: dict[str, tuple[Entry, ...]] | None = None) -> Lexicon:
        return cls(
            _with_statements(_read(folder / "verbs.tsv"), folder.parent / QUOTES_DATA / CUE_VERBS),
            _read(folder / "nouns.tsv"),
            dictionary or {},
            _read_pairs(folder / "irregular.tsv", "form", "lemma"),
            frozenset(read_column(folder / "place_heads.tsv", "lemma")),
            _read_pairs(folder / "abstract_nouns.tsv", "lemma", "kind", ABSTRACT_KINDS),
            frozenset(read_column(folder / "actor_nouns.tsv", "lemma")),
            frozenset(read_column(folder / "other_party_nouns.tsv", "lemma")),
            _read_pairs(folder / "naming.tsv", "lemma", "kind", frozenset({"verb", "approval"})),
            _read_pairs(folder / "referring_nouns.tsv", "lemma", "kind", frozenset({"speech", "act"})),
        )

    def roles_only(self) -> Lexicon:
        """The lexicon with built-in rows kept only for their roles (speech, intent and light
        verbs) and no event nouns: codes then come from the PETRARCH dictionaries alone."""
        verbs = {
            lemma: kept
            for lemma, entries in self.verbs.items()
            if (kept := tuple(e for e in entries if KEPT_ROLES & e.flags))
        }
        return replace(self, verbs=verbs, nouns={}, naming={}, referring={})

    def match_verb(
        self,
        lemma: str,
        context: Mapping[str, object],
        wide: Mapping[str, object] | None = None,
        form: str = "",
    ) -> Entry | None:
        """A dictionary pattern first (over ``wide`` context: subject, auxiliaries, governors too);
        its bare verb does not override a built-in speech/light/intent role."""
        builtin = _best(self.verbs.get(lemma, ()), context)
        scope = context if wide is None else wide
        # PETRARCH looks verbs up by their form: a form listed as a verb of its own (``LEFT``, not
        # the regular forms of ``LEAVE``) is that block's verb, whatever the lemmatizer says
        chosen = _best(self.dictionary.get(form, ()), scope) or _best(self.dictionary.get(lemma, ()), scope)
        if chosen is None:
            return builtin
        bare = "default" in chosen.flags
        if bare and builtin is not None and (KEPT_ROLES & builtin.flags):
            return builtin
        return chosen

    def dictionary_code(self, lemma: str, form: str = "") -> str | None:
        """The code of a PETRARCH dictionary's bare verb (its block default), by form then lemma."""
        for key in (form, lemma):
            default = next((e for e in self.dictionary.get(key, ()) if "default" in e.flags), None)
            if default is not None:
                return default.code
        return None

    def match_noun(self, lemma: str, context: Mapping[str, object]) -> Entry | None:
        return _best(self.nouns.get(lemma, ()), context)


def _slot_keys(slot: Slot, context: Mapping[str, object]) -> list[str] | None:
    for alternative in slot:
        keys = [w.find(context) for w in alternative]
        found = [k for k in keys if k is not None]
        if (
            len(found) == len(keys)
            and _in_order(alternative, found, context)
            and _in_scope(alternative, found, context)
        ):
            return found
    return None


def _in_order(words: tuple[Word, ...], keys: list[str], context: Mapping[str, object]) -> bool:
    """Words marked ``follows`` sit right after the previous word (by token index)."""
    for n in range(1, len(words)):
        if words[n].follows:
            here, before = getattr(context[keys[n]], "i", None), getattr(context[keys[n - 1]], "i", None)
            if here is None or before is None or here != before + 1:
                return False
    return True


def _in_scope(words: tuple[Word, ...], keys: list[str], context: Mapping[str, object]) -> bool:
    """A word of a ``( PREP ... )`` phrase follows that preposition with only determiners and noun
    compounds between (by word order: parsers attach ``clash over the efforts`` either way)."""
    for word, key in zip(words, keys, strict=True):
        if word.under and not _after_preposition(context[key], word.under):
            return False
    return True


def _after_preposition(token: object, prep: str) -> bool:
    doc, at = getattr(token, "doc", None), getattr(token, "i", None)
    if doc is None or at is None:
        return False
    for back in range(at - 1, max(at - PHRASE_SPAN, 0) - 1, -1):
        before = doc[back]
        if before.pos_ in {"ADP", "SCONJ"} or before.lower_ == prep:
            return bool(before.lower_ == prep)
        if before.pos_ in {"VERB", "AUX"}:
            return False
        if before.pos_ != "DET" and before.dep_ != "compound":
            return False  # ``(FOR ASYLUM)`` is not ``for foreign asylum`` (the 2_02 gold)
    return False


def _best(entries: tuple[Entry, ...], context: Mapping[str, object]) -> Entry | None:
    for entry in entries:  # sorted longest pattern first
        if entry.match(context) is not None:
            return entry
    return None


def _read_pairs(path: Path, key: str, value: str, allowed: Allowed = None) -> dict[str, str]:
    """A two-column table as a mapping from its ``key`` column to its ``value`` column."""
    return {row[key]: row[value] for row in read_table(path, {key: None, value: allowed})}


def _read(path: Path) -> dict[str, tuple[Entry, ...]]:
    table: dict[str, list[Entry]] = {}
    for number, row in read_numbered(path, {"lemma": None, "pattern": None, "code": None, "flags": None}):
        entry = _entry(row)
        if entry.is_speech:
            raise table_error(path, number, f"verbs of saying live in {QUOTES_DATA}/{CUE_VERBS} (statement)")
        table.setdefault(row["lemma"], []).append(entry)
    return _longest_first(table)


def _longest_first(table: Mapping[str, list[Entry]]) -> dict[str, tuple[Entry, ...]]:
    return {lemma: tuple(sorted(entries, key=lambda e: -len(e.pattern))) for lemma, entries in table.items()}


def _with_statements(verbs: dict[str, tuple[Entry, ...]], path: Path) -> dict[str, tuple[Entry, ...]]:
    """The verbs plus the plain statements of ``cue_verbs.tsv`` (its ``statement`` column): CAMEO
    010 cues whose content is coded instead, with the words each needs among its dependents."""
    table = {lemma: list(entries) for lemma, entries in verbs.items()}
    for row in read_table(path, CUE_VERB_COLUMNS):
        if row["statement"]:
            pattern = {
                "lemma": row["lemma"],
                "pattern": row["statement"],
                "code": STATEMENT,
                "flags": "speech",
            }
            table.setdefault(row["lemma"], []).append(_entry(pattern))
    return {lemma: tuple(sorted(entries, key=lambda e: -len(e.pattern))) for lemma, entries in table.items()}


def _entry(row: Mapping[str, str]) -> Entry:
    lemma, pattern, code, flag_text = row["lemma"], row["pattern"], row["code"], row["flags"]
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
