"""Quotation-mark spans: kinds of marks, paragraphs, and broken text."""

from __future__ import annotations

from dateline.quoting.marks import MAX_QUOTE_CHARS, find_marked


def _contents(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in m.segments] for m in find_marked(text)]


def test_curly_straight_and_angle_marks() -> None:
    text = 'One “curly words here” two "straight words here" three «angle words here» end.'
    assert _contents(text) == [["curly words here"], ["straight words here"], ["angle words here"]]


def test_quotation_reopened_at_each_paragraph_is_one_quote() -> None:
    text = "“The first paragraph of it.\n\n“The second paragraph of it,” she said."
    marked = find_marked(text)
    assert len(marked) == 1
    assert [text[s:e] for s, e in marked[0].segments] == [
        "The first paragraph of it.",
        "The second paragraph of it,",
    ]


def test_unclosed_mark_stops_at_its_paragraph() -> None:
    text = "A broken “quotation never closes here\n\nThe next paragraph has “a real one” inside."
    assert _contents(text) == [["a real one"]]


def test_no_quotation_runs_past_the_length_limit() -> None:
    text = "“" + "word " * (MAX_QUOTE_CHARS // 4) + "end”"
    assert find_marked(text) == []


def test_stray_closing_mark_is_ignored() -> None:
    assert _contents("He stood 6” tall and said “fine words” later.") == [["fine words"]]


def test_closing_mark_before_a_word_does_not_open() -> None:
    assert _contents("Stray ”closing then “real words” end.") == [["real words"]]


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We will stay,'' she said, and the crowd's ''cheers'' rose."
    found = find_marked(text)
    assert [text[m.content_start : m.content_end] for m in found] == ["We will stay,", "cheers"]
    assert text[found[0].start : found[0].end] == "''We will stay,''"


def test_straight_and_curly_double_marks_close_each_other() -> None:
    text = 'He said “we will go," then "we will stay” and left.'
    assert _contents(text) == [["we will go,"], ["we will stay"]]


def test_opening_curly_mark_typed_as_a_closer_closes() -> None:
    text = "“The plan is dead.“\n\nThen she called it “a mistake“ twice."
    assert _contents(text) == [["The plan is dead."], ["a mistake"]]


def test_paragraph_reopened_with_the_other_double_mark_continues() -> None:
    text = '"The first part of it.\n\n“The second part of it,” she said.'
    assert len(find_marked(text)) == 1


def test_attribute_quotes_inside_markup_are_no_quotations() -> None:
    text = '<post author="@harbour" date="May 2">The pier “will reopen soon” they said.</post>'
    assert _contents(text) == [["will reopen soon"]]
