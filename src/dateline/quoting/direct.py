"""Attribute each quotation to a cue and a speaker phrase, from the words around it.

Search order for the cue of one quotation:

1. the words just after the closing mark, up to the end of the sentence
   (``“...,” he said``, ``“...,” said X``, ``“...,” the ministry quoted him as saying``),
   unless the quotation is a partial one inside a dependent of a cue before it
   (``X called the plan “a disaster,” adding ...``): then the earlier cue's clause wins;
2. the words of its sentence before the opening mark, nearest first
   (``X said: “...”``, ``According to him, they discussed “...”``), and the
   sentence before it when the quotation opens a paragraph after a colon;
3. otherwise a quotation that opens a paragraph or follows an attributed quotation
   in the same paragraph continues that earlier quotation's speaker.

A quotation interrupted by its attribution (``“We intend,” he said, “to cooperate.”``)
becomes ONE quote with two ``parts``. Short unattributed quotations (scare quotes,
titles) are dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import Attribution, attribution, inverted_subject, is_cue_token, right_edge
from .lexicon import QuoteLexicon
from .marks import Marked
from .trailing import end_at_closing_mark

#: tokens after the closing mark searched for a cue (``”, the Foreign Ministry quoted him as saying``;
#: a long speaker phrase such as ``”, the chairman of the committee, Senator X of Maine, said``)
AFTER_TOKENS = 20
#: tokens before the opening mark searched for a cue
BEFORE_TOKENS = 40
#: the most characters between two halves of an interrupted quotation
MAX_INTERRUPTION_CHARS = 80
#: an unattributed quotation needs at least this many words to count as a quote
MIN_UNATTRIBUTED_WORDS = 5
#: the most characters between an attributed quotation and a following one that continues it
MAX_CONTINUATION_GAP = 240
#: the most words of a bare attribution (``she said``, ``said Tom Baron``) after which a
CONTINUES = "continues the quotation before"
#: paragraph that is all quotation continues the quotation
MAX_BARE_ATTRIBUTION_WORDS = 3
#: punctuation that sets a full quotation off from its cue
INTRODUCING_PUNCT = frozenset({":", ",", "—", "–"})
#: characters dropped from the end of a widened content span
TRAILING_MARKS = frozenset(" .,;:”\"»'")
SENTENCE_END = frozenset({".", "!", "?"})
#: quotation-mark tokens
QUOTE_CHARS = frozenset({"“", "”", '"', "''", "``", "«", "»"})
#: dependencies of a reporter's aside after a comma (``, a charge that``, ``, which``)
ASIDE_DEPS = frozenset({"appos", "relcl"})
#: closing marks and end punctuation right after a quotation
CLOSING_PUNCT = frozenset({"”", '"', "''", "’", "'", "»", ".", "!", "?", ","})
#: the most words of a quoted title (``“Meet the Press”``)
MAX_TITLE_WORDS = 8
#: the most words around a title for a finding to be only that title (``in an interview with “...”``)
MAX_WORDS_AROUND_TITLE = 4
#: lower-case words a title may hold
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
)


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parse with its text and token offsets at hand (``Doc.text`` is rebuilt on every access)."""

    doc: Doc
    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, text: str) -> Parsed:
        return cls(doc, text, tuple(doc.to_array("IDX").tolist()))


@dataclass(frozen=True, slots=True)
class DirectFinding:
    """A quotation with its attribution (if any) and how it was found."""

    segments: tuple[tuple[int, int], ...]
    found: Attribution | None
    how: str
    continues: bool = False


def attribute_marked(parsed: Parsed, marked: list[Marked], lexicon: QuoteLexicon) -> list[DirectFinding]:
    """One finding per quotation (interrupted quotations merged), in text order."""
    findings: list[DirectFinding] = []
    index = 0
    while index < len(marked):
        mark = marked[index]
        following = marked[index + 1] if index + 1 < len(marked) else None
        after = _after_cue(parsed, mark, following, lexicon)
        if after is not None and following is not None and _interrupts(parsed.text, mark, following, after):
            segments = mark.segments + following.segments
            findings.append(
                DirectFinding(segments, attribution(after, lexicon), "cue between the two halves")
            )
            index += 2
            continue
        finding = _one(parsed, mark, marked[index - 1] if index else None, after, findings, lexicon)
        if finding.continues and (
            _same_paragraph(parsed.text, findings[-1], mark)
            or _quoted_paragraph_after(parsed.text, findings[-1], mark)
        ):
            # the same attribution goes on, but each quotation is its own quote (a paragraph may have
            # been collapsed into this one): it carries the cue it continues under
            finding = DirectFinding(mark.segments, findings[-1].found, CONTINUES, continues=True)
            findings.append(finding)
        else:
            findings.append(finding)
        index += 1
        while index < len(marked) and marked[index].content_start < finding.segments[-1][1]:
            index += 1  # ``said that “A” and that “B”``: the widened clause holds the later quotation
    titles = [m for m in marked if _names_a_work(parsed, m)]
    return [
        f
        for f in findings
        if (f.found or f.continues or _words(parsed.text, f) >= MIN_UNATTRIBUTED_WORDS)
        and not _only_a_title(parsed.text, f, titles)
    ]


def _only_a_title(text: str, finding: DirectFinding, titles: list[Marked]) -> bool:
    """The finding is a title and at most a few words around it (``on “Meet the Press”``)."""
    start, end = finding.segments[0][0], finding.segments[-1][1]
    inside = [m for m in titles if start <= m.content_start < end]
    if not inside:
        return False
    rest = text[start:end]
    for title in inside:
        rest = rest.replace(text[title.content_start : min(title.content_end, end)], " ")
    return len(rest.split()) <= MAX_WORDS_AROUND_TITLE


def _names_a_work(parsed: Parsed, mark: Marked) -> bool:
    """``on CNN’s “State of the Union,”``, ``in his book “The Art of the Deal”``: a title, not words said.

    A short quotation in title case right after a preposition or a possessive
    names a show, a book or a document. After ``as`` it is a characterization
    (``cited his remarks as “Miss Piggy”``), after ``that`` a statement
    (``said that “Mexico Will Pay”``), and both stay.
    """
    words = [w.strip(".,;:!?'’()") for s, e in mark.segments for w in parsed.text[s:e].split()]
    words = [w for w in words if w]
    if not 0 < len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    if any(not (w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS) for w in words):
        return False
    first = _tokens_from(parsed, mark.start)
    previous = parsed.doc[first - 1] if first > 0 else None
    if previous is None or previous.lower_ == "as":
        return False
    return previous.tag_ == "POS" or (previous.tag_ == "IN" and previous.dep_ in {"prep", "agent"})


def _one(
    parsed: Parsed,
    mark: Marked,
    before_mark: Marked | None,
    after: Token | None,
    findings: list[DirectFinding],
    lexicon: QuoteLexicon,
) -> DirectFinding:
    before = _before_cue(parsed, mark, before_mark, lexicon)
    widened = _widen_partial(parsed, mark, before) if before is not None else mark.segments
    if after is not None and widened == mark.segments:
        return DirectFinding(mark.segments, attribution(after, lexicon), "cue after the quotation")
    if before is not None:
        how = (
            "cue before the quotation"
            if widened == mark.segments
            else "partial quotation in the cue's clause"
        )
        return DirectFinding(widened, attribution(before, lexicon), how)
    if findings and _opens_sentence(parsed.text, mark) and _continues(parsed.text, mark, findings[-1]):
        return DirectFinding(mark.segments, None, CONTINUES, continues=True)
    clause = _that_clause(parsed, mark)
    if clause is not None:
        segments, governor = clause
        found: Attribution | None = attribution(governor, lexicon)
        if found is not None and found.speaker is None:
            found = None
        return DirectFinding(segments, found, "partial quotation in a that-clause")
    return DirectFinding(mark.segments, None, "no cue found")


def _that_clause(parsed: Parsed, mark: Marked) -> tuple[tuple[tuple[int, int], ...], Token] | None:
    """``asserting that the only answer must be “a bombshell”``: the ``that`` clause around it.

    Whatever verb governs the clause (listed as a cue or not), PolNeAR takes the
    whole complement as the content of a partial quotation inside it.
    """
    doc = parsed.doc
    first = _tokens_from(parsed, mark.start)
    if first == 0 or doc[first - 1].text in INTRODUCING_PUNCT or len(mark.segments) > 1:
        return None
    token = doc[_tokens_from(parsed, mark.content_start)]
    for head in [token, *token.ancestors]:
        that = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if that is not None and that.i < first and head.dep_ == "ccomp" and head.head.pos_ in {"VERB", "AUX"}:
            start = that.idx
            last = doc[_before_aside(head, _clause_end(head), mark)]
            end = max(last.idx + len(last), mark.content_end)
            start, end = end_at_closing_mark(doc, parsed.starts, (start, end), [(mark.start, mark.end)])
            while end > start and parsed.text[end - 1] in TRAILING_MARKS:
                end -= 1
            return ((start, end),), head.head
        if head.dep_ in {"ccomp", "ROOT"} or head.is_sent_start:
            return None
    return None


def _widen_partial(parsed: Parsed, mark: Marked, cue: Token) -> tuple[tuple[int, int], ...]:
    """``called the plan “a disaster” for the region``: the cue's dependent around the quotation.

    A quotation set off by a colon or comma (``said: “...”``) stands alone.
    """
    doc = parsed.doc
    first = _tokens_from(parsed, mark.start)
    previous = doc[first - 1] if first > 0 else None
    if previous is None or previous.text in INTRODUCING_PUNCT or len(mark.segments) > 1:
        return mark.segments
    inner = _tokens_from(parsed, mark.content_start)  # the opening mark may hang on the cue itself
    holder = next((c for c in cue.rights if c.left_edge.i <= inner <= c.right_edge.i), None)
    if holder is None or holder.dep_ in {"punct", "prt"}:
        return mark.segments
    start = doc[holder.left_edge.i].idx
    last = doc[_before_aside(holder, _clause_end(holder), mark)]
    end = max(last.idx + len(last), mark.content_end)
    start, end = end_at_closing_mark(doc, parsed.starts, (start, end), [(mark.start, mark.end)])
    while end > start and parsed.text[end - 1] in TRAILING_MARKS:
        end -= 1
    return ((min(start, mark.content_start), end),)


def _before_aside(holder: Token, last: int, mark: Marked) -> int:
    """``said X would pay “slightly more” in taxes, an acknowledgment that ...``: stop before the aside.

    After the quotation, an apposition opening with a determiner or a ``which`` clause
    set off by a comma is the reporter's comment on what was said, unless it quotes
    again (``pledged “cooperation,” a “deep and sincere” bond``: a list of what was said).
    """
    doc = holder.doc
    for token in doc[holder.i + 1 : last + 1]:
        opening = token.left_edge
        if token.dep_ not in ASIDE_DEPS or opening.idx < mark.end or doc[opening.i - 1].text != ",":
            continue
        aside = (token.dep_ == "appos" and opening.pos_ == "DET") or (
            token.dep_ == "relcl" and opening.lower_ == "which"
        )
        quotes_again = any(t.text in QUOTE_CHARS for t in doc[opening.i : token.right_edge.i + 1])
        if aside and not quotes_again and holder in token.ancestors:
            return opening.i - 2
    return last


def _clause_end(holder: Token) -> int:
    """The holder's last token, a second ``and that ...`` clause included.

    ``said the actions were “unacceptable” and that the inquiry would go on`` is one
    statement in PolNeAR; a conjoined clause without ``that`` (``and he pledged ...``)
    is a new act of the reporter's.
    """
    last = right_edge(holder)
    for child in holder.rights:
        if child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            last = max(last, right_edge(child))
    return last


def _tokens_from(parsed: Parsed, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    return bisect.bisect_left(parsed.starts, char)


def _after_cue(parsed: Parsed, mark: Marked, following: Marked | None, lexicon: QuoteLexicon) -> Token | None:
    doc = parsed.doc
    limit = following.start if following is not None else len(parsed.text)
    start = _tokens_from(parsed, mark.end)
    for token in doc[start : start + AFTER_TOKENS]:
        if token.idx >= limit or "\n" in token.text:
            return None
        if _quotative(token, start, lexicon) or (
            is_cue_token(token, lexicon, speech_only=True) and not _participle_after(token)
        ):
            speaker = attribution(token, lexicon).speaker
            if speaker is not None:
                return token if _attaches(parsed.text, mark, doc[start : token.i], speaker) else None
        if token.text in SENTENCE_END:
            return None
    return None


def _quotative(token: Token, start: int, lexicon: QuoteLexicon) -> bool:
    """``"...," fretted Muslima Abdullahi``: a finite verb right after a quotation with its subject
    after it is a verb of saying, whatever the verb (quotative inversion takes no other verbs), so
    manner verbs no list holds ("fretted", "quipped") still attribute the quotation."""
    return token.i == start and token.pos_ == "VERB" and inverted_subject(token, lexicon) is not None


def _participle_after(cue: Token) -> bool:
    """``called it “a disgrace,” adding that ...``: a participle after a quotation starts a new act.

    Its content follows it; the quotation before belongs to an earlier cue or none.
    """
    return cue.tag_ == "VBG" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)


def _attaches(text: str, mark: Marked, between: Span, speaker: Span) -> bool:
    """A cue after a quotation that ends its own sentence must be the next words' own.

    ``“Everybody sues, right?” Later, Marco Rubio claimed ...`` opens a new
    sentence; ``“Right?” he asked`` and ``“...” said Baron`` attribute the
    quotation: only closing marks and the speaker phrase may stand before the cue.
    """
    if text[mark.content_end - 1 : mark.content_end] not in SENTENCE_END:
        return True
    return all(t.is_space or t.text in CLOSING_PUNCT or speaker.start <= t.i < speaker.end for t in between)


def _before_cue(parsed: Parsed, mark: Marked, previous: Marked | None, lexicon: QuoteLexicon) -> Token | None:
    doc = parsed.doc
    floor = previous.end if previous is not None else 0
    end = _tokens_from(parsed, mark.start)
    sentence_start = _sentence_start(parsed, end, floor)
    if sentence_start == end:
        sentence_start = _after_colon(parsed, end, floor)
    for token in reversed(doc[max(sentence_start, end - BEFORE_TOKENS) : end]):
        if is_cue_token(token, lexicon, speech_only=True) and attribution(token, lexicon).speaker is not None:
            return token  # the nearest cue that has a speaker: "maintained" alone is no attribution
    return None


def _sentence_start(parsed: Parsed, end: int, floor: int) -> int:
    """Where the sentence holding token ``end`` starts, not crossing a paragraph, ``floor`` or a full stop."""
    doc = parsed.doc
    index = end
    while index > 0:
        token = doc[index - 1]
        if token.idx < floor or "\n" in token.text or token.text in SENTENCE_END:
            break
        index -= 1
    return index


def _after_colon(parsed: Parsed, end: int, floor: int) -> int:
    """A quotation opening a paragraph may be introduced by the sentence before, ending in a colon."""
    doc = parsed.doc
    index = end
    while index > 0 and doc[index - 1].is_space:
        index -= 1
    if index == 0 or doc[index - 1].text != ":":
        return end
    return _sentence_start(parsed, index - 1, floor)


def _interrupts(text: str, first: Marked, second: Marked, cue: Token) -> bool:
    """``“We intend,” he said, “to cooperate.”``: a comma-ended half, a short gap holding the cue."""
    gap = text[first.end : second.start]
    if len(gap) > MAX_INTERRUPTION_CHARS or "\n" in gap or not first.end <= cue.idx < second.start:
        return False
    if _sentence_ends_before(cue, second.start):
        return False  # ``“A,” she said. Then she added: “B.”``: a new sentence, a new attribution
    ends_open = text[first.content_end - 1 : first.content_end] in {",", "—", "-", "–"}
    return ends_open and gap.rstrip().endswith((",", "—", "–", ":")) and not _second_cue(cue, second)


def _sentence_ends_before(cue: Token, limit: int) -> bool:
    """A full stop of its own (not ``Mr.``) between the cue and character ``limit``."""
    doc = cue.doc
    index = cue.i + 1
    while index < len(doc) and doc[index].idx < limit:
        if doc[index].text in SENTENCE_END:
            return True
        index += 1
    return False


def _second_cue(cue: Token, second: Marked) -> bool:
    """``“A,” she said, adding, “B.”``: a second cue in the gap introduces the second quotation."""
    token = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    while token is not None and token.idx < second.start:
        if token.tag_ == "VBG" and token.pos_ == "VERB" and token.dep_ in {"advcl", "xcomp", "conj"}:
            return True
        token = token.nbor() if token.i + 1 < len(token.doc) else None
    return False


def _continues(text: str, mark: Marked, last: DirectFinding) -> bool:
    """Opens its paragraph right after an attributed quotation's paragraph, or follows it in one."""
    if last.found is None and not last.continues:
        return False
    between = text[last.segments[-1][1] : mark.start]
    breaks = len(_PARAGRAPH_BREAK.findall(between))
    opens_paragraph = text[: mark.start].rstrip(" \t").endswith("\n")
    return breaks == 0 or (breaks == 1 and opens_paragraph and len(between) < MAX_CONTINUATION_GAP)


def _opens_sentence(text: str, mark: Marked) -> bool:
    """A full-sentence quotation: capitalised, after a sentence end or a paragraph break."""
    content = text[mark.content_start : mark.content_start + 1]
    before = text[: mark.start].rstrip(" \t\xa0")
    return content.isupper() and (not before or before[-1] in "\n.!?”\"»'")


def _quoted_paragraph_after(text: str, last: DirectFinding, mark: Marked) -> bool:
    """``“A,” she said.`` then a paragraph that is all quotation: one attribution in PolNeAR.

    Only after a bare attribution (``he said``, ``said Baron``: a comma-ended quotation
    and a few words); a longer sentence after the quotation (``X said, adding ...``,
    ``X wrote in a memo to donors``) more often starts a new attribution.
    """
    if last.found is None or text[last.segments[-1][1] - 1] not in ",—":
        return False
    tail = text[last.segments[-1][1] : mark.start].split("\n")[0]
    words = [w for w in tail.split() if any(c.isalpha() for c in w)]
    if sum(tail.count(c) for c in SENTENCE_END) > 1 or len(words) > MAX_BARE_ATTRIBUTION_WORDS:
        return False
    paragraph_end = text.find("\n", mark.end)
    return not text[mark.end : paragraph_end if paragraph_end >= 0 else len(text)].strip()


def _same_paragraph(text: str, last: DirectFinding, mark: Marked) -> bool:
    return "\n" not in text[last.segments[-1][1] : mark.start]


def _words(text: str, finding: DirectFinding) -> int:
    return sum(len(text[s:e].split()) for s, e in finding.segments)
