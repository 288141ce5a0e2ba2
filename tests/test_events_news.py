"""Acts of whole news stories the single-sentence suites do not test (issue #10, point 2):
economic measures, means of acting, sense by frame, and targets named earlier in the story."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import Pipeline
from dateline.records import Event, Origin, RawStory, StoryResult

pytestmark = pytest.mark.slow
TUESDAY = dt.date(2024, 3, 12)


def coded(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    result = pipeline.process_one(RawStory("t", text, Origin("test"), published=TUESDAY))
    assert isinstance(result, StoryResult), result
    return result.events


def summary(events: tuple[Event, ...]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.cameo, e.source, e.target) for e in events]


def test_tariffs_on_another_country_are_an_economic_sanction(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Brazil imposed new tariffs on Argentine steel.")
    assert ("163", ("BRA",), ("ARG",)) in summary(events), summary(events)


def test_an_event_noun_a_subject_acts_with_is_the_subjects_act(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Chile retaliated with sanctions against Bolivia.")
    assert ("163", ("CHL",), ("BOL",)) in summary(events), summary(events)


def test_naming_something_a_wrong_is_criticism_of_it(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Russia branded the Ukrainian raid a provocation.")
    criticism = [e for e in events if e.cameo == "111"]
    assert [(e.source, e.target) for e in criticism] == [(("RUS",), ("UKR",))], summary(events)
    assert not [e for e in events if e.cameo[:2] == "19"], summary(events)


def test_naming_something_with_an_approving_word_is_praise(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Sweden called the talks with Norway a success.")
    assert [e.cameo for e in events] == ["051"], summary(events)


def test_calling_a_person_on_a_day_is_a_phone_call(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Finland called Estonia on Tuesday.")
    assert [e.cameo for e in events] == ["041"], summary(events)


def test_calling_for_someone_to_act_is_an_appeal_to_them(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Peru called for Chile to lift the ban on fishing.")
    appeals = [e for e in events if e.cameo[:2] == "02"]
    assert [(e.source, e.target) for e in appeals] == [(("PER",), ("CHL",))], summary(events)


def test_rejecting_the_allegations_targets_who_made_them(pipeline: Pipeline) -> None:
    events = coded(
        pipeline, "Chile said Peru had violated the border treaty. Peru rejected the allegations on Monday."
    )
    rejections = [e for e in events if e.cameo[:2] == "12"]
    assert [(e.source, e.target) for e in rejections] == [(("PER",), ("CHL",))], summary(events)


def test_denouncing_the_operation_targets_whoever_carried_it_out(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Comoros invaded the island of Anjouan. South Africa denounced the operation.")
    assert ("111", ("ZAF",), ("COM",)) in summary(events), summary(events)


def test_a_bare_plural_is_new_not_an_earlier_act(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Russia attacked Ukraine. Norway criticized sanctions.")
    criticism = [e for e in events if e.cameo[:2] == "11"]
    assert [e.target for e in criticism] == [()], summary(events)


def test_speaking_out_against_an_act_is_criticism(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Russia attacked Ukraine. Lawmakers in Norway spoke out against the action.")
    criticism = [e for e in events if e.cameo == "111"]
    assert [e.target for e in criticism] == [("RUS",)], summary(events)


def test_an_arrest_by_nobody_named_is_by_the_state_where_it_happens(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Three opposition supporters have been arrested in Nairobi.")
    assert [(e.cameo, e.source, e.target) for e in events if e.cameo == "173"] == [
        ("173", ("KEN",), ("KEN",))
    ], summary(events)


def test_an_arrest_in_a_sentence_naming_no_country_is_in_the_storys_country(pipeline: Pipeline) -> None:
    text = (
        "Kenya's government tightened security in Nairobi on Monday. "
        "Three opposition supporters have been arrested."
    )
    events = coded(pipeline, text)
    assert [e.source for e in events if e.cameo == "173"] == [("KEN",)], summary(events)


def test_things_released_are_no_release_of_people(pipeline: Pipeline) -> None:
    events = coded(pipeline, "New pictures of the leader have been released in Havana.")
    assert not [e for e in events if e.cameo.startswith("084")], summary(events)


def test_a_prison_sentence_is_coercion(pipeline: Pipeline) -> None:
    events = coded(pipeline, "A court in Turkey sentenced two smugglers to four years in prison.")
    assert [e.cameo for e in events] == ["173"], summary(events)


def test_blocking_a_sale_to_a_country_is_a_sanction(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Canada blocked the Turkish sale.")
    assert [(e.cameo[:2], e.target) for e in events] == [("16", ("TUR",))], summary(events)


def test_conferring_an_honour_on_someone_is_praise(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Ghana conferred its highest civilian honour on Nigeria.")
    assert [(e.cameo, e.source, e.target) for e in events] == [("051", ("GHA",), ("NGA",))], summary(events)


def test_a_meeting_in_the_subjects_own_country_is_the_visitors(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Putin met with Xi in Moscow.")
    assert [(e.source, e.target) for e in events if e.cameo[:2] == "04"] == [(("CHNGOV",), ("RUSGOV",))], (
        summary(events)
    )


def test_a_restriction_on_another_country_is_a_sanction(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Japan announced new restrictions on flights to Cuba.")
    assert ("163", ("JPN",), ("CUB",)) in summary(events), summary(events)


def test_a_restriction_on_a_states_own_people_stays_coercion(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Iran imposed new restrictions on journalists.")
    assert [e.cameo for e in events] == ["172"], summary(events)


def test_barring_another_countrys_officials_is_a_sanction(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Canada has barred three Haitian officials from entering the country.")
    assert [(e.cameo, e.source) for e in events] == [("163", ("CAN",))], summary(events)


def test_keeping_sanctions_in_place_is_the_keepers_sanction(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Canada is keeping new tariffs in place on Mexico and Chile.")
    assert [(e.cameo, e.source, set(e.target)) for e in events] == [("163", ("CAN",), {"MEX", "CHL"})], (
        summary(events)
    )


def test_occupied_land_is_taken_from_the_country_it_lies_in(pipeline: Pipeline) -> None:
    text = (
        "Armenian troops are still occupying the key towns of Gori, north of Tbilisi, and Senako in the west."
    )
    events = coded(pipeline, text)
    occupations = [e for e in events if e.cameo == "192"]
    assert [(e.source[0][:3], e.target) for e in occupations] == [("ARM", ("GEO",))], summary(events)


def test_occupied_buildings_are_the_storys_countrys(pipeline: Pipeline) -> None:
    text = (
        "The army of Myanmar seized power in February. "
        "An envoy said security forces have also occupied at least 36 hospitals."
    )
    events = coded(pipeline, text)
    occupations = [e for e in events if e.cameo == "192"]
    assert [e.target for e in occupations] == [("MMR",)], summary(events)


def test_a_report_that_accuses_nobody_is_the_reported_act(pipeline: Pipeline) -> None:
    events = coded(pipeline, "A Kenyan police spokesman said three men were arrested in Nairobi.")
    assert [(e.cameo, e.source, e.target) for e in events] == [("173", ("KEN",), ("KEN",))], summary(events)


def test_according_to_names_a_source_not_an_addressee(pipeline: Pipeline) -> None:
    events = coded(
        pipeline, "According to the police in Chile, about 60 activists protested against the visit."
    )
    assert [e.cameo[:2] for e in events] == ["14"], summary(events)


def test_people_deported_by_nobody_named_target_the_country_receiving_them(pipeline: Pipeline) -> None:
    text = "The camp in Kenya held 200 migrants, many of whom were deported to Somalia or Ethiopia."
    events = coded(pipeline, text)
    assert [(e.source, set(e.target)) for e in events if e.cameo == "174"] == [(("KEN",), {"SOM", "ETH"})], (
        summary(events)
    )


def test_protests_by_nobody_named_are_by_people_of_the_country_where_they_happen(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Anti-government protests continued in Baghdad on Friday.")
    protests = [e for e in events if e.cameo.startswith("14")]
    assert [(e.source, e.target) for e in protests] == [(("IRQ",), ("IRQ",))], summary(events)


def test_an_act_is_placed_by_the_stories_gazetteer_reading_of_its_place(pipeline: Pipeline) -> None:
    # Quetta is in no registry table; the places stage knows it is in Pakistan
    events = coded(pipeline, "Three opposition activists were arrested in Quetta on Friday, a lawyer said.")
    arrests = [e for e in events if e.cameo == "173"]
    assert [e.source for e in arrests] == [("PAK",)], summary(events)
