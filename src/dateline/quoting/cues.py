"""From a cue word to its cue span, speaker phrase and channel, over the dependency parse.

``X said``, ``said X``, ``X was quoted as saying``, ``the ministry quoted X as saying``
(X speaks, the ministry is the channel), ``according to X``, ``X pointed out``,
``X called for``, and a cue verb sharing its subject with an earlier verb
(``X arrived and said``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import QuoteLexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: dependents that extend a speaker phrase to the right of its head ("Aide to the President")
PHRASE_RIGHT_DEPS = frozenset({"prep", "compound", "nummod", "amod", "poss", "pobj", "flat"})
#: verbs whose subject a conjoined or embedded cue verb borrows
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})
#: ancestors looked at for the subject of a cue the parse left without one
MAX_CLIMB = 4
#: dependents of a noun that name whose act it is ("Trump's threats to sue")
POSSESSOR_DEPS = frozenset({"poss"})
#: relative words, never a speaker phrase of their own
RELATIVE_SUBJECTS = frozenset({"which", "that"})
#: a predicate adjective or noun whose infinitive shares the copula's subject ("were likely to say")
PREDICATE_DEPS = frozenset({"acomp", "attr"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it (a phrase of the story), through which cue, and via whom."""

    cue: tuple[int, int]  # clean-text characters
    speaker: Span | None
    via: Span | None


def is_cue_token(token: Token, lexicon: QuoteLexicon, *, speech_only: bool) -> bool:
    """A reporting verb, or the "according" of "according to"."""
    if source_word(token, lexicon) is not None:
        return True
    verb = token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}
    if not verb and not _verb_tagged_as_noun(token):
        return False
    lemma = token.lemma_.lower()
    if speech_only:
        return lexicon.is_speech(lemma)
    return lexicon.is_cue(lemma) or (lexicon.is_phrase_head(lemma) and _has_phrase(token, lemma, lexicon))


def source_word(token: Token, lexicon: QuoteLexicon) -> Token | None:
    """The "to" of "according to", whose object is the speaker (a ``source`` row of
    ``reporting_phrases.tsv``; its head is matched as written)."""
    if not any(head == token.lower_ for head, _ in lexicon.source_phrases):
        return None
    return next((c for c in token.children if (token.lower_, c.lower_) in lexicon.source_phrases), None)


def _verb_tagged_as_noun(token: Token) -> bool:
    """``Many fear Trump will ...``, ``Two-thirds support reducing ...``: a word the tagger
    called a noun but the parser gave a subject is a verb (nouns have no subjects)."""
    return token.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "nsubj" for c in token.children)


def _has_phrase(token: Token, lemma: str, lexicon: QuoteLexicon) -> bool:
    """``took aim at``, ``sided with``: the head word carries the phrase's particle or preposition."""
    return any(
        child.dep_ in {"prt", "prep"} and lexicon.phrase(lemma, child.lower_, child.dep_) is not None
        for child in token.rights
    )


#: finite verb tags: only a finite verb can have its subject after it
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: roles a parser gives an inverted subject after the verb
INVERTED_DEPS = frozenset({"attr", "dobj", "npadvmod", "oprd", "appos", "dative", "nsubj"})


def attribution(token: Token, lexicon: QuoteLexicon, *, reported: bool = False) -> Attribution:
    """The cue span, speaker phrase and channel of a cue word.

    With ``reported`` (a cue of reported speech, not of a quotation) a bare
    ``cited the report`` is a speech act of its subject, not a channel.
    """
    to = source_word(token, lexicon)
    if to is not None:
        target = next((c for c in to.children if c.dep_ == "pobj"), None)
        return Attribution((token.idx, to.idx + len(to)), phrase(target) if target else None, None)
    channel = _channel_verb(token, lexicon)
    if channel is not None and not (reported and _last_in_as(channel, lexicon) is None):
        return _channelled(channel, token, lexicon)
    end = token
    for child in token.rights:
        if child.dep_ in {"prt", "prep"} and lexicon.phrase(token.lemma_.lower(), child.lower_, child.dep_):
            end = child
            break
    speaker = subject(token)
    if speaker is not None and speaker == token.head and token.dep_ == "acl":
        speaker = _author(speaker, lexicon) or speaker
    if speaker is None:
        speaker = inverted_subject(token, lexicon)
    if speaker is None and reported:
        speaker = enclosing_subject(token)
    return Attribution((token.idx, end.idx + len(end)), phrase(speaker) if speaker else None, None)


def inverted_subject(verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """``"...," warned Asli Aydintasbas``: in quotative inversion the noun phrase right after a
    finite reporting verb that has no subject of its own is that subject, whatever role the
    parser gave it (it often reads the name as an object or attribute)."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in {"ROOT", "ccomp", "conj"}:
        return None
    for child in verb.rights:
        if child.left_edge.i != verb.i + 1:
            return None
        named = child.pos_ == "PROPN" or child.lemma_.lower() in lexicon.person_nouns
        return child if child.dep_ in INVERTED_DEPS and named else None
    return None


def _author(noun: Token, lexicon: QuoteLexicon) -> Token | None:
    """``X issued a statement saying ...``: the author of the thing that speaks.

    A participle cue speaks for the noun it modifies (``voters backing Smith``), but
    when that noun is a thing someone made or used (a statement, an ad, a report: no
    name, no person word) and is the object of a verb, PolNeAR's source is that verb's
    subject, the one who issued, ran or wrote it (dev: speaker right for such cues 44 -> 57
    of 80). After a verb of finding (``the poll found voters backing Smith``) the noun
    stays the source.
    """
    if noun.ent_type_ or noun.pos_ != "NOUN" or noun.lemma_.lower() in lexicon.person_nouns:
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in {"VERB", "AUX"} or lexicon.cue_verbs.get(verb.lemma_.lower()) == "stance":
        return None  # "the poll found voters backing Smith": what was found speaks for itself
    return subject(verb)


def enclosing_subject(token: Token) -> Token | None:
    """The nearest subject or possessor up the tree, for a cue the parse left without one.

    ``it issued a paper welcoming X and calling for Y``, ``Trump's threats to sue``,
    ``allies launched attacks designed to paint him as ...``: a cue buried in a
    participle, infinitive or noun phrase is, as PolNeAR reads it, the act of the
    nearest subject or possessor above it.
    """
    for ancestor in list(token.ancestors)[:MAX_CLIMB]:
        deps = POSSESSOR_DEPS if ancestor.pos_ in {"NOUN", "PROPN"} else SUBJECT_DEPS
        found = [c for c in ancestor.children if c.dep_ in deps and c.lower_ not in RELATIVE_SUBJECTS]
        if found:
            return _best_subject(found)
    return None


def _channel_verb(token: Token, lexicon: QuoteLexicon) -> Token | None:
    """The "quoted" of "quoted (him) as saying", seen from "saying" or from "quoted" itself
    (the ``channel`` rows of ``reporting_phrases.tsv``)."""
    if lexicon.is_channel_verb(token.lemma_.lower()):
        return token
    head = token.head
    if token.dep_ == "pcomp" and (head.head.lemma_.lower(), head.lower_) in lexicon.channel_phrases:
        return head.head
    return None


def _channelled(verb: Token, cue_end: Token, lexicon: QuoteLexicon) -> Attribution:
    """``the ministry quoted him as saying``: him speaks; the ministry is the channel."""
    said = _last_in_as(verb, lexicon) or cue_end
    last = max(said, verb, key=lambda t: t.i)
    cue = (verb.idx, last.idx + len(last))
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if obj is not None:
        return Attribution(cue, phrase(obj), phrase(subject) if subject is not None else None)
    return Attribution(cue, phrase(subject) if subject is not None else None, None)


def _last_in_as(verb: Token, lexicon: QuoteLexicon) -> Token | None:
    """The "saying" of a channel verb's "as saying" (its phrase word from the channel row)."""
    for child in verb.rights:
        if (verb.lemma_.lower(), child.lower_) in lexicon.channel_phrases:
            return next((c for c in child.children if c.dep_ in {"pcomp", "pobj"}), None)
    return None


def subject(token: Token) -> Token | None:
    """The cue's subject, its passive agent, or the subject it shares with the verb it hangs on.

    A participle modifying a noun speaks for that noun (``voters backing Smith``), and
    a gerund after a preposition shares its verb's subject (``endorsed A before backing B``).
    """
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return _best_subject(subjects)
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token.head
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}:
            token = token.head.head
            continue
        if (
            token.dep_ == "xcomp"
            and token.head.dep_ in PREDICATE_DEPS
            and token.head.head.pos_ in {"VERB", "AUX"}
        ):
            token = token.head.head  # "voters were more likely to say": the copula's subject says it
            continue
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head is token:
            return None
        token = token.head
    return None


def _best_subject(subjects: list[Token]) -> Token:
    """Of two subjects ("Aide to the President Yuri Ushakov"), the one that names someone."""
    for token in reversed(subjects):
        if token.ent_type_ == "PERSON":
            return token
    return subjects[-1]


def phrase(head: Token) -> Span:
    """The speaker phrase around ``head``: its left dependents and a tight right side.

    Relative clauses, appositions after a comma and whole clauses are left out, so
    ``Jimmy Smith, a 28-year-old activist with ...`` gives ``Jimmy Smith``.
    """
    doc: Doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in PHRASE_RIGHT_DEPS and child.left_edge.i == end:
            end = child.right_edge.i + 1
        else:
            break
    subjects = [c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i]
    if subjects and head.dep_ in SUBJECT_DEPS:
        start = min(start, subjects[0].left_edge.i)
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def right_edge(token: Token, *, keep_subject_conj: bool = False) -> int:
    """The last token of ``token``'s phrase, without conjoined verbs that add a new act.

    ``it was opposed to the test and warned ...``: the "warned" clause is the
    reporter's, not part of what was said. With ``keep_subject_conj`` a conjoined
    clause with its own subject stays ("said A happened and B followed").
    """
    last = token.i
    for child in token.rights:
        if child.dep_ == "cc":
            continue
        if child.dep_ == "conj" and _is_verb(token) and _is_verb(child):
            own_clause = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in child.children)
            if not (keep_subject_conj and own_clause):
                break
        last = max(last, right_edge(child, keep_subject_conj=keep_subject_conj))
    return last
