"""Stage ``quotes``: direct and reported speech with cue and speaker (issue #3).

The steps live in :mod:`dateline.quoting`; this stage wires them together.
"""

from __future__ import annotations

import dataclasses

from .quoting.assemble import merge, to_quotes
from .quoting.direct import Parsed, attribute_marked
from .quoting.labelled import InDateline, find_labelled
from .quoting.lexicon import load_lexicon
from .quoting.marks import find_marked
from .quoting.mentions import build_history
from .quoting.nouns import find_noun_cues
from .quoting.reported import find_reported
from .quoting.seeming import find_appearances
from .quoting.speakers import SpeakerResolver
from .work import Context, Work


def extract_quotes(work: Work, ctx: Context) -> Work:
    """Every quotation and reported statement of the story, with its cue and resolved speaker."""
    lexicon = load_lexicon(ctx.settings.data)
    doc = work.doc
    text = work.story.clean_text  # the parsed text; Doc.text would rebuild it on every access
    marked = find_marked(text)
    quoted = [(m.start, m.end) for m in marked]
    direct = attribute_marked(Parsed.of(doc, text), marked, lexicon)
    labelled = find_labelled(
        doc, text, in_dateline=_dateline_test(work), place_country=ctx.registry.place_country
    )
    reported = sorted(
        find_reported(doc, lexicon, quoted)
        + find_noun_cues(doc, lexicon, quoted)
        + find_appearances(doc, lexicon, quoted)
        + labelled,
        key=lambda f: f.content,
    )
    history = build_history(doc, text, ctx.registry, work.date, quoted=quoted)
    resolver = SpeakerResolver(history, lexicon, ctx.registry, work.date)
    quotes = to_quotes(work, merge(direct, reported), resolver)
    return dataclasses.replace(work, quotes=quotes)


def _dateline_test(work: Work) -> InDateline:
    """Whether a clean-text stretch overlaps the story's dateline (kept in original offsets).

    A dateline with neither an agency nor a known place may be a transcript's
    ``JAKE TAPPER:`` taken for one; it does not stop a speaker label.
    """
    dateline = work.story.dateline
    if dateline is not None and dateline.agency is None and dateline.country is None:
        dateline = None

    def in_dateline(start: int, end: int) -> bool:
        if dateline is None:
            return False
        span = work.span(start, end)
        return span.start < dateline.end and dateline.start < span.end

    return in_dateline
