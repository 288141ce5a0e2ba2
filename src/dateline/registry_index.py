"""Building the registry's lookup tables from the built-in tables and PETRARCH dictionaries.

Everything here runs once per run (``ActorRegistry.load``); lookups then are dictionary reads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pycountry

from .petrarch_dicts import PetrActor, PetrAgent
from .records import ActorRef
from .registry_data import Alias, CountryRow, OrgRow, PersonRow, TableRows, TitleRow
from .registry_text import exact_key, fold_key, is_acronym

#: acronyms at least this long also match in any case ("Nato", "Asean"); shorter ones ("WHO", "US")
#: only as written
ACRONYM_FOLD_MIN = 4
#: when a person holds several offices on one date, the first of these names them
ROLE_PRECEDENCE: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "commission_president",
    "council_president",
    "secretary_general",
    "high_representative",
    "foreign_minister",
    "vice_president",
    "crown_prince",
    "party_leader",
    "defence_minister",
    "presidential_aide",
    "spokesperson",
    "foreign_ministry_spokesperson",
)
#: sector code of a capital standing for its government ("Beijing" -> CHNGOV)
CAPITAL_SECTOR = "GOV"
#: words kept lower case when a PETRARCH name is turned into a ruler pattern ("Radagast the Brown")
SMALL_WORDS = frozenset({"of", "the", "and", "de", "la", "du", "von", "van", "al"})


@dataclass(frozen=True, slots=True)
class Term:
    """A ref valid from ``start`` (inclusive) to ``end`` (exclusive); None = unbounded."""

    ref: ActorRef
    start: dt.date | None = None
    end: dt.date | None = None

    def valid(self, on: dt.date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor behind a name: dated refs (first valid wins), else the default."""

    default: ActorRef | None
    terms: tuple[Term, ...] = ()
    person: bool = False

    def at(self, on: dt.date) -> ActorRef | None:
        for term in self.terms:
            if term.valid(on):
                return term.ref
        return self.default

    def active(self, on: dt.date) -> bool:
        return any(term.valid(on) for term in self.terms)


@dataclass(frozen=True, slots=True)
class Office:
    """Who held a role of a country from ``start`` to ``end``."""

    person: Entry
    start: dt.date | None
    end: dt.date | None

    def valid(self, on: dt.date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class AgentCode:
    code: str
    prefix: bool = False


@dataclass
class IndexBuilder:
    """Mutable while loading; ``ActorRegistry`` freezes what it collects."""

    exact: dict[str, list[Entry]] = field(default_factory=dict)
    folded: dict[str, list[Entry]] = field(default_factory=dict)
    stems: dict[str, list[Entry]] = field(default_factory=dict)
    short: dict[str, list[Entry]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    agents: dict[str, AgentCode] = field(default_factory=dict)
    user_agents: dict[str, AgentCode] = field(default_factory=dict)
    titles: dict[str, list[TitleRow]] = field(default_factory=lambda: defaultdict(list))
    offices: dict[tuple[str, str], list[Office]] = field(default_factory=lambda: defaultdict(list))
    leaders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: list[tuple[str, str, Entry]] = field(default_factory=list)
    token_patterns: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_name(self, name: str, entry: Entry, *, label: str | None, replace: bool = False) -> None:
        """Register ``name``; ``replace`` drops earlier entries (a user dictionary on top)."""
        if not name.strip():
            return
        if is_acronym(name) and not replace:
            tables = [(self.exact, exact_key(name))]
            if sum(char.isalpha() for char in name) >= ACRONYM_FOLD_MIN:
                tables.append((self.folded, fold_key(name)))
        else:
            tables = [(self.folded, fold_key(name))]
            if replace:
                self.exact.pop(exact_key(name), None)
        for table, key in tables:
            if replace or key not in table:
                table[key] = [entry]
            elif entry.person and entry not in table[key] and all(o.person for o in table[key]):
                table[key].append(entry)
        if label is not None:
            self.patterns.append((label, name, entry))

    def add_short(self, name: str, entry: Entry, *, label: str | None) -> None:
        """A surname: it names whoever with that name is in office on the story's date."""
        entries = self.short.setdefault(fold_key(name), [])
        if entry not in entries:
            entries.append(entry)
        if label is not None:
            self.patterns.append((label, name, entry))

    def add_place(self, name: str, code: str) -> None:
        self.places.setdefault(fold_key(name), code)


def add_countries(builder: IndexBuilder, rows: tuple[CountryRow, ...]) -> None:
    """Countries from our table first, then any ISO country or name it does not mention."""
    for row in rows:
        _add_country(builder, row)
    for country in pycountry.countries:
        names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
        entry = Entry(ActorRef(country.alpha_3, country.name, country.alpha_3, None))
        for name in sorted(name for name in names if name):
            if fold_key(name) not in builder.folded:
                plain = "," not in name and "(" not in name
                builder.add_name(name, entry, label="GPE" if plain else None)
                builder.add_place(name, country.alpha_3)


def _add_country(builder: IndexBuilder, row: CountryRow) -> None:
    state = Entry(ActorRef(row.code, row.name, row.code, None, None, "state"))
    for alias in (Alias(row.name), *row.aliases):
        builder.add_name(alias.text, state, label="GPE" if alias.in_ruler else None)
        builder.add_place(alias.text, row.code)
    for alias in _with_demonym_plurals(row.adjectives):
        builder.add_name(alias.text, state, label="NORP" if alias.in_ruler else None)
    for alias in row.capitals:
        ref = ActorRef(row.code + CAPITAL_SECTOR, alias.text, row.code, CAPITAL_SECTOR, None, "state")
        label = ("ORG" if alias.institution else "GPE") if alias.in_ruler else None
        builder.add_name(alias.text, Entry(ref), label=label)
        if not alias.institution:
            builder.add_place(alias.text, row.code)


def _with_demonym_plurals(adjectives: tuple[Alias, ...]) -> list[Alias]:
    """Adjectives plus the plural demonyms English forms regularly ("Russians", "Israelis")."""
    found = list(adjectives)
    for alias in adjectives:
        if alias.text.endswith(("an", "i")) and " " not in alias.text:
            found.append(Alias(alias.text + "s", alias.in_ruler))
    return found


def add_cities(builder: IndexBuilder, rows: TableRows) -> None:
    for row in rows.cities:
        for alias in row.names:
            builder.add_place(alias.text, row.code)


def add_orgs(builder: IndexBuilder, rows: tuple[OrgRow, ...]) -> None:
    for row in rows:
        # a group's code is its country and sector (PSEREB); an organisation's has neither
        country, sector = (row.code[:3], row.code[3:6] or None) if row.kind == "group" else (None, None)
        entry = Entry(ActorRef(row.code, row.name, country, sector, None, row.kind))
        for alias in (Alias(row.name), *row.aliases):
            builder.add_name(alias.text, entry, label="ORG" if alias.in_ruler else None)


def add_agents(builder: IndexBuilder, rows: TableRows) -> None:
    for row in rows.agents:
        for phrase in row.phrases:
            builder.agents.setdefault(fold_key(phrase), AgentCode(row.code))
    for title in rows.titles:
        builder.titles[title.title].append(title)
    builder.leaders.update(rows.leaders)


def add_people(builder: IndexBuilder, rows: tuple[PersonRow, ...], states: set[str]) -> None:
    """One entry per person (all their terms), indexed by names, short names and offices."""
    by_person: dict[str, list[PersonRow]] = defaultdict(list)
    for row in rows:
        by_person[row.name].append(row)
    for name, terms in by_person.items():
        entry = _person_entry(name, terms, states)
        aliases = {alias.text: alias for row in terms for alias in (Alias(name), *row.aliases)}
        shorts = {alias.text: alias for row in terms for alias in row.short_names}
        for alias in aliases.values():
            builder.add_name(alias.text, entry, label="PERSON" if alias.in_ruler else None)
        for alias in shorts.values():
            builder.add_short(alias.text, entry, label="PERSON" if alias.in_ruler else None)
        for row in terms:
            for role in row.roles:
                builder.offices[(row.country, role)].append(Office(entry, row.start, row.end))


def _person_entry(name: str, terms: list[PersonRow], states: set[str]) -> Entry:
    """A person's terms, the highest office first; outside every term, their latest affiliation."""

    def ref(row: PersonRow, role: str | None) -> ActorRef:
        iso = row.country if row.country in states else None
        return ActorRef(row.country + row.sector, name, iso, row.sector or None, role, "person")

    def rank(row: PersonRow) -> tuple[int, dt.date]:
        best = min((ROLE_PRECEDENCE.index(r) for r in row.roles if r in ROLE_PRECEDENCE), default=99)
        return best, row.start or dt.date.min

    dated = tuple(Term(ref(row, row.title), row.start, row.end) for row in sorted(terms, key=rank))
    latest = max(terms, key=lambda row: row.start or dt.date.min)
    return Entry(ref(latest, None), dated, person=True)


def add_petrarch_actors(builder: IndexBuilder, actors: tuple[PetrActor, ...], origin: str) -> None:
    """User actor entries, replacing any built-in entry of the same name."""
    seen: dict[str, int] = {}
    for actor in actors:
        entry = _petrarch_entry(actor)
        for name in actor.names:
            text = " ".join(name.words)
            key = fold_key(text)
            if key in seen:
                builder.warnings.append(
                    f"{origin}:{actor.line}: {text.upper()!r} already defined at line {seen[key]}; "
                    "the later entry wins"
                )
            seen[key] = actor.line
            builder.add_name(text, entry, label=None, replace=True)
            if name.stem:
                builder.stems[key] = [entry]
            _petrarch_patterns(builder, name.words, name.stem, entry)


def _petrarch_entry(actor: PetrActor) -> Entry:
    """Dated codes in file order (first valid wins); the undated one is the default."""
    name = " ".join(actor.names[0].words).title() if actor.names else ""
    terms, default = [], None
    for dated in actor.codes:
        ref = _code_ref(dated.code, name)
        if dated.start is None and dated.end is None:
            default = default or ref
        else:
            terms.append(Term(ref, dated.start, dated.end))
    return Entry(default, tuple(terms))


def _code_ref(code: str, name: str) -> ActorRef:
    """An ActorRef for a bare CAMEO code: country (first 3 characters) and sector (the rest).
    A joint code (``FRO/BIL/SAM``: several actors named as one) is kept whole, as PETRARCH
    reports it; its country is the first one's and it has no sector."""
    if code.startswith(("IGO", "NGO")):
        return ActorRef(code, name, None, None, None, code[:3].lower())
    if "/" in code:
        return ActorRef(code, name, code[:3], None, None, "state")
    return ActorRef(code, name, code[:3], code[3:] or None, None, "state")


def _petrarch_patterns(builder: IndexBuilder, words: tuple[str, ...], stem: bool, entry: Entry) -> None:
    """Ruler patterns for a dictionary name: its upper-case and title-case spellings."""
    titled = " ".join(w if w in SMALL_WORDS else w[:1].upper() + w[1:] for w in words)
    forms = {" ".join(words).upper()}
    if sum(char.isalpha() for char in titled) > 3:
        forms.add(titled[:1].upper() + titled[1:])
    for form in sorted(forms):
        builder.patterns.append(("PETR", form, entry))
    if stem:
        last = words[-1]
        regex = f"^(?:{_escape(last.upper())}|{_escape(last.title())})[a-z]{{0,4}}$"
        tokens: list[dict[str, Any]] = [{"LOWER": word} for word in words[:-1]]
        tokens.append({"TEXT": {"REGEX": regex}})
        builder.token_patterns.append({"label": "PETR", "pattern": tokens, "entry": entry})


def _escape(text: str) -> str:
    return "".join("\\" + char if not char.isalnum() else char for char in text)


def add_petrarch_agents(builder: IndexBuilder, agents: tuple[PetrAgent, ...]) -> None:
    """User agents: consulted before the built-in ones; they hide built-in names they repeat, so load
    them before the user's actors."""
    for agent in agents:
        for phrase in agent.phrases:
            key = fold_key(phrase)
            builder.user_agents[key] = AgentCode(agent.code, agent.prefix)
            builder.exact.pop(exact_key(phrase.upper()), None)
            builder.folded.pop(key, None)
