"""Light-verb idioms of speech and stance: ``took aim at X``, ``cast doubt on X``, ``made clear that ...``.

The verb alone says nothing (``took``, ``made``); with its noun (``aim``, ``clear``)
and preposition it reports a stance, as PolNeAR annotates it. The cue runs from the
verb to the preposition, the speaker is the verb's subject, and the content is the
preposition's object (or the complement clause for ``that``). The preposition may
hang on the verb or on the noun: the parse attaches it either way.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Attribution, phrase, subject
from .lexicon import QuoteLexicon
from .reported import ReportedFinding, content_span
from .scope import Finder, token_finder

#: how the finding is described in ``reason``
IDIOM = "idiom"
#: dependents that hold the complement clause of "made clear that ..."
CLAUSE_DEPS = frozenset({"ccomp", "advcl"})


def _is_idiom_verb(token: Token, lexicon: QuoteLexicon) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    return any(verb == lemma for verb, _, _ in lexicon.idioms)


def _idiom(verb: Token, lexicon: QuoteLexicon) -> ReportedFinding | None:
    lemma = verb.lemma_.lower()
    for word in verb.rights:
        for link in sorted(p for v, w, p in lexicon.idioms if v == lemma and w == word.lemma_.lower()):
            found = _content(verb, word, link)
            if found is None:
                continue
            content, last = found
            holder = subject(verb)
            attribution = Attribution(
                (verb.idx, last.idx + len(last)), phrase(holder) if holder is not None else None, None
            )
            span = content_span(content, verb, attribution, lexicon)
            if span is not None and attribution.speaker is not None:
                return ReportedFinding(span, attribution, IDIOM, stance=True)
    return None


def _content(verb: Token, word: Token, link: str) -> tuple[Token, Token] | None:
    """The content head and the cue's last word, after ``word`` on the verb or on the word."""
    after = [c for c in (*word.rights, *verb.rights) if c.i > word.i]
    for child in sorted(after, key=lambda t: t.i):
        if link == "that" and child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            return child, word
        if link != "that" and child.dep_ == "prep" and child.lower_ == link:
            target = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            return (target, child) if target is not None else None
    return None


#: every listed light-verb idiom outside quotation marks whose verb has a subject and a content
find_idioms: Finder = token_finder(_is_idiom_verb, _idiom)
