"""Content spans holding a quotation end at the closing mark before the reporter's tail."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from dateline.quoting.marks import find_marked
from dateline.quoting.trailing import end_at_closing_mark

pytestmark = pytest.mark.slow


def _cut(pipeline: Pipeline, text: str, content_from: str) -> str:
    doc = pipeline.context.nlp(text)
    starts = doc.to_array("IDX").tolist()
    quoted = [(m.start, m.end) for m in find_marked(text)]
    start = text.index(content_from)
    end = len(text.rstrip("."))
    cut_start, cut_end = end_at_closing_mark(doc, starts, (start, end), quoted)
    return text[cut_start:cut_end]


def test_time_phrase_after_the_closing_mark_is_cut(pipeline: Pipeline) -> None:
    text = "Rita Vance called the plan “a gift to the rich” during a stop in Dayton."
    assert _cut(pipeline, text, "the plan") == "the plan “a gift to the rich”"


def test_comma_inside_the_closing_mark_sets_off_an_appositive(pipeline: Pipeline) -> None:
    text = "Ana Ruiz praised the “clean water pledge,” a program her rival had opposed for years."
    assert _cut(pipeline, text, "the “clean") == "the “clean water pledge,”"


def test_participle_after_a_comma_is_cut(pipeline: Pipeline) -> None:
    text = "Tom Reyes said the budget was “fully balanced”, prompting a sharp reply."
    assert _cut(pipeline, text, "the budget") == "the budget was “fully balanced”"


def test_continuing_words_and_later_quotations_keep_the_tail(pipeline: Pipeline) -> None:
    continuing = "Mia Holt said he could win “a battle in Ohio,” where the party meets in May."
    assert _cut(pipeline, continuing, "he could").endswith("in May")
    later = "Mia Holt said Smith was “a lightweight” during debates and Jones “a liar.”"
    assert _cut(pipeline, later, "Smith").endswith("a liar.”")
    plain = "Mia Holt said she “loved” working for the firm."
    assert _cut(pipeline, plain, "she").endswith("the firm")
