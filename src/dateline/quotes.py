"""Stage ``quotes``: direct and reported speech with cue and speaker (issue #3).

The steps live in :mod:`dateline.quoting`; this stage wires them together: quotation marks and
their cues, then the reported-speech finders of ``quoting.finders.FINDERS``, then speakers.
"""

from __future__ import annotations

import dataclasses

from .cast.model import EMPTY_CAST
from .quoting.assemble import merge, to_quotes
from .quoting.direct import Parsed, attribute_marked
from .quoting.finders import find_all
from .quoting.marks import find_marked
from .quoting.mentions import build_history, described_people, people_only
from .quoting.scope import Scope
from .quoting.speakers import SpeakerResolver
from .quoting.wireframe import clear_of_dateline, dateline_range, dateline_test
from .work import Context, Work


def extract_quotes(work: Work, ctx: Context) -> Work:
    """Every quotation and reported statement of the story, with its cue and resolved speaker."""
    lexicon = ctx.quote_lexicon
    doc = work.doc
    text = work.story.clean_text  # the parsed text; Doc.text would rebuild it on every access
    marked = find_marked(text)
    quoted = [(m.start, m.end) for m in marked]
    direct = attribute_marked(Parsed.of(doc, text), marked, lexicon)
    scope = Scope(doc, text, lexicon, quoted, dateline_test(work), ctx.registry.place_country)
    reported = find_all(scope)
    cast = work.cast or EMPTY_CAST
    history = build_history(doc, text, ctx.registry, work.date, quoted=quoted, titles=lexicon.title_words)
    resolver = SpeakerResolver(
        people_only(history, cast), lexicon, ctx.registry, work.date, cast, described_people(cast)
    )
    candidates = clear_of_dateline(merge(direct, reported), dateline_range(work), text)
    quotes = to_quotes(work, candidates, resolver)
    return dataclasses.replace(work, quotes=quotes)
