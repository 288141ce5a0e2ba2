"""What: event predicates of a sentence, from verbs and from event nouns.

A verb matches the lexicon by its lemma plus the lemmas around it (particles, prepositions,
objects and their modifiers), so ``restore ties`` and ``call for`` are patterns, not words.
Light verbs (``hold talks``, ``impose sanctions``) hand the event to their noun object.
Tokens a pattern consumed never start an event of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from .lexicon import BEFORE, COMPOUND_SUBJECT, Entry, Lexicon

#: dependents never searched for pattern words: they start other clauses or are the subject
CLAUSE_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "punct",
        "ccomp",
        "advcl",
        "conj",
        "relcl",
        "parataxis",
        "cc",
        "mark",
        "appos",
    }
)
#: prepositional/object links a light verb uses to hand the event to its noun
LIGHT_OBJECT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
PATTERN_DEPTH = 3
#: inflection endings and what replaces them, tried in order (``raped`` -> ``rape``, ``rap``)
INFLECTIONS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("es", ""),
    ("s", ""),
)
#: PETRARCH phrase patterns reach one level further (``ASSURANCES (ON &TIETYPES)``)
DICT_DEPTH = 4
VERB_TAGS = frozenset({"VERB"})
#: verbs that name something when they have a predicative object (``called it a provocation``)
NAMING_VERBS = frozenset({"call", "term", "dub", "label", "brand"})
#: clauses that may be a ``for X to V`` complement (``called for the rebels to disarm``)
FOR_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
#: phrases that attribute what is said (``according to X``): no word of them is a pattern word
ATTRIBUTION_WORDS = frozenset({"according"})
#: entity labels of when something happened
TIME_LABELS = frozenset({"DATE", "TIME"})
#: kinds of ``naming.tsv`` (see the file's header)
NAMING_VERB = "verb"
APPROVAL = "approval"
#: what a naming verb with an object and a predicate codes (``branded the raid a provocation``):
#: criticise or denounce, unless the predicate approves (``called the talks constructive``)
NAMING_CRITICISM = "111"
NAMING_PRAISE = "051"
#: objects that are the naming's own relative word (``what he called interference``)
RELATIVE_TAGS = frozenset({"WP", "WDT"})
#: CAMEO roots of material acts (QuadClass 2 and 4), which need a concrete object
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
#: codes whose object must be a person or actor (verbal defence of someone)
ACTOR_OBJECT_CODES = frozenset({"052"})
#: entity labels that name a party owning an abstract good
OWNER_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
OWNER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
#: kinds of ``abstract_nouns.tsv`` (see the file's header)
IDIOM = "idiom"
MEASURE = "measure"
VALUE = "value"
ABSTRACT_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Predicate:
    """An event trigger: its head token, lexicon entry, and the token range of the trigger."""

    token: Token
    entry: Entry
    code: str
    kind: str  # verb | noun
    first: int
    last: int
    light: Token | None = None  # the light verb governing an event noun


def find_predicates(sent: Span, lexicon: Lexicon) -> list[Predicate]:
    """Every event predicate in a sentence, verbs first, without double counting."""
    consumed: set[int] = set()
    found: list[Predicate] = []
    for token in sent:
        if token.i in consumed or token.pos_ not in VERB_TAGS:
            continue
        found.extend(_verb_predicates(token, lexicon, consumed))
    for token in sent:
        if token.i in consumed or token.pos_ not in NOUN_TAGS or token.ent_type_:
            continue  # a word inside a name ("... Treaty Organization") is no event
        predicate = noun_predicate(token, lexicon, None)
        if predicate is not None:
            consumed.add(token.i)
            found.append(predicate)
    return found


def _verb_predicates(token: Token, lexicon: Lexicon, consumed: set[int]) -> list[Predicate]:
    if lexicon.dictionary and _misspelt(token):
        return []  # PETRARCH matches verb forms, so a non-word form ("departes") is no verb
    if token.lemma_.lower() in NAMING_VERBS and _predicative(token) is not None:
        return _naming(token, lexicon, consumed)  # naming something, not a phone call
    context = _context(token, measures=lexicon.abstract)
    wide = _wide_context(token, _context(token, DICT_DEPTH)) if lexicon.dictionary else context
    entry = _match_verb(token, lexicon, context, wide)
    if entry is None:
        return []
    keys = entry.match(wide if "dict" in entry.flags else context) or []
    used = _with_heads([context[k] for k in keys if k in context])
    consumed.update(t.i for t in used)
    if entry.is_light:
        return _light(token, lexicon, consumed)
    if entry.code is None or _acts_on_abstract(token, entry.code, {t.i for t in used}, lexicon):
        return []
    consumed.add(token.i)
    first = min([token.i, *(t.i for t in used)])
    last = max([token.i, *(t.i for t in used)])
    return [Predicate(token, entry, entry.code, "verb", first, last)]


def _naming(token: Token, lexicon: Lexicon, consumed: set[int]) -> list[Predicate]:
    """``X called the move a power grab``, ``branded the raid a provocation``: saying what
    something is, a judgement of it (criticism, or praise when the predicate approves); the
    object is what is judged. ``what he called interference`` names nothing of its own."""
    if lexicon.naming.get(token.lemma_.lower()) != NAMING_VERB:
        return []
    named = next((c for c in token.children if c.dep_ == "dobj"), None)
    predicate = _predicative(token)
    if named is None or predicate is None or named.i == predicate.i or named.tag_ in RELATIVE_TAGS:
        return []
    words = {t.lemma_.lower() for t in predicate.subtree}
    code = NAMING_PRAISE if any(lexicon.naming.get(w) == APPROVAL for w in words) else NAMING_CRITICISM
    consumed.add(token.i)
    entry = Entry(token.lemma_.lower(), (), code, frozenset(), None, None)
    return [Predicate(token, entry, code, "verb", token.i, token.i)]


def _predicative(token: Token) -> Token | None:
    """What a verb says its object is: the predicative (``oprd``), or the second of two objects
    the parser found (``branded [the raid] [a provocation]``)."""
    found = next((c for c in token.children if c.dep_ == "oprd"), None)
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return found if found is not None else objects[1] if len(objects) > 1 else None


def for_clause_mark(clause: Token) -> Token | None:
    """The ``for`` of a ``for X to V`` complement (``appealed for the rebels to disarm``): it
    belongs to the verb's pattern (``call for``) though the parser hangs it on the clause."""
    if clause.dep_ not in FOR_CLAUSE_DEPS or not any(c.tag_ == "TO" for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)


def _acts_on_abstract(token: Token, code: str, used: set[int], lexicon: Lexicon) -> bool:
    """``seize the opportunity``, ``protect the interests of X``: a material act whose object is
    an idiom's or an abstract good is no act on anything; verbal defence (052) of an abstract good
    is not an event either (it needs a person or actor as object). A pattern's own words stay."""
    for obj in token.children:
        if obj.dep_ not in ABSTRACT_OBJECT_DEPS or obj.i in used:
            continue
        kind = lexicon.abstract.get(obj.lemma_.lower())
        if kind in {IDIOM, VALUE} and code[:2] in MATERIAL_ROOTS:
            return True
        if kind == VALUE and code in ACTOR_OBJECT_CODES and not _named_owner(obj):
            return True
    return False


def _named_owner(noun: Token) -> bool:
    """``defended the right of Russian troops to fire``, ``defended Kenya's interests``: the
    good belongs to a named party, and defending it verbally defends that party (052)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    # the owner's own words only: ``the principles of the alliance with X`` are no X's
    words = [t for owner in owners for t in (owner, *owner.children) if t is owner or t.dep_ in OWNER_DEPS]
    return any(t.ent_type_ in OWNER_LABELS for t in words)


def _match_verb(
    token: Token, lexicon: Lexicon, context: dict[str, Token], wide: dict[str, Token]
) -> Entry | None:
    """By the lemma, else by the word's own base forms: the lemmatizer guesses wrong for some
    verbs (``raped`` -> ``rap``), so the lowercased form, an irregular form's lemma and the form
    without its inflection ending are tried too."""
    entry = lexicon.match_verb(token.lemma_.lower(), context, wide, token.lower_)
    if entry is not None:
        return entry
    for lemma in base_forms(token.lower_, lexicon.irregular):
        if lemma != token.lemma_.lower():
            entry = lexicon.match_verb(lemma, context, wide, token.lower_)
            if entry is not None:
                return entry
    return None


def base_forms(form: str, irregular: Mapping[str, str]) -> list[str]:
    """Candidate lemmas of an inflected verb form, most likely first."""
    found = [irregular[form]] if form in irregular else []
    found.append(form)
    for ending, keep in INFLECTIONS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            found.append(form[: len(form) - len(ending)] + keep)
    return list(dict.fromkeys(found))


def _light(verb: Token, lexicon: Lexicon, consumed: set[int]) -> list[Predicate]:
    """A light verb's event is its noun object's (``held talks`` -> the talks)."""
    found = []
    for obj in _light_objects(verb):
        if obj.i in consumed:
            continue  # already a word of another pattern ("threatened to hold a strike")
        # each listed object on its own: "launched artillery and rocket fire" is the fire's
        for noun in (obj, *obj.conjuncts):
            noun = _measured(noun, lexicon)
            predicate = noun_predicate(noun, lexicon, verb) if noun.i not in consumed else None
            if predicate is not None:
                consumed.add(noun.i)
                found.append(predicate)
    return found


def _measured(noun: Token, lexicon: Lexicon) -> Token:
    """``held a new round of talks``, ``launched ten days of exercises``: a count or stretch of
    an event hands the light verb the event noun after ``of``."""
    if lexicon.abstract.get(noun.lemma_.lower()) != MEASURE:
        return noun
    return _of_object(noun) or noun


def _light_objects(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in LIGHT_OBJECT_DEPS]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on"}):
        objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return objects


def noun_predicate(token: Token, lexicon: Lexicon, light: Token | None) -> Predicate | None:
    context = _context(token)
    if token.pos_ not in NOUN_TAGS:
        return None
    entry = lexicon.match_noun(token.lemma_.lower(), context)
    if entry is None or entry.code is None:
        return None
    used = _with_heads([context[k] for k in entry.match(context) or [] if k in context])
    first = min([token.i, *(t.i for t in used)])
    last = max([token.i, *(t.i for t in used)])
    return Predicate(token, entry, entry.code, "noun", first, last, light)


def _with_heads(used: list[Token]) -> list[Token]:
    """A matched modifier brings its phrase head into the trigger (``video`` -> ``video link``)."""
    return used + [t.head for t in used if t.dep_ in {"compound", "amod"}]


def _context(
    token: Token, depth: int = PATTERN_DEPTH, measures: Mapping[str, str] | None = None
) -> dict[str, Token]:
    """Lemmas (and words) of the token's non-clausal dependents, a few levels down.

    With ``measures`` (the abstract noun kinds), the noun after the ``of`` of a part or count
    stands on the level of that part: ``suspended part of its aid program`` reaches ``aid`` as
    ``suspended its aid program`` does (round 10)."""
    found: dict[str, Token] = {}
    frontier = [c for c in token.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "aux"]
    marks = [m for m in map(for_clause_mark, token.children) if m is not None]
    found.update({m.lower_: m for m in marks})
    for _ in range(depth):
        following: list[Token] = []
        for child in frontier:
            if child.lower_ in ATTRIBUTION_WORDS:
                continue  # "according to X" names a source, never a pattern word ("protest to")
            if not _time_word(child):
                found.setdefault(child.lemma_.lower(), child)
                found.setdefault(child.lower_, child)
            following.extend(c for c in child.children if c.dep_ not in CLAUSE_DEPS)
            if measures is not None and measures.get(child.lemma_.lower()) == MEASURE:
                measured = _of_object(child)
                if measured is not None and measured not in frontier:
                    frontier.append(measured)  # visited on this level, after its part
        frontier = following
    return found


def _time_word(token: Token) -> bool:
    """``on Tuesday``, ``in March``: when something happened, never a word of a pattern
    (``called Putin on Tuesday`` is no ``call on``); what hangs below it still counts."""
    if token.dep_ == "pobj":
        return token.ent_type_ in TIME_LABELS
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.dep_ == "prep" and bool(objects) and all(o.ent_type_ in TIME_LABELS for o in objects)


def _of_object(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


#: dependents whose words a dictionary pattern may name before the verb (``{DEATH TOLL} *``,
#: ``% HAVE *``, ``WILL NOT *``). Adverbs are not among them: UD-PETRARCH's 2_02 gold codes
#: ``X recently allowed`` and ``was heavily criticized`` by the bare verb, not ``RECENTLY *`` or
#: ``HEAVILY *``
WIDE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg"})
#: words of a subject that are no pattern words: list markers (``Neither X nor Y boycotted`` is
#: not ``NEITHER *``) and determiners; an infinitive's ``to`` is no ``(TO)`` phrase either
SUBJECT_FILLER_DEPS = frozenset({"cc", "preconj", "det"})
#: links to a governor in another clause (a reported or adverbial clause is coded on its own)
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl"})


def _wide_context(token: Token, context: dict[str, Token]) -> dict[str, Token]:
    """The context plus subject, auxiliary and governing words, for PETRARCH's pre-verb pattern words.

    Only the dependents' tokens can become part of the trigger; governors are looked at, not taken.
    """
    wide = dict(context)
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "conj" for c in child.children):
            wide[COMPOUND_SUBJECT] = child
        if child.dep_ in WIDE_DEPS:
            for t in child.subtree:
                if abs(t.i - child.i) <= 3 and t.dep_ not in SUBJECT_FILLER_DEPS and t.tag_ != "TO":
                    wide.setdefault(BEFORE + t.lemma_.lower(), t)
                    wide.setdefault(BEFORE + t.lower_, t)
    node = token
    for _ in range(2):
        if node.head.i == node.i or node.dep_ in OTHER_CLAUSE_DEPS:
            break  # "X indicated it deplored Y": a verb of another clause is no pattern word
        node = node.head
        wide.setdefault(BEFORE + node.lemma_.lower(), node)
        wide.setdefault(BEFORE + node.lower_, node)
    return wide


def _misspelt(token: Token) -> bool:
    """An inflected form no English word list knows (the lemmatizer would still guess a lemma)."""
    form = token.lower_
    return form != token.lemma_.lower() and form.isalpha() and zipf_frequency(form, "en") == 0.0
