"""Actors PLOVER codes by country: unnamed actors of a one-country sentence, objects of an
infinitive, and trailing attributions (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of, only

pytestmark = pytest.mark.slow


def test_trailing_attribution_is_no_accusation(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Germany attacked Japan, officials in Spain said.")
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("19", ("DEU",), ("JPN",))]


def test_leading_report_of_a_hostile_act_stays_an_accusation(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Spain said that Germany attacked Japan."), "11")
    assert (event.source, event.target) == (("ESP",), ("DEU",))


def test_unnamed_source_takes_the_one_country_of_the_sentence(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The army shelled rebel positions near Kandahar."), "19")
    assert event.source == ("AFGMIL",)


def test_unnamed_person_acted_on_is_of_the_sentence_country(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Kenyan rebels freed Colonel Juma Otieno."), "08")
    assert event.source == ("KENREB",) and event.target == ("KEN",)


def test_unnamed_source_is_not_of_its_target_country(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Gunmen kidnapped three Italian engineers."), "18")
    assert event.source == () and event.target == ("ITA",)


def test_party_left_unnamed_on_purpose_stays_unresolved(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Kenya accused foreign powers of meddling."), "11")
    assert event.target == () and [s.text for s in event.target_text] == ["foreign powers"]


def test_object_of_an_infinitive_is_the_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The Kenyan court allowed opposition leader Juma Otieno to run."), "08")
    assert event.source == ("KENJUD",) and event.target == ("KENOPP",)


def test_subject_of_a_permitted_infinitive_is_the_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Chile allowed Bolivia to use its ports."), "08")
    assert (event.source, event.target) == (("CHL",), ("BOL",))


def test_a_count_of_people_acts_and_protests_at_home(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Thousands of students staged demonstrations across Kenya."), "14")
    assert event.source == ("KEN",) and event.target == ("KENGOV",)


def test_protesters_are_of_the_country_they_protest_against(pipeline: Pipeline) -> None:
    text = "Fundamentalists began a hunger strike to demand the resignation of the Kenyan president."
    strike = [e for e in events_of(pipeline, text) if e.cameo == "142"]
    assert [(e.source, e.target) for e in strike] == [(("KEN",), ("KENGOV",))]


def test_unnamed_source_does_not_take_a_country_inside_its_target_phrase(pipeline: Pipeline) -> None:
    text = "Gunmen demanded the release of the Italian engineers."
    assert all(e.source == () for e in events_of(pipeline, text))


def test_they_in_a_complement_is_the_group_that_spoke(pipeline: Pipeline) -> None:
    text = "A group of Peruvian leaders announced that they are willing to forgive Chile."
    event = only(events_of(pipeline, text), "05")
    assert event.source == ("PERGOV",) and event.target == ("CHL",)


def summary(pipeline: Pipeline, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.cameo[:2], e.source, e.target) for e in events_of(pipeline, text)]


def test_act_of_an_adverbial_clause_is_background_to_the_main_event(pipeline: Pipeline) -> None:
    assert summary(pipeline, "France sent aid to Chad to support Niger.") == [("07", ("FRA",), ("TCD",))]


def test_act_of_a_relative_clause_is_background_to_the_main_event(pipeline: Pipeline) -> None:
    text = "Spain praised Morocco, which later attacked Algeria."
    assert summary(pipeline, text) == [("05", ("ESP",), ("MAR",))]


def test_act_of_a_secondary_clause_stays_when_the_sentence_has_no_other(pipeline: Pipeline) -> None:
    assert summary(pipeline, "Crowds gathered as Kenya bombed Somalia.") == [("18", ("KEN",), ("SOM",))]


def test_people_named_by_a_purpose_clause_are_the_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Kenyan police opened fire to disperse protesters."), "19")
    assert event.source == ("KENCOP",) and event.target == ("KENCVL",)


def test_each_listed_object_of_a_light_verb_is_tried(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Russia imposed tariffs and sanctions on Georgia."), "16")
    assert (event.cameo, event.source, event.target) == ("163", ("RUS",), ("GEO",))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Norway will give Kenya a grant of ten million dollars.", "033"),  # a grant is economic aid
        ("Dock workers in Chile stopped work on Monday.", "143"),
        ("Ghana has been sharing expertise with Togo.", "064"),
    ],
)
def test_grants_strikes_and_sharing_phrases(pipeline: Pipeline, text: str, code: str) -> None:
    assert [e.cameo for e in events_of(pipeline, text)] == [code]


def test_prepared_to_repress_is_a_threat_at_home(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The Kenyan government said it is prepared to impose a curfew."), "13")
    assert (event.cameo, event.source, event.target) == ("1323", ("KENGOV",), ("KEN",))


def test_stated_act_held_over_a_condition_is_a_threat(pipeline: Pipeline) -> None:
    text = "Chad will withdraw its troops from Mali unless the junta holds elections."
    event = only(events_of(pipeline, text), "13")
    assert (event.cameo, event.source, event.target) == ("130", ("TCD",), ("MLI",))


def test_a_people_placed_in_another_country_is_coded_by_residence(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Ethnic Serbs in Croatia staged a protest."), "14")
    assert event.source == ("HRV",) and event.target == ("HRVGOV",)


def test_a_threat_is_held_over_the_subject_of_its_condition(pipeline: Pipeline) -> None:
    text = "Chadian farmers threatened to hold a strike unless Niger reopens the border."
    assert summary(pipeline, text) == [("13", ("TCD",), ("NER",))]


def test_an_attack_by_nobody_named_is_by_unidentified_forces_of_the_place(pipeline: Pipeline) -> None:
    text = "Three Kenyan soldiers were killed by a roadside bomb near Mogadishu."
    assert summary(pipeline, text) == [("19", ("SOMUAF",), ("KENMIL",))]


def test_a_side_taken_is_not_the_actor_nor_the_place(pipeline: Pipeline) -> None:
    assert summary(pipeline, "The pro-Iranian militia attacked Israel.") == [("19", (), ("ISR",))]
    text = "A prominent anti-Syria journalist was killed in Beirut."
    assert summary(pipeline, text) == [("19", ("LBNUAF",), ("LBNMED",))]


def test_an_act_aimed_at_nobody_in_a_complement_is_a_detail(pipeline: Pipeline) -> None:
    text = "Kenya criticised Uganda for refusing to cooperate."
    assert summary(pipeline, text) == [("11", ("KEN",), ("UGA",))]


def test_a_coordinated_act_aimed_at_nobody_stays(pipeline: Pipeline) -> None:
    text = "Chad sent troops to Mali and later withdrew."
    assert [e.cameo[:2] for e in events_of(pipeline, text)] == ["15", "08"]


def test_what_an_appeal_asks_for_is_its_content_not_an_event(pipeline: Pipeline) -> None:
    text = "Russia said that Sudan must return the helicopter."
    assert summary(pipeline, text) == [("02", ("RUS",), ("SDN",))]


def test_a_demand_folds_a_nested_refusal(pipeline: Pipeline) -> None:
    text = "Greece demanded that Italy refuse to recognize Albania."
    assert summary(pipeline, text) == [("10", ("GRC",), ("ITA",))]


def test_people_hit_by_an_attack_are_of_the_place_it_happens(pipeline: Pipeline) -> None:
    text = "Two Kenyan gunmen killed 20 people when they blew themselves up in Kampala."
    assert summary(pipeline, text) == [("19", ("KENREB",), ("UGACVL",))]


def test_an_ethnic_group_hit_is_of_the_country_it_lives_in(pipeline: Pipeline) -> None:
    text = "Serb forces killed three ethnic Albanians in a gunbattle in southern Serbia."
    assert summary(pipeline, text) == [("19", ("SRBMIL",), ("SRB",))]


def test_a_count_after_a_particle_is_still_the_object(pipeline: Pipeline) -> None:
    text = "Somali rebels have kidnapped up to 16 Russian advisers from a town market."
    assert summary(pipeline, text) == [("18", ("SOMREB",), ("RUS",))]


def test_sworn_to_attack_is_a_threat(pipeline: Pipeline) -> None:
    text = "Kenyan rebels have sworn to attack Uganda."
    assert summary(pipeline, text) == [("13", ("KENREB",), ("UGA",))]


def test_rebels_appeal_to_their_own_government(pipeline: Pipeline) -> None:
    text = "Kenyan rebels said the Kenyan government must hold elections."
    assert summary(pipeline, text) == [("02", ("KENREB",), ("KENGOV",))]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said Kenya would consult its partners before the summit.",
        "Kenyan President William Ruto urged governments to keep the border open.",
    ],
)
def test_another_party_named_by_what_it_is_stays_unresolved(pipeline: Pipeline, text: str) -> None:
    assert [e.target for e in events_of(pipeline, text)] == [()]


def test_an_event_noun_reaches_its_target_through_what_it_is_of(pipeline: Pipeline) -> None:
    text = "Russia completed the withdrawal of its remaining forces from Syria."
    assert summary(pipeline, text) == [("08", ("RUS",), ("SYR",))]


def test_an_unnamed_person_keeps_the_agent_of_their_title(pipeline: Pipeline) -> None:
    text = "The Kenyan interior minister allowed opposition leader Juma Otieno to hold a rally."
    event = only(events_of(pipeline, text), "08")
    assert (event.source, event.target) == (("KENGOV",), ("KENOPP",))
