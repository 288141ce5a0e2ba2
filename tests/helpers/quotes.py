"""Helpers shared by the quote tests: run a sentence through the real pipeline, pick a quote,
or run the reported-speech finder on a parse built by hand."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.pipeline import Pipeline
from dateline.quoting.lexicon import load_lexicon
from dateline.quoting.reported import find_reported
from dateline.quoting.scope import Scope
from dateline.records import Origin, Quote, RawStory, StoryResult
from dateline.settings import data_dir


def story_quotes(pipeline: Pipeline, text: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` processed as a story of 2021-12-15."""
    raw = RawStory("t", text, Origin("test"), published=dt.date(2021, 12, 15))
    result = pipeline.process_one(raw)
    assert isinstance(result, StoryResult), result
    return result.quotes


def with_cue(quotes: tuple[Quote, ...], cue: str) -> Quote:
    found = [q for q in quotes if q.cue is not None and q.cue.text.startswith(cue)]
    assert found, f"no quote with cue {cue!r}: {[(q.cue.text if q.cue else None, q.text) for q in quotes]}"
    return found[0]


def holding(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in quotes]}"
    return found[0]


def reported_contents(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str],
    lemmas: list[str],
    *,
    cue: int,
) -> list[str]:
    """Contents the reported-speech finder gives the cue at token ``cue`` of a hand-built parse
    (to pin parser errors the small model makes only sometimes)."""
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    scope = Scope(doc, doc.text, load_lexicon(data_dir()), [], lambda start, end: False, lambda name: None)
    findings = find_reported(scope, [])
    return [doc.text[slice(*f.content)] for f in findings if f.found.cue[0] == doc[cue].idx]
