"""Who: source and target actors of a predicate, read off the dependency parse.

A noun phrase resolves, in order, as its named entity, its own words (``Russian troops``), a
title (``the PRC leader``), then the phrases inside it that name someone (``the internal affairs
of China`` -> CHN). Conjuncts give compound actors. A phrase that resolves to nobody is kept as
text so an event against ``certain forces`` is not lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..registry import ActorRegistry
from ..registry_text import fold_key
from .modality import is_deontic

#: dependents that form the name part of a noun phrase
NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "case", "flat"})
#: modifiers that, joined by "and", each name an actor with their head (``U.S. and Russian
#: negotiators``: spaCy hangs a proper name first in the list as ``nmod``)
JOINED_DEPS = frozenset({"amod", "compound", "nmod"})
#: phrase-internal dependents searched (in order) when the phrase itself names nobody
INNER_DEPS = ("appos", "poss", "compound", "amod", "nmod")
INNER_PREPS = ("by", "of", "from", "in", "between", "among", "for")
#: prepositions that place an agent noun in a country (``lawmakers in X``, ``soldiers from X``)
AGENT_PREPS = frozenset({"of", "in", "from"})
#: prepositions that say where a people lives (``the Albanians of Serbia``)
RESIDENCE_PREPS = frozenset({"of", "in"})
#: a capital after one of these is where something is (``talks in Moscow``), not an actor
SEAT_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around"})
SEAT_LABELS = frozenset({"GPE", "LOC", "FAC"})
GOVERNMENT_SECTOR = "GOV"
COUNTRY_CODE_LENGTH = 3
#: prefixes by which a name says whom a group sides with (``pro-Iranian``, ``anti-Syria``)
ALLEGIANCE_PREFIXES = frozenset({"pro", "anti"})
#: prepositions that place a person or target noun (``residents of X``, ``targets in X``)
PLACE_HEAD_PREPS = frozenset({"in", "of", "from", "near", "around"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
FIRST_PERSON = frozenset({"we", "i", "us", "our", "me"})
THIRD_PERSON = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their"})
#: who is told something: ``told Iraq that``, ``reminded them that``, ``gave Iraq notice that``
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
#: dependents by which a participle has a clause of its own (not a reduced passive)
OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "mark"})
MAX_DEPTH = 3
#: links by which a parser hangs a list of names on the list's last item
FRONTED_LIST_DEPS = frozenset({"nmod", "compound", "npadvmod"})
#: entity types that never act (a date or number parsed as a subject)
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: how many tokens back a third-person pronoun looks for its person
PERSON_WINDOW = 300
#: ``the two sides``, ``both countries``: nouns that refer back to a pair of actors
PAIR_NOUNS = frozenset(
    {"side", "country", "nation", "state", "party", "leader", "government", "man", "minister", "official"}
)
COUNTRY_NOUNS = frozenset({"country", "nation", "state"})
PAIR_WORDS = frozenset({"two", "both"})
PAIR = 2
#: how many tokens back the pair may be named
PAIR_WINDOW = 400
#: number nouns that head a count of people (``tens of thousands of students``)
QUANTITY_HEADS = frozenset({"ten", "dozen", "score", "hundred", "thousand", "million"})
#: prepositions after which a gerund's subject is its governor's object (``prevent X from V-ing``)
CONTROL_PREPS = frozenset({"from"})


@dataclass(frozen=True, slots=True)
class Argument:
    """Resolved actor codes of one argument, and the text spans (clean offsets) they came from."""

    codes: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @property
    def resolved(self) -> bool:
        return bool(self.codes)


EMPTY = Argument((), ())


@dataclass
class Resolver:
    """Per-story actor lookup with a cache (one instance per story, never shared)."""

    doc: Doc
    registry: ActorRegistry
    on: dt.date | None
    speakers: dict[int, str] = field(default_factory=dict)
    cache: dict[tuple[str, str | None], str | None] = field(default_factory=dict)
    #: entity spans by token index, built once (``doc.ents`` is rebuilt on every access)
    entities: dict[int, Span] = field(default_factory=dict)
    persons: list[Span] = field(default_factory=list)
    arguments: dict[tuple[int, int], Argument] = field(default_factory=dict)
    #: nouns of people/targets placed by ``in X`` (``targets in Jericho``): the place's country
    place_heads: frozenset[str] = frozenset()
    #: abstract nouns (``the field``, ``the interests``) never kept as an unresolved party's text
    abstract: frozenset[str] = frozenset()
    #: nouns of people and groups that may act unresolved (``certain forces``)
    actor_nouns: frozenset[str] = frozenset()
    #: nouns a nationality adjective describes without naming a party (``the Russian language``)
    unnamed: frozenset[str] = frozenset()
    #: documents whose participle speaks for their issuer (``a statement demanding ...``)
    documents: frozenset[str] = frozenset()
    #: what the story's cast says a description or pronoun token is (``the ministry``, ``it``):
    #: read when the phrase itself names nobody
    cast_codes: dict[int, str] = field(default_factory=dict)
    #: token index -> ISO alpha-3 country of the place mention the places stage resolved there
    #: (the story's gazetteer reading, with its context: ``Jeddah`` is in Saudi Arabia)
    place_countries: dict[int, str] = field(default_factory=dict)
    #: True while a ``the two sides`` lookup runs: pairs do not chain back through earlier pairs,
    #: which on a long story recursed past Python's stack
    pairing: bool = False

    def __post_init__(self) -> None:
        for ent in self.doc.ents:
            for i in range(ent.start, ent.end):
                self.entities[i] = ent
            if ent.label_ == "PERSON":
                self.persons.append(ent)

    def place_country(self, ent: Span) -> str | None:
        """The country a place name lies in: the places stage's reading, else the registry's."""
        return self.place_countries.get(ent.start) or self.registry.place_country(ent.text)

    def lookup(self, text: str, label: str | None = None) -> str | None:
        key = (text, label)
        if key not in self.cache:
            ref = self.registry.resolve(text, on=self.on, label=label)
            if ref is None:
                ref = self.registry.resolve_title(text, on=self.on)
            self.cache[key] = ref.code if ref else None
        return self.cache[key]

    def argument(self, token: Token) -> Argument:
        """All actors of the phrase headed by ``token`` and its conjuncts (memoised per story;
        the key includes the known speakers, which change what ``we`` resolves to)."""
        key = (token.i, len(self.speakers))
        if key not in self.arguments:
            self.arguments[key] = self._argument(token)
        return self.arguments[key]

    def _argument(self, token: Token) -> Argument:
        codes: list[str] = []
        spans: list[tuple[int, int]] = []
        heads = _conjuncts(token)
        shared = _agent_place(heads)
        # ``US and British forces``: a name joined to an adjective modifies the head with it
        # (USAMIL, GBRMIL), it is no fronted list item of its own
        fronted = [] if self._joined(token) else fronted_list(token)
        modifier = _shared_modifier(heads)
        for head in fronted + heads:
            if head.lemma_.lower() in self.unnamed:
                continue
            found = self._agents(head, shared) or self._joined(head)
            if not found and modifier is not None and head.i != heads[0].i and _bare_noun(head):
                # ``the Danish media and government``: the adjective names both agents' country
                alone = self.lookup(modifier.text)
                code = self.lookup(f"{modifier.text} {head.text}") if alone else None
                found = [code] if code and code != alone else []
            if head.i == token.i and fronted:
                named, span = self._own_name(token, fronted[-1].right_edge.i + 1)
            else:
                named, span = self._phrase(head, 0) if not found else ((), _span_of(head))
            named = self._residents(head, named)
            spans.append(span)
            for one in found or named:
                if one not in codes:
                    codes.append(one)
        return Argument(tuple(codes), tuple(spans))

    def _own_name(self, token: Token, start: int) -> tuple[tuple[str, ...], tuple[int, int]]:
        """The last item of a list the parser hung on it (see ``fronted_list``): its own words only."""
        own = self.doc[start : token.i + 1]
        while len(own) > 1 and own[0].pos_ in {"CCONJ", "PUNCT", "DET", "ADJ", "NOUN"}:
            own = own[1:]
        code = self.lookup(own.text)
        return ((code,) if code else ()), (own.start_char, own.end_char)

    def _agents(self, head: Token, shared: Token | None) -> list[str]:
        """An agent noun placed in one or more countries, the place list shared along a list of
        agents: ``lawmakers and officials in X and Y`` -> XLEG, YLEG, XGOV, YGOV (PETRARCH carries
        the agent through a compound)."""
        if head.pos_ != "NOUN":
            return []
        place = _own_place(head) or shared
        if place is None:
            return []
        agent = _strip_det(_np_span(head))
        # a dictionary (``--agents``) agent may be a phrase whose head alone is none (``human rights
        # activists``); the built-in agents are single words
        if self.registry.agent_code(head.text) is None and (
            not self.registry.user_agents or fold_key(agent) not in self.registry.user_agents
        ):
            return []
        found: list[str] = []
        for country in _conjuncts(place):
            alone = self._phrase(country, MAX_DEPTH)[0]
            code = self.lookup(f"{_strip_det(_np_span(country))} {agent}")
            if code and alone and code not in alone:
                found.append(code)
        return found

    def _residents(self, head: Token, named: tuple[str, ...]) -> tuple[str, ...]:
        """``the Albanians of southern Serbia``, ``ethnic Turks in Sweden``: a people placed in
        another country are coded by where they live (as PLOVER codes them)."""
        if len(named) != 1 or len(named[0]) != COUNTRY_CODE_LENGTH or head.ent_type_ != "NORP":
            return named
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in RESIDENCE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    country = self.registry.place_country(_strip_det(_np_span(obj)))
                    if country and country != named[0]:
                        return (country,)
        return named

    def _joined(self, head: Token) -> list[str]:
        """Joined modifiers each name an actor with the head: ``Hungarian and Romanian
        officials`` -> HUNGOV, ROUGOV (the phrase as a whole resolves to the first only)."""
        for child in head.children:
            if child.dep_ not in JOINED_DEPS or not any(c.dep_ == "conj" for c in child.children):
                continue
            found: list[str] = []
            for modifier in (child, *child.conjuncts):
                words = _strip_det(_np_span(modifier))
                code = self.lookup(f"{words} {head.text}") or self.lookup(words)
                if code and code not in found:
                    found.append(code)
            if len(found) > 1:
                return found
        return []

    def _placed(self, token: Token) -> tuple[str, ...]:
        """``demonstrators in Baghdad``, ``targets in Jericho``: a person or target noun placed in
        a known place belongs to the place's country."""
        if token.lemma_.lower() not in self.place_heads:
            return ()
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_HEAD_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    country = self.registry.place_country(_strip_det(_np_span(obj)))
                    if country:
                        return (country,)
        return ()

    def _phrase(self, token: Token, depth: int) -> tuple[tuple[str, ...], tuple[int, int]]:
        span = _np_span(token)
        if token.lemma_.lower() in self.unnamed:
            return (), (span.start_char, span.end_char)
        allegiance = _allegiance(span)
        if allegiance is not None and token.i > allegiance:
            # "a pro-Iranian militia", "an anti-Syria journalist": the name is whom they
            # side with or against, not who they are; the head is read alone
            return self._phrase_words(token, token.doc[allegiance + 1 : span.end], depth)
        text = _strip_det(span)
        several = self._hyphenated(text) or self._pair(token, span)
        if several:
            return several, (span.start_char, span.end_char)
        code = self._pronoun(token) if token.pos_ == "PRON" else None
        if code is None and token.pos_ == "PRON":
            code = self.cast_codes.get(token.i)
        if code is None and text:
            ent = self.entities.get(token.i)
            if ent is not None and (ent.start < span.start or any(t.pos_ == "CCONJ" for t in ent)):
                # a name that reaches left out of the phrase is mis-segmented ("Osgiliath with
                # Gondor"), and "Gondor and Osgiliath" as one name is a list, read by conjuncts
                ent = None
            if ent is not None and ent.end - ent.start >= len(span) - 1:
                code = self.lookup(ent.text, ent.label_)
            code = (
                code or self.lookup(text) or (self.lookup(ent.text, ent.label_) if ent is not None else None)
            )
            if code is None and ent is not None and ent.label_ == "PERSON" and len(ent) == 1:
                code = self._surname(ent)
        if code is not None and self._seat_as_place(token, code):
            return (), (span.start_char, span.end_char)
        if code is not None:
            return (code,), (span.start_char, span.end_char)
        codes = self._inner(token, depth) if depth < MAX_DEPTH else ()
        codes = codes or self._placed(token)
        if not codes and token.i in self.cast_codes:
            codes = (self.cast_codes[token.i],)
        return codes, (span.start_char, span.end_char)

    def seat(self, token: Token) -> Argument:
        """A capital read as the government even after a place preposition, for a predicate
        whose own pattern holds the preposition (``arrived in Amman``: the host)."""
        ent = self.entities.get(token.i)
        code = self.lookup(ent.text, ent.label_) if ent is not None else None
        if code is None or not self._seat_as_place(token, code):
            return EMPTY
        return Argument((code,), ((ent.start_char, ent.end_char),)) if ent is not None else EMPTY

    def _seat_as_place(self, token: Token, code: str) -> bool:
        """``talks in Moscow``, ``offices in Nairobi``: a capital named where something happens
        or lies is a place, not the government it stands for as an actor (``talks with Moscow``)."""
        ent = self.entities.get(token.i)
        return (
            code.endswith(GOVERNMENT_SECTOR)
            and ent is not None
            and ent.label_ in SEAT_LABELS
            and token.dep_ == "pobj"
            and token.head.lower_ in SEAT_PLACE_PREPS
        )

    def _phrase_words(self, token: Token, words: Span, depth: int) -> tuple[tuple[str, ...], tuple[int, int]]:
        span = _np_span(token)
        code = self.lookup(words.text.strip()) if len(words) else None
        return ((code,) if code else self._placed(token)), (span.start_char, span.end_char)

    def actor_like(self, token: Token) -> bool:
        """Whether an unresolved phrase head still names someone who can act: a name, a noun of
        people or groups, or an agent the registry knows (``police``)."""
        if token.pos_ == "NOUN" and token.lemma_.lower() in QUANTITY_HEADS:
            # "thousands of students", "dozens of gunmen": the people counted act
            return any(self.actor_like(obj) for obj in _of_objects(token))
        if token.ent_type_ in NOT_ACTORS:
            return False
        if token.pos_ == "PROPN":
            return True
        return token.pos_ == "NOUN" and (
            token.lemma_.lower() in self.actor_nouns or self.registry.agent_code(token.text) is not None
        )

    def _hyphenated(self, text: str) -> tuple[str, ...]:
        """``Russian-Chinese``, ``US-Iran``: a hyphenated pair of names is both actors."""
        if "-" not in text or " " in text.strip():
            return ()
        parts = [p.strip() for p in text.split("-")]
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            return ()
        codes = [self.lookup(p) for p in parts]
        found = tuple(dict.fromkeys(c for c in codes if c))
        return found if len(found) == len(parts) else ()

    def _pair(self, token: Token, span: Span) -> tuple[str, ...]:
        """``the two sides``, ``both countries``: the latest pair of actors named before
        (a small coreference: the nearest earlier list that resolves to exactly two actors)."""
        if self.pairing or token.lemma_.lower() not in PAIR_NOUNS:
            return ()
        if not any(t.lower_ in PAIR_WORDS for t in span):
            return ()
        self.pairing = True
        try:
            return self._earlier_pair(token, span)
        finally:
            self.pairing = False

    def _earlier_pair(self, token: Token, span: Span) -> tuple[str, ...]:
        start = max(token.i - PAIR_WINDOW, 0)
        for earlier in reversed(self.doc[start : span.start]):
            if earlier.pos_ not in {"PROPN", "NOUN"} or not any(c.dep_ == "conj" for c in earlier.children):
                continue
            codes = self.argument(earlier).codes
            if token.lemma_.lower() in COUNTRY_NOUNS:
                codes = tuple(dict.fromkeys(c[:3] for c in codes))
            if len(codes) == PAIR:
                return codes
        return ()

    def _inner(self, token: Token, depth: int) -> tuple[str, ...]:
        """Actors named inside the phrase; a list inside counts whole (``ties between X and Y``)."""
        for dep in INNER_DEPS:
            for child in token.children:
                if child.dep_ == dep and child.pos_ in {"PROPN", "NOUN", "ADJ", "PRON"}:
                    codes = self._phrase(child, depth + 1)[0]
                    if codes:
                        return codes
        leader = _leader(token)
        if leader is not None:
            # ``Vietnamese-led forces`` are Vietnamese forces (VNMMIL), a ``US-led war`` the US's
            own = self.lookup(f"{_strip_det(_np_span(leader))} {token.text}")
            codes = (own,) if own else self._phrase(leader, depth + 1)[0]
            if codes:
                return codes
        for prep in INNER_PREPS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == prep:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = (c for one in _conjuncts(obj) for c in self._phrase(one, depth + 1)[0])
                            codes = tuple(dict.fromkeys(found))
                            if codes:
                                return codes
        return ()

    def _pronoun(self, token: Token) -> str | None:
        word = token.lower_
        if word in FIRST_PERSON:
            return self.speakers.get(token.i)
        if word in THIRD_PERSON:
            return self.speakers.get(token.i) or self._last_person(token)
        if word in GROUP_PRONOUNS:
            return self._clause_subject(token)
        return None

    def _clause_subject(self, token: Token) -> str | None:
        """``X indicated it would act``: ``it``/``they`` in a complement clause is the governing
        subject; so is a possessive there (``X said its troops withdrew``: X's troops)."""
        node = token.head.head if token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS else token.head
        addressee = self._addressee(node) if token.dep_ in SUBJECT_DEPS else None
        if addressee is not None:
            return addressee
        for _ in range(4):
            if node.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or node.head.i == node.i:
                return None
            node = node.head
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS and child.pos_ != "PRON":
                    codes = self._phrase(child, 0)[0]
                    if codes:
                        return codes[0]
        return None

    def _addressee(self, clause: Token) -> str | None:
        """``X told Y that it must leave``: what a clause says someone must or should do falls on
        the person told, when the governing verb names one (round 10); a promise or a threat
        (``X told Y that it would retaliate``) stays the speaker's."""
        if clause.dep_ != "ccomp" or not is_deontic(clause):
            return None
        for child in clause.head.children:
            if child.dep_ in ADDRESSEE_DEPS and child.pos_ != "PRON" and child.i < clause.i:
                codes = self._phrase(child, 0)[0]
                if codes:
                    return codes[0]
        return None

    def _surname(self, ent: Span) -> str | None:
        """``Wang said``: a one-word name is the earlier full name it ends or starts (``Foreign
        Minister Wang Yi``) in the same story, when that one resolves (a small coreference)."""
        word = ent.text
        for earlier in reversed([e for e in self.persons if e.end <= ent.start and len(e) > 1]):
            if word in {earlier[0].text, earlier[-1].text}:
                code = self.lookup(earlier.text, earlier.label_) or self._titled(earlier)
                if code:
                    return code
        return None

    def _titled(self, ent: Span) -> str | None:
        """The name with its title in front (``Chinese Foreign Minister Wang Yi``), as written."""
        head = ent.root
        while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
            head = head.head
        span = _np_span(head)
        return self.lookup(_strip_det(span)) if span.start < ent.start else None

    def _last_person(self, token: Token) -> str | None:
        """The nearest earlier person mention that resolves (a deliberately small coreference):
        a person name, or a bare surname the tagger missed (``Wang said ...``) that ends or starts
        an earlier full name."""
        names = [e for e in self.persons if e.end <= token.i]
        seen: set[int] = set()
        for earlier in reversed(self.doc[max(token.i - PERSON_WINDOW, 0) : token.i]):
            ent = self.entities.get(earlier.i)
            if ent is not None and ent.label_ == "PERSON":
                if ent.start in seen:
                    continue
                seen.add(ent.start)
                code = self.lookup(ent.text, ent.label_) or (self._surname(ent) if len(ent) == 1 else None)
            elif (
                earlier.pos_ == "PROPN"
                and names
                and (ent is None or (len(ent) == 1 and ent.label_ in {"ORG", "NORP"}))
            ):
                code = self._surname(self.doc[earlier.i : earlier.i + 1])
            else:
                continue
            if code:
                return code
        return None


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, climbing complement, conjunct and relative-clause chains; a
    gerund after ``from`` has its governor's object as subject (``prevent X from interfering``:
    X interferes), never the governor's own subject."""
    node = token
    for _ in range(6):
        subjects = [
            c
            for c in node.children
            if c.dep_ in SUBJECT_DEPS and c.lower_ not in {"there", "which", "that", "who"}
        ]
        if subjects:
            # two subjects is a parse of a leading dateline ("BEIJING (TASS): The members need"):
            # the one nearest the verb is the clause's own
            return _participle_owner(max(subjects, key=lambda c: c.i if c.i < node.i else -c.i))
        controller = object_controller(node)
        if controller is not None:
            return controller
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head
        if node.dep_ in {"xcomp", "conj", "acomp", "pcomp", "advcl"} and node.head.i != node.i:
            node = node.head.head if node.head.dep_ == "prep" and node.dep_ == "pcomp" else node.head
            continue
        return None
    return None


def _leader(token: Token) -> Token | None:
    """``the US-led coalition``, ``a Saudi-led war``: what a party leads is that party's (the
    parser hangs the party on ``led`` as ``npadvmod``); ``X-backed`` says who supports it, not
    whose it is, and is left alone."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ == "led":
            return next((c for c in child.children if c.dep_ == "npadvmod"), None)
    return None


def _participle_owner(subject: Token) -> Token:
    """``The Red Cross operating in Iraq said``: spaCy may make the participle the clause's
    subject and the noun before it the participle's; a participle says nothing, the noun it
    describes (a reduced relative clause) is the subject."""
    if subject.tag_ not in {"VBG", "VBN"} or subject.dep_ not in {"nsubj", "csubj"}:
        return subject
    owner = next((c for c in subject.children if c.dep_ == "nsubj" and c.i < subject.i), None)
    return owner if owner is not None and owner.pos_ in {"NOUN", "PROPN"} else subject


def object_controller(token: Token) -> Token | None:
    """The object that is the subject of a gerund after ``from`` (``kept X from leaving``), or
    the passive subject of its governor (``X was barred from entering``)."""
    if token.dep_ != "pcomp" or token.head.lower_ not in CONTROL_PREPS:
        return None
    governor = token.head.head
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def passive_subject(token: Token) -> Token | None:
    found = next((c for c in token.children if c.dep_ in {"nsubjpass", "csubjpass"}), None)
    if found is None:
        # ``X was heavily and unjustly criticized``: the parser hangs the subject, as nsubj, on
        # the passive auxiliary
        for aux in (c for c in token.children if c.dep_ == "auxpass"):
            found = next((c for c in aux.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or found
    return found


def reduced_passive(token: Token) -> Token | None:
    """What a past participle without a subject or auxiliary of its own is done to: the noun
    it modifies (``troops sent by X``, ``Germany, backed by France,``). A fronted adverbial
    participle (``Rebuked by X, Y is ...``) is left alone: PETRARCH codes no event there (its
    validation suite lists one such sentence as NO_EVENTS) and PLOVER's gold gained nothing."""
    if token.tag_ != "VBN" or any(c.dep_ in OWN_CLAUSE_DEPS for c in token.children):
        return None
    if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    return None


def agent_of(token: Token) -> Token | None:
    """The ``by`` phrase object of a passive verb or of an event noun."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _of_objects(token: Token) -> list[Token]:
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _conjuncts(token: Token) -> list[Token]:
    """The phrase heads of a list: conjuncts, and names in apposition inside the list
    (``Mordor, the awful Arnor, and Gondor`` is often parsed with ``Arnor`` as an appositive)."""
    heads = [token]
    heads.extend(t for t in token.conjuncts if t.i > token.i)
    listed = len(heads) > 1 or any(c.dep_ == "cc" for c in token.children)
    for head in list(heads):
        for appos in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            # ``Mordor, the Shire, Arnor and Bree``: the rest of the list hangs on the appositive
            rest = [t for t in appos.conjuncts if t.i > appos.i]
            if listed or rest:
                heads.extend([appos, *rest])
    return sorted(set(heads), key=lambda t: t.i)


def _shared_modifier(heads: list[Token]) -> Token | None:
    """The adjective of a country before the first of a list of nouns (``Danish media and
    government``), which the parser attaches to the first noun only."""
    if len(heads) < 2 or heads[0].pos_ != "NOUN":
        return None
    return next((c for c in heads[0].lefts if c.dep_ in {"amod", "compound"} and c.ent_type_), None)


def _bare_noun(token: Token) -> bool:
    """A noun with no modifier of its own before it (``government`` in ``media and government``)."""
    return token.pos_ == "NOUN" and not any(c.dep_ in {"amod", "compound", "poss"} for c in token.lefts)


def fronted_list(token: Token) -> list[Token]:
    """Items of a list the parser attached to its last item as a modifier (``Arnor, Calenardhon
    and the evil awful Gondor`` parsed with ``Arnor`` as a modifier of ``Gondor``)."""
    for child in token.lefts:
        if child.dep_ in FRONTED_LIST_DEPS and child.pos_ == "PROPN":
            items = [child, *(t for t in child.conjuncts if t.i > child.i)]
            if len(items) > 1 and any(t.dep_ == "cc" for t in child.subtree):
                return [t for t in items if t.pos_ == "PROPN"]
    return []


def _own_place(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
            # ``soldiers from Gondor wire tapped ...`` parsed with ``Gondor wire`` as the object:
            # the name in the object's compound is the place
            if obj is not None:
                name = next((c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
                if name is not None:
                    return name
    return None


def _agent_place(heads: list[Token]) -> Token | None:
    """The place phrase a list of agent nouns shares (written once, after the last or first)."""
    if len(heads) < 2:
        return None
    places = [p for p in (_own_place(h) for h in heads if h.pos_ == "NOUN") if p is not None]
    return places[0] if len(places) == 1 else None


def _allegiance(span: Span) -> int | None:
    """The index of the name after an ``anti-``/``pro-`` prefix in the phrase, if any."""
    for t in span[:-2]:
        if t.lower_ in ALLEGIANCE_PREFIXES and t.nbor().text == "-":
            return t.i + 2
    return None


def _span_of(token: Token) -> tuple[int, int]:
    span = _np_span(token)
    return (span.start_char, span.end_char)


def _np_span(token: Token) -> Span:
    """The head plus its name-forming left modifiers (not clauses or prepositional phrases)."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in {"compound", "flat", "appos"} and child.i == end:
            end = child.right_edge.i + 1
    return token.doc[start:end]


def _strip_det(span: Span) -> str:
    """The phrase's text without a leading determiner, spacing kept as written."""
    first = span[0] if len(span) else None
    if first is not None and first.lower_ in DETERMINERS and len(span) > 1:
        return span.text[span[1].idx - span.start_char :].strip()
    return span.text.strip()
