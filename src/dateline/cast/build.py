"""Stage ``cast``: the story's participants, built once from names, descriptions and pronouns.

Mentions are read in text order; each joins a member or founds one, and the link says why:

1. a name is its registry entry (people by full name: "Xi" after "Xi Jinping" is him); a name
   the registry does not know takes the country its own phrase gives it ("Turkish ambassador
   Mithat Rende", "Muhammad Aurangzeb, Pakistan's finance minister");
2. a description ("the ministry", "the spokesman", "the insurgent group") is, in order: the
   person whose name stands in apposition with it; the latest person whose own title named the
   body it names ("The Commerce chief"); the office holder its title names on the story date;
   the member its own words name ("the Nigerian government"); the latest member described by
   the same noun (a definite noun phrase picks up an earlier mention with the same head); the
   latest member of the sort it describes ("the group": the last organisation); for nouns of
   domestic bodies ("authorities", "police"), the body of the story's country; an indefinite
   description founds a member, which is the first person named later with the same word of
   office when no name came before it;
3. a pronoun outside quotation marks is the latest person (he, she) or body (it, they) in
   subject position, else the latest one at all.

The story's country is the dateline's, else the country whose places are named most often (ties:
first named); a nationality ("French hostages") says who, not where, and does not count.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..quoting.marks import find_marked
from ..records import ActorRef, CastMention, Member
from ..registry import ActorRegistry
from ..work import Context, Work
from .lexicon import CastLexicon, Description
from .model import Cast, Link
from .names import bare_name, full_name, is_subject, same_person, story_full_names, with_first_names

#: spaCy labels that can name a participant
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: names whose actor code votes for the story's country
VOTING_LABELS = frozenset({"PERSON", "ORG", "GPE"})
#: dependents that stand before a head inside its noun phrase
PRE_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case"})
#: prepositions by which a word of office names whom the person works for
EMPLOYER_PREPS = frozenset({"for", "of", "at"})
#: words by which a description names no particular party or expressly another country's
UNSPECIFIC_WORDS = frozenset(
    {"certain", "some", "other", "foreign", "external", "outside", "unidentified", "unknown", "any"}
)
SEVERAL_WORDS = frozenset({"two", "both", "three", "several", "many", "some", "other"})
INDEFINITE = frozenset({"a", "an", "another", "one"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
#: registry sectors of armed groups
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "MIL"})
#: sectors of state bodies
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY"})
COUNTRY_CODE_LENGTH = 3
#: the sector of an organisation that is no state body and names no other sector
NON_GOVERNMENTAL = "NGO"
#: the sector of a news organisation (``data/cast/media.tsv``)
MEDIA_SECTOR = "MED"
#: member kinds a description of each sort may refer back to
REFERS_KINDS = {
    "government": frozenset({"government"}),
    "group": frozenset({"organisation", "armed_group"}),
    "country": frozenset({"country"}),
    "document": frozenset({"government", "organisation", "armed_group", "igo", "country"}),
    "person": frozenset({"person"}),
}
#: kinds of member a person's title may name as their employer ("Commerce Secretary X"; a country
#: or an IGO names too many people: "Iraqi officials" are not the Iraqi prime minister)
EMPLOYER_KINDS = frozenset({"government", "organisation"})
#: nouns of armed groups, which prefer an armed group over any organisation
ARMED_NOUNS = frozenset({"rebel", "insurgent", "militant", "militia", "fighter"})
PERSON_PRONOUNS = frozenset({"male", "female", "person"})


@dataclass
class _Draft:
    """A member while the cast is built."""

    id: str
    name: str
    actor: str | None
    kind: str
    person_like: bool = False
    nouns: set[str] = field(default_factory=set)
    #: ids of the bodies a person's own title names ("Commerce Secretary Howard Lutnick")
    bodies: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


@dataclass
class _Builder:
    doc: Doc
    registry: ActorRegistry
    lexicon: CastLexicon
    work: Work
    focus: str | None = None
    drafts: list[_Draft] = field(default_factory=list)
    by_key: dict[tuple[str, ...], _Draft] = field(default_factory=dict)
    #: (position, member id, in subject position) of every link so far, in text order
    recent: list[tuple[int, str, bool]] = field(default_factory=list)
    full_names: tuple[str, ...] = ()

    # ------------------------------------------------------------------------------ members

    def draft(self, key: tuple[str, ...], name: str, actor: str | None, kind: str) -> _Draft:
        if key not in self.by_key:
            member = _Draft(f"c{len(self.drafts) + 1}", name, actor, kind)
            self.drafts.append(member)
            self.by_key[key] = member
        return self.by_key[key]

    def link(
        self,
        member: _Draft,
        span: Span | Token,
        how: str,
        *,
        named: bool,
        subject: bool,
        default: bool = False,
    ) -> None:
        start, end = _chars(span)
        member.links.append(Link(start, end, member.id, how, named, default, subject))
        self.recent.append((start, member.id, subject))

    def latest(
        self, predicate: Callable[[_Draft], bool], *, before: int, subjects_only: bool = False
    ) -> _Draft | None:
        """The member of the latest link before ``before`` that passes ``predicate``."""
        for position, member_id, subject in reversed(self.recent):
            if position >= before or (subjects_only and not subject):
                continue
            member = self._by_id(member_id)
            if predicate(member):
                return member
        return None

    def _by_id(self, member_id: str) -> _Draft:
        return self.drafts[int(member_id[1:]) - 1]

    # ------------------------------------------------------------------------------ names

    def name(self, ent: Span) -> None:
        if ent.label_ == "PERSON" or self._titled_name(ent):
            self.person(ent)
        else:
            self.body(ent)

    def person(self, ent: Span) -> None:
        found = self._person_member(ent)
        if found is None:
            self.body(ent)
            return
        member, how = found
        self.link(member, ent, how, named=True, subject=is_subject(ent))

    def _person_member(self, ent: Span) -> tuple[_Draft, str] | None:
        """The member a person's name is, and why; None when the registry knows the name as a body."""
        text = full_name(bare_name(ent.text, self.lexicon.titles), self.full_names)
        ref = self.registry.resolve(text, on=self.work.date, label="PERSON")
        if ref is not None and ref.kind != "person":
            return None
        if ref is not None and not same_person(text, ref):
            ref = None
        nouns = _role_nouns(ent, self.lexicon)
        if ref is not None:
            member = self.draft(("person", ref.name), ref.name, ref.code, "person")
            how = f"name: {ent.text!r} is {ref.name} ({ref.role or ref.code})"
        else:
            actor, why = self._affiliation(ent)
            member = self.draft(("person", text), text, actor, "person")
            member.actor = member.actor or actor
            how = f"name: {ent.text!r} is {text}" + (f", {why}" if why else "")
        member.nouns |= nouns
        member.bodies |= self._named_bodies([ent.doc[ent.root.left_edge.i : ent.start]])
        member.person_like = member.person_like or ref is not None or len(text.split()) > 1 or bool(nouns)
        return member, how

    def _named_bodies(self, phrases: list[Span]) -> set[str]:
        """The members (bodies) named by words of the phrases."""
        bodies = set()
        for phrase in phrases:
            for token in phrase:
                link = self._link_at(token.idx) if token.ent_type_ else None
                if link is not None and self._by_id(link.member).kind in EMPLOYER_KINDS:
                    bodies.add(link.member)
        return bodies

    def _titled_name(self, ent: Span) -> bool:
        """A name the tagger took for a body but that a word of office stands before (``former
        Turkish ambassador Mithat Rende``): titles go with people."""
        if ent.label_ != "ORG" or self.registry.resolve(ent.text, on=self.work.date) is not None:
            return False
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is None or before.dep_ != "compound":
            return False
        return before.lemma_.lower() in self.lexicon.titles

    def body(self, ent: Span) -> None:
        ref = self.registry.resolve(ent.text, on=self.work.date, label=ent.label_)
        if ref is None:
            if ent.label_ != "ORG":
                return  # a place or people the registry does not know acts as nobody here
            name = _without_article(ent.text)
            code, why = self._unlisted_body(ent)
            member = self.draft(("org", name.lower()), name, code, "organisation")
            how = f"name: {ent.text!r}, an organisation outside the registry" + (f", {why}" if why else "")
        else:
            member = self.draft(("body", ref.code, ref.name), ref.name, ref.code, _kind(ref))
            how = f"name: {ent.text!r} is {ref.name}"
        member.nouns.add(ent.root.lemma_.lower())
        member.nouns |= _role_nouns(ent, self.lexicon)
        self.link(member, ent, how, named=True, subject=is_subject(ent))

    def _unlisted_body(self, ent: Span) -> tuple[str | None, str]:
        """An organisation the registry does not know is a news outlet of the country
        ``data/cast/media.tsv`` gives, else non-governmental (or of the sector its head noun names: a
        school EDU, a newspaper MED) and of the story's country; nobody under ``--dictionaries-only``."""
        if self.focus is None:
            return None, ""
        outlet = self.lexicon.media.get(_without_article(ent.text).lower())
        if outlet is not None:
            return outlet + MEDIA_SECTOR, f"a news organisation of {outlet}"
        sector = self.registry.agent_code(ent.root.text) or NON_GOVERNMENTAL
        if sector in STATE_SECTORS:
            return None, ""  # a state body the registry does not know: whose, the name does not say
        return self.focus + sector, f"{sector} of the story's country {self.focus}"

    def _affiliation(self, ent: Span) -> tuple[str | None, str]:
        """The code a person's own phrase gives them: a national title before the name or in an
        apposition (``Turkish ambassador X``, ``X, Pakistan's finance minister``)."""
        for phrase in _title_phrases(ent, self.lexicon):
            ref = self.registry.resolve(phrase.text, on=self.work.date)
            if ref is not None and ref.kind != "person":
                return ref.code, f"of {ref.code} by {phrase.text!r}"
        return None, ""

    # ------------------------------------------------------------------------------ descriptions

    def description(self, head: Token, phrase: Span, sort: Description) -> None:
        text = _without_article(phrase.text)
        start = phrase.start_char
        several = sort.plural_several or sort.refers == "person"
        if several and (_several(phrase, head) or (head.tag_ == "NNS" and sort.plural_several)):
            # "the two leaders", "Russian and Chinese officials", "the governments": more than one
            return
        if sort.refers == "person" and (self._apposed(head, phrase) or self._colleague(head, phrase)):
            return
        if sort.refers == "person":
            ref = self.registry.resolve_title(_with_of_phrase(phrase, head).text, on=self.work.date)
            if ref is not None and ref.kind == "person":
                member = self.draft(("person", ref.name), ref.name, ref.code, "person")
                member.person_like = True
                how = f"title: {phrase.text!r} is {ref.name} on {self.work.date}"
                self.link(member, phrase, how, named=False, subject=is_subject(phrase))
                return
        own = self._own_code(phrase, head)
        noun = head.lemma_.lower()
        article = _determiner(phrase)
        # a possessor makes a noun phrase definite (``Guterres' spokesman`` is one known person)
        definite = article in DEFINITE or _possessed(phrase) or (head.tag_ in {"NNS", "NNPS"} and not article)
        found = self._antecedent(noun, sort, own, before=start) if definite else None
        if found is not None:
            member, why = found
            member.nouns.add(noun)
            self.link(
                member,
                phrase,
                f"description: {phrase.text!r} is {member.name}, {why}",
                named=False,
                subject=is_subject(phrase),
            )
            return
        default = own is None and sort.domestic and self.focus is not None and not _unspecific(phrase)
        if default and self.focus is not None:
            agent = self.registry.agent_code(noun) or "GOV"
            own = self.focus + agent
            member = self.draft(("body", own, "story"), f"{self.focus} {noun}", own, _sort_kind(sort))
            how = f"description: {phrase.text!r}, {noun} of the story's country {self.focus}"
        elif own is not None and sort.refers != "person":
            member = self.draft(("body", own, noun), text, own, _sort_kind(sort, own))
            how = f"description: {phrase.text!r} is {own} by its own words"
        elif own is not None or article in INDEFINITE or (sort.refers == "person" and _modified(phrase)):
            member = self.draft(("described", str(start)), text, own, _sort_kind(sort, own))
            how = f"description: {phrase.text!r} introduces {text}" + (f" ({own})" if own else "")
        else:
            return
        member.nouns.add(noun)
        member.person_like = member.person_like or sort.refers == "person"
        self.link(member, phrase, how, named=False, subject=is_subject(phrase), default=default)

    def _apposed(self, head: Token, phrase: Span) -> bool:
        """``England's transport secretary, Grant Shapps,``, ``Abdourahim Said Bakar, a government
        spokesman``: a description in apposition with a person's name is that person."""
        name = _apposed_name(head)
        found = self._person_member(name) if name is not None else None
        if found is None:
            return False
        member, _ = found
        member.nouns.add(head.lemma_.lower())
        member.person_like = True
        how = f"description: {phrase.text!r} is {member.name}, in apposition with the name"
        self.link(member, phrase, how, named=False, subject=is_subject(phrase))
        return True

    def _colleague(self, head: Token, phrase: Span) -> bool:
        """``The Commerce chief`` after ``Commerce Secretary Howard Lutnick``: a description of a
        person that names a body is the latest person whose own title named it."""
        bodies = self._named_bodies([phrase[: head.i - phrase.start]])
        if not bodies or head.tag_ in {"NNS", "NNPS"}:
            return False
        member = self.latest(
            lambda m: m.kind == "person" and bool(m.bodies & bodies), before=phrase.start_char
        )
        if member is None:
            return False
        member.nouns.add(head.lemma_.lower())
        how = f"description: {phrase.text!r} is {member.name}, the latest person titled by the same body"
        self.link(member, phrase, how, named=False, subject=is_subject(phrase))
        return True

    def _own_code(self, phrase: Span, head: Token) -> str | None:
        """What the description's own words name: ``the Nigerian government`` -> NGAGOV."""
        ref = self.registry.resolve(phrase.text, on=self.work.date)
        if ref is not None and ref.kind != "person":
            return ref.code
        for token in phrase:
            if token.i == head.i or not token.ent_type_:
                continue
            link = self._link_at(token.idx)
            if link is not None and self._by_id(link.member).actor:
                principal = self._by_id(link.member)
                if principal.kind == "person" and principal.actor:
                    return principal.actor
                agent = self.registry.agent_code(head.text) or ""
                return (principal.actor or "")[:COUNTRY_CODE_LENGTH] + agent if principal.actor else None
        return self._employer(head)

    def _employer(self, head: Token) -> str | None:
        """``a spokesperson for the State Department``, ``the head of the agency``: a word of office
        names, with its for/of phrase, whom the person works for."""
        if head.lemma_.lower() not in self.lexicon.titles:
            return None
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in EMPLOYER_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    ref = self.registry.resolve(_noun_phrase(noun).text, on=self.work.date)
                    if ref is not None and ref.kind != "person":
                        return ref.code
        return None

    def _link_at(self, char: int) -> Link | None:
        for member in self.drafts:
            for link in member.links:
                if link.start <= char < link.end:
                    return link
        return None

    def _antecedent(
        self, noun: str, sort: Description, own: str | None, *, before: int
    ) -> tuple[_Draft, str] | None:
        def same_noun(member: _Draft) -> bool:
            # the same head noun is evidence enough for a member whose code the story never gave
            return noun in member.nouns and (member.actor is None or _compatible(member.actor, own))

        member = self.latest(same_noun, before=before)
        if member is not None:
            return member, f"the latest described as {noun!r}"
        if own is not None and sort.refers == "person":
            member = self.latest(lambda m: m.kind == "person" and _compatible(m.actor, own), before=before)
            return (member, f"the latest person of {own}") if member is not None else None
        if sort.refers == "person" or own is not None:
            return None
        kinds = REFERS_KINDS[sort.refers]
        if noun in ARMED_NOUNS:
            member = self.latest(lambda m: m.kind == "armed_group", before=before)
            if member is not None:
                return member, "the latest armed group"
        if sort.domestic:
            return None  # "the government" with no earlier government named: the story's own
        member = self.latest(lambda m: m.kind in kinds, before=before)
        return (member, f"the latest {sort.refers}") if member is not None else None

    # ------------------------------------------------------------------------------ pronouns

    def pronoun(self, token: Token, kind: str) -> None:
        start = token.idx
        subject = token.dep_ in {"nsubj", "nsubjpass"}
        if kind in PERSON_PRONOUNS:

            def wanted(member: _Draft) -> bool:
                return member.kind == "person" and member.person_like
        else:

            def wanted(member: _Draft) -> bool:
                return member.kind != "person"

        member = self.latest(wanted, before=start, subjects_only=True)
        how = "the latest subject"
        if member is None:
            member = self.latest(wanted, before=start)
            how = "the latest mention"
        if member is not None:
            self.link(
                member, token, f"pronoun {token.text!r}: {how}, {member.name}", named=False, subject=subject
            )


def build_cast(work: Work, ctx: Context) -> Work:
    """The story's participants, each with every mention of it (see the module docstring)."""
    lexicon = ctx.cast_lexicon
    builder = _Builder(work.doc, ctx.registry, lexicon, work)
    # coding with given dictionaries alone (PETRARCH's convention) names no party they do not name
    country = _story_country(work, ctx.registry)
    builder.focus = None if ctx.settings.dictionaries_only else country
    persons = [with_first_names(ent) for ent in work.doc.ents if ent.label_ == "PERSON"]
    bare = {bare_name(ent.text, lexicon.titles) for ent in persons}
    builder.full_names = story_full_names(bare)
    quoted = [(m.start, m.end) for m in find_marked(work.story.clean_text)]
    for item in _mentions(work, lexicon, quoted):
        if isinstance(item, Span):
            builder.name(item)
        elif item.lower_ in lexicon.pronouns:
            builder.pronoun(item, lexicon.pronouns[item.lower_])
        else:
            builder.description(item, _noun_phrase(item), lexicon.descriptions[item.lemma_.lower()])
    cast = _finish(builder, work, country)
    return dataclasses.replace(work, cast=cast)


def _mentions(work: Work, lexicon: CastLexicon, quoted: list[tuple[int, int]]) -> list[Span | Token]:
    """Names, description heads and pronouns, in text order (a name's tokens are not re-read)."""
    dateline = work.story.dateline
    items: list[Span | Token] = []
    in_name: set[int] = set()
    for ent in work.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = with_first_names(ent) if ent.label_ == "PERSON" else ent
        if dateline is not None and work.span(span.start_char, span.end_char).end <= dateline.end:
            continue
        items.append(span)
        in_name.update(range(span.start, span.end))
    for token in work.doc:
        if token.i in in_name:
            continue
        if token.lower_ in lexicon.pronouns and token.pos_ == "PRON":
            if lexicon.pronouns[token.lower_] != "self" and not _inside(token.idx, quoted):
                items.append(token)
        elif _describes(token, lexicon) and not _inside(token.idx, quoted):
            items.append(token)
    return sorted(items, key=lambda item: item.start_char if isinstance(item, Span) else item.idx)


def _describes(token: Token, lexicon: CastLexicon) -> bool:
    """A description's head noun (not a modifier: ``the government`` yes, ``government forces`` no)."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.lemma_.lower() in lexicon.descriptions
        and token.dep_ not in {"compound", "amod"}
    )


def _named_later(drafts: list[_Draft]) -> list[_Draft]:
    """``Finance minister: ...`` in a headline, then ``Finance Minister Muhammad Aurangzeb``: a
    person introduced by a description before any name is the first person named after it with the
    same word of office (and no other country); the description's links move to that person."""
    merged: list[_Draft] = []
    for draft in drafts:
        if draft.kind != "person" or any(link.named for link in draft.links) or not draft.links:
            merged.append(draft)
            continue
        first = draft.links[0].start
        named = [
            other
            for other in drafts
            if other.kind == "person"
            and draft.nouns & other.nouns
            and _compatible(other.actor, draft.actor)
            and any(link.named for link in other.links)
            and min(link.start for link in other.links if link.named) > first
        ]
        if not named:
            merged.append(draft)
            continue
        # the first so named after it: a headline's "Finance minister" is the story's first minister
        person = min(named, key=lambda other: min(link.start for link in other.links if link.named))
        why = f"; named later as {person.name}, with the same word of office"
        person.links = sorted(
            [*person.links, *(dataclasses.replace(link, how=link.how + why) for link in draft.links)],
            key=lambda link: link.start,
        )
    return _renumbered(merged)


def _renumbered(drafts: list[_Draft]) -> list[_Draft]:
    """Ids ``c1``, ``c2``, ... in order again, links following their member."""
    for number, draft in enumerate(drafts, start=1):
        draft.id = f"c{number}"
        draft.links = [dataclasses.replace(link, member=draft.id) for link in draft.links]
    return drafts


def _finish(builder: _Builder, work: Work, story_country: str | None) -> Cast:
    members = []
    links: list[Link] = []
    people = set()
    for draft in _named_later(builder.drafts):
        mentions = tuple(CastMention(*_original(work, link), link.how) for link in draft.links)
        country = _country(draft.actor)
        members.append(Member(draft.id, draft.name, draft.actor, draft.kind, country, mentions))
        links.extend(draft.links)
        if draft.person_like:
            people.add(draft.id)
    ordered = tuple(sorted(links, key=lambda link: link.start))
    return Cast(tuple(members), ordered, frozenset(people), story_country)


def _original(work: Work, link: Link) -> tuple[int, int, str]:
    span = work.span(link.start, link.end)
    return span.start, span.end, span.text


def _story_country(work: Work, registry: ActorRegistry) -> str | None:
    dateline = work.story.dateline
    if dateline is not None and dateline.country:
        return dateline.country
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for entity in work.entities:
        code = entity.actor
        # places, people and bodies, not nationalities: "three French hostages" says who was
        # taken, not where the story is
        if code is None or entity.label not in VOTING_LABELS or code.startswith(("IGO", "NGO")):
            continue
        country = code[:COUNTRY_CODE_LENGTH]
        counts[country] += 1
        first.setdefault(country, entity.start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def _apposed_name(head: Token) -> Span | None:
    """The person's name standing in apposition with a description's head, either side of it."""
    tokens = [child for child in head.children if child.dep_ == "appos"]
    if head.dep_ == "appos":
        tokens.append(head.head)
    for token in tokens:
        for ent in head.doc.ents:
            if ent.label_ == "PERSON" and ent.start <= token.i < ent.end and token.i == ent.root.i:
                return with_first_names(ent)
    return None


def _noun_phrase(head: Token) -> Span:
    """The head with the modifiers before it (``the insurgent group``, ``Guterres' spokesman``)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in PRE_MODIFIERS:
            start = min(start, child.left_edge.i)
    return head.doc[start : head.i + 1]


def _unspecific(phrase: Span) -> bool:
    """``certain forces``, ``external forces``, ``some officials``: no particular party, or expressly
    not the story's own; the story's-country default does not apply."""
    return any(t.lower_ in UNSPECIFIC_WORDS for t in phrase)


def _several(phrase: Span, head: Token) -> bool:
    """A description of more than one party: a number or "both", or conjoined modifiers."""
    return any(t.lower_ in SEVERAL_WORDS or t.pos_ == "NUM" or t.dep_ == "cc" for t in phrase) or any(
        child.dep_ == "conj" for child in head.children
    )


def _possessed(phrase: Span) -> bool:
    return any(t.dep_ == "poss" for t in phrase)


def _modified(phrase: Span) -> bool:
    """Words beyond an article: ``a senior official``, ``State Department officials``."""
    return any(t.dep_ not in {"det", "poss"} for t in phrase[:-1])


def _with_of_phrase(phrase: Span, head: Token) -> Span:
    """The description with an ``of`` phrase after it (``the President of Turkey``)."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return head.doc[phrase.start : child.right_edge.i + 1]
    return phrase


def _title_phrases(ent: Span, lexicon: CastLexicon) -> list[Span]:
    """Phrases that give a named person's office: the words before the name in its noun phrase,
    and an apposition headed by a word of office."""
    root = ent.root
    phrases = []
    before = [t for t in root.lefts if t.dep_ in PRE_MODIFIERS and t.i < ent.start]
    if before:
        phrases.append(ent.doc[min(t.left_edge.i for t in before) : ent.start])
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in lexicon.titles:
            phrases.append(_noun_phrase(child))
    if root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.titles:
        phrases.append(_noun_phrase(root.head))
    return phrases


def _role_nouns(ent: Span, lexicon: CastLexicon) -> set[str]:
    """Nouns of office the story gives a name (``spokesman Stephane Dujarric``, ``X, a consultancy``)."""
    # a title the name was grown over ("Minister Muhammad Aurangzeb") is the name's own
    nouns = {
        t.lemma_.lower()
        for t in ent
        if t.lower_ in lexicon.titles and t.lemma_.lower() in lexicon.descriptions
    }
    for phrase in _title_phrases(ent, lexicon):
        nouns.update(t.lemma_.lower() for t in phrase if t.lemma_.lower() in lexicon.descriptions)
    for child in ent.root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in lexicon.descriptions:
            nouns.add(child.lemma_.lower())
    return nouns


def _kind(ref: ActorRef) -> str:
    if ref.kind == "person":
        return "person"
    if ref.kind == "igo":
        return "igo"
    if ref.kind in {"ngo"}:
        return "organisation"
    sector = ref.code[COUNTRY_CODE_LENGTH : COUNTRY_CODE_LENGTH + 3]
    if ref.kind == "group":
        return "armed_group" if sector in ARMED_SECTORS else "organisation"
    if len(ref.code) == COUNTRY_CODE_LENGTH:
        return "country"
    return "government" if sector in STATE_SECTORS else "organisation"


def _sort_kind(sort: Description, code: str | None = None) -> str:
    if sort.refers == "person":
        return "person"
    if sort.refers == "country":
        return "country"
    if sort.refers == "group":
        sector = (code or "")[COUNTRY_CODE_LENGTH : COUNTRY_CODE_LENGTH + 3]
        return "armed_group" if sector in ARMED_SECTORS else "organisation"
    return "government" if sort.refers == "government" else "organisation"


def _country(code: str | None) -> str | None:
    if code is None or code.startswith(("IGO", "NGO")):
        return None
    return code[:COUNTRY_CODE_LENGTH]


def _compatible(actor: str | None, own: str | None) -> bool:
    return own is None or (actor is not None and actor[:COUNTRY_CODE_LENGTH] == own[:COUNTRY_CODE_LENGTH])


def _determiner(phrase: Span) -> str:
    first = phrase[0]
    return first.lower_ if first.dep_ in {"det", "poss"} else ""


def _without_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            return text[len(article) :].strip()
    return text.strip()


def _chars(span: Span | Token) -> tuple[int, int]:
    if isinstance(span, Token):
        return span.idx, span.idx + len(span)
    return span.start_char, span.end_char


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)
