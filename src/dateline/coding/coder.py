"""The event coder: predicates + arguments + modality + dates -> :class:`Event` records.

Steps per sentence (see ``docs/events.md``):
1. find predicates (verbs, light verb + event noun, bare event nouns);
2. fold a governing appeal / intent / demand / rejection into one event with a refined code
   (``called for strengthening cooperation`` is one 02x appeal, not an appeal plus cooperation);
3. read source and target from the parse; an event needs a resolved source, an unresolved
   target is kept as text;
4. reported speech: the reported act is coded as itself; the speaker's statement becomes an
   appeal (02x) when the content says someone should/needs to act, or an accusation (112) when it
   reports another actor's hostile act; plain statements are not coded;
5. modality and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pycountry
from spacy.tokens import Span, Token

from ..records import Event
from ..work import Work
from .antecedents import VERBAL_ROOTS, Earlier, referred_noun, referred_target
from .arguments import (
    EMPTY,
    Argument,
    Resolver,
    agent_of,
    object_controller,
    passive_subject,
    reduced_passive,
    subject_of,
)
from .complements import clause_subject_target, complement_clause
from .countries import (
    PROTEST_ROOTS,
    country_mentions,
    ethnic_target,
    in_country,
    occupied_country,
    state_act,
    visitor_first,
)
from .discards import Discards, load_discards
from .drafts import Draft
from .event_dates import EventDate, default_date, resolve_date
from .lexicon import Lexicon
from .modality import is_commitment, modality_of
from .ontology import QUAD_BY_ROOT, Ontology
from .policy import GOVERNMENT, REFINE, THREAT_CODE, THREAT_OF
from .predicates import Predicate, find_predicates, for_clause_mark, noun_predicate
from .speech import content_of, quote_speakers, speaker_of, speech_drafts
from .verb_patterns import load_verb_files

#: roots whose stated intent, future or conditional is cooperation (03x) or a threat (13x)
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
#: roots a negated commitment turns into a rejection (``would not meet their demands``)
REJECTABLE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
REJECT_CODE = "120"
#: acts whose unnamed target is the source's own country (protest; coercion of someone unnamed)
DOMESTIC_ROOTS = frozenset({"14", "17"})
DOMESTIC_IF_OBJECT = frozenset({"17"})
#: threats of a coercive act (CAMEO 132x, 137: THREAT_OF of 17x)
REPRESSION_THREATS = frozenset({"132", "137"})
#: an appeal or demand is addressed to whoever its content clause says should act
ADDRESSED_ROOTS = frozenset({"02", "10"})
#: restrictions (172) and what they become when they fall on another country: a sanction (163),
#: since PLOVER's COERCE restricts a state's own people and SANCTION reduces relations with others
RESTRICTION_CODE = "172"
FOREIGN_RESTRICTION_CODE = "163"
#: expelling individuals (174) against expelling or withdrawing an organisation (166)
DEPORT_CODE = "174"
EXPEL_CODE = "166"
ORGANISATION_PREFIXES = frozenset({"IGO", "NGO"})
#: possessives that point an event noun back to the subject of its clause (``its demand``)
OWN_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
#: links along which a governing predicate takes a nested one as its content
CONTENT_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "acomp", "oprd", "attr", "ccomp"})
#: accusations and complaints: their ``to`` phrase is the addressee (``complained to X over Y``)
COMPLAINT_ROOTS = frozenset({"11"})
#: the prepositions that carry what an accusation is about (``accused X of ...``)
ALLEGED_PREPS = frozenset({"of", "over", "about"})
#: a verb of these roots speaks of an act that it keeps from happening (CAMEO 12, reject):
#: an event noun in its phrase is not an event of its own
UNREALISED_ROOTS = frozenset({"12"})
#: codes by which a modal act is stated as someone's word (intent, refusal, threat), an event
#: in itself
STATED_ROOTS = frozenset({"03", "12", "13"})
#: links inside one phrase that a governing predicate reaches its content through
LINK_DEPS = frozenset({"conj", "compound", "amod", "nmod"})
SOURCE_NOUN_DEPS = ("poss", "amod", "compound", "nmod")
#: links that keep a noun inside its verb's phrase (objects, their modifiers and prepositions)
PHRASE_DEPS = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nmod", "conj", "appos", "attr", "oprd"})
TARGET_PREPS = (
    "with",
    "about",
    "to",
    "against",
    "toward",
    "towards",
    "on",
    "upon",
    "at",
    "into",
    "over",
    "between",
    "for",
    "near",
)
WEAK_TARGET_PREPS = frozenset({"in", "from"})
#: prepositions of place, time and route: never where a passive's hidden agent is named
PLACE_PREPS = frozenset(
    {"in", "at", "on", "near", "into", "from", "to", "during", "after", "before", "since", "along", "across"}
)
CIRCUMSTANCE_PREPS = frozenset(
    {"at", "during", "in", "after", "before", "following", "for", "via", "through"}
)
#: the means by which a clause's subject acts (``retaliated with tariffs``, ``responded with
#: sanctions``): an event noun there is the subject's own act
INSTRUMENT_PREPS = frozenset({"with"})
#: how far below an object phrase a target may sit, and the links never followed there
DEEP_TARGET_LEVELS = 4
DEEP_STOP_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "punct", "cc", "mark", "nsubj"})
#: clauses whose acts are background to the sentence's main event
SECONDARY_DEPS = frozenset({"advcl", "relcl"})
#: where a verb's act is a detail of the sentence's event when it names no target
MINOR_DEPS = frozenset({"xcomp", "pcomp", "acl", "advcl"})
#: "allow X to interfere", "let X decide": the permitted act is not (yet) happening
PERMISSIVE_HEADS = frozenset({"allow", "permit", "let", "prevent", "stop", "forbid"})
#: "X announced it would cut aid": the content of an announcement is a decision taken, not a
#: threat held over anyone (PLOVER's THREATEN is coercive warnings); a condition still makes one
ANNOUNCING_HEADS = frozenset({"announce"})
#: verbs whose object event noun is the subject's own act (``announced new sanctions on X``,
#: ``unveiled an aid package``)
ANNOUNCED_OBJECT_HEADS = frozenset({"announce", "unveil"})
#: verbs by which a relative clause says its event noun happens (besides ``take place``, ``be held``)
OCCUR_VERBS = frozenset({"happen", "occur"})
RELATIVE_WORDS = frozenset({"which", "that", "whom"})
#: subordinators of a condition a threat is held over
CONDITION_MARKS = frozenset({"unless", "if"})
MATERIAL_CONFLICT = 4
#: pattern words that make a negated verb the pattern's own event (``SAID WOULD NOT *``)
NEGATION_WORDS = frozenset({"not", "n't", "never", "neither", "nor", "no"})


@dataclass(frozen=True)
class Coder:
    """The loaded ontology and lexicon: everything the coder needs besides the story."""

    ontology: Ontology
    lexicon: Lexicon
    #: ISO 3166 alpha-3 codes: a source whose code starts with one is of that country
    countries: frozenset[str] = frozenset()
    #: PETRARCH discard phrases (``--discards``)
    discards: Discards = field(default_factory=Discards)


def load_coder(
    data: Path,
    verb_files: tuple[Path, ...] = (),
    *,
    builtin: bool = True,
    discard_files: tuple[Path, ...] = (),
) -> Coder:
    """The ontology, lexicon and verb dictionaries; built once per run and kept in the Context.
    ``builtin=False``: codes come from the verb dictionaries only (``--dictionaries-only``)."""
    dictionary = load_verb_files(verb_files) if verb_files else None
    ontology = Ontology.load(data / "ontology", data / "events" / "plover_overrides.txt")
    countries = frozenset(c.alpha_3 for c in pycountry.countries)
    lexicon = Lexicon.load(data / "events", dictionary)
    if not builtin and dictionary:
        lexicon = lexicon.roles_only()
    return Coder(ontology, lexicon, countries, load_discards(discard_files))


#: predicates by sentence start, found once per story (speech content reuses its sentence's)
Memo = dict[int, list[Predicate]]


def _predicates(sent: Span, coder: Coder, memo: Memo) -> list[Predicate]:
    if sent.start not in memo:
        memo[sent.start] = find_predicates(sent, coder.lexicon)
    return memo[sent.start]


def code_work(work: Work, resolver: Resolver, coder: Coder) -> tuple[Event, ...]:
    """All events of one parsed story."""
    resolver.speakers.update(quote_speakers(work))
    events: list[Event] = []
    memo: Memo = {}
    previous: Span | None = None
    if coder.discards and coder.discards.drops_story([t.lower_ for t in work.doc]):
        return ()
    earlier = _quoted_acts(work)
    country = work.cast.country if work.cast is not None else None
    for sent in work.doc.sents:
        if coder.discards and coder.discards.drops_sentence(sent):
            previous = sent
            continue
        drafts = _sentence_drafts(sent, previous, resolver, coder, memo, story_country=country)
        drafts = _with_earlier_targets(work, drafts, earlier, coder.lexicon.referring)
        dates = [e for e in sent.ents if e.label_ == "DATE"] if drafts else []
        events.extend(_event(work, sent, draft, coder, dates) for draft in drafts)
        previous = sent
    return tuple(events)


def _quoted_acts(work: Work) -> list[Earlier]:
    """Every attributed quote as an earlier act its speaker did (``the allegations`` may be
    what the story quoted)."""
    return [Earlier((q.speaker.actor,), "", q.start) for q in work.quotes if q.speaker and q.speaker.actor]


def _with_earlier_targets(
    work: Work, drafts: list[Draft], earlier: list[Earlier], nouns: Mapping[str, str]
) -> list[Draft]:
    """Reactions to an act the story named before (``rejected the allegations``) target its
    author (``antecedents.py``); the sentence's own acts are then earlier acts for what follows."""
    found: list[Draft] = []
    for draft in drafts:
        at = work.span(work.doc[draft.first].idx, work.doc[draft.first].idx).start
        noun = referred_noun(draft, nouns) if draft.code[:2] in VERBAL_ROOTS else None
        if noun is not None:
            draft = referred_target(draft, noun, nouns[noun.lemma_.lower()], earlier, at)
        found.append(draft)
    earlier.extend(
        Earlier(d.source.codes, d.code[:2], work.span(work.doc[d.first].idx, work.doc[d.first].idx).start)
        for d in drafts
        if d.source.resolved
    )
    return found


def _sentence_drafts(
    sent: Span,
    previous: Span | None,
    resolver: Resolver,
    coder: Coder,
    memo: Memo,
    *,
    story_country: str | None = None,
) -> list[Draft]:
    predicates = _predicates(sent, coder, memo)
    speech = [p for p in predicates if p.entry.is_speech]
    acts = _one_per_phrase(_fold([p for p in predicates if not p.entry.is_speech], coder.ontology))
    drafts = [_folded_draft(gov, code, inner, resolver) for gov, code, inner in acts]
    drafts.extend(_inner_events(sent, drafts, resolver, coder))
    drafts = _occurrences(sent, drafts, resolver, coder)
    drafts.extend(_reversed(drafts))
    absorbed: set[int] = set()
    if coder.lexicon.dictionary:
        drafts = _complement_targets(drafts, resolver, absorbed)
    for cue in speech:
        statement = (
            _dictionary_statement(cue, resolver, coder, absorbed) if coder.lexicon.dictionary else None
        )
        if statement is not None:
            drafts.append(statement)
            continue
        said = speech_drafts(
            cue, previous, resolver, coder.ontology, lambda sent: _predicates(sent, coder, memo)
        )
        if any(d.code[:2] in ADDRESSED_ROOTS for d in said):
            drafts = _without_demanded(drafts, content_of(cue.token, previous))
        drafts.extend(said)
    drafts = [d for d in drafts if d.predicate.token.i not in absorbed and not _unsaid(d)]
    if any(not d.source.resolved or (not d.target.codes and d.target.spans) for d in drafts):
        mentions = country_mentions(sent, resolver, coder.countries)
        if mentions:
            others = coder.lexicon.other_party
            drafts = [in_country(d, mentions, sent, resolver, others) for d in drafts]
        drafts = [state_act(d, mentions, story_country, resolver) for d in drafts]
        drafts = [occupied_country(d, mentions, story_country, resolver) for d in drafts]
    drafts = [
        _expulsion(_domestic(_threatened(ethnic_target(d, sent, resolver), resolver), coder.countries))
        for d in drafts
    ]
    drafts = [_foreign_restriction(d, coder.countries) for d in drafts]
    drafts = [visitor_first(d, resolver) if "dict" not in d.predicate.entry.flags else d for d in drafts]
    drafts = _without_alleged([d for d in drafts if not _conditional(d)])
    drafts = _without_background([d for d in drafts if d.source.resolved or _named_source(d, sent, resolver)])
    return _without_nested_possible(drafts)


def _without_nested_possible(drafts: list[Draft]) -> list[Draft]:
    """A merely possible or obliged act (``should``, ``could``: hypothetical, not stated as an
    intent, threat or refusal) inside the phrase of an event that took place is part of what
    that event is about (``agreed that they should cooperate to encourage refugees to
    return``: the agreement, no appeal of its own)."""
    held = [d for d in drafts if "hypothetical" not in d.modality and not d.predicate.entry.is_speech]
    kept: list[Draft] = []
    for draft in drafts:
        # an event a relative clause says may take place (``summits, one of which could take
        # place in March``) is kept as such (see ``_occurrences``)
        if "hypothetical" in draft.modality and draft.code[:2] not in STATED_ROOTS and draft.clause is None:
            anchor = _anchor(draft)
            if any(o.predicate.token.i != anchor.i and _dominates(o.predicate.token, anchor) for o in held):
                continue
        kept.append(draft)
    return kept


def _dominates(head: Token, token: Token) -> bool:
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False


def _without_alleged(drafts: list[Draft]) -> list[Draft]:
    """What an accusation says someone did (``accused X of restoring blackmail in the
    negotiations``, ``an allegation that Y had taken over the town``) is the accusation's
    content, claimed by the accuser and not reported as an event: PLOVER codes the ACCUSE."""
    alleged: set[int] = set()
    for draft in drafts:
        if draft.code[:2] not in COMPLAINT_ROOTS:
            continue
        for child in draft.predicate.token.children:
            if child.dep_ in {"ccomp", "acl"} or (child.dep_ == "prep" and child.lower_ in ALLEGED_PREPS):
                alleged.update(t.i for t in child.subtree)
    return [d for d in drafts if _anchor(d).i not in alleged]


def _anchor(draft: Draft) -> Token:
    return draft.predicate.light if draft.predicate.light is not None else draft.predicate.token


def _conditional(draft: Draft) -> bool:
    """An act inside an ``if``/``unless`` clause (``will boycott the vote unless the president
    agrees to step down``) is the condition of another act, one that has not taken place."""
    node = draft.predicate.light if draft.predicate.light is not None else draft.predicate.token
    for _ in range(8):
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & CONDITION_MARKS:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _expulsion(draft: Draft) -> Draft:
    """CAMEO 174 expels or deports individuals; forcing an organisation out of a country is
    166, "expel or withdraw" (PLOVER 2.0: SANCTION/expel, "expel an entity from a group,
    organization ... or country", while individual deportations stay COERCE/deport)."""
    codes = draft.target.codes
    if draft.code == DEPORT_CODE and codes and all(c[:3] in ORGANISATION_PREFIXES for c in codes):
        return replace(draft, code=EXPEL_CODE)
    return draft


def _without_demanded(drafts: list[Draft], content: Token | None) -> list[Draft]:
    """``X said Y must return the helicopter``: what the appeal asks for has not happened and
    is the appeal's content, not an event of its own (PLOVER codes the request)."""
    if content is None:
        return drafts
    # also what the content's own chain holds: ``the US must be ready to mediate``
    chain = {content.i}
    frontier = [content]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.dep_ in {"xcomp", "acomp", "oprd"} and child.i not in chain:
                chain.add(child.i)
                frontier.append(child)
    return [d for d in drafts if d.predicate.token.i not in chain or "hypothetical" not in d.modality]


def _unsaid(draft: Draft) -> bool:
    """A negated act coded by a PETRARCH dictionary did not happen, so it is no event of the
    verb's code (``X will not attack Y``), unless the pattern itself names the negation."""
    entry = draft.predicate.entry
    if "dict" not in entry.flags:
        return False
    # the verb's own negation, also through an adverb (``did not even ever clash``); a negated
    # list of actors is not one (``Neither X nor Y boycotted``: PETRARCH codes the verb)
    if not verb_negated(draft.predicate.token):
        return False
    return not any(word.text in NEGATION_WORDS for slot in entry.slots for alt in slot for word in alt)


def verb_negated(verb: Token) -> bool:
    """A ``neg`` on the verb or on one of its adverbs (``did not even ever clash`` is parsed
    with ``not`` under ``ever``)."""
    adverbs = [c for c in verb.children if c.dep_ == "advmod"]
    return any(c.dep_ == "neg" for t in (verb, *adverbs) for c in t.children)


def _complement_targets(drafts: list[Draft], resolver: Resolver, absorbed: set[int]) -> list[Draft]:
    """PETRARCH dictionaries: a coded verb naming nobody in its phrase takes its complement
    clause's subject as target (``X believes Y can cope`` -> X->Y), and the clause's own act is
    then not coded apart (see :mod:`complements`); its index goes into ``absorbed``."""
    found: list[Draft] = []
    for draft in drafts:
        predicate = draft.predicate
        if "dict" in predicate.entry.flags and predicate.kind == "verb" and not draft.target.codes:
            clause = complement_clause(predicate.token)
            target = clause_subject_target(clause, resolver, draft.source) if clause is not None else None
            if clause is not None and target is not None and draft.source.resolved:
                draft = replace(draft, target=target, reciprocal=predicate.entry.reciprocal)
                absorbed.add(clause.i)
        found.append(draft)
    return found


def _dictionary_statement(
    cue: Predicate, resolver: Resolver, coder: Coder, absorbed: set[int]
) -> Draft | None:
    """A speech cue the PETRARCH dictionary codes (``NOTE [010]``) over a complement clause is
    the dictionary's event to the clause's subject, in place of the built-in accusation/appeal
    reading (``X noted that Y regretted ...`` -> X->Y 010)."""
    code = coder.lexicon.dictionary_code(cue.token.lemma_.lower(), cue.token.lower_)
    clause = complement_clause(cue.token) if code is not None else None
    if code is None or clause is None:
        return None
    speaker = speaker_of(cue.token, resolver)
    target = clause_subject_target(clause, resolver, speaker) if speaker.resolved else None
    if target is None:
        return None
    absorbed.add(clause.i)
    return Draft(cue, code, speaker, target, modality_of(cue.token), cue.first, cue.last)


def _named_source(draft: Draft, sent: Span, resolver: Resolver) -> bool:
    """An actor nobody resolves (``certain forces are interfering``) still makes the event, kept
    with ``source: []`` and its text; a pronoun, a thing or an abstract noun does not."""
    doc = sent.doc
    for start, end in draft.source.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and resolver.actor_like(span.root):
            return True
    return False


def _foreign_restriction(draft: Draft, countries: frozenset[str]) -> Draft:
    """``the US announced new restrictions on flights to Cuba``, ``barred Albanian officials from
    entering``: a restriction a state imposes on another country or its people is a sanction
    (163), not repression (the annotation conventions code travel and trade bans so)."""
    if draft.code != RESTRICTION_CODE or "dict" in draft.predicate.entry.flags or not draft.source.codes:
        return draft
    own = {code[:3] for code in draft.source.codes}
    others = {code[:3] for code in draft.target.codes} - own
    if not own <= countries or not others or not others <= countries:
        return draft
    return replace(draft, code=FOREIGN_RESTRICTION_CODE)


def _domestic(draft: Draft, countries: frozenset[str]) -> Draft:
    """A protest naming nobody it is against is against its own country's government
    (``thousands demonstrated in Kirkuk`` -> IRQGOV), and a coercive act on people it does not
    name (``police arrested 12``) falls on the source's own country. Dictionary codes and
    sources of no country (IGOs, NGOs) are left alone."""
    # a threat of repression (132x, 137) falls where the repression would
    root = "17" if draft.code[:3] in REPRESSION_THREATS else draft.code[:2]
    if draft.target.codes or "dict" in draft.predicate.entry.flags or not draft.source.codes:
        return draft
    if root not in DOMESTIC_ROOTS or (root in DOMESTIC_IF_OBJECT and not draft.target.spans):
        return draft
    country = draft.source.codes[0][:3]
    if country not in countries:
        return draft
    target = country + GOVERNMENT if root in PROTEST_ROOTS else country
    return replace(draft, target=Argument((target,), draft.target.spans))


def _without_background(drafts: list[Draft]) -> list[Draft]:
    """An act in an adverbial or relative clause (``... after crowds burned down its embassy``,
    ``opened fire to disperse them, killing one``, ``a resolution that aims to impose a
    blockade``) is background to the sentence's own event, not an event of its own: PETRARCH
    codes the main verb phrase and PLOVER's gold one event a sentence. With no coded event
    outside that clause, it stays. Then an act aimed at nobody in a complement or a
    prepositional phrase is a detail of an event of the sentence that names its target."""
    anchors = [(d, d.predicate.light if d.predicate.light is not None else d.predicate.token) for d in drafts]
    kept: list[tuple[Draft, Token]] = []
    for draft, anchor in anchors:
        clause = _secondary_clause(anchor)
        if clause is not None:
            inside = {t.i for t in clause.subtree}
            if any(a.i not in inside and o.source.resolved for o, a in anchors if o is not draft):
                continue
        kept.append((draft, anchor))
    aimed = [d for d, _ in kept if d.source.resolved and d.target.codes]
    return [d for d, a in kept if not (_minor(d, a) and any(o is not d for o in aimed))]


def _minor(draft: Draft, anchor: Token) -> bool:
    """An act aimed at nobody outside the sentence's main clause (a conjunct, a complement, a
    noun in a prepositional phrase): a detail of the event that names its parties."""
    if draft.target.codes or len(draft.source.codes) > 1:
        return False
    if draft.predicate.kind == "noun":
        return anchor.dep_ == "pobj"
    return anchor.dep_ in MINOR_DEPS


def _secondary_clause(token: Token) -> Token | None:
    """The adverbial or relative clause the token sits in, if any."""
    node = token
    for _ in range(8):
        if node.dep_ in SECONDARY_DEPS:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _folded_draft(gov: Predicate, code: str, inner: Predicate | None, resolver: Resolver) -> Draft:
    """One event for an appeal/intent and its content: roles missing on the governor come from inside."""
    draft = _draft(gov, code, resolver)
    addressee = EMPTY
    if gov.code[:2] in ADDRESSED_ROOTS and not draft.target.codes:
        addressee = _addressee(gov.token, resolver, draft.source)
    if inner is None:
        return replace(draft, target=addressee) if addressee.codes else draft
    inside = _draft(inner, inner.code, resolver)
    # whoever is asked to act is not the one asking (``X called for the rebels to disarm``)
    asked = addressee.codes and inside.source.codes == addressee.codes
    source = draft.source if draft.source.resolved or asked else inside.source
    target = draft.target if draft.target.resolved else addressee if addressee.codes else inside.target
    # an inner negation is the event's, unless it already made the event a refusal
    refusal = draft.code[:2] == "12" and gov.code[:2] != "12"
    modality = tuple(sorted(set(draft.modality) | (set() if refusal else {"negated"} & set(inside.modality))))
    reciprocal = draft.reciprocal and len(source.codes) > 1 and not target.codes
    return replace(draft, source=source, target=target, modality=modality, reciprocal=reciprocal)


def _addressee(token: Token, resolver: Resolver, source: Argument) -> Argument:
    """Whom a demand or appeal is addressed to: the subject of its content clause
    (``demanded that Germany release the prisoners`` -> Germany), never the speaker."""
    for clause in _content_clauses(token):
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        argument = resolver.argument(subject)
        codes = tuple(c for c in argument.codes if c not in source.codes)
        if codes:
            return Argument(codes, argument.spans)
    return EMPTY


def _content_clauses(token: Token) -> list[Token]:
    """The clauses an appeal states: its own complement, or the one on its noun (``its demand
    that X ...``, ``insisted on its demand that X ...``)."""
    nouns = [token]
    for child in token.children:
        nouns.extend([child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"])
    clauses = [
        clause
        for noun in nouns
        for clause in noun.children
        if (noun is token and (clause.dep_ in {"ccomp", "xcomp"} or for_clause_mark(clause) is not None))
        or _noun_content(clause)
    ]
    return clauses + [c for c in token.head.children if _stated_by_object(c, token)]


def _reversed(drafts: list[Draft]) -> list[Draft]:
    """``[042:043]``: a visit is also the host's act; a same-code pair is one reciprocal event."""
    extra: list[Draft] = []
    for n, draft in enumerate(drafts):
        reverse = draft.predicate.entry.reverse
        if reverse is None or not draft.target.codes or draft.code != draft.predicate.code:
            continue
        if reverse == draft.code:
            drafts[n] = replace(draft, reciprocal=True)
            continue
        extra.append(replace(draft, code=reverse, source=draft.target, target=draft.source, reciprocal=False))
    return extra


Folded = tuple[Predicate, str, Predicate | None]


def _fold(predicates: list[Predicate], ontology: Ontology) -> list[Folded]:
    """Merge each governing appeal/intent/demand/reject with the act it is about."""
    folded: list[Folded] = []
    absorbed: set[int] = set()
    for gov in predicates:
        root = gov.code[:2]
        if root not in REFINE:
            continue
        for inner in predicates:
            if inner is gov or inner.token.i in absorbed or not _governs(gov.token, inner):
                continue
            if object_controller(inner.token) is not None:
                continue  # "wants to stop X from interfering": X's act, kept from happening
            absorbed.add(inner.token.i)
            code = gov.code
            # a dictionary's code is exact (PETRARCH never refines); the built-in 0-ending codes are roots
            if code.endswith("0") and len(code) == 3 and "dict" not in gov.entry.flags:
                code = _refined(root, inner.code, code)
            folded.append((replace(gov, last=max(gov.last, inner.last)), code, inner))
            break
    # a governor folded into an outer one ("demanded that X refuse to recognize Y") is that
    # one's content, not an event of its own
    folded = [item for item in folded if item[0].token.i not in absorbed]
    done = {p.token.i for p, _, _ in folded}
    for predicate in predicates:
        if predicate.token.i in absorbed or predicate.token.i in done:
            continue
        if predicate.entry.is_intent:
            continue  # "plans to ..." with no event inside says nothing codable
        folded.append((predicate, predicate.code, None))
    return sorted(folded, key=lambda item: item[0].first)


def _refined(root: str, inner: str, code: str) -> str:
    """A governing appeal/intent/demand/rejection/threat refined by what it is about; an intent
    to do harm (``plans to impose restrictions on X``) is a threat."""
    if root in {"03", "13"}:
        threat = _threat_of(inner)
        if threat is not None:
            return threat
    return REFINE[root].get(inner[:2], code)


def _threat_of(code: str) -> str | None:
    return next((THREAT_OF[code[:n]] for n in (4, 3, 2) if code[:n] in THREAT_OF), None)


def _one_per_phrase(acts: list[Folded]) -> list[Folded]:
    """An event noun inside a coded verb's own phrase (``called for a boycott against X``,
    ``welcomed a resumption of ties``) is that verb's event, not a second one: one event per
    verb phrase, as PETRARCH codes. Nouns in other clauses keep their events."""
    verbs = [p.token for p, _, _ in acts if p.kind == "verb"]
    return [item for item in acts if item[0].kind != "noun" or not _in_phrase_of(item[0], verbs)]


def _in_phrase_of(noun: Predicate, verbs: list[Token]) -> bool:
    return noun.light is None and _phrase_verb(noun.token, {v.i for v in verbs}) is not None


def _phrase_verb(noun: Token, keys: set[int]) -> int | None:
    """The coded verb whose own phrase holds the noun, if any."""
    node = noun
    for _ in range(8):
        if node.dep_ not in PHRASE_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.i in keys:
            return node.i
    return None


def _inner_events(sent: Span, drafts: list[Draft], resolver: Resolver, coder: Coder) -> list[Draft]:
    """An event noun inside a verb's phrase that names its own parties is an event too:
    ``France welcomed talks between Russia and Ukraine`` is also Russia and Ukraine talking.
    Kept only with a source and a target of its own, its source not the verb's. Under a
    PETRARCH dictionary verb the phrase is coded once, as PETRARCH does (its gold says so).
    Only a verb that reports the noun's event as taking place vouches for it: under an
    opposition (``opposed to French mediation with Syria``) or a verb with a modality
    (``would be ready to host a meeting between X and Y``) the event is proposed, not held."""
    outer = {
        d.predicate.token.i: d
        for d in drafts
        if d.predicate.kind == "verb"
        and "dict" not in d.predicate.entry.flags
        and not d.modality
        and d.code[:2] not in UNREALISED_ROOTS
    }
    taken = {d.predicate.token.i for d in drafts}
    found: list[Draft] = []
    for token in sent:
        if token.i in taken or token.pos_ != "NOUN" or token.ent_type_:
            continue
        verb = _phrase_verb(token, set(outer)) if token.dep_ in PHRASE_DEPS else None
        if verb is None:
            continue
        predicate = noun_predicate(token, coder.lexicon, None)
        if predicate is None or predicate.code[:2] in REFINE:
            continue
        source, target = _own_noun_roles(predicate, resolver)
        if not (source.codes and target.codes) or set(source.codes) & set(outer[verb].source.codes):
            continue
        draft = _draft(predicate, predicate.code, resolver)
        found.append(replace(draft, source=source, target=target, reciprocal=predicate.entry.reciprocal))
    return found


def _occurrences(sent: Span, drafts: list[Draft], resolver: Resolver, coder: Coder) -> list[Draft]:
    """An event noun with a relative clause saying it takes place (``discussed future meetings,
    one of which could take place in February``) is an event of its own, with the clause's
    modality and date, even inside another verb's phrase; the governing verb keeps its own date."""
    by_token = {d.predicate.token.i: n for n, d in enumerate(drafts)}
    found: list[Draft] = []
    for clause in sent:
        if clause.pos_ not in {"VERB", "AUX"} or not _says_it_occurs(clause):
            continue
        for noun in _antecedents(clause):
            known = by_token.get(noun.i)
            if known is not None:
                draft = drafts[known]
                drafts[known] = replace(draft, modality=_with_clause(draft.modality, clause), clause=clause)
                break
            predicate = noun_predicate(noun, coder.lexicon, None)
            if predicate is None or predicate.code[:2] in REFINE:
                continue
            last = max(predicate.last, *(c.i for c in clause.children if c.dep_ == "dobj"), clause.i)
            draft = _draft(replace(predicate, last=last), predicate.code, resolver)
            found.append(replace(draft, modality=_with_clause(draft.modality, clause), clause=clause))
            break
    return drafts + found


def _antecedents(clause: Token) -> list[Token]:
    """The nouns a relative clause may be about: its head and the head's conjuncts, or, when
    the parser did not attach it as a relative clause (``..., one of which could take place``),
    the nouns right before it, nearest first, back to the previous verb."""
    if clause.dep_ == "relcl":
        return [clause.head, *clause.head.conjuncts]
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not any(t.lower_ in RELATIVE_WORDS for t in subject.subtree):
        return []
    found: list[Token] = []
    for token in reversed(clause.doc[clause.sent.start : subject.left_edge.i]):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.pos_ == "NOUN":
            found.append(token)
    return found


def _says_it_occurs(clause: Token) -> bool:
    """``take place``, ``happen``, ``occur``, ``be held``: the clause says its antecedent happens."""
    lemma = clause.lemma_.lower()
    if lemma in OCCUR_VERBS:
        return True
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in clause.children)
    return lemma == "hold" and any(c.dep_ == "auxpass" for c in clause.children)


def _with_clause(modality: tuple[str, ...], clause: Token) -> tuple[str, ...]:
    return tuple(sorted(set(modality) | set(modality_of(clause))))


def _own_noun_roles(predicate: Predicate, resolver: Resolver) -> tuple[Argument, Argument]:
    """An event noun's parties from its own phrase only (``Russian sanctions on X``, ``talks
    between X and Y``), never from the clause around it."""
    source = _noun_source(predicate.token, resolver)
    target = _target(predicate.token, predicate, resolver, source)
    if (
        not source.resolved
        and len(target.codes) > 1
        and "between" in {c.lower_ for c in predicate.token.children}
    ):
        return Argument(target.codes[:1], target.spans[:1]), Argument(target.codes[1:], target.spans[1:])
    return source, target


def _governs(gov: Token, inner: Predicate) -> bool:
    node = inner.light if inner.light is not None else inner.token
    for _ in range(8):
        if node.i == gov.i or _stated_by_object(node, gov):
            return True
        content = _noun_content(node) or for_clause_mark(node) is not None
        if node.dep_ not in CONTENT_DEPS | LINK_DEPS and not content:
            return False
        node = node.head
    return False


def _stated_by_object(clause: Token, noun: Token) -> bool:
    """``reiterated its demand today that X ...``: a clause set apart from the demand noun is
    parsed on the verb, but states the verb's object noun."""
    return (
        clause.dep_ == "ccomp"
        and noun.dep_ == "dobj"
        and clause.head.i == noun.head.i
        and clause.i > noun.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def _noun_content(clause: Token) -> bool:
    """The clause an appeal, demand, offer or threat noun states (``its demand that X ease
    restrictions``, ``an offer to send troops``): spaCy hangs it on the noun as ``acl``, the
    link it also gives a participle (``troops stationed in X``), so only a clause with a marker
    or an infinitive counts: what is asked or offered has not happened."""
    if clause.dep_ != "acl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(c.dep_ in {"mark", "aux"} and c.lower_ in {"that", "to"} for c in clause.children)


def _draft(predicate: Predicate, code: str, resolver: Resolver) -> Draft:
    if predicate.kind == "noun":
        source, target = _noun_roles(predicate, resolver)
    else:
        source, target = _verb_roles(predicate, resolver)
    anchor = predicate.light if predicate.light is not None else predicate.token
    modality = tuple(sorted(set(modality_of(anchor)) | set(modality_of(predicate.token))))
    if object_controller(anchor) is not None or (
        anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in PERMISSIVE_HEADS
    ):
        # "prevent X from interfering": the act is kept from happening
        modality = tuple(sorted({*modality, "hypothetical"}))
    if "intent" in modality and code[:2] in REFINE["03"]:
        code = REFINE["03"][code[:2]]
    if "dict" not in predicate.entry.flags and (predicate.kind == "verb" or predicate.light is not None):
        committed = is_commitment(anchor)
        if (committed or "intent" in modality) and "negated" not in modality and _on_condition(anchor):
            # "will withdraw its troops unless X ...": an act held over someone is a threat
            code = code if code[:2] == "13" else _threat_of(code) or THREAT_CODE
        decided = committed and not {"intent", "negated"} & set(modality) and _announced(anchor)
        if not (decided and QUAD_BY_ROOT.get(code[:2]) == MATERIAL_CONFLICT and code[:2] != "13"):
            code, modality = _stated_code(code, modality, committed)
    # a mutual act is mutual among a compound subject or the parties of a ``between`` phrase;
    # ``X met Y``, ``X held talks with Y`` are X's act towards Y (the subject is the source, as
    # PETRARCH and the PLOVER gold code them)
    between = any(c.lower_ == "between" for c in predicate.token.children)
    reciprocal = predicate.entry.reciprocal and (len(source.codes) > 1 or (bool(target.codes) and between))
    # "would meet X": an intent, refusal or threat is one side's word, not a mutual act
    reciprocal = reciprocal and code[:2] == predicate.code[:2]
    # a compound subject with nobody else involved acts among itself ("X and Y agreed")
    reciprocal = reciprocal or (len(source.codes) > 1 and not target.codes and not target.spans)
    return Draft(predicate, code, source, target, modality, predicate.first, predicate.last, reciprocal)


def _on_condition(anchor: Token) -> bool:
    """An ``unless`` clause on the act or on the verbs it is the complement of."""
    return _condition(anchor, CONDITION_MARKS - {"if"}) is not None


def _condition(anchor: Token, marks: frozenset[str]) -> Token | None:
    """The condition clause (``unless X ...``, ``if X ...``) of the act, of its own complement
    (``threatened to strike unless X ...``) or of the verbs it is the complement of."""
    nodes = [anchor, *(c for c in anchor.children if c.dep_ == "xcomp")]
    node = anchor
    for _ in range(4):
        if node.dep_ not in {"xcomp", "ccomp", "conj"} or node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
    for node in nodes:
        for clause in node.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in marks for m in clause.children
            ):
                return clause
    return None


def _threatened(draft: Draft, resolver: Resolver) -> Draft:
    """A threat naming nobody is held over whoever its condition is about (``threatened to
    strike unless X rescinds ...`` -> X)."""
    if draft.code[:2] != "13" or draft.target.codes:
        return draft
    anchor = draft.predicate.light if draft.predicate.light is not None else draft.predicate.token
    clause = _condition(anchor, CONDITION_MARKS)
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if clause else None
    if subject is None:
        return draft
    argument = resolver.argument(subject)
    codes = tuple(c for c in argument.codes if c not in draft.source.codes)
    return replace(draft, target=Argument(codes, argument.spans)) if codes else draft


def _announced(anchor: Token) -> bool:
    """The act is what a verb of announcing reports (``announced it would prohibit aid``)."""
    node = anchor
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in ANNOUNCING_HEADS:
            return True
    return False


def _stated_code(code: str, modality: tuple[str, ...], committed: bool) -> tuple[str, tuple[str, ...]]:
    """What an act said to be intended, coming or conditional (``will``, ``would``, ``plans
    to``) is as an event: a refusal when negated (``would not meet their demands``), a threat
    when hostile (``said they would blockade Paris``), an intent to cooperate when cooperative
    (``will visit``). Past acts keep their code; dictionary codes are exact and never pass here."""
    root = code[:2]
    stated = committed or "intent" in modality
    if "negated" in modality and root in REJECTABLE_ROOTS and (stated or root == "03"):
        return REFINE["12"].get(root, REJECT_CODE), tuple(m for m in modality if m != "negated")
    if not stated or "negated" in modality:
        return code, modality
    threat = _threat_of(code) if QUAD_BY_ROOT.get(root) == MATERIAL_CONFLICT else None
    if threat is not None:
        return threat, modality
    if root in COOPERATIVE_ROOTS:
        return REFINE["03"][root], modality
    return code, modality


def _verb_roles(predicate: Predicate, resolver: Resolver) -> tuple[Argument, Argument]:
    token = predicate.token
    entry = predicate.entry
    if entry.source_role is not None or entry.target_role is not None:
        placed = _placed_roles(predicate, resolver)
        if placed is not None:
            return placed
    passive = passive_subject(token)
    reduced = reduced_passive(token) if passive is None else None
    if reduced is not None:
        return _reduced_roles(token, reduced, predicate, resolver)
    if passive is not None and "stative" in entry.flags and agent_of(token) is None:
        # an adjectival passive names its actor: "X is opposed to Y" is X's act
        source = resolver.argument(passive)
        return source, _target(token, predicate, resolver, source)
    if passive is not None:
        agent = agent_of(token)
        target = resolver.argument(passive)
        if agent is not None:
            return resolver.argument(agent), target
        return _passive_source(token, predicate, resolver, target), target
    subject = subject_of(token) if not _detached_gerund(predicate) else None
    if subject is None:
        subject = _issuer(token, resolver)
    source = resolver.argument(subject) if subject is not None else EMPTY
    if "notarget" in predicate.entry.flags:
        return source, EMPTY
    return source, _target(token, predicate, resolver, source)


def _issuer(token: Token, resolver: Resolver) -> Token | None:
    """``issued a statement demanding that ...``, ``said in a letter calling on X to ...``: what
    a document says it says for whoever issued it, the subject of the verb governing the
    document (round 10). Only documents: a parade ``supporting`` X is no act of its watchers."""
    noun = token.head
    if token.dep_ != "acl" or token.tag_ != "VBG" or noun.lemma_.lower() not in resolver.documents:
        return None
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    elif noun.dep_ != "dobj":
        return None
    return agent_of(governor) or subject_of(governor) if governor.pos_ in {"VERB", "AUX"} else None


def _detached_gerund(predicate: Predicate) -> bool:
    """PETRARCH reads a source from the verb's own subject: a dictionary verb in an adverbial
    clause with no subject of its own and no ``to`` (``..., after leaving X``) has none, unlike
    an infinitive, which joins its governor's verb phrase (``vowed to wage war``)."""
    token = predicate.token
    if "dict" not in predicate.entry.flags or token.dep_ not in {"advcl", "pcomp"}:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} or c.lower_ == "to" for c in token.children)


def _reduced_roles(
    token: Token, done_to: Token, predicate: Predicate, resolver: Resolver
) -> tuple[Argument, Argument]:
    """A participle as a reduced passive (``troops sent by X``, ``Germany, backed by France,``):
    the ``by`` phrase acts on the noun the participle describes. Only when that noun names an
    actor: ``a lunch hosted by X`` is no act on anyone (PETRARCH codes the main verb phrase)."""
    target = resolver.argument(done_to)
    if not target.resolved and not resolver.actor_like(done_to):
        return EMPTY, EMPTY
    agent = agent_of(token)
    if agent is not None:
        return resolver.argument(agent), target
    return _passive_source(token, predicate, resolver, target), target


def _passive_source(token: Token, predicate: Predicate, resolver: Resolver, target: Argument) -> Argument:
    """A passive without ``by``: the actor the act is about (``X was criticized over its dispute
    with Y`` -> Y), as PETRARCH takes the first other actor of the verb phrase; never from a
    place or time phrase. Under a PETRARCH dictionary any phrase of the verb counts, its own
    object first (``X was shot dead in Y`` -> Y->X, as the 2_02 gold codes it)."""
    petrarch = "dict" in predicate.entry.flags
    candidates = [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and (prep.lower_ not in PLACE_PREPS or petrarch)
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for obj in candidates if petrarch else []:
        codes = tuple(c for c in resolver.argument(obj).codes if c not in target.codes)
        if codes:
            return Argument(codes, resolver.argument(obj).spans)
    found = _deep_target(candidates, resolver, target) if candidates else None
    return found if found is not None else EMPTY


def _placed_roles(predicate: Predicate, resolver: Resolver) -> tuple[Argument, Argument] | None:
    """A dictionary pattern that says where its actors are (``+ * (FROM $)``: freed from X by...).
    A source placed after the verb with no target marked leaves the subject as the target
    (``- * TABASKI ^ $``: PETRARCH's other party is the subject)."""
    token, entry = predicate.token, predicate.entry
    source = _role_argument(token, entry.source_role, resolver, predicate)
    target = _role_argument(token, entry.target_role, resolver, predicate)
    if source is None and target is None:
        return None
    if source is None:
        plain = subject_of(token) if entry.target_role != "subject" else None
        source = resolver.argument(plain) if plain is not None else EMPTY
    if target is None and entry.source_role not in {None, "subject"} and entry.target_role is None:
        subject = subject_of(token)
        mover = resolver.argument(subject) if subject is not None else EMPTY
        if mover.resolved and set(mover.codes) != set(source.codes):
            target = mover
    if target is None:
        target = _target(token, predicate, resolver, source)
    return source, target


def _role_argument(
    token: Token, role: str | None, resolver: Resolver, predicate: Predicate
) -> Argument | None:
    if role is None:
        return None
    found: Token | None = None
    if role == "subject":
        found = passive_subject(token) or subject_of(token)
    elif role == "object":
        found = next((c for c in token.children if c.dep_ in {"dobj", "dative", "attr"}), None)
        if found is not None and predicate.first <= found.i <= predicate.last:
            return _next_actor(token, predicate, resolver)  # ``+ * {A MESSAGE} $``: after the words
    elif role.startswith("rest:"):
        return _next_actor(token, predicate, resolver, int(role[5:]))
    elif role.startswith("prep:"):
        word = role[5:]
        for prep in (c for c in token.subtree if c.dep_ in {"prep", "agent"} and c.lower_ == word):
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if found is not None:
                break
    if found is None:
        return None
    argument = resolver.argument(found)
    return argument if argument.resolved else None


def _next_actor(token: Token, predicate: Predicate, resolver: Resolver, skip: int = 0) -> Argument | None:
    """The first actor of the verb phrase outside the pattern's own words and skipped phrases
    (``skip``: how many phrases a bare ``^`` passes over, in word order)."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "dative", "attr"}]
    candidates = [
        *_prep_objects(token, predicate),
        *(o for obj in objects for o in _prep_objects(obj, predicate)),
    ]
    candidates = sorted(
        (c for c in candidates if not predicate.first <= c.i <= predicate.last and not _is_time(c)),
        key=lambda c: c.i,
    )
    for candidate in candidates[skip:]:
        argument = resolver.argument(candidate)
        if argument.resolved:
            return argument
    return None


def _target(token: Token, predicate: Predicate, resolver: Resolver, source: Argument) -> Argument:
    """First resolvable object: direct object, dative, then prepositional phrases."""
    candidates = [c for c in token.children if c.dep_ in {"dobj", "dative", "iobj", "attr"}]
    candidates.extend(_infinitive_objects(token))
    candidates.extend(_prep_objects(token, predicate))
    # "kidnapped up to 16 advisers": the count's preposition hangs on a particle
    for particle in (c for c in token.children if c.dep_ == "prt"):
        candidates.extend(_prep_objects(particle, predicate))
    # "marched close to the border with X": an adverb's own prepositional phrase
    for adverb in (c for c in token.children if c.dep_ == "advmod"):
        candidates.extend(_prep_objects(adverb, predicate))
    for child in list(candidates):
        candidates.extend(_prep_objects(child, predicate))
    if "dict" in predicate.entry.flags:
        # ``BELIEVE * LINKED``: the phrase of a pattern's own verb word (``linked to X``)
        for word in token.children:
            if word.dep_ in {"xcomp", "acomp", "oprd"} and predicate.first <= word.i <= predicate.last:
                candidates.extend(_prep_objects(word, predicate))
    candidates = [c for c in candidates if c.i != predicate.token.i and not _is_time(c)]
    if predicate.code[:2] in COMPLAINT_ROOTS:
        candidates = _addressee_last(candidates)
    if predicate.entry.skip_preps:
        # ``IFTAR (IN ^) +``: the pattern's own words and the skipped phrase are no target
        candidates = [c for c in candidates if not predicate.first <= c.i <= predicate.last]
    for candidate in candidates:
        argument = resolver.argument(candidate)
        if (
            not argument.codes
            and candidate.dep_ == "pobj"
            and predicate.first <= candidate.head.i <= predicate.last
        ):
            argument = resolver.seat(candidate)  # "arrived in Amman": the pattern's own place
        codes = tuple(c for c in argument.codes if c not in source.codes)
        if codes:
            return Argument(codes, argument.spans)
    deeper = _deep_target(candidates, resolver, source) or _purpose_target(token, predicate, resolver, source)
    if deeper is None and token.pos_ == "NOUN":
        # "the withdrawal of forces from X": what an event noun is of leads to whom it concerns
        of = [
            o
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        deeper = _deep_target(of, resolver, source) if of else None
    return deeper if deeper is not None else _unresolved(candidates, resolver)


def _addressee_last(candidates: list[Token]) -> list[Token]:
    """``complained to the UN over Israeli raids``: a complaint is about whom it names after
    ``over``/``about``/``against``; whom it is made ``to`` is its addressee, the target only when
    nobody else is named."""
    addressed = [c for c in candidates if c.dep_ == "pobj" and c.head.lower_ == "to"]
    return [c for c in candidates if c not in addressed] + addressed


def _infinitive_objects(token: Token) -> list[Token]:
    """``allowed X to run``, ``ordered X to close``: the parser makes X the subject of the
    infinitive, but it is the verb's object (who is allowed, ordered, urged)."""
    found: list[Token] = []
    for clause in token.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.i < token.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        found.extend(c for c in clause.children if c.dep_ == "nsubj" and token.i < c.i < clause.i)
    return found


def _purpose_target(
    token: Token, predicate: Predicate, resolver: Resolver, source: Argument
) -> Argument | None:
    """``signed an accord to supply X``: the object of a subjectless infinitive of purpose is
    who the act is for, when the verb phrase names nobody else; a person it names without a
    code is kept as text (``opened fire to disperse demonstrators``)."""
    unnamed: Argument | None = None
    for clause in token.children:
        if clause.dep_ not in {"advcl", "xcomp"} or clause.pos_ != "VERB":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in clause.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        objects = [c for c in clause.children if c.dep_ in {"dobj", "dative"}]
        objects.extend(_prep_objects(clause, predicate))
        for obj in objects:
            argument = resolver.argument(obj)
            codes = tuple(c for c in argument.codes if c not in source.codes)
            if codes:
                return Argument(codes, argument.spans)
            if unnamed is None and not argument.codes and resolver.actor_like(obj):
                unnamed = Argument((), argument.spans)
        # "threatened to break off relations with X": inside the complement's own objects
        deeper = _deep_target(objects, resolver, source) if objects else None
        if deeper is not None:
            return deeper
    return unnamed


def _deep_target(candidates: list[Token], resolver: Resolver, source: Argument) -> Argument | None:
    """The first named actor further inside the object phrases (``ties with X``, ``memos sent by X``),
    as PETRARCH takes the first actor of the verb phrase; never inside another clause or a quote."""
    frontier = list(candidates)
    seen = {c.i for c in candidates}
    for _ in range(DEEP_TARGET_LEVELS):
        following: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.i in seen or child.dep_ in DEEP_STOP_DEPS:
                    continue
                seen.add(child.i)
                following.append(child)
                if child.pos_ in {"PROPN", "NOUN"} and child.dep_ in {"pobj", "dobj", "conj", "appos"}:
                    argument = resolver.argument(child)
                    codes = tuple(c for c in argument.codes if c not in source.codes)
                    if codes:
                        return Argument(codes, argument.spans)
        frontier = following
    return None


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"} or token.pos_ == "PRON"


def _unresolved(candidates: list[Token], resolver: Resolver) -> Argument:
    """An object nobody resolves, kept as text (``certain forces``)."""
    for candidate in candidates:
        if candidate.pos_ in {"NOUN", "PROPN"} and candidate.lemma_.lower() not in resolver.abstract:
            return Argument((), resolver.argument(candidate).spans)
    return EMPTY


def _prep_objects(token: Token, predicate: Predicate) -> list[Token]:
    allowed = predicate.entry.target_preps
    skipped = predicate.entry.skip_preps
    preps = [
        c
        for c in token.children
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ != "by" and c.lower_ not in skipped
    ]
    # a particle parsed as a preposition (``cordoned off the roads``) has the direct object
    particles = [p for p in preps if predicate.first <= p.i <= predicate.last and p.i != predicate.token.i]
    ranked: list[Token] = [c for p in particles for c in p.children if c.dep_ == "pobj"]
    for prep in preps:
        if prep in particles:
            continue
        word = prep.lower_
        if allowed is not None and word not in allowed:
            continue
        if allowed is None and word not in TARGET_PREPS and word not in WEAK_TARGET_PREPS:
            continue
        ranked.extend(c for c in prep.children if c.dep_ == "pobj")
    return ranked


def _noun_roles(predicate: Predicate, resolver: Resolver) -> tuple[Argument, Argument]:
    noun = predicate.token
    source = _noun_source(noun, resolver)
    if not source.resolved and predicate.light is None and "between" in {c.lower_ for c in noun.children}:
        # "peacekeepers who oversee a ceasefire between X and Y": the parties are X and Y, not
        # whoever watches over, hosts or reports their act
        own = _target(noun, predicate, resolver, source)
        if len(own.codes) > 1:
            return Argument(own.codes[:1], own.spans[:1]), Argument(own.codes[1:], own.spans[1:])
    if not source.resolved:
        source = _governor_source(predicate, resolver)
    target = _target(noun, predicate, resolver, source)
    for participle in _participles(noun) if not target.codes else ():
        inner = _target(participle, predicate, resolver, source)
        target = inner if inner.codes else target
    if not target.codes and predicate.light is not None:
        outer = _target(predicate.light, predicate, resolver, source)
        target = outer if outer.codes or not target.spans else target
    if not source.resolved and target.codes and "between" in {c.lower_ for c in noun.children}:
        return Argument(target.codes[:1], target.spans[:1]), Argument(target.codes[1:], target.spans[1:])
    return source, target


def _noun_source(noun: Token, resolver: Resolver) -> Argument:
    for dep in SOURCE_NOUN_DEPS:
        for child in noun.children:
            if child.dep_ == dep:
                argument = resolver.argument(child)
                if argument.resolved:
                    return argument
    agent = agent_of(noun) or next(
        (found for found in map(agent_of, _participles(noun)) if found is not None), None
    )
    return resolver.argument(agent) if agent is not None else EMPTY


def _participles(noun: Token) -> list[Token]:
    """Past participles describing an event noun (``sanctions imposed by X on Y``, ``a protest
    organised by Y``): their ``by`` phrase is who acts, their objects whom it is aimed at."""
    return [c for c in noun.children if c.dep_ == "acl" and reduced_passive(c) is not None]


def _governor_source(predicate: Predicate, resolver: Resolver) -> Argument:
    """Who holds the talks: the light verb's subject, or the subject of the clause it sits in."""
    noun = predicate.token
    head = predicate.light
    if head is None and noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS:
        head = noun.head.head
    if head is None:
        head = _instrument_of(noun)
    if head is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in ANNOUNCED_OBJECT_HEADS:
        head = noun.head
    if head is None and noun.dep_ in {"dobj", "conj"} and predicate.entry.reciprocal:
        head = noun.head if noun.dep_ == "dobj" else noun.head.head
    if head is None and noun.dep_ in {"dobj", "pobj"} and _own_pronoun(noun):
        # "reiterated its demand", "insisted on their call": the owner is the verb's subject
        head = noun.head if noun.dep_ == "dobj" else noun.head.head
    if head is None:
        return EMPTY
    if head.pos_ in {"NOUN", "PROPN"}:
        argument = resolver.argument(head)
        if argument.resolved:
            return argument
        head = head.head
    agent = agent_of(head)
    if agent is not None:
        return resolver.argument(agent)
    # "X was engaged in ethnic cleansing": a light verb's passive subject holds the event
    subject = subject_of(head) or passive_subject(head)
    return resolver.argument(subject) if subject is not None else EMPTY


def _instrument_of(noun: Token) -> Token | None:
    """The verb whose means an event noun is (``X retaliated with tariffs``); not a verb's
    partner (``met with``, which the verb's own lexicon entry codes)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in INSTRUMENT_PREPS or prep.head.pos_ != "VERB":
        return None
    return prep.head


def _own_pronoun(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in noun.children)


def _event(work: Work, sent: Span, draft: Draft, coder: Coder, dates: list[Span]) -> Event:
    known = coder.ontology.lookup(draft.code)
    plover = coder.ontology.to_plover(draft.code)
    doc = work.doc
    first, last = doc[draft.first], doc[draft.last]
    when = _when(work, dates, draft)
    modality = set(draft.modality)
    if when is not None and work.date is not None and _after(when, work.date):
        modality.add("future")
    return Event(
        cameo=draft.code,
        cameo_name=known.name if known else "",
        goldstein=known.goldstein if known else None,
        quad=known.quad if known else None,
        plover=plover.to_json() if plover else None,
        source=draft.source.codes,
        target=draft.target.codes,
        date=when.iso() if when else None,
        date_precision=when.precision if when else None,
        modality=tuple(sorted(modality)),
        trigger=work.span(first.idx, last.idx + len(last.text)),
        sentence=work.span(sent.start_char, sent.end_char),
        source_text=tuple(work.span(s, e) for s, e in draft.source.spans),
        target_text=tuple(work.span(s, e) for s, e in draft.target.spans),
        speaker=draft.speaker,
        reciprocal=draft.reciprocal,
    )


def _after(when: EventDate, story: dt.date) -> bool:
    if when.precision == "year":
        return when.date.year > story.year
    if when.precision == "month":
        return (when.date.year, when.date.month) > (story.year, story.month)
    return when.date > story


def _when(work: Work, dates: list[Span], draft: Draft) -> EventDate | None:
    story = work.date
    if story is None:
        return None
    # hypothetical and intended events point forward too: "could meet in February" is next February
    future = bool({"future", "hypothetical", "intent"} & set(draft.modality))
    for ent in _owned_dates(dates, draft.predicate, draft.clause):
        found = resolve_date(ent.text, story, future=future)
        if found is not None:
            return found
    return default_date(story)


def _owned_dates(dates: list[Span], predicate: Predicate, clause: Token | None) -> list[Span]:
    """DATE mentions whose nearest governing verb is this event's, nearest clause first. A
    relative clause dates only its own antecedent (``talks, which will be held in May``), never
    the verb above it (``discussed meetings, one of which could take place in May``)."""
    anchors = [predicate.token]
    if clause is not None:
        anchors.append(clause)
    if predicate.light is not None:
        anchors.append(predicate.light)
    anchors.extend(
        t
        for t in predicate.token.children
        if t.dep_ in {"relcl", "acl"} and t.pos_ in {"VERB", "AUX"} and predicate.kind == "noun"
    )
    node = predicate.light if predicate.light is not None else predicate.token
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            anchors.append(node)
    keys = {t.i for t in anchors}
    owned: list[Span] = []
    for anchor in anchors:
        owned.extend(e for e in dates if _owner(e, keys).i == anchor.i)
    return owned


def _owner(ent: Span, anchors: set[int]) -> Token:
    """The nearest verb (or anchor of this event) above a date mention."""
    node = ent.root.head
    for _ in range(8):
        if node.i in anchors or node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return node
        node = node.head
    return node
