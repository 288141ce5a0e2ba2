"""Long texts are parsed in pieces that join back to the exact text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.chunking import parse_long, split_text
from dateline.pipeline import Pipeline


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=5, max_value=60))
def test_pieces_join_to_the_text(text: str, size: int) -> None:
    pieces = list(split_text(text, size))
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= size for piece in pieces)


def test_long_story_parses_in_pieces_with_exact_text(pipeline: Pipeline) -> None:
    text = "The minister said the talks would go on " * 400  # no full stop, ~16k chars
    doc = parse_long(pipeline.context.nlp, text, chunk_chars=2_000)
    assert doc.text == text
    assert len(doc) > 3000
