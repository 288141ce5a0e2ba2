"""The actor registry: who a name, adjective, capital or title refers to on a given date.

Built once per run from the tables in ``data/actors/`` (see its README.md) and any PETRARCH
dictionaries given with ``--actors``/``--agents``. A lookup normalises the mention (see
``registry_text``) and then reads dictionaries, in this order:

1. the whole mention as a name (country, adjective, capital, organisation, person, user actor);
2. the whole mention as a title of a country ("the Russian President", "President of the PRC"),
   answered with the person holding that office on the date;
3. a title or description followed by a person's name ("Chinese President Xi Jinping");
4. an actor with agents around it ("the Chinese Foreign Ministry" -> CHNGOV, "MSF Arnor diplomat"
   -> NGOARNGOV, "the army of Gondor" -> GONMIL), as PETRARCH combines them.

``on`` is the story date; without it, today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .petrarch_dicts import read_actor_dictionary, read_agent_dictionary
from .records import ActorRef
from .registry_data import read_tables
from .registry_index import (
    AgentCode,
    Entry,
    IndexBuilder,
    Office,
    add_agents,
    add_cities,
    add_countries,
    add_orgs,
    add_people,
    add_petrarch_actors,
    add_petrarch_agents,
)
from .registry_text import (
    clean_mention,
    exact_key,
    fold_key,
    has_capital,
    join_words,
    words,
)
from .settings import Settings

#: mentions longer than this are not names or noun phrases worth composing
MAX_MENTION_WORDS = 12
#: longest agent phrase tried, in words ("national people's congress")
MAX_AGENT_WORDS = 4
#: a stem name matches a word that extends it by at most this many letters ("Argentin" -> "Argentines")
MAX_STEM_SUFFIX = 4
#: cached lookups kept before the cache is emptied (a long run sees many distinct mentions)
CACHE_LIMIT = 200_000
#: roles "leader" means where leaders.tsv says nothing
DEFAULT_LEADER_ROLES = ("head_of_state", "head_of_government")
#: title words that mean someone other than the present holder
NOT_PRESENT_HOLDER = frozenset({"former", "ex", "ex-", "late", "then", "next", "future", "incoming"})
#: words allowed before a title that do not change who holds it
TITLE_FILLERS = frozenset({"acting", "current", "incumbent", "sitting", "serving"})
#: spaCy label for PETRARCH names, whose kind the dictionary does not say
PETRARCH_LABELS = {True: "GPE", False: "ORG"}


#: the "date" of a story that has none: offices are not assumed, names still resolve
UNDATED = dt.date.min


@dataclass(frozen=True)
class ActorRegistry:
    """Immutable lookup tables built once per run (plus a lookup cache)."""

    exact: Mapping[str, tuple[Entry, ...]]
    folded: Mapping[str, tuple[Entry, ...]]
    stems: Mapping[str, tuple[Entry, ...]]
    short: Mapping[str, tuple[Entry, ...]]
    places: Mapping[str, str]
    agents: Mapping[str, AgentCode]
    user_agents: Mapping[str, AgentCode]
    titles: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]
    offices: Mapping[tuple[str, str], tuple[Office, ...]]
    leaders: Mapping[str, tuple[str, ...]]
    patterns: tuple[dict[str, Any], ...]
    #: the last word of every title ("minister", "president"): a bare surname after one is a name
    title_heads: frozenset[str] = frozenset()
    #: problems met while loading (bad dictionary lines), each naming file and line
    warnings: tuple[str, ...] = ()
    cache: dict[tuple[str, str, dt.date], ActorRef | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    entry_cache: dict[str, tuple[Entry, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, settings: Settings) -> ActorRegistry:
        """The built-in tables (unless ``settings.dictionaries_only``), then the user's agent and
        actor dictionaries on top."""
        tables = read_tables(settings.data / "actors")
        builder = IndexBuilder()
        if not settings.dictionaries_only:
            add_countries(builder, tables.countries)
            add_cities(builder, tables)
            add_orgs(builder, tables.orgs)
            add_agents(builder, tables)
            add_people(builder, tables.people, {row.code for row in tables.countries})
        for path in settings.agent_files:
            agents = read_agent_dictionary(path)
            builder.warnings.extend(agents.warnings)
            add_petrarch_agents(builder, agents.entries)
        for path in settings.actor_files:
            actors = read_actor_dictionary(path)
            builder.warnings.extend(actors.warnings)
            add_petrarch_actors(builder, actors.entries, str(path))
        return cls.from_builder(builder)

    @classmethod
    def from_builder(cls, builder: IndexBuilder) -> ActorRegistry:
        registry = cls(
            exact={key: tuple(entries) for key, entries in builder.exact.items()},
            folded={key: tuple(entries) for key, entries in builder.folded.items()},
            stems={key: tuple(entries) for key, entries in builder.stems.items()},
            short={key: tuple(entries) for key, entries in builder.short.items()},
            places=dict(builder.places),
            agents=dict(builder.agents),
            user_agents=dict(builder.user_agents),
            titles={
                title: tuple((row.role, row.countries) for row in rows)
                for title, rows in builder.titles.items()
            },
            offices={key: tuple(offices) for key, offices in builder.offices.items()},
            leaders=dict(builder.leaders),
            patterns=(),
            title_heads=frozenset(title.split()[-1] for title in builder.titles if title.strip()),
            warnings=tuple(builder.warnings),
        )
        return dataclasses.replace(registry, patterns=registry.build_patterns(builder))

    # ----------------------------------------------------------------------------------- lookups

    def resolve(self, text: str, *, on: dt.date | None = None, label: str | None = None) -> ActorRef | None:
        """The actor a mention names, as of ``on`` (the story date). ``label`` is not needed to
        decide (a capital is its government, CHNGOV, whether spaCy says GPE or ORG) and is accepted
        for callers that have it."""
        day = on or UNDATED
        key = ("resolve", text, day)
        if key not in self.cache:
            self._remember(key, self._resolve(clean_mention(text), day))
        return self.cache[key]

    def resolve_title(self, text: str, *, on: dt.date | None = None) -> ActorRef | None:
        """The person a title refers to on ``on`` ("the Russian President" -> Putin in 2021)."""
        day = on or dt.date.today()
        key = ("title", text, day)
        if key not in self.cache:
            self._remember(key, self._title(words(clean_mention(text)), day))
        return self.cache[key]

    def role_holder(self, country: str, role: str, *, on: dt.date | None = None) -> ActorRef | None:
        """Who held ``role`` (head_of_state, head_of_government, foreign_minister, leader, ...) of
        ``country`` (ISO alpha-3 or an organisation code such as IGOEUREEC) on ``on``."""
        day = on or dt.date.today()
        roles = self.leaders.get(country, DEFAULT_LEADER_ROLES) if role == "leader" else (role,)
        for one_role in roles:
            valid = [office for office in self.offices.get((country, one_role), ()) if office.valid(day)]
            if valid:
                latest = max(valid, key=lambda office: office.start or dt.date.min)
                return latest.person.at(day)
        return None

    def place_country(self, place: str) -> str | None:
        """The country code of a dateline place (a capital, city or country)."""
        code = self.places.get(fold_key(place))
        if code is not None:
            return code
        ref = self.resolve(place)
        return ref.country if ref else None

    def agent_code(self, text: str) -> str | None:
        """The agent (sector) code of a phrase without a country ("police", "the troops")."""
        parts = words(clean_mention(text))
        return _combine_codes("", self._agent_run(parts)[1]) or None

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns for every registered name, each with ``id`` = actor code."""
        return [dict(pattern) for pattern in self.patterns]

    # ---------------------------------------------------------------------------------- internals

    def _remember(self, key: tuple[str, str, dt.date], ref: ActorRef | None) -> None:
        if len(self.cache) >= CACHE_LIMIT:
            self.cache.clear()
        self.cache[key] = ref

    def _resolve(self, text: str, day: dt.date) -> ActorRef | None:
        parts = words(text)
        if not parts or len(parts) > MAX_MENTION_WORDS:
            return None
        return (
            self._name(text, day)
            or self._title(parts, day)
            or self._titled_person(parts, day)
            or self._compose(parts, day)
        )

    def _entries(self, text: str) -> tuple[Entry, ...]:
        """Entries registered under a name, cached by text alone: stories rarely share a date,
        but they share names, so the date-free part of a lookup is worth keeping."""
        found = self.entry_cache.get(text)
        if found is None:
            if len(self.entry_cache) >= CACHE_LIMIT:
                self.entry_cache.clear()
            found = self.entry_cache[text] = self._find_entries(text)
        return found

    def _find_entries(self, text: str) -> tuple[Entry, ...]:
        """Entries registered under a name: exact acronyms first, then folded names and stems."""
        found = self.exact.get(exact_key(text))
        if found:
            return found
        if not has_capital(text):
            return ()
        key = fold_key(text)
        found = self.folded.get(key)
        if found:
            return found
        for cut in range(1, MAX_STEM_SUFFIX + 1):
            if len(key) > cut and key[-cut:].isalpha() and key[:-cut] in self.stems:
                return self.stems[key[:-cut]]
        return ()

    def _name(self, text: str, day: dt.date, *, surnames: bool = True) -> ActorRef | None:
        """A registered name; a bare surname only for someone in office that day (one only)."""
        entries = self._entries(text)
        if entries:
            return _choose(entries, day)
        if not surnames or not has_capital(text):
            return None
        holders = self.short.get(fold_key(text), ())
        if day == UNDATED:
            # no story date: a surname is whoever in the table bears it, if only one person does
            people = {entry.at(day).name for entry in holders if entry.at(day) is not None}  # type: ignore[union-attr]
            return holders[0].at(day) if len(people) == 1 else None
        active = [entry for entry in holders if entry.active(day)]
        return active[0].at(day) if len(active) == 1 else None

    def _title(self, parts: Sequence[str], day: dt.date) -> ActorRef | None:
        """A title with its country before ("Russian President") or after ("President of Russia")."""
        lowered = [part.lower() for part in parts]
        if len(parts) < 2 or NOT_PRESENT_HOLDER & set(lowered):
            return None
        for index, word in enumerate(lowered):
            if word == "of" and 0 < index < len(parts) - 1:
                holder = self._holder(parts[:index], parts[index + 1 :], day)
                if holder:
                    return holder
        for split in range(1, len(parts)):
            holder = self._holder(parts[split:], parts[:split], day)
            if holder:
                return holder
        return None

    def _holder(
        self, title_words: Sequence[str], actor_words: Sequence[str], day: dt.date
    ) -> ActorRef | None:
        """The holder of the office ``title_words`` names in the country ``actor_words`` names."""
        title_words = [w for w in title_words if w != "'s" and w.lower() not in TITLE_FILLERS]
        rows = self.titles.get(fold_key(join_words(title_words))) if title_words else None
        if not rows:
            return None
        actor_text = join_words(list(actor_words))
        actor = self._name(clean_mention(actor_text), day)
        if actor is None or actor.kind == "person":
            return None
        country = actor.country or actor.code
        specific = [role for role, countries in rows if country in countries]
        general = [role for role, countries in rows if not countries]
        for role in specific or general:
            holder = self.role_holder(country, role, on=day)
            if holder:
                return holder
        return None

    def _titled_person(self, parts: Sequence[str], day: dt.date) -> ActorRef | None:
        """ "Chinese President Xi Jinping", "Foreign Minister Lavrov": the trailing person's name."""
        for start in range(1, len(parts)):
            # a bare surname counts only after a title ("Foreign Minister Lavrov"), so that
            # "Mary Johnson" is not taken for Boris Johnson
            titled = parts[start - 1].lower() in self.title_heads
            ref = self._name(join_words(list(parts[start:])), day, surnames=titled)
            if ref is not None and ref.kind == "person":
                return ref
        return None

    def _compose(self, parts: Sequence[str], day: dt.date) -> ActorRef | None:
        """An actor with agent words before, after, or joined by "of" ("army of Gondor")."""
        lowered = [part.lower() for part in parts]
        for index in range(len(parts) - 2, 0, -1):
            if lowered[index] == "of":
                actor = self._name(clean_mention(join_words(list(parts[index + 1 :]))), day)
                matched, codes = self._agent_run(parts[:index])
                if actor is not None and matched:
                    return _with_agents(actor, codes, [], join_words(list(parts)))
        for start in range(len(parts)):
            for end in range(len(parts), start, -1):
                if (start, end) == (0, len(parts)):
                    continue
                actor = self._name(join_words(list(parts[start:end])), day, surnames=False)
                if actor is not None:
                    return self._around(actor, parts, start, end)
        return None

    def _around(self, actor: ActorRef, parts: Sequence[str], start: int, end: int) -> ActorRef:
        """``actor`` with the agents before (prefix codes only) and after it."""
        _, before = self._agent_run(parts[:start], prefix=True)
        matched, after = self._agent_run(parts[end:])
        if not before and not matched:
            return actor
        return _with_agents(actor, after, before, join_words(list(parts)))

    def _agent_run(self, parts: Sequence[str], *, prefix: bool = False) -> tuple[bool, list[str]]:
        """Agent codes found in ``parts``, longest phrase first, the user's agents before ours."""
        for table in (self.user_agents, self.agents):
            if not table:
                continue
            codes, matched, index = [], False, 0
            keys = [fold_key(part) for part in parts]
            while index < len(keys):
                for size in range(min(MAX_AGENT_WORDS, len(keys) - index), 0, -1):
                    agent = table.get(" ".join(keys[index : index + size]))
                    if agent is not None:
                        matched = True
                        if agent.prefix == prefix or not prefix:
                            codes.append(agent.code)
                        index += size
                        break
                else:
                    index += 1
            if matched:
                return True, codes
        return False, []

    # ---------------------------------------------------------------------------------- patterns

    def build_patterns(self, builder: IndexBuilder) -> tuple[dict[str, Any], ...]:
        """Ruler patterns that resolve back to their id today (ambiguous names are left out)."""
        today = dt.date.today()
        found: dict[str, dict[str, Any]] = {}
        for label, text, entry in builder.patterns:
            ref = entry.at(today) or (entry.terms[0].ref if entry.terms else None)
            if ref is None:
                continue
            if label == "PETR":
                label = PETRARCH_LABELS[len(ref.code) <= 3]
            for form in _spellings(text, label):
                resolved = self.resolve(form, on=today)
                if form not in found and resolved is not None and resolved.code == ref.code:
                    found[form] = {"label": label, "pattern": form, "id": ref.code}
        token_patterns = []
        for pattern in builder.token_patterns:
            entry = pattern["entry"]
            ref = entry.at(today) or (entry.terms[0].ref if entry.terms else None)
            if ref is not None:
                label = PETRARCH_LABELS[len(ref.code) <= 3]
                token_patterns.append({"label": label, "pattern": pattern["pattern"], "id": ref.code})
        return (*found.values(), *token_patterns)


def _choose(entries: tuple[Entry, ...], day: dt.date) -> ActorRef | None:
    """One actor for a name: the only entry, or among people the only one in office that day."""
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0].at(day)
    active = [entry for entry in entries if entry.active(day)]
    return active[0].at(day) if len(active) == 1 else None


def _combine_codes(code: str, agents: list[str]) -> str:
    """``code`` followed by agent codes, skipping 3-letter parts it already has (USAGOV + GOV)."""
    parts = [code[i : i + 3] for i in range(3, len(code), 3)]
    for agent in agents:
        for index in range(0, len(agent), 3):
            chunk = agent[index : index + 3]
            if chunk not in parts:
                parts.append(chunk)
                code += chunk
    return code


def _with_agents(actor: ActorRef, after: list[str], before: list[str], name: str) -> ActorRef:
    """The group an actor's agents name ("Russian troops" -> RUSMIL)."""
    code = "".join(before) + _combine_codes(actor.code, after)
    if code == actor.code and actor.kind != "person":
        return actor
    base = actor.country or ""
    sector = code[len("".join(before)) + len(base) :] if base else actor.sector
    kind = "group" if actor.kind == "person" else actor.kind
    return ActorRef(code, name, actor.country, sector or None, None, kind)


def _spellings(text: str, label: str) -> list[str]:
    """A pattern as written, in capitals for places and organisations (datelines, headlines), and
    with a curly apostrophe where it has a straight one."""
    forms = [text]
    if label in {"GPE", "NORP", "ORG"} and any(char.islower() for char in text) and len(text) > 3:
        forms.append(text.upper())
    forms.extend([form.replace("'", "’") for form in forms if "'" in form])
    if text.lower().startswith("the "):
        forms = [form[4:] for form in forms]
    return forms
