"""Speech set out as ``NAME: words``: transcripts, interviews and headlines.

A paragraph that opens with a short label naming someone, then a colon, reports
what that someone said: ``JAKE TAPPER: Take a listen.``, ``Obama: I'm optimistic``,
``Former AG Mukasey at RNC: the scandal disqualifies her``. The content is the rest
of the paragraph; the speaker phrase is the label's leading run of name words
(``Mukasey at RNC`` gives ``Former AG Mukasey``). A label holding a verb is a
sentence, not a label (``He said: ...`` is found by the other steps).

A wire dateline (``BEIJING (TASS): The permanent members ...``) has the same shape
but names where the story was filed, not who speaks: the story's own dateline, and
any all-caps place followed by an agency in brackets or slashes, is never a label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from .cues import Attribution
from .reported import ReportedFinding
from .scope import PlaceCountry, Scope

#: the longest label, in words ("Sahil Kapur (@sahilkapur)", "Former AG Mukasey at RNC")
MAX_LABEL_WORDS = 8
#: the longest label made of a source noun and its modifiers ("New Poll", "Latest Survey")
MAX_SOURCE_LABEL_WORDS = 3
#: how the finding is described in ``reason``; ``assemble.merge`` looks for it too
LABELLED = "label before a colon"

_LABELLED = re.compile(r"(?m)^[^\S\n]*([^\n:]{1,80}?)[^\S\n]*:[^\S\n]+(\S[^\n]*?)[^\S\n]*$")
#: parts of speech that may make up a speaker label's name run
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT", "DET"})
_VERB_POS = frozenset({"VERB", "AUX"})
#: ``PLACE (AGENCY)`` or ``PLACE /AGENCY/``: the shape of a dateline before its colon
_DATELINE_SHAPE = re.compile(r"^(?P<place>[A-Z][A-Z.'’ \-]*[A-Z.])\s*(?:\([^()]{1,30}\)|/[^/]{1,30}/)$")


def find_labelled(scope: Scope, earlier: Sequence[ReportedFinding]) -> list[ReportedFinding]:
    """Every paragraph of the form ``LABEL: content`` whose label names a speaker.

    The lexicon's ``label_nouns`` are common nouns that may make a label on their own, in
    title case (``Poll: ...``, ``New Report: ...``).
    """
    doc, text, source_nouns = scope.doc, scope.text, scope.lexicon.label_nouns
    in_dateline, place_country = scope.in_dateline, scope.place_country
    findings = []
    for match in _LABELLED.finditer(text):
        if in_dateline(match.start(1), match.end(1)) or is_dateline_shape(match.group(1), place_country):
            continue
        label = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if label is None:
            continue
        speaker = _source_label(label, source_nouns) or (_name_run(label) if _is_label(label) else None)
        if speaker is None:
            continue
        colon = match.end(1) + text[match.end(1) : match.start(2)].index(":")
        content = (match.start(2), _without_final_stop(text, match.start(2), match.end(2)))
        if content[1] <= content[0] or not any(ch.isalpha() for ch in text[content[0] : content[1]]):
            continue  # "Clinton: 1,769": a tally, not speech
        findings.append(ReportedFinding(content, Attribution((colon, colon + 1), speaker, None), LABELLED))
    return findings


def is_dateline_shape(label: str, place_country: PlaceCountry) -> bool:
    """``BEIJING (TASS)``, ``MOSCOW /TASS/``: an all-caps known place with an agency after it.

    ``JAKE TAPPER (CNN)`` has the shape too, but names no place.
    """
    match = _DATELINE_SHAPE.match(label.strip())
    return match is not None and place_country(match.group("place").strip().title()) is not None


def _is_label(label: Span) -> bool:
    words = [t for t in label if not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_LABEL_WORDS or not words[0].text[:1].isupper():
        return False
    if len(words) == 1 and len(words[0]) == 1:
        return False  # "Q:" and "A:" of an interview name nobody, and PolNeAR leaves them out
    if any(t.pos_ in _VERB_POS and not t.is_title and not t.is_upper for t in words):
        return False
    return any(t.pos_ == "PROPN" or t.is_upper for t in words)


def _source_label(label: Span, source_nouns: frozenset[str]) -> Span | None:
    """``Poll:``, ``New Poll:``, ``Report:``: a short title-case label ending in a source noun."""
    words = [t for t in label if not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_SOURCE_LABEL_WORDS or not all(t.is_title for t in words):
        return None
    return label if words[-1].lemma_.lower() in source_nouns else None


def _name_run(label: Span) -> Span | None:
    """The label's words up to the first that cannot be part of a name or title."""
    end = label.start
    for token in label:
        if not _namelike(token):
            break
        end = token.i + 1
    while end > label.start and label.doc[end - 1].is_punct:
        end -= 1
    if end == label.start or not any(t.pos_ == "PROPN" or t.is_upper for t in label.doc[label.start : end]):
        return None
    return label.doc[label.start : end]


def _namelike(token: Token) -> bool:
    if token.text in {"(", ")"} or token.text.startswith("@") or token.tag_ == "POS":
        return True
    if token.pos_ in {"ADP", "CCONJ", "SCONJ"} or token.pos_ in _VERB_POS:
        return token.is_upper and len(token) > 1  # "JOEL BENENSON" may be mis-tagged, "To" is not
    return token.pos_ in _NAME_POS or token.is_title


def _without_final_stop(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".":
        end -= 1
    return end
