"""Round 9: expelling an organisation against deporting people (hand-written sentences)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .test_events import events_of

pytestmark = pytest.mark.slow


def test_forcing_an_organisation_out_is_an_expulsion_sanction(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya forced the Red Cross out of the country.")
    assert (event.cameo, event.source, event.target) == ("166", ("KEN",), ("NGORCR",))
    assert event.plover is not None and event.plover["type"] == "SANCTION"


def test_deporting_people_stays_coercion(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya deported three Ugandan journalists.")
    assert event.cameo == "174"
    assert event.plover is not None and event.plover["type"] == "COERCE"
