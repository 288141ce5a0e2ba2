"""Actors the parse leaves unnamed, placed in the one country a sentence is about.

``Police arrested 12 protesters in Kirkuk``: a news reader takes the police to be Iraqi.
The coder asks this module for the countries a sentence names (:func:`country_mentions`)
and then gives an unresolved source or target that country (:func:`in_country`), or codes
an ethnic group by where the act happens (:func:`ethnic_target`). See docs/events.md,
round 8 ("actors of a one-country sentence").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .arguments import ALLEGIANCE_PREFIXES, Argument, Resolver
from .drafts import Draft

#: CAMEO roots of protest: protesters protest where they live
PROTEST_ROOTS = frozenset({"14"})
#: entity labels that never name a country's actor
UNPLACED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: modifiers by which a writer leaves a party unnamed: it is not the sentence's country
UNNAMED_MODIFIERS = frozenset(
    {"certain", "some", "other", "foreign", "outside", "external", "unknown", "unidentified", "unnamed"}
)
#: CAMEO roots of armed violence, whose unnamed perpetrators are the place's unidentified forces
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: taking territory (192: occupy, invade, seize a town): its target is the country the land is in
TERRITORY_CODES = frozenset({"192"})
#: how many words from the head of an occupied place's phrase its country may be named (``the
#: key towns of X, north of Y``)
PLACE_WINDOW = 18
#: CAMEO roots of meetings and consultations, whose visitor is the source
MEETING_ROOTS = frozenset({"04"})
#: prepositions of the place where an act happens
ACT_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around"})
UNIDENTIFIED_FORCES = "UAF"
#: what only a state does to people, so that nobody named means its authorities: arrests and
#: detentions (173), deportations (174), releases (084, 0841)
STATE_CODES = frozenset({"173", "174", "084", "0841"})
#: of these, the acts that send people to another country, which is their target
DEPORT_CODES = frozenset({"174"})
#: of these, the acts also done to things (``pictures were released``): a person must undergo them
RELEASE_CODES = frozenset({"084", "0841"})
#: event nouns of these codes that report one act when they say on whom (``the arrest of five
#: people``, ``Mech Dara's arrest``); other mentions are general (``arbitrary arrests``)
STATE_NOUN_CODES = frozenset({"173"})
#: protests by nobody named ("protests continue in Baghdad") are by people of the country where
#: they take place, against its government unless the text names another
PROTEST_ROOT = "14"
#: (start, end, country, acts) of a name in the sentence, clean offsets; ``acts`` when the name
#: is itself a clause's subject (an actor of its own, not where others come from)
Mention = tuple[int, int, str, bool]


def country_mentions(sent: Span, resolver: Resolver, countries: frozenset[str]) -> list[Mention]:
    """Every name in the sentence that resolves to an actor or place of a country."""
    found: list[Mention] = []
    for i in range(sent.start, sent.end):
        # the resolver's entity index, not ``sent.ents`` (rebuilt on every access)
        ent = resolver.entities.get(i)
        if ent is None or ent.start != i or ent.label_ in UNPLACED_LABELS or _sided(ent):
            continue
        code = resolver.lookup(ent.text, ent.label_)
        if code is None and ent.label_ in PLACE_LABELS:
            code = resolver.place_country(ent)
        if code is not None and code[:3] in countries:
            acts = ent.root.dep_ in {"nsubj", "nsubjpass"}
            found.append((ent.start_char, ent.end_char, code[:3], acts))
    return found


def _sided(ent: Span) -> bool:
    """``anti-Syria``, ``pro-Iranian``: a name of whom someone sides with, not where it is."""
    doc, start = ent.doc, ent.start
    if ent[0].lower_ in ALLEGIANCE_PREFIXES:
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ALLEGIANCE_PREFIXES


def _one_country(
    mentions: list[Mention], outside: tuple[tuple[int, int], ...], *, actors: bool = True
) -> str | None:
    """The one country the names of the sentence (those outside ``outside``) belong to; None
    when they name two or more, or, unless ``actors``, when only subjects name it."""
    named = [
        (c, acts) for start, end, c, acts in mentions if not any(s <= start and end <= e for s, e in outside)
    ]
    found = {c for c, _ in named}
    if len(found) != 1 or not (actors or any(not acts for _, acts in named)):
        return None
    return found.pop()


def in_country(
    draft: Draft, mentions: list[Mention], sent: Span, resolver: Resolver, others: frozenset[str]
) -> Draft:
    """An actor nobody resolves (``police``, ``the government``, ``Prime Minister X``) in a
    sentence about one country is of that country, as a news reader takes it. The target is
    often domestic (``the court allowed candidate X to run``), but an unnamed source is not of
    its target's country just because only the target is named (``gunmen seized French
    hostages``): the source's country must be named outside the target, and not by another
    actor (``Canada wants to stop gangs from interfering``: the gangs are not Canadian). A
    target that names another party by what it is (``its partners``, ``governments``) stays
    unresolved."""
    if not draft.target.codes and draft.target.spans:
        head = _span_root(draft.target.spans, sent)
        # people hit by an attack are of the country where it happened
        violent = draft.code[:2] in VIOLENT_ROOTS
        country = (_act_place(draft, resolver) if violent else None) or _one_country(mentions, ())
        if (
            country is not None
            and head is not None
            and head.lemma_.lower() not in others
            and _unplaced_actor(head, resolver)
        ):
            code = _with_agent(country, head, resolver)
            # never the source itself ("leaders forgave the president", both GOV): the country
            code = country if code in draft.source.codes else code
            target = Argument((code,), draft.target.spans)
            draft = replace(draft, target=target)
    if not draft.source.resolved:
        head = _span_root(draft.source.spans, sent)
        # protesters protest where they live: a protest's target may name their country
        outside = () if draft.code[:2] in PROTEST_ROOTS else _phrases(draft.target.spans, sent)
        country = _one_country(mentions, outside, actors=False)
        if country is not None and head is not None and _unplaced_actor(head, resolver):
            source = Argument((_with_agent(country, head, resolver),), draft.source.spans)
            draft = replace(draft, source=source)
        elif country is not None and _unclaimed_attack(draft, head, resolver):
            # "a roadside bomb near X killed ...", "... were killed by a device in X": CAMEO's
            # unidentified armed forces of the country where it happened
            draft = replace(draft, source=Argument((country + UNIDENTIFIED_FORCES,), draft.source.spans))
    return draft


def state_act(draft: Draft, mentions: list[Mention], story_country: str | None, resolver: Resolver) -> Draft:
    """``three supporters have been arrested``, ``was released on bail``, ``the arrest of five
    people``: an arrest, detention, deportation or release by nobody named is by the authorities
    of the country where it happens (a place of the act, else the one country the sentence names,
    else the story's country), on people of that country unless they are named (PLOVER codes
    such acts domestic). A protest noun by nobody named (``protests continued in Baghdad``) is likewise
    by people of the country where it happens, against that country's government unless the text
    names another target."""
    # a protest verb has a subject, or names no act ("the right to protest"): nouns only
    protest = draft.code[:2] == PROTEST_ROOT and draft.predicate.kind == "noun"
    if (draft.code not in STATE_CODES and not protest) or draft.source.resolved or draft.source.spans:
        return draft
    if not protest and not _agentless(draft, resolver):
        return draft
    country = _act_place(draft, resolver) or _one_country(mentions, ()) or story_country
    if country is None:
        return draft
    target = draft.target if draft.target.codes else Argument((country,), draft.target.spans)
    if draft.code in DEPORT_CODES:
        # "many of whom were deported to X, Y": the country that receives them
        target = _destination(draft.predicate.token, resolver) or target
    return replace(draft, source=Argument((country,), ()), target=target)


def _destination(verb: Token, resolver: Resolver) -> Argument | None:
    """The countries a ``to`` phrase of the verb names (``deported to X, Y or other countries``)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for obj in prep.children:
            argument = resolver.argument(obj) if obj.dep_ == "pobj" else None
            if argument is not None and argument.resolved:
                return argument
    return None


def _agentless(draft: Draft, resolver: Resolver) -> bool:
    """A passive verb without ``by`` on people (``were arrested``), or an event noun that says
    on whom (``the arrest of X``, ``X's detention``)."""
    token = draft.predicate.token
    if any(c.dep_ == "agent" for c in token.children):
        return False
    if draft.predicate.kind == "noun":
        owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children)
        return draft.code in STATE_NOUN_CODES and owned
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    return draft.code not in RELEASE_CODES or subject.pos_ == "PRON" or resolver.actor_like(subject)


def occupied_country(
    draft: Draft, mentions: list[Mention], story_country: str | None, resolver: Resolver
) -> Draft:
    """``occupied at least 36 hospitals``, ``invaded the island of X``: land taken is taken from
    the country it lies in: a place named inside the object's phrase, else the one country the
    sentence names (besides the occupier's own), else the story's country."""
    if draft.code not in TERRITORY_CODES or draft.target.codes or not draft.source.codes:
        return draft
    objects = [c for c in draft.predicate.token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return draft
    own = {code[:3] for code in draft.source.codes}
    named = {c for _, _, c, _ in mentions}
    # the sentence's one country, or the one besides the occupier's own (``X troops occupy towns
    # in Y``); land of one's own country is taken from its people (domestic, as PLOVER codes it)
    sentence = named.pop() if len(named) == 1 else next(iter(named - own)) if len(named - own) == 1 else None
    country = _place_inside(objects[0], resolver) or sentence or story_country
    if country is None:
        return draft
    return replace(draft, target=Argument((country,), draft.target.spans))


def _place_inside(head: Token, resolver: Resolver) -> str | None:
    """The country of the first place named in a phrase (``the island of X``)."""
    for token in head.subtree:
        ent = resolver.entities.get(token.i)
        if ent is not None and ent.label_ in PLACE_LABELS and abs(token.i - head.i) <= PLACE_WINDOW:
            country = resolver.place_country(ent)
            if country:
                return country[:3]
    return None


def visitor_first(draft: Draft, resolver: Resolver) -> Draft:
    """``X met with Y in X's capital``: in a meeting the visitor is the source and the host the
    target (the annotation conventions, as PLOVER codes visits), so a meeting held in the
    subject's own country, with one party from another, is the other party's."""
    if draft.code[:2] not in MEETING_ROOTS or len(draft.source.codes) != 1 or not draft.target.codes:
        return draft
    host = draft.source.codes[0][:3]
    if any(code[:3] == host for code in draft.target.codes) or _act_place(draft, resolver) != host:
        return draft
    return replace(draft, source=draft.target, target=draft.source)


def ethnic_target(draft: Draft, sent: Span, resolver: Resolver) -> Draft:
    """``killed three ethnic Albanians in southern Serbia``: an ethnic group is coded by the
    country it lives in, here where the act happens (as PLOVER codes it)."""
    if len(draft.target.codes) != 1 or len(draft.target.codes[0]) != len("XXX"):
        return draft
    head = _span_root(draft.target.spans, sent)
    if head is None or not any(c.lower_ == "ethnic" for c in head.children):
        return draft
    country = _act_place(draft, resolver)
    if country is None or country == draft.target.codes[0]:
        return draft
    return replace(draft, target=Argument((country,), draft.target.spans))


def _act_place(draft: Draft, resolver: Resolver) -> str | None:
    """The country of the place an act happens in (``in Tel Aviv``, ``in a gunbattle in
    southern X``): a place phrase of the verb, of its adverbial clauses, or one level inside."""
    nodes = [draft.predicate.token]
    nodes.extend(c for c in draft.predicate.token.children if c.dep_ == "advcl")
    for _ in range(2):
        following: list[Token] = []
        for node in nodes:
            for prep in node.children:
                if prep.dep_ != "prep" or prep.lower_ not in ACT_PLACE_PREPS:
                    continue
                for obj in prep.children:
                    ent = resolver.entities.get(obj.i)
                    if obj.dep_ == "pobj" and ent is not None and ent.label_ in PLACE_LABELS:
                        country = resolver.place_country(ent)
                        if country:
                            return country
                    if obj.dep_ == "pobj":
                        following.append(obj)
        nodes = following
    return None


def _unclaimed_attack(draft: Draft, head: Token | None, resolver: Resolver) -> bool:
    """A clause's act of armed violence on someone named, by nobody named."""
    token = draft.predicate.token
    return (
        draft.code[:2] in VIOLENT_ROOTS
        and draft.predicate.kind == "verb"
        and token.dep_ not in {"amod", "acl"}
        and bool(draft.target.codes)
        and not _named(head, resolver)
    )


def _named(head: Token | None, resolver: Resolver) -> bool:
    """Whether an unresolved source phrase names someone (``gunmen``, ``the RUF``), rather than
    a weapon or an attack (``a roadside bomb``) or nothing at all (an agentless passive)."""
    return head is not None and (head.pos_ == "PRON" or resolver.actor_like(head))


def _unplaced_actor(head: Token, resolver: Resolver) -> bool:
    """Someone who can act, not a place the registry does not know (``exercises in Alaska``)
    and not a party the writer leaves unnamed on purpose (``certain forces``, ``foreign
    powers``), who is nobody's own country."""
    if head.ent_type_ in PLACE_LABELS or not resolver.actor_like(head):
        return False
    return not any(c.lower_ in UNNAMED_MODIFIERS for c in head.children if c.dep_ in {"amod", "det"})


def _phrases(spans: tuple[tuple[int, int], ...], sent: Span) -> tuple[tuple[int, int], ...]:
    """The whole phrases (with their prepositional phrases) of an argument's spans: ``the
    resignation of the Kenyan president`` names Kenya inside the target."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            found.append((start, end))
            continue
        left, right = span.root.left_edge, span.root.right_edge
        found.append((min(start, left.idx), max(end, right.idx + len(right))))
    return tuple(found)


def _span_root(spans: tuple[tuple[int, int], ...], sent: Span) -> Token | None:
    if not spans:
        return None
    span = sent.doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    return span.root if span is not None else None


def _with_agent(country: str, head: Token, resolver: Resolver) -> str:
    """The country with the agent its phrase names (``the army`` -> MIL, ``opposition leader
    X`` -> OPP, ``Prime Minister X`` -> GOV)."""
    words = head.doc[head.left_edge.i : head.i + 1].text if head.pos_ == "PROPN" else head.text
    agent = resolver.registry.agent_code(words) if head.pos_ in {"NOUN", "PROPN"} else None
    return country + (agent or "")
