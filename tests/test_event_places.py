"""Where each event happened: its clause's place, else its sentence's, else the dateline's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy

from dateline.offsets import OffsetMap
from dateline.pipeline import Pipeline
from dateline.places.events import place_events
from dateline.reading import read_inputs
from dateline.records import Dateline, Entity, Event, Origin, Place, RawStory, Span, Story, StoryResult
from dateline.work import Work

NLP = spacy.blank("en")


def place(text: str, name: str, feature: str, *, nth: int = 0, country: str = "XXX") -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(start, start + len(name), name, 1, name, country, None, 1.0, 2.0, feature, 1.0, "test")


def event(text: str, trigger: str, sentence: tuple[int, int], *, actors: tuple[str, ...] = ()) -> Event:
    start = text.index(trigger)
    spans = tuple(Span(text.index(a), text.index(a) + len(a), a) for a in actors)
    return Event(
        "040", "Consult", 1.0, 1, None, ("AAA",), (), None, None, (),
        Span(start, start + len(trigger), trigger), Span(*sentence, text[slice(*sentence)]),
        source_text=spans,
    )  # fmt: skip


def run(
    text: str,
    places: tuple[Place, ...],
    events: tuple[Event, ...],
    line: Dateline | None = None,
    entities: tuple[Entity, ...] = (),
) -> Work:
    story = Story("t", text, text, (), Origin("test"), dateline=line)
    offsets = OffsetMap.identity(len(text))
    work = Work(story, NLP(text), offsets, entities=entities, events=events, places=places)
    return place_events(work, None)  # type: ignore[arg-type]


TEXT = "GENEVA (Wire): Envoys met in Damascus on Monday. Russia condemned the plan. Talks went on."
LINE = Dateline("GENEVA (Wire)", 0, 13, "Geneva", "CHE", "Wire")


def test_a_place_in_the_sentence_places_the_event_at_its_precision() -> None:
    places = (place(TEXT, "GENEVA", "PPL"), place(TEXT, "Damascus", "PPLC"))
    (placed,) = run(TEXT, places, (event(TEXT, "met", (15, 48)),), LINE).events
    assert placed.place == places[1] and placed.place_precision == "city"


def test_a_country_acting_does_not_place_the_event_and_the_dateline_does() -> None:
    places = (place(TEXT, "GENEVA", "PPL"), place(TEXT, "Russia", "PCLI"))
    (placed,) = run(TEXT, places, (event(TEXT, "condemned", (49, 75), actors=("Russia",)),), LINE).events
    assert placed.place == places[0] and placed.place_precision == "dateline"


def test_a_country_after_a_locative_preposition_places_the_event() -> None:
    text = "Troops clashed in Syria on Monday."
    syria = place(text, "Syria", "PCLI")
    (placed,) = run(text, (syria,), (event(text, "clashed", (0, len(text))),)).events
    assert placed.place == syria and placed.place_precision == "country"


def test_an_event_nothing_places_has_no_place() -> None:
    (placed,) = run(TEXT, (), (event(TEXT, "went", (76, len(TEXT))),)).events
    assert placed.place is None and placed.place_precision is None


def test_an_unresolved_place_never_places_an_event() -> None:
    text = "Envoys met in Qwertyville."
    unknown = dataclasses.replace(place(text, "Qwertyville", "PPL"), lat=None, lon=None, feature=None)
    (placed,) = run(text, (unknown,), (event(text, "met", (0, len(text))),)).events
    assert placed.place is None


def test_the_more_precise_place_of_the_sentence_wins() -> None:
    text = "Envoys met in Syria, in the city of Aleppo."
    syria, aleppo = place(text, "Syria", "PCLI"), place(text, "Aleppo", "PPL")
    (placed,) = run(text, (syria, aleppo), (event(text, "met", (0, len(text))),)).events
    assert placed.place == aleppo


def test_a_place_inside_an_organisations_name_does_not_place_the_event() -> None:
    text = "The Harare City Council met in the afternoon."
    harare = place(text, "Harare", "PPLC")
    council = Entity("The Harare City Council", "ORG", 0, 23)
    (placed,) = run(text, (harare,), (event(text, "met", (0, len(text))),), entities=(council,)).events
    assert placed.place is None


@pytest.mark.slow
def test_the_clause_wins_over_the_rest_of_the_sentence(pipeline: Pipeline) -> None:
    text = "Putin met Macron in Paris on Monday, while protesters marched in Berlin."
    result = pipeline.process_one(RawStory("clause", text, Origin("test")))
    assert isinstance(result, StoryResult)
    met = next(e for e in result.events if e.trigger.text.startswith("met"))
    assert met.place is not None and met.place.text == "Paris"


@pytest.mark.slow
@pytest.mark.shared
def test_the_seed_video_call_is_placed_in_beijing_by_the_dateline(
    pipeline: Pipeline, seed_path: Path
) -> None:
    (result,) = list(pipeline.process(read_inputs([str(seed_path)], pipeline.settings)))
    assert isinstance(result, StoryResult)
    call = next(e for e in result.events if "video" in e.trigger.text)
    assert call.place is not None and call.place.name == "Beijing" and call.place.country == "CHN"
    assert call.place_precision == "dateline"
    assert call.to_json()["place"] == call.place.to_json()
