"""OffsetMap: clean offsets map back into the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.offsets import Edit, OffsetMap


def test_identity_maps_every_position_to_itself() -> None:
    offsets = OffsetMap.identity(10)
    assert [offsets.start(i) for i in range(11)] == list(range(11))
    assert offsets.span(3, 7) == (3, 7)


def test_positions_after_a_shortening_edit_shift_back() -> None:
    # original "fight ag-ainst it" -> clean "fight against it"
    offsets = OffsetMap([Edit(6, 14, 6, 13)], orig_len=17, clean_len=16)
    assert offsets.span(0, 5) == (0, 5)
    assert offsets.span(6, 13) == (6, 14)
    assert offsets.span(14, 16) == (15, 17)


def test_span_inside_an_edit_widens_to_the_whole_original_stretch() -> None:
    offsets = OffsetMap([Edit(6, 14, 6, 13)], orig_len=17, clean_len=16)
    assert offsets.span(8, 10) == (6, 14)


def test_span_touching_a_deletion_does_not_swallow_it() -> None:
    # original "ab\u200bcd" -> clean "abcd"
    offsets = OffsetMap([Edit(2, 3, 2, 2)], orig_len=5, clean_len=4)
    assert offsets.span(0, 2) == (0, 2)
    assert offsets.span(2, 4) == (3, 5)
    assert offsets.span(0, 4) == (0, 5)


def test_out_of_range_positions_are_clamped() -> None:
    offsets = OffsetMap([Edit(0, 2, 0, 1)], orig_len=5, clean_len=4)
    assert offsets.span(-3, 99) == (0, 5)


@st.composite
def edit_lists(draw: st.DrawFn) -> tuple[list[Edit], int, int]:
    """Random disjoint edits over an original text of random length."""
    orig_len = draw(st.integers(0, 60))
    cuts = sorted(draw(st.lists(st.integers(0, orig_len), max_size=12)))
    edits = []
    shift = 0
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        new_len = draw(st.integers(0, 4))
        if start == end and new_len == 0:
            continue
        edits.append(Edit(start, end, start + shift, start + shift + new_len))
        shift += new_len - (end - start)
    return edits, orig_len, orig_len + shift


@given(edit_lists(), st.data())
def test_any_clean_span_maps_into_the_original(
    case: tuple[list[Edit], int, int], data: st.DataObject
) -> None:
    edits, orig_len, clean_len = case
    offsets = OffsetMap(edits, orig_len=orig_len, clean_len=clean_len)
    start = data.draw(st.integers(0, clean_len))
    end = data.draw(st.integers(start, clean_len))
    orig_start, orig_end = offsets.span(start, end)
    assert 0 <= orig_start <= orig_end <= orig_len


@given(edit_lists())
def test_mapping_is_monotonic(case: tuple[list[Edit], int, int]) -> None:
    edits, orig_len, clean_len = case
    offsets = OffsetMap(edits, orig_len=orig_len, clean_len=clean_len)
    starts = [offsets.start(i) for i in range(clean_len + 1)]
    ends = [offsets.end(i) for i in range(clean_len + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
