"""Source-less attributions of appearance: ``the plan appears to be failing``.

PolNeAR marks ``appear``/``seem`` as cues with no source: what seems so is the
reporter's (or nobody's) judgement. The content is the subject and the verb's
complement (``to be failing``, ``ready to quit``, ``that ...``); an expletive ``it``
(``it seems unfair to ...``) is left out. A verb with a speaker of its own
(``seemed to confirm``) is left to the cue it governs.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Attribution
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_end
from .scope import Finder, token_finder

#: dependents that complete "appear"/"seem"
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "ccomp", "attr", "oprd"})
#: how the finding is described in ``reason``
APPEARANCE = "appearance verb, no source"
#: a content span needs at least this many words
MIN_WORDS = 3


def _is_appearance_verb(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in lexicon.seem_verbs


def _appearance(token: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    complement = next((c for c in token.rights if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is None:
        return None
    if complement.pos_ in {"VERB", "AUX"} and lexicon.is_cue(complement.lemma_.lower()):
        return None  # "seemed to confirm": the inner cue reports it
    subject = next((c for c in token.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    expletive = subject is not None and subject.lower_ == "it"
    start = complement.left_edge.i if subject is None or expletive else subject.left_edge.i
    end = content_end(complement, lexicon) + 1
    doc = token.doc
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < MIN_WORDS or any("\n" in t.text for t in doc[start:end]):
        return None
    cue = (token.idx, token.idx + len(token))
    return ReportedFinding(
        (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
        Attribution(cue, None, None),
        APPEARANCE,
        stance=True,
    )


#: every ``X appears/seems (to) ...`` outside quotation marks
find_appearances: Finder = token_finder(_is_appearance_verb, _appearance)
