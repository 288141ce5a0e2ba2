"""Event dates: relative expressions resolved against the story date (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.coding.event_dates import default_date, resolve_date

WEDNESDAY = dt.date(2021, 12, 15)


@pytest.mark.parametrize(
    ("text", "future", "iso", "precision"),
    [
        ("Wednesday", False, "2021-12-15", "day"),
        ("on Monday", False, "2021-12-13", "day"),
        ("Friday", True, "2021-12-17", "day"),
        ("yesterday", False, "2021-12-14", "day"),
        ("last week", False, "2021-12", "month"),
        ("next month", True, "2022-01", "month"),
        ("last month", False, "2021-11", "month"),
        ("February 2022", True, "2022-02", "month"),
        ("February", True, "2022-02", "month"),
        ("February", False, "2021-02", "month"),
        ("March 3, 2020", False, "2020-03-03", "day"),
        ("this year", False, "2021", "year"),
        ("two days ago", False, "2021-12-13", "day"),
        ("2019", False, "2019", "year"),
    ],
)
def test_resolve_date(text: str, future: bool, iso: str, precision: str) -> None:
    found = resolve_date(text, WEDNESDAY, future=future)
    assert found is not None
    assert (found.iso(), found.precision) == (iso, precision)


def test_unplaceable_expression_gives_none() -> None:
    assert resolve_date("the past years", WEDNESDAY) is None


def test_default_is_story_date_with_day_precision() -> None:
    found = default_date(WEDNESDAY)
    assert found is not None and found.iso() == "2021-12-15" and found.precision == "day"
    assert default_date(None) is None
