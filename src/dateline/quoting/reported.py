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

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .cues import Attribution, attribution, is_cue_token
from .lexicon import QuoteLexicon
from .trailing import end_at_closing_mark

#: dependency labels of a complement clause that carries what was said
CONTENT_DEPS = frozenset({"ccomp"})
#: dependency labels by which a cue verb hangs on the clause it reports ("..., X said")
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl"})
#: dependents that carry what a speech act or stance is about, when there is no clause
OBJECT_DEPS = frozenset({"dobj", "xcomp"})
#: prepositions that continue an object ("accused X of Y", "praised X for Y", "described X as Y")
OBJECT_PREPS = frozenset({"of", "for", "as"})
#: prepositions that usually set the scene of the act rather than extend what it is about
SETTING_PREPS = frozenset(
    {"in", "at", "during", "after", "before", "since", "while", "with", "via", "through"}
)
#: entity types of a scene-setting phrase ("on Monday", "in Iowa")
SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
#: subordinators of a clause that contrasts with what was said ("said X, while Y did Z")
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
#: words opening a non-restrictive relative clause the reporter adds ("..., which has sparked ...")
RELATIVE_ASIDES = frozenset({"which"})
#: prepositions of a concession the reporter adds ("..., despite the decision to ...")
CONCESSIVE_PREPS = frozenset({"despite"})
#: closing quotation marks, looked past when seeking the comma before a phrase
CLOSING_MARKS = frozenset({"”", '"', "''", "’"})
#: punctuation that sets a comment off from what was said
SETTING_OFF = frozenset({",", ";", "—", "–"})
#: an object needs at least this many words ("criticized Smith" is an attribution too)
MIN_OBJECT_WORDS = 1
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


def find_reported(doc: Doc, lexicon: QuoteLexicon, quoted: list[tuple[int, int]]) -> list[ReportedFinding]:
    """Every reported statement whose cue lies outside quotation marks."""
    findings = []
    starts = doc.to_array("IDX").tolist()
    for token in doc:
        if any(s <= token.idx < e for s, e in quoted):
            continue
        if is_cue_token(token, lexicon, speech_only=False):
            finding = _reported(token, lexicon)
        else:
            finding = _quoted_characterization(token, lexicon, quoted)
        if finding is not None and finding.found.speaker is not None:
            content = end_at_closing_mark(doc, starts, finding.content, quoted)
            findings.append(replace(finding, content=content))
    return findings


def _reported(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    if token.lower_ == "according":
        content = _clause_without(token.head, token, lexicon)
        return _finding(content, token, lexicon, "according to", head=token.head)
    complement = next((c for c in token.children if c.dep_ in CONTENT_DEPS), None)
    if complement is not None:
        how = "complement clause" if complement.i > token.i else "clause before the cue"
        return _finding(_edges(complement, lexicon), token, lexicon, how, head=complement)
    if token.dep_ in PARENTHETICAL_DEPS and _is_parenthetical(token):
        content = _clause_without(token.head, token, lexicon)
        return _finding(content, token, lexicon, "clause around the cue", head=token.head)
    reporting = _phrase_object(token, lexicon)
    if reporting is not None:
        return _finding(_edges(reporting, lexicon), token, lexicon, "object of the reporting phrase")
    return _object(token, lexicon)


def _object(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """``criticized the plan``, ``accused X of Y``, ``wants to leave``: what the act is about.

    The object, with a following ``of``/``for``/``as`` phrase or infinitive, is
    what is attributed (an annotated attribution in PolNeAR's sense: stances and
    speech acts over an entity or proposal, not only over a clause).
    """
    if not lexicon.takes_object(token.lemma_.lower()):
        return None
    obj = next((c for c in token.rights if c.dep_ in OBJECT_DEPS), None)
    if obj is None:
        return None
    start, end = _edges(obj, lexicon)
    for child in token.rights:
        if child.i > obj.i and (child.dep_ in {"xcomp", "oprd"} or _continues_object(child)):
            end = max(end, _edges(child, lexicon)[1])
    return _finding((start, end), token, lexicon, "object of the cue", min_words=MIN_OBJECT_WORDS)


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


def _continues_object(child: Token) -> bool:
    """A phrase after the object that says more about it, not when or where the act happened."""
    if child.lower_ in OBJECT_PREPS:
        return True
    if child.dep_ != "prep" or child.lower_ in SETTING_PREPS:
        return False
    target = next((c for c in child.children if c.dep_ == "pobj"), None)
    return target is not None and target.ent_type_ not in SETTING_ENTITIES


def _finding(
    content: tuple[int, int] | None,
    token: Token,
    lexicon: QuoteLexicon,
    how: str,
    *,
    min_words: int = MIN_CONTENT_WORDS,
    head: Token | None = None,
) -> ReportedFinding | None:
    if content is None:
        return None
    doc = token.doc
    start, end = _trim(doc, *content)
    if end - start < min_words:
        return None
    start, end = _within_paragraph(doc, start, end, token.i)
    if end - start < min_words:
        return None
    span = doc[start:end]
    if len(span) == 1 and span[0].pos_ == "PRON":
        return None  # "if the parties asked it": a pronoun alone reports nothing
    found = attribution(token, lexicon, reported=True)
    if found.speaker is not None and found.speaker.start < span.end and span.start < found.speaker.end:
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
    start, end = _within_paragraph(doc, *_trim(doc, *_edges(head, lexicon)), cue.i)
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
    if child.dep_ == "conj" and is_cue_token(child, lexicon, speech_only=True):
        return True  # "... and said that Y", "..., and most said Y": a new statement starts
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
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


def _is_parenthetical(token: Token) -> bool:
    """``As X pointed out, ...`` or ``..., X said.``: the cue verb has a subject and no object clause."""
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    if marks and marks != ["as"]:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


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
    return _trim(doc, start, end)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and spaces at either end of a content span."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end
