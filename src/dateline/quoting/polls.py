"""Poll findings stated as plain clauses: ``In a new poll, Clinton leads Trump by 5 points``.

News reports give a poll's results as the reporter's own sentence with the poll in an
``in`` phrase, at the front (``In the latest CBS poll, she led ...``) or the back
(``Trump has a decisive lead in the polls``). PolNeAR annotates these as attributions:
the cue is ``in``, the source the poll phrase and the content the clause without it.
The poll nouns are listed in ``data/quotes/poll_nouns.txt``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Attribution, phrase
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_end, trim_tokens
from .scope import Finder, token_finder

#: how the findings are described in ``reason``
POLL = "clause of a poll"
#: the preposition that frames a poll's finding
FRAME_PREP = "in"
#: a content span needs at least this many words
MIN_WORDS = 3


def _is_frame(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.lower_ == FRAME_PREP and token.dep_ == "prep"


def _poll_frame(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in lexicon.poll_nouns:
        return None
    return _framed(token, poll, lexicon)


def _framed(prep: Token, poll: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    """The clause around ``in POLL`` without the phrase: the side holding the clause's verb."""
    head = _clause_verb(prep)
    if head is None:
        return None
    doc = prep.doc
    start, end = trim_tokens(doc, head.left_edge.i, content_end(head, lexicon) + 1)
    before = trim_tokens(doc, start, prep.left_edge.i)
    after = trim_tokens(doc, prep.right_edge.i + 1, end)
    start, end = before if prep.i > head.i else after  # the side holding the clause's verb
    if end - start < MIN_WORDS or any("\n" in t.text for t in doc[start:end]):
        return None
    cue = (prep.idx, prep.idx + len(prep))
    found = Attribution(cue, phrase(poll), None)
    return ReportedFinding((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), found, POLL, head=head.idx)


def _clause_verb(prep: Token) -> Token | None:
    """The main verb whose clause the ``in`` phrase frames: its own, or its object's.

    ``In a new poll, she leads``, ``Trump has a lead in the polls``: the phrase hangs
    on the verb or on its object. A subordinate clause (``because he is ahead in the
    polls``) or a phrase deeper in a noun (``his standing in the polls``) is the
    reporter's background, not the poll's finding.
    """
    head = prep.head
    if head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"dobj", "attr"}:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"} or head.dep_ not in {"ROOT", "conj", "ccomp"}:
        return None
    if any(c.dep_ == "mark" for c in head.children):
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
        return None
    return head


#: every clause framed by ``in`` a poll or survey, outside quotation marks
find_poll_frames: Finder = token_finder(_is_frame, _poll_frame)
