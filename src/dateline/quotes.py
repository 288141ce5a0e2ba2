"""Stage ``quotes``: direct and reported speech with cue and speaker (issue #3).

The steps live in :mod:`dateline.quoting`; this stage wires them together.
"""

from __future__ import annotations

import dataclasses

from .cast.model import EMPTY_CAST
from .quoting.adjectives import find_adjective_cues
from .quoting.assemble import merge, to_quotes
from .quoting.direct import Parsed, attribute_marked
from .quoting.fronted import find_fronted
from .quoting.idioms import find_idioms
from .quoting.labelled import find_labelled
from .quoting.marks import find_marked
from .quoting.mentions import build_history, described_people, people_only
from .quoting.nouns import find_noun_cues
from .quoting.polls import find_poll_frames
from .quoting.received import find_received
from .quoting.reported import find_reported
from .quoting.seeming import find_appearances
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
    labelled = find_labelled(
        doc,
        text,
        in_dateline=dateline_test(work),
        place_country=ctx.registry.place_country,
        source_nouns=lexicon.label_nouns,
    )
    spoken = find_reported(doc, lexicon, quoted)
    taken = frozenset(f.found.cue[0] for f in spoken)
    reported = sorted(
        spoken
        + find_fronted(doc, lexicon, quoted, taken)
        + find_noun_cues(doc, lexicon, quoted)
        + find_appearances(doc, lexicon, quoted)
        + find_adjective_cues(doc, lexicon, quoted)
        + find_idioms(doc, lexicon, quoted)
        + find_poll_frames(doc, lexicon, quoted)
        + find_received(doc, lexicon, quoted)
        + labelled,
        key=lambda f: f.content,
    )
    cast = work.cast or EMPTY_CAST
    history = build_history(doc, text, ctx.registry, work.date, quoted=quoted, titles=lexicon.title_words)
    resolver = SpeakerResolver(
        people_only(history, cast), lexicon, ctx.registry, work.date, cast, described_people(cast)
    )
    candidates = clear_of_dateline(merge(direct, reported), dateline_range(work), text)
    quotes = to_quotes(work, candidates, resolver)
    return dataclasses.replace(work, quotes=quotes)
