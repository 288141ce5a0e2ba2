"""Indirect (reported) speech over the dependency parse.

Constructions, each giving a content span, a cue and a speaker phrase:

- ``X said/noted/told reporters (that) CLAUSE``: the cue verb's complement clause;
- ``CLAUSE, X said`` and ``CLAUSE, X said, CLAUSE``: the clause the cue verb hangs on
  or governs before it;
- ``As X pointed out, CLAUSE``: the main clause around the ``as`` clause;
- ``According to X, CLAUSE``: the clause ``according to`` modifies;
- ``X called for NOUN PHRASE``: the object of the reporting phrase.

A cue inside a quotation is skipped (the quotation is attributed as a whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .cues import Attribution, attribution, is_cue_token, source_word
from .lexicon import QuoteLexicon
from .scope import Scope
from .trailing import end_at_closing_mark

#: dependency labels of a complement clause that carries what was said
CONTENT_DEPS = frozenset({"ccomp"})
#: dependency labels by which a cue verb hangs on the clause it reports ("..., X said")
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl"})
#: dependents that carry what a speech act or stance is about, when there is no clause
OBJECT_DEPS = frozenset({"dobj", "xcomp"})
#: dependents after a cue that make it report its own object rather than the clause around it
OWN_OBJECT_DEPS = frozenset({"dobj", "xcomp", "dative", "oprd"})
#: prepositions that continue an object ("accused X of Y", "praised X for Y", "described X as Y")
OBJECT_PREPS = frozenset({"of", "for", "as"})
#: prepositions whose object is what a cue verb without an object is about ("hinted at", "pushed for")
ABOUT_PREPS = frozenset({"for", "about", "of", "at", "against"})
#: prepositions that usually set the scene of the act rather than extend what it is about
SETTING_PREPS = frozenset(
    {"in", "at", "during", "after", "before", "since", "while", "with", "via", "through"}
)
#: words after a named object that give its standing ("showed Clinton with a lead", "put Trump ahead")
STANDING_WORDS = frozenset({"with", "at", "ahead", "behind", "up"})
#: verbs whose infinitive is a further event, not a stance ("continued to rise")
ASPECTUAL_VERBS = frozenset({"continue", "begin", "start", "keep", "cease"})
#: what an ``on`` phrase names when it says where the act was seen or heard ("on Twitter", "on the
#: campaign trail", "on Fox News"), not what it was about
VENUE_NOUNS = frozenset(
    {
        "twitter",
        "facebook",
        "instagram",
        "youtube",
        "page",
        "account",
        "feed",
        "website",
        "site",
        "blog",
        "podcast",
        "television",
        "tv",
        "radio",
        "air",
        "show",
        "network",
        "channel",
        "news",
        "stage",
        "trail",
        "floor",
        "eve",
        "occasion",
    }
)
#: entity types of a scene-setting phrase ("on Monday", "in Iowa")
SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
#: subordinators of a clause that contrasts with what was said ("said X, while Y did Z")
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
#: subjects that name no source of a "that" clause ("it turns out that", "this means that")
NON_AGENTS = frozenset({"it", "this", "that", "which", "what"})
#: verbs whose "that" clause is a fact or a consequence, not a statement ("the point is that")
FACT_VERBS = frozenset({"be", "make", "ensure", "mean"})
#: words opening a non-restrictive relative clause the reporter adds ("..., which has sparked ...")
RELATIVE_ASIDES = frozenset({"which", "who", "whom", "whose"})
#: prepositions of a concession the reporter adds ("..., despite the decision to ...")
CONCESSIVE_PREPS = frozenset({"despite"})
#: closing quotation marks, looked past when seeking the comma before a phrase
CLOSING_MARKS = frozenset({"”", '"', "''", "’"})
#: punctuation that sets a comment off from what was said
SETTING_OFF = frozenset({",", ";", "—", "–"})
#: an object needs at least this many words ("criticized Smith" is an attribution too)
MIN_OBJECT_WORDS = 1
#: words on each side of a parenthetical cue for both sides to be content
MIN_SIDE_WORDS = 2
#: a content span needs at least this many words
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class ReportedFinding:
    """One piece of reported speech."""

    content: tuple[int, int]  # clean-text characters
    found: Attribution
    how: str
    #: a stance (belief, wish, support) rather than a statement: inside another
    #: attribution's content it is usually part of what was said ("X said they should support Y")
    stance: bool = False
    #: clean-text start of the word heading the content clause (its verb), when there is one
    head: int | None = None


def find_reported(scope: Scope, earlier: Sequence[ReportedFinding]) -> list[ReportedFinding]:
    """Every reported statement whose cue lies outside quotation marks."""
    doc, lexicon, quoted = scope.doc, scope.lexicon, scope.quoted
    findings = []
    starts = doc.to_array("IDX").tolist()
    for token in doc:
        if scope.is_quoted(token):
            continue
        if is_cue_token(token, lexicon, speech_only=False):
            finding = _reported(token, lexicon)
        else:
            finding = _quoted_characterization(token, lexicon, quoted) or _that_clause(token, lexicon)
        if finding is not None:
            content = end_at_closing_mark(doc, starts, finding.content, quoted)
            findings.append(replace(finding, content=content))
    return findings


def _that_clause(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``X bemoaned that ...``, ``the court ruled that ...``: a verb in no list with a ``that`` clause.

    A verb taking a finite ``that`` complement nearly always reports speech, thought or a
    finding, so its subject is the source even when the verb is in no word list
    (measured on the even half: about one in two such predictions matched, the average).
    Left out: a subject that is no agent (``it turns out that``, ``this means that``) and
    verbs whose clause states a fact or consequence (``is``, ``makes sure``, ``means``).
    """
    if token.pos_ != "VERB" or token.lemma_.lower() in FACT_VERBS:
        return None
    complement = next((c for c in token.rights if c.dep_ == "ccomp"), None)
    if complement is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in complement.children):
        return None
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].lower_ in NON_AGENTS:
        return None
    return _finding(
        _edges(complement, lexicon), token, lexicon, "that clause of an unlisted verb", head=complement
    )


def _reported(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    if source_word(token, lexicon) is not None:
        head = _first_conjunct(token.head)  # "A, and B, according to X": it vouches for both
        content = _clause_without(head, token, lexicon)
        return _finding(content, token, lexicon, "according to", head=head)
    complements = [c for c in token.children if c.dep_ in CONTENT_DEPS] or _question_clauses(token, lexicon)
    # a clause after the cue is what it reports; one before may be a mis-attached opener
    complement = next((c for c in complements if c.i > token.i), complements[0] if complements else None)
    if complement is not None and complement.i < token.i and _has_own_object(token, lexicon):
        complement = None  # "In his book, X suggested looking at ...": the object, not the clause before
    if complement is not None:
        how = "complement clause" if complement.i > token.i else "clause before the cue"
        start, end = _edges(complement, lexicon)
        if start < token.i < complement.i:
            start = token.i + 1  # "a deadline that insiders said went unnoticed": the relative word stays out
        if complement.i > token.i:
            end = _continued_complement(token, end, lexicon)
        return _finding((start, end), token, lexicon, how, head=complement)
    if (
        token.dep_ in PARENTHETICAL_DEPS
        and lexicon.is_speech(token.lemma_.lower())
        and _is_parenthetical(token, lexicon)
    ):
        clause = _clause_head(token.head)
        content = _clause_without(clause, token, lexicon)
        around = _around(clause, token, lexicon)
        if around is not None:  # "Even then, he said, he had learned ...": both sides were said
            return _finding(around, token, lexicon, "clause around the cue", head=clause, inside=True)
        return _finding(content, token, lexicon, "clause around the cue", head=clause)
    answer = next((c for c in token.children if c.dep_ == "intj"), None)
    if answer is not None and lexicon.is_speech(token.lemma_.lower()):  # "most voters said yes"
        return _finding((answer.i, answer.i + 1), token, lexicon, "answer word", min_words=1)
    reporting = _phrase_object(token, lexicon)
    if reporting is not None:
        how = "object of the reporting phrase"
        start, end = _edges(reporting, lexicon)
        for child in token.rights:  # "called on the regime to abandon X": what it is called on to do
            if child.i > reporting.i and child.dep_ == "xcomp":
                end = max(end, content_end(child, lexicon) + 1)
        end = _reason_after(token, end, lexicon)
        return _finding((start, end), token, lexicon, how, min_words=MIN_OBJECT_WORDS)
    for_clause = _for_clause(token, lexicon)
    if for_clause is not None:
        return for_clause
    return _object(token, lexicon)


def _reason_after(cue: Token, end: int, lexicon: QuoteLexicon) -> int:
    """``railed against X for refusing Y``: a ``for``/``as`` phrase right after a phrase cue's object.

    The parser hangs the phrase on the verb; like ``criticized X for Y`` it says what
    the object is blamed, praised or taken for, so the content runs on to its end.
    """
    for child in cue.rights:
        if child.dep_ != "prep" or child.lower_ not in OBJECT_PREPS or child.left_edge.i != end:
            continue
        target = next((c for c in child.children if c.dep_ == "pobj"), None)
        timed = child.lower_ == "for" and target is not None and target.ent_type_ in SETTING_ENTITIES
        if not timed:  # "for two hours" is how long the act went on
            end = _edges(child, lexicon)[1]
    return end


def _for_clause(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``called for the president to resign``: the parser makes ``for`` the mark of a clause.

    With a reporting phrase whose preposition is ``for`` (``call for``, ``push for``),
    the clause after ``for`` is what was called for, and ``for`` belongs to the cue.
    """
    if lexicon.phrase(token.lemma_.lower(), "for", "prep") is None:
        return None
    for child in token.rights:
        if child.dep_ != "advcl":
            continue
        mark = next((c for c in child.lefts if c.dep_ == "mark" and c.lower_ == "for"), None)
        if mark is None or mark.i != token.i + 1:
            continue
        found = _finding((mark.i + 1, content_end(child, lexicon) + 1), token, lexicon, "clause after for")
        if found is not None:
            cue = (token.idx, mark.idx + len(mark))
            return replace(found, found=replace(found.found, cue=cue))
    return None


def _question_clauses(token: Token, lexicon: QuoteLexicon) -> list[Token]:
    """``asked if they were involved``: an ``if``/``whether`` clause the parser made adverbial.

    After a speech verb such a clause is the question asked, not a condition (dev: 9 more
    matches for 7 more predictions).
    """
    if not lexicon.is_speech(token.lemma_.lower()):
        return []
    return [
        c
        for c in token.rights
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.text.lower() in {"if", "whether"} for m in c.children)
    ]


def _continued_complement(cue: Token, end: int, lexicon: QuoteLexicon) -> int:
    """``said that A, but that B`` parsed with B conjoined to the cue: B goes on with what was said.

    The small parser often hangs the second ``that`` clause of a complement on the cue
    verb itself. Such a clause continues the content. A conjoined clause without
    ``that`` (``said A, but B``) is the reporter's as often as the speaker's (measured on
    the even half: as many matches lost as gained), so it is left out. A second
    complement starting right where the first ends is one clause the parser split in two
    (``asked which states he could win``: ``which states`` and ``he could win``).
    """
    for child in cue.rights:
        if _split_complement(child, end):
            end = content_end(child, lexicon) + 1  # "asked which states he could win" split in two
            continue
        if child.i < end or child.dep_ != "conj" or child.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in child.lefts):
            break
        if _ends_content(child, lexicon):
            break
        end = content_end(child, lexicon) + 1
    return end


def _split_complement(child: Token, end: int) -> bool:
    """A second complement clause that starts right where the first ends, with no comma between."""
    if child.dep_ != "ccomp" or child.pos_ not in {"VERB", "AUX"} or child.left_edge.i != end:
        return False
    return not child.doc[end - 1].is_punct and not child.left_edge.is_punct


def _object(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``criticized the plan``, ``accused X of Y``, ``wants to leave``: what the act is about.

    The object, with a following ``of``/``for``/``as`` phrase or infinitive, is
    what is attributed (an annotated attribution in PolNeAR's sense: stances and
    speech acts over an entity or proposal, not only over a clause).
    """
    if not lexicon.takes_object(token.lemma_.lower()) and not _casts_as(token, lexicon):
        return None
    obj = next((c for c in token.rights if c.dep_ in OBJECT_DEPS), None)
    if obj is None:
        return _prepositional_object(token, lexicon)
    start, end = _edges(obj, lexicon)
    for child in token.rights:
        if child.i > obj.i and (
            child.dep_ in {"xcomp", "oprd"}
            or continues_object(child)
            or _parallel_verb(child, obj, token)
            or _standing(child, obj)
            or as_predicate(child, obj)
            or _noun_complement(child, obj, lexicon)
        ):
            end = max(end, _edges(child, lexicon)[1])
    return _finding((start, end), token, lexicon, "object of the cue", min_words=MIN_OBJECT_WORDS)


def _noun_complement(child: Token, obj: Token, lexicon: QuoteLexicon) -> bool:
    """``decried his calls to ban imports``: a cue noun's ``to`` complement hung on the verb.

    The parser often attaches the infinitive or ``to`` phrase right after a reporting
    noun (``calls``, ``opposition``, ``pledge``) to the verb before it; it completes the
    noun, so it stays in the object.
    """
    if obj.lemma_.lower() not in lexicon.cue_nouns or child.left_edge.i != obj.right_edge.i + 1:
        return False
    if child.dep_ == "prep":
        return child.lower_ == "to"
    return child.dep_ == "advcl" and child.left_edge.lower_ == "to"


def as_predicate(child: Token, obj: Token) -> bool:
    """``described Vance as vastly more prepared``: an ``as`` predicate parsed as a clause of the cue.

    The parser makes ``as`` + an adjective or participle an adverbial clause of the
    verb (``as`` its marker); right after the object and with no subject of its own it
    says what the object is cast as, like ``as a liar``. A clause with a subject
    (``as he prepares to campaign``) is the time of the act.
    """
    if child.dep_ != "advcl" or child.i < obj.i:
        return False
    opening = child.left_edge
    if opening.lower_ != "as" or opening.i != obj.right_edge.i + 1:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in child.children)


def _standing(child: Token, obj: Token) -> bool:
    """``showed Clinton with a 7-point lead``, ``put Trump at 40 percent``: a named object's standing.

    After a name (or ``him``, ``her``, ``them``), a ``with`` or ``at`` phrase (or ``ahead``,
    ``behind``) says where the poll or the speaker puts that person, which is what was
    reported, not the scene of the act (measured on dev: 18 more matches for 13 more
    predictions, clause-only verbs such as ``found`` included).
    """
    named = obj.pos_ == "PROPN" or obj.lower_ in {"him", "her", "them"}
    return named and child.i == obj.right_edge.i + 1 and child.lower_ in STANDING_WORDS


def _casts_as(token: Token, lexicon: QuoteLexicon) -> bool:
    """``see their party as too timid``, ``told his aides to find a way``, ``found Clinton with a
    lead``: a clause-only cue whose object is followed by what it is cast as, told to do, or
    its standing, reports even without a clause; so does one with a ``to`` infinitive and no
    object (``voted to stall the plan``), unless the verb is aspectual (``continued to rise``:
    such infinitives matched gold one time in six on dev, the others one time in two)."""
    if not lexicon.is_cue(token.lemma_.lower()):
        return False
    obj = next((c for c in token.rights if c.dep_ == "dobj"), None)
    if obj is None:
        if token.lemma_.lower() in ASPECTUAL_VERBS:
            return False
        return any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.rights
        )
    return any(
        c.i > obj.i
        and (c.dep_ in {"oprd", "xcomp"} or c.lower_ == "as" or _standing(c, obj) or as_predicate(c, obj))
        for c in token.rights
    )


def _prepositional_object(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``hinted at his plans``, ``pushed for new talks``, ``lashed out at Turkey``: the object
    of the first preposition after the cue that says what the act is about.

    The preposition belongs to the cue (PolNeAR marks ``hinted at`` as the cue); a
    scene-setting phrase (``in Iowa``, ``on Monday``) is no content.
    """
    if _is_passive(token):
        return None  # "was praised for", "a contractor accused of": see ``fronted``
    prep = next((c for c in token.rights if c.dep_ == "prep" and continues_object(c)), None)
    if prep is None or prep.lower_ not in ABOUT_PREPS:
        return None
    target = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if target is None:
        return None
    start, end = _edges(target, lexicon)
    end = _reason_after(token, end, lexicon)
    found = _finding((start, end), token, lexicon, "object of the cue's preposition", min_words=1)
    if found is None or found.found.speaker is None:
        return None  # without a speaker such a phrase matched gold one time in ten (even half)
    return replace(found, found=replace(found.found, cue=(token.idx, prep.idx + len(prep))))


def _is_passive(token: Token) -> bool:
    """A passive verb, or a past participle modifying a noun (``a contractor accused of``)."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}


def _parallel_verb(child: Token, obj: Token, cue: Token) -> bool:
    """``wants to triple X, grow Y and create Z``: a verb in the object's form hung on the cue.

    The parser often attaches the later members of a list of infinitives or gerunds to
    the cue verb. A verb in the object verb's form (``grow`` after ``to triple``,
    ``limiting`` after ``eliminating``) and not in the cue's own is one more item of what
    was said; one in the cue's form (``wants X and grows Y``) is a new act.
    """
    if child.dep_ not in {"conj", "advcl"} or child.pos_ != "VERB" or obj.pos_ != "VERB":
        return False
    if child.tag_ != obj.tag_ or child.tag_ == cue.tag_:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in child.children)


def _quoted_characterization(
    token: Token, lexicon: QuoteLexicon, quoted: list[tuple[int, int]]
) -> ReportedFinding | None:
    """``admires Putin as a “strong leader”``: any verb casting its object ``as`` a quotation.

    Putting the words in quotation marks makes the characterization the subject's, so the
    verb is a cue even when it is in no list; without a quotation it is the reporter's.
    """
    if token.pos_ != "VERB":
        return None
    obj = next((c for c in token.rights if c.dep_ == "dobj"), None)
    as_phrase = next((c for c in token.rights if c.lower_ == "as" and obj is not None and c.i > obj.i), None)
    if obj is None or as_phrase is None:
        return None
    start, end = as_phrase.idx, as_phrase.doc[as_phrase.right_edge.i].idx + len(as_phrase.right_edge)
    if not any(s < end and start < e for s, e in quoted):
        return None
    content = (obj.left_edge.i, content_end(as_phrase, lexicon) + 1)
    return _finding(content, token, lexicon, "object cast as a quotation", min_words=MIN_OBJECT_WORDS)


def continues_object(child: Token) -> bool:
    """A phrase after the object that says more about it, not when or where the act happened."""
    if child.lower_ in OBJECT_PREPS:
        return True
    if child.dep_ != "prep" or child.lower_ in SETTING_PREPS:
        return False
    target = next((c for c in child.children if c.dep_ == "pobj"), None)
    if target is None:
        return False
    # "compared abortion to the Holocaust", "promising visas to the United States": after an
    # object, a "to" phrase names a recipient or a likeness even when it names a place or event
    recipient = child.lower_ == "to" and target.ent_type_ not in {"DATE", "TIME"}
    if target.ent_type_ in SETTING_ENTITIES and not recipient:
        return False
    return not (child.lower_ == "on" and target.lemma_.lower() in VENUE_NOUNS)


def _finding(
    content: tuple[int, int] | None,
    token: Token,
    lexicon: QuoteLexicon,
    how: str,
    *,
    min_words: int = MIN_CONTENT_WORDS,
    head: Token | None = None,
    inside: bool = False,
) -> ReportedFinding | None:
    if content is None:
        return None
    doc = token.doc
    start, end = trim_tokens(doc, *content)
    end = _before_venue(doc, start, end)
    if end - start < min_words:
        return None
    start, end = _within_paragraph(doc, start, end, token.i)
    if end - start < min_words:
        return None
    span = doc[start:end]
    if len(span) == 1 and span[0].pos_ == "PRON":
        return None  # "if the parties asked it": a pronoun alone reports nothing
    found = attribution(token, lexicon, reported=True)
    speaker = found.speaker
    if speaker is not None and speaker.start < span.end and span.start < speaker.end and not inside:
        return None
    stance = lexicon.cue_verbs.get(token.lemma_.lower()) == "stance"
    return ReportedFinding(
        (span.start_char, span.end_char), found, how, stance, head.idx if head is not None else None
    )


def content_span(
    head: Token, cue: Token, found: Attribution, lexicon: QuoteLexicon
) -> tuple[int, int] | None:
    """``head``'s phrase as the content of ``cue``; None if too short or overlapping the speaker."""
    doc = cue.doc
    start, end = _within_paragraph(doc, *trim_tokens(doc, *_edges(head, lexicon)), cue.i)
    if end - start < MIN_OBJECT_WORDS:
        return None
    if found.speaker is not None and found.speaker.start < end and start < found.speaker.end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _edges(token: Token, lexicon: QuoteLexicon) -> tuple[int, int]:
    return token.left_edge.i, content_end(token, lexicon) + 1


def content_end(token: Token, lexicon: QuoteLexicon) -> int:
    """The last token of a content phrase: conjoined clauses stay, a new act or a contrast does not.

    ``said Mateen didn't mingle but left early``: the conjoined verb is part of what
    was said. ``said X, noting Y`` (a second cue) and ``said X, while Y`` (the
    reporter's contrast) end the content, as PolNeAR marks it.
    """
    last = token.i
    for child in token.rights:
        if child.dep_ == "cc":
            continue
        if _ends_content(child, lexicon):
            break
        last = max(last, content_end(child, lexicon))
    return last


def _ends_content(child: Token, lexicon: QuoteLexicon) -> bool:
    after_comma = _set_off(child)
    if child.dep_ == "prep" and after_comma and child.lower_ in CONCESSIVE_PREPS:
        return True  # "..., despite the campaign's decision": the reporter's contrast
    if child.dep_ == "appos" and after_comma and child.left_edge.pos_ == "DET":
        return True  # "..., a charge that X denied": the reporter's comment on what was said
    if child.dep_ == "relcl" and after_comma and child.left_edge.lower_ in RELATIVE_ASIDES:
        return True  # "..., which has sparked a battle": the reporter's aside on what was said
    if child.dep_ not in {"advcl", "conj", "parataxis"} or child.pos_ not in {"VERB", "AUX"}:
        return False
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    if child.dep_ == "conj" and "that" in marks:
        return False  # "said that A, but that B would insist on C": a second clause of the same report
    if child.dep_ == "conj" and is_cue_token(child, lexicon, speech_only=True):
        return True  # "... and said that Y", "..., and most said Y": a new statement starts
    if marks & CONTRAST_MARKS and after_comma:
        return True
    return child.tag_ == "VBG" and after_comma and is_cue_token(child, lexicon, speech_only=True)


def _set_off(child: Token) -> bool:
    """Whether a comma or dash sets ``child`` off, looking past a closing quotation mark (``,” claiming``)."""
    index = child.left_edge.i - 1
    while index >= 0 and child.doc[index].text in CLOSING_MARKS:
        index -= 1
    return index >= 0 and (child.doc[index].text in SETTING_OFF or child.doc[index].text.endswith(","))


def _clause_without(head: Token, cue: Token, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The clause of ``head`` minus the cue's own subtree, on the larger side of it."""
    start, end = _edges(head, lexicon)
    cue_start, cue_end = _edges(cue, lexicon)
    before = (start, cue_start)
    after = (cue_end, end)
    return max(before, after, key=lambda r: r[1] - r[0])


def _clause_head(head: Token) -> Token:
    """The verb of the clause a parenthetical cue interrupts.

    ``The difference now, he told me, is that ...``: the parser may hang the cue on the
    subject noun before it; what was said is the whole clause of that subject's verb.
    """
    subject = head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"}
    if subject and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return head


def _first_conjunct(head: Token) -> Token:
    """The first of coordinated clauses, when a cue at the end hangs on a later one."""
    while head.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and head.head.pos_ in {"VERB", "AUX"}:
        head = head.head
    return head


def _around(head: Token, cue: Token, lexicon: QuoteLexicon) -> tuple[int, int] | None:
    """The whole clause around a parenthetical cue when words were said on both sides of it.

    PolNeAR marks both sides as one discontinuous content when the clause's subject stands
    before the cue (``A more important question, he said, is ...``); the span over both
    holds the short cue and speaker as well, which still leaves it mostly the gold content.
    """
    start, end = _edges(head, lexicon)
    cue_start, cue_end = _edges(cue, lexicon)
    doc = head.doc
    before = [t for t in doc[start:cue_start] if not t.is_punct and not t.is_space]
    after = [t for t in doc[cue_end:end] if not t.is_punct and not t.is_space]
    if len(before) < MIN_SIDE_WORDS or len(after) < MIN_SIDE_WORDS:
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} and c.i < cue_start for c in head.children):
        return None  # "And yet, aides say, X ...": an opener before the cue is the reporter's
    return start, end


def _is_parenthetical(token: Token, lexicon: QuoteLexicon) -> bool:
    """``As X pointed out, ...`` or ``..., X said.``: the cue verb has a subject and no object.

    A cue with an object of its own (``as he touted his record``, ``when voters ask
    for help``) reports that object, not the clause around it.
    """
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    if (marks and marks != ["as"]) or _has_own_object(token, lexicon):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _has_own_object(token: Token, lexicon: QuoteLexicon) -> bool:
    """An object, infinitive or reporting-phrase object after the cue: what the cue itself reports."""
    if _phrase_object(token, lexicon) is not None:
        return True
    if not lexicon.takes_object(token.lemma_.lower()):
        return False  # "told The Huffington Post": the addressee, not what was told
    return any(c.dep_ in OWN_OBJECT_DEPS for c in token.rights)


def _phrase_object(token: Token, lexicon: QuoteLexicon) -> Token | None:
    """``called for strengthening cooperation``: the object after a reporting phrase."""
    for child in token.rights:
        if child.dep_ == "prep" and lexicon.phrase(token.lemma_.lower(), child.lower_, "prep"):
            phrase = lexicon.phrase(token.lemma_.lower(), child.lower_, "prep")
            if phrase is not None and phrase.marks == "cue":
                return next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
    return None


def _within_paragraph(doc: Doc, start: int, end: int, cue: int) -> tuple[int, int]:
    """Clip a content span to the paragraph of its cue (a bad parse may reach across one)."""
    for index in range(cue, end):
        if "\n" in doc[index].text:
            end = index
            break
    for index in range(min(cue, end) - 1, start - 1, -1):
        if "\n" in doc[index].text:
            start = index + 1
            break
    return trim_tokens(doc, start, end)


def _before_venue(doc: Doc, start: int, end: int) -> int:
    """``criticized the governor on Twitter``: a closing ``on`` + venue phrase hung inside the object.

    Where the parser attaches the phrase to the object noun rather than to the verb
    (see ``continues_object``), it still says where the act happened. Inside a reported
    clause (one with a subject) the phrase may be part of what was said and stays.
    """
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc[start:end]):
        return end
    for index in range(start + 1, end):
        prep = doc[index]
        if prep.lower_ != "on" or prep.dep_ != "prep" or prep.right_edge.i != end - 1:
            continue
        target = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if target is not None and target.lemma_.lower() in VENUE_NOUNS:
            return index
    return end


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and spaces at either end of a content span."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end
