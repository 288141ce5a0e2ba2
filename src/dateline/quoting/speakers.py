"""Who a speaker phrase refers to: a name, a pronoun, a title or an organisation.

Rules, in order (the first that applies decides, and says why in ``reason``):

1. a pronoun ("he", "him", "they", "it") refers to the speaker of the previous
   attribution, unless another person has since become the subject of a sentence
   (not inside a quote's content: that person was talked about);
   with no previous speaker, to the most recent person in subject position, then
   to the most recent person at all;
2. a phrase naming a person is that person (a surname alone is the full name
   used elsewhere in the story);
3. a title or description ("the Russian President", "the PRC leader", "the head
   of state") is the holder of that office on the story date, from the registry;
   with no country named, the most recent person holding such an office, and a
   bare description of a person ("the spokesman") is the current speaker;
4. a phrase naming an organisation or country is that body;
5. any other proper name is taken as the speaker's own name, with no actor code;
6. any other common noun ("civil society groups", "another passenger") is people the story does
   not name, as they appear, of the country their phrase names, else of the story's country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..cast.model import EMPTY_CAST, Cast
from ..cast.names import same_person
from ..records import Speaker
from ..registry import ActorRegistry
from .lexicon import QuoteLexicon
from .mentions import History, Mention

#: pronouns that open a relative clause, whose speaker is the noun the clause describes
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: how far back (characters) a pronoun or description may look for its referent
PRONOUN_WINDOW_CHARS = 2500
#: no mentions at all (the default for resolvers built without the cast's descriptions)
NO_MENTIONS = History(())
#: an actor code's country part
COUNTRY_CODE_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolution decision: who (if anyone), what sort of speaker, and why."""

    speaker: Speaker | None
    kind: str | None  # person | group | None
    reason: str


@dataclass(frozen=True, slots=True)
class Previous:
    """The last attribution resolved so far in the story, for pronouns."""

    resolved: Resolved
    position: int
    #: where its speaker phrase ends: names inside the phrase ("Aide to the President of Russia
    #: Yuri Ushakov") are part of it, not people who have since become a subject
    end: int = 0


@dataclass(frozen=True)
class SpeakerResolver:
    """Resolves speaker phrases of one story against its mention history."""

    history: History
    lexicon: QuoteLexicon
    registry: ActorRegistry
    on: dt.date | None
    cast: Cast = EMPTY_CAST
    #: people the cast knows by a description only, candidates for pronouns
    described: History = NO_MENTIONS
    #: the contents of the story's attributions: a person who is a subject there is one the
    #: speaker talked about ("Rubio said the Trump administration ..."), not the story's subject
    reported: tuple[tuple[int, int], ...] = ()

    def _subject(self, mention: Mention) -> bool:
        return mention.subject and not any(s <= mention.start < e for s, e in self.reported)

    def resolve(self, phrase: Span, previous: Previous | None) -> Resolved:
        """Who the phrase is, with the cast member it is when the cast knows one."""
        return self._with_cast(self._resolve(phrase, previous), phrase)

    def _with_cast(self, resolved: Resolved, phrase: Span) -> Resolved:
        speaker = resolved.speaker
        if speaker is None or speaker.cast is not None:
            return resolved
        member = self.cast.member_at(phrase.root.idx)
        if member is None or member.name != speaker.name:
            member = next((m for m in self.cast.members if m.name == speaker.name), None)
        if member is None:
            return resolved
        # the cast may know a code the name alone does not give (an organisation outside the registry)
        actor = speaker.actor or member.actor
        return Resolved(Speaker(speaker.name, actor, member.id), resolved.kind, resolved.reason)

    def _described_head(self, phrase: Span, persons: list[Mention]) -> bool:
        """``Guterres' spokesman``, ``Sharif's administration``: the phrase is headed by a description
        the cast resolved, and the person named in it is only its possessor or modifier."""
        head = phrase.root
        if any(m.start <= head.idx < m.end for m in persons):
            return False
        link = self.cast.link_at(head.idx)
        return link is not None and not link.named

    def _from_cast(self, phrase: Span) -> Resolved | None:
        """A description the cast resolved: ``the group`` is the last organisation named, ``the
        official`` the one introduced before, ``authorities`` those of the story's country."""
        link = self.cast.link_at(phrase.root.idx)
        if link is None or link.named:
            return None
        member = self.cast.member(link.member)
        if member.actor is None and member.kind != "person":
            return None
        kind = "person" if member.kind == "person" else "group"
        return Resolved(Speaker(member.name, member.actor, member.id), kind, f"cast: {link.how}")

    def _resolve(self, phrase: Span, previous: Previous | None) -> Resolved:
        antecedent = _relative_antecedent(phrase)
        if antecedent is not None:
            resolved = self._resolve(antecedent, previous)
            return Resolved(resolved.speaker, resolved.kind, f"relative {phrase.text!r}: {resolved.reason}")
        head = phrase.root
        pronoun = self.lexicon.pronouns.get(head.lower_) if len(phrase) == 1 else None
        if pronoun is not None:
            return self._pronoun(phrase, pronoun, previous)
        mentions = self.history.within(phrase.start_char, phrase.end_char)
        persons = [m for m in mentions if m.kind == "person"]
        if persons and not self._described_head(phrase, persons):
            person = _closest_to_head(persons, head.idx)
            return Resolved(self._speaker(person), "person", f"named: {phrase.text!r} is {person.name}")
        untagged = self._untagged_name(phrase, mentions)
        if untagged is not None:
            return untagged
        described = self._from_cast(phrase)
        if described is not None:
            return described
        title = self._title(phrase, mentions, previous)
        if title is not None:
            return title
        groups = [m for m in mentions if m.kind == "group"]
        if groups:
            return self._group(phrase, groups)
        if head.pos_ == "PROPN" and head.is_title:
            # a proper name speaking is a speaker even when the tagger called it a place
            name = " ".join(t.text for t in phrase if t.pos_ == "PROPN")
            reason = f"proper name {phrase.text!r} outside the registry"
            return Resolved(Speaker(name, None), "person", reason)
        return self._anonymous(phrase, mentions) or Resolved(
            None, None, f"unresolved: {phrase.text!r} names no known person or body"
        )

    def _anonymous(self, phrase: Span, mentions: list[Mention]) -> Resolved | None:
        """``Civil society groups``, ``another passenger``, ``the student``: people the story does not
        name speak as they appear, of the country their phrase names, else of the story's country."""
        head = phrase.root
        if head.pos_ != "NOUN":
            return None
        countries = [m.actor[:COUNTRY_CODE_LENGTH] for m in mentions if m.kind == "group" and m.actor]
        country = countries[0] if countries else self.cast.country
        if country is None:
            return None
        name = phrase.text.removeprefix("the ").removeprefix("The ").strip()
        # not a "person" a later "he" may refer back to: the noun may name no one ("traffic camera
        # footage"), and a named person said since is likelier
        kind = "group" if head.tag_ == "NNS" else None
        return Resolved(Speaker(name, country), kind, f"anonymous: {phrase.text!r}, of {country}")

    def _pronoun(self, phrase: Span, kind: str, previous: Previous | None) -> Resolved:
        pos = phrase.start_char
        if kind == "self":
            return Resolved(None, None, f"first-person {phrase.text!r} outside a quotation")
        recent = self.history.before(pos, window=PRONOUN_WINDOW_CHARS)
        wanted = "person" if kind in {"male", "female", "person"} else "group"
        if wanted == "person":
            described = self.described.before(pos, window=PRONOUN_WINDOW_CHARS)
            recent = sorted([*recent, *described], key=lambda m: m.start)
        last = previous if previous and previous.resolved.kind == wanted else None
        if last is not None and pos - last.position > PRONOUN_WINDOW_CHARS:
            last = None
        if wanted == "group":
            return self._group_pronoun(phrase, recent, last)
        return self._person_pronoun(phrase, recent, last)

    def _person_pronoun(self, phrase: Span, recent: list[Mention], last: Previous | None) -> Resolved:
        persons = [m for m in recent if m.kind == "person"]
        if last is not None and last.resolved.speaker is not None:
            name = last.resolved.speaker.name
            since = max(last.position + 1, last.end)
            newer = [m for m in persons if self._subject(m) and m.start >= since and m.name != name]
            if not newer:
                return Resolved(
                    last.resolved.speaker, "person", f"pronoun {phrase.text!r}: the previous speaker, {name}"
                )
            person = newer[-1]
            return Resolved(
                self._speaker(person),
                "person",
                f"pronoun {phrase.text!r}: {person.name}, subject since the last quote",
            )
        subjects = [m for m in persons if self._subject(m)]
        if subjects:
            return Resolved(
                self._speaker(subjects[-1]),
                "person",
                f"pronoun {phrase.text!r}: the most recent subject, {subjects[-1].name}",
            )
        if persons:
            return Resolved(
                self._speaker(persons[-1]),
                "person",
                f"pronoun {phrase.text!r}: the most recent person, {persons[-1].name}",
            )
        return Resolved(None, "person", f"pronoun {phrase.text!r}: no person mentioned before it")

    def _group_pronoun(self, phrase: Span, recent: list[Mention], last: Previous | None) -> Resolved:
        if last is not None and last.resolved.speaker is not None:
            name = last.resolved.speaker.name
            return Resolved(
                last.resolved.speaker, "group", f"pronoun {phrase.text!r}: the previous speaker, {name}"
            )
        groups = [m for m in recent if m.kind == "group" and m.subject]
        if groups:
            return Resolved(
                self._speaker(groups[-1]),
                "group",
                f"pronoun {phrase.text!r}: the most recent subject body, {groups[-1].name}",
            )
        return Resolved(None, "group", f"pronoun {phrase.text!r}: no body in subject position before it")

    def _untagged_name(self, phrase: Span, mentions: list[Mention]) -> Resolved | None:
        """``Swiss Foreign Minister Ignazio Cassis``: a name the tagger missed, after its title."""
        head = phrase.root
        if head.pos_ != "PROPN" or not head.is_title or head.lower_ in self.lexicon.title_words:
            return None
        if any(m.start <= head.idx < m.end for m in mentions):
            return None
        run = [head]
        while run[0].i > phrase.start and _name_word(run[0].nbor(-1), self.lexicon.title_words):
            run.insert(0, run[0].nbor(-1))
        name = " ".join(t.text for t in run)
        ref = self.registry.resolve(name, on=self.on, label="PERSON")
        if ref is not None and ref.kind == "person" and same_person(name, ref):
            return Resolved(Speaker(ref.name, ref.code), "person", f"name {name!r} after a title: {ref.name}")
        return Resolved(Speaker(name, None), "person", f"name {name!r} after a title, outside the registry")

    def _speaker(self, mention: Mention) -> Speaker:
        """The mention's person or body, with the registry's canonical name and code when it knows them."""
        if mention.actor is not None or mention.kind != "person":
            return Speaker(mention.name, mention.actor)
        ref = self.registry.resolve(mention.name, on=self.on, label="PERSON")
        if ref is not None and ref.kind == "person" and same_person(mention.name, ref):
            return Speaker(ref.name, ref.code)
        return Speaker(mention.name, None)

    def _title(self, phrase: Span, mentions: list[Mention], previous: Previous | None) -> Resolved | None:
        text = phrase.text
        ref = self.registry.resolve_title(text, on=self.on)
        if ref is not None:
            return Resolved(Speaker(ref.name, ref.code), "person", f"title {text!r}: {ref.name} on {self.on}")
        role = self._role(phrase)
        head_is_person = phrase.root.lemma_.lower() in self.lexicon.person_nouns
        if role is None and not head_is_person:
            return None
        if role is not None:
            found = self._role_holder(phrase, role, mentions)
            if found is not None:
                return found
        groups = [m for m in mentions if m.kind == "group"]
        if groups and role is None:  # "a spokesperson for the Red Cross" speaks for the body
            body = groups[0]  # the body it works for comes first ("..., which is based in Geneva")
            return Resolved(
                Speaker(body.name, body.actor), "group", f"description {text!r}: speaks for {body.name}"
            )
        if phrase.root.tag_ in {"NNS", "NNPS"} or phrase[0].lower_ in {"a", "an"}:
            return self._anonymous(phrase, mentions) or Resolved(
                None, None, f"description {text!r}: not one known person"
            )
        if previous is not None and previous.resolved.kind == "person" and previous.resolved.speaker:
            name = previous.resolved.speaker.name
            return Resolved(
                previous.resolved.speaker, "person", f"description {text!r}: the current speaker, {name}"
            )
        subjects = [
            m for m in self.history.before(phrase.start_char, window=PRONOUN_WINDOW_CHARS) if m.subject
        ]
        persons = [m for m in subjects if m.kind == "person"]
        if persons:
            return Resolved(
                self._speaker(persons[-1]), "person", f"description {text!r}: most recent subject person"
            )
        return Resolved(None, "person", f"description {text!r}: no office holder or person found")

    def _role(self, phrase: Span) -> str | None:
        words = [t.lower_ for t in phrase]
        for pattern, role in self.lexicon.roles:
            size = len(pattern)
            if any(tuple(words[i : i + size]) == pattern for i in range(len(words) - size + 1)):
                return role
        return None

    def _role_holder(self, phrase: Span, role: str, mentions: list[Mention]) -> Resolved | None:
        text = phrase.text
        for mention in mentions:
            country = self._country(mention)
            if country is None:
                continue
            ref = self.registry.role_holder(country, role, on=self.on)
            if ref is not None:
                return Resolved(
                    Speaker(ref.name, ref.code), "person", f"title {text!r}: {role} of {country} on {self.on}"
                )
        words = [w for w, r in self.lexicon.roles if r == role]
        earlier = self.history.before(phrase.start_char, window=PRONOUN_WINDOW_CHARS)
        holders = [m for m in earlier if m.kind == "person" and m.role and _role_mentions(m.role, words)]
        if holders:
            person = holders[-1]
            return Resolved(
                self._speaker(person),
                "person",
                f"title {text!r}: most recent {role.replace('_', ' ')}, {person.name}",
            )
        return None

    def _country(self, mention: Mention) -> str | None:
        if mention.actor is None:
            return None
        ref = self.registry.resolve(mention.name, on=self.on)
        if ref is not None and ref.country:
            return ref.country
        return mention.actor[:3]

    def _group(self, phrase: Span, groups: list[Mention]) -> Resolved:
        ref = self.registry.resolve(phrase.text, on=self.on, label="ORG")
        if ref is not None:
            return Resolved(Speaker(ref.name, ref.code), "group", f"body: {phrase.text!r} is {ref.name}")
        body = groups[-1]
        name = phrase.text.removeprefix("the ").removeprefix("The ").strip()
        return Resolved(Speaker(name, body.actor), "group", f"body: {phrase.text!r}, coded by {body.name!r}")


def _closest_to_head(mentions: list[Mention], head: int) -> Mention:
    """The mention holding the phrase's head word, else the last one ("Aide to X, Y" is Y)."""
    for mention in mentions:
        if mention.start <= head < mention.end:
            return mention
    return mentions[-1]


def _name_word(token: Token, titles: frozenset[str]) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.lower_ not in titles


def _role_mentions(role: str, words: list[tuple[str, ...]]) -> bool:
    lowered = role.lower()
    return any(" ".join(w) in lowered for w in words)


def _relative_antecedent(phrase: Span) -> Span | None:
    """``Washington, which says ...``, ``a farmer who said ...``: a relative pronoun speaks for the
    noun phrase its clause describes."""
    if len(phrase) != 1 or phrase.root.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = phrase.root.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    start = min([noun.i] + [t.left_edge.i for t in noun.lefts])
    return noun.doc[start : noun.i + 1]
