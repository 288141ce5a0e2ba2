"""Places: toponyms resolved offline against a gazetteer, with the story's context.

Unit tests build a tiny gazetteer by hand; the tests marked slow load the real one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy

from dateline.errors import DatelineError
from dateline.offsets import OffsetMap
from dateline.places.cache import cached_gazetteer
from dateline.places.gazetteer import (
    ADMIN1,
    CAPITAL,
    CITY,
    COUNTRY,
    Entry,
    Gazetteer,
    _country_points,
    _division_places,
    normalise,
)
from dateline.places.mentions import Cues
from dateline.places.stage import PlaceFinder
from dateline.records import Dateline, Entity, Origin, Place, Story
from dateline.settings import data_dir
from dateline.work import Work

FRANCE = Entry(3017382, "France", "FRA", None, None, 46.0, 2.0, COUNTRY, 66_000_000)
PARIS = Entry(2988507, "Paris", "FRA", "Île-de-France", "FR.11", 48.85, 2.35, CAPITAL, 2_100_000)
TEXAS = Entry(4736286, "Texas", "USA", "Texas", "US.TX", 31.25, -99.25, ADMIN1, 29_000_000)
PARIS_TX = Entry(4717560, "Paris", "USA", "Texas", "US.TX", 33.66, -95.56, CITY, 25_000)
SYRIA = Entry(163843, "Syria", "SYR", None, None, 35.0, 38.0, COUNTRY, 22_000_000)
LATAKIA = Entry(173579, "Latakia", "SYR", "Latakia", "SY.09", 35.52, 35.79, CITY, 700_000)
RUSSIA = Entry(2017370, "Russia", "RUS", None, None, 60.0, 100.0, COUNTRY, 144_000_000)
MANBIJ = Entry(166365, "Manbij", "SYR", "Aleppo", "SY.09", 36.53, 37.95, CITY, 99_000)
NAMES = [
    ("France", FRANCE),
    ("Paris", PARIS),
    ("Texas", TEXAS),
    ("Paris", PARIS_TX),
    ("Syria", SYRIA),
    ("Latakia", LATAKIA),
    ("Russia", RUSSIA),
    ("Russian", RUSSIA),
    ("Manbij", MANBIJ),
]
NLP = spacy.blank("en")


def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.from_places(NAMES, never=["West"]), Cues.load(data_dir()))


def work(text: str, entities: list[tuple[str, str]], *, dateline: Dateline | None = None) -> Work:
    """A story whose entities are the first occurrence of each (text, label)."""
    found = []
    for name, label in entities:
        start = text.index(name)
        found.append(Entity(name, label, start, start + len(name)))
    story = Story("t", text, text, (), Origin("test"), dateline=dateline)
    return Work(story, NLP(text), OffsetMap.identity(len(text)), entities=tuple(found))


def places_of(text: str, entities: list[tuple[str, str]], **kwargs: Dateline) -> list[Place]:
    return list(finder().places(work(text, entities, **kwargs)))


def test_names_are_folded_for_lookup() -> None:
    assert normalise("U.S.") == normalise("US") == "us"
    assert normalise("Québec") == "quebec"
    assert normalise("the Hague") == "hague"


def test_a_bare_name_means_its_largest_place() -> None:
    (paris,) = places_of("Protesters marched in Paris.", [("Paris", "GPE")])
    assert (paris.name, paris.country, paris.feature) == ("Paris", "FRA", CAPITAL)
    assert paris.reason.startswith("entity: best of 2 entries")


def test_a_division_named_in_the_story_picks_the_small_namesake() -> None:
    text = "A storm hit Texas on Monday. In Paris, the mayor closed schools."
    places = places_of(text, [("Texas", "GPE"), ("Paris", "GPE")])
    paris = next(p for p in places if p.text == "Paris")
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    assert "in Texas, named in the story" in paris.reason


def test_the_datelines_country_counts_as_context() -> None:
    text = "PARIS, Texas (AP) - The council met."
    line = Dateline("PARIS, Texas (AP)", 0, 17, "Paris", "USA", "AP")
    places = places_of(text, [], dateline=line)
    assert places[0].country == "USA" and "dateline" in places[0].reason


def test_an_unknown_name_stays_with_null_coordinates_and_others_still_resolve() -> None:
    text = "Fighting spread from Qwertyville to Latakia."
    unknown, latakia = places_of(text, [("Qwertyville", "GPE"), ("Latakia", "GPE")])
    assert unknown.text == "Qwertyville" and unknown.lat is None and unknown.geonameid is None
    assert unknown.confidence == 0.0 and "no gazetteer entry" in unknown.reason
    assert latakia.lat == pytest.approx(35.52)


def test_a_cue_phrase_finds_a_place_the_ner_missed() -> None:
    (latakia,) = places_of("Ships docked near the port city of Latakia on Friday.", [])
    assert latakia.name == "Latakia" and latakia.reason.startswith("cue phrase")


def test_a_demonym_entity_is_a_place_but_an_unknown_one_is_not() -> None:
    places = places_of("Russian officials met Martian envoys.", [("Russian", "NORP"), ("Martian", "NORP")])
    assert [(p.text, p.country) for p in places] == [("Russian", "RUS")]


def test_the_parts_of_a_hyphenated_name_are_places() -> None:
    text = "Critics saw an anti-Russian turn and Syria-France talks."
    places = places_of(text, [("anti-Russian", "NORP"), ("Syria-France", "GPE")])
    assert [(p.text, p.country) for p in places] == [("Russian", "RUS"), ("Syria", "SYR"), ("France", "FRA")]
    assert text[places[0].start : places[0].end] == "Russian"


def test_a_possessive_is_not_part_of_the_place_opening_an_organisation() -> None:
    (syria,) = places_of("Syria’s Oil Ministry said so.", [("Syria’s Oil Ministry", "ORG")])
    assert (syria.text, syria.country) == ("Syria", "SYR")


def test_a_small_town_the_ner_took_for_a_person_is_placed_when_the_text_reads_it_as_a_place() -> None:
    text = "Syria said fighters came from Manbij. Later Manbij said little."
    placed = places_of(text, [("Syria", "GPE"), ("Manbij", "PERSON")])
    assert [(p.text, p.country) for p in placed] == [("Syria", "SYR"), ("Manbij", "SYR")]
    text = "Syria said fighters came from Manbij. Later John Manbij said little."
    mentions = [("Syria", "GPE"), ("Manbij", "PERSON"), ("John Manbij", "PERSON")]
    assert [p.text for p in places_of(text, mentions)] == ["Syria"]  # the surname of a person here
    text = "Syria said Manbij spoke."
    assert [p.text for p in places_of(text, [("Syria", "GPE"), ("Manbij", "PERSON")])] == ["Syria"]


def test_a_name_the_ner_missed_after_a_locative_word_is_a_place_of_the_storys_country() -> None:
    text = "Syria said fighters dug in near Manbij on Friday."
    placed = places_of(text, [("Syria", "GPE")])
    assert [(p.text, p.name, p.reason.split(":")[0]) for p in placed][1] == (
        "Manbij",
        "Manbij",
        "name after a locative word",
    )
    assert [p.text for p in places_of("Fighters dug in near Manbij on Friday.", [])] == []


def test_a_word_listed_as_never_a_place_is_not_resolved() -> None:
    gazetteer = Gazetteer.from_places([("West", LATAKIA)], never=["West"])
    assert gazetteer.candidates("West") == ()


def test_a_confident_place_lends_its_country_to_the_others() -> None:
    text = "Syria said talks would open. Officials in Paris disagreed."
    places = places_of(text, [("Syria", "GPE"), ("Paris", "GPE")])
    assert places[0].confidence == 1.0 and places[0].reason == "entity: the only entry of that name"


def test_a_bad_cue_row_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "places").mkdir()
    table = tmp_path / "places" / "cues.tsv"
    table.write_text("# comment\nword\tkind\ncity\tcity\nvalley\tnowhere\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"E023.*cues.tsv:4: column 'kind' is 'nowhere'"):
        Cues.load(tmp_path)


def test_the_place_json_has_exactly_the_contract_fields() -> None:
    (paris,) = places_of("Protesters marched in Paris.", [("Paris", "GPE")])
    fields = {"start", "end", "text", "geonameid", "name", "country", "admin1", "lat", "lon"}
    assert set(paris.to_json()) == fields | {"feature", "confidence", "reason"}


@pytest.mark.slow
def test_the_shipped_gazetteer_resolves_wire_datelines() -> None:
    real = PlaceFinder.load(data_dir())
    text = "WASHINGTON (AP) - Officials in Beijing and the U.S. spoke."
    line = Dateline("WASHINGTON (AP)", 0, 15, "Washington", "USA", "AP")
    entities = [("Beijing", "GPE"), ("U.S.", "GPE")]
    washington, beijing, us = real.places(work(text, entities, dateline=line))
    assert (washington.name, washington.feature) == ("Washington", CAPITAL)
    assert (beijing.country, beijing.feature) == ("CHN", CAPITAL)
    assert (us.country, us.feature) == ("USA", COUNTRY)


def test_the_built_gazetteer_is_kept_between_runs_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    builds = []

    def build() -> Gazetteer:
        builds.append(1)
        paris = Entry(2988507, "Paris", "FRA", None, None, 48.85, 2.35, "PPLC", 1)
        return Gazetteer.from_places([("Paris", paris)])

    first = cached_gazetteer(data_dir(), tmp_path, build)
    again = cached_gazetteer(data_dir(), tmp_path, build)
    assert again == first and len(builds) == 1
    (kept,) = tmp_path.glob("gazetteer-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert cached_gazetteer(data_dir(), tmp_path, build) == first and len(builds) == 2
    assert cached_gazetteer(data_dir(), None, build) == first and len(builds) == 3


def test_a_bad_country_point_is_reported_with_its_line(tmp_path: Path) -> None:
    table = tmp_path / "country_points.tsv"
    table.write_text("# comment\niso2\tlat\tlon\nCA\t60.1\t-113.6\nFR\t46\teast\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"country_points.tsv.*line 4: not a number"):
        _country_points(table)
    table.write_text("iso2\tlat\tlon\nCA\t60.1\t-113.6\n", encoding="utf-8")
    assert _country_points(table) == {"CA": (60.1, -113.6)}


def test_a_dateline_after_a_headline_is_a_city() -> None:
    text = "Talks resume. LATAKIA (AP) — Ships docked on Friday."
    (latakia,) = places_of(text, [])
    assert (latakia.text, latakia.name) == ("LATAKIA", "Latakia")
    assert latakia.reason.startswith("dateline inside the text")


def test_a_cue_phrase_keeps_the_known_tail_of_the_name_before_it() -> None:
    (latakia,) = places_of("Troops of Operation Dawn in Homs Latakia Province rested.", [])
    assert (latakia.text, latakia.name) == ("Latakia", "Latakia")


def test_a_name_used_for_a_place_means_it_elsewhere_in_the_story_but_not_in_a_persons_name() -> None:
    text = "Fighters entered Manbij. The Manbij council met Ali Manbij."
    mentions = [("Manbij", "GPE"), ("Ali Manbij", "PERSON")]
    first, second = places_of(text, mentions)
    assert (second.start, second.name) == (text.index("Manbij council"), "Manbij")
    assert second.reason.startswith("the same name as a place of the story") and first.start < second.start


def test_a_small_town_also_called_like_its_division_does_not_hide_the_division() -> None:
    state = Entry(4361885, "Maryland", "USA", "Maryland", "US.MD", 39.0, -76.75, ADMIN1, 5_000_000)
    town = Entry(4361831, "Maryland City", "USA", "Maryland", "US.MD", 39.09, -76.82, CITY, 16_000)
    liberian = Entry(2275099, "Maryland", "LBR", "Maryland", "LR.13", 4.48, -7.69, ADMIN1, 70_000)
    names = [("Maryland", state), ("Maryland", town), ("Maryland City", town), ("Maryland", liberian)]
    small = PlaceFinder(Gazetteer.from_places(names), Cues.load(data_dir()))
    text = "Police in Maryland said so."
    (place,) = small.places(work(text, [("Maryland", "GPE")]))
    assert (place.feature, place.country) == (ADMIN1, "USA")


def test_a_division_sits_in_the_middle_of_the_box_around_its_villages_too() -> None:
    def city(lat: float, lon: float, people: int) -> dict[str, object]:
        return {
            "countrycode": "CA",
            "admin1code": "01",
            "latitude": lat,
            "longitude": lon,
            "population": people,
        }

    towns = [city(53.5, -113.5, 900_000), city(51.0, -114.0, 1_200_000)]
    villages = [*towns, city(59.9, -118.0, 600)]
    row = ["Alberta", "CA-AB", "CA.01", "5883102", "Province", "", "1"]
    countries = {"CA": {"iso3": "CAN"}}
    (_, alone) = _division_places([row], towns, countries)["CA.01"]
    (_, spread) = _division_places([row], towns, countries, villages)["CA.01"]
    assert alone.lat == 52.25 and spread.lat == pytest.approx(55.45)
    assert alone.population == spread.population == 2_100_000


def test_a_village_is_a_last_resort_for_a_named_place_in_a_story_about_its_country() -> None:
    samos = Entry(254698, "Samos", "GRC", None, None, 37.76, 26.98, CITY, 2_000)
    greece = Entry(390903, "Greece", "GRC", None, None, 39.0, 22.0, COUNTRY, 10_700_000)
    gazetteer = dataclasses.replace(
        Gazetteer.from_places([("Greece", greece)]), minor={"samos": (dataclasses.astuple(samos),)}
    )
    small = PlaceFinder(gazetteer, Cues.load(data_dir()))
    text = "Greece moved migrants from Samos."
    _, place = small.places(work(text, [("Greece", "GPE"), ("Samos", "GPE")]))
    assert (place.name, place.country) == ("Samos", "GRC")
    (alone,) = small.places(work("Migrants left Samos.", [("Samos", "GPE")]))
    assert alone.lat is None  # no story about Greece: the village is not meant


def test_a_capitalised_dateline_lends_its_place_to_the_name_written_normally() -> None:
    text = "Headline. MANBIJ — Fighters left. The Manbij council met."
    first, second = places_of(text, [])
    assert first.text == "MANBIJ" and (second.text, second.name) == ("Manbij", "Manbij")


def test_a_county_is_named_whole_not_narrowed_to_its_state() -> None:
    ohio = Entry(5165418, "Ohio", "USA", "Ohio", "US.OH", 40.25, -82.75, ADMIN1, 11_000_000)
    county = Entry(4303436, "Ohio County", "USA", "Kentucky", "US.KY", 37.48, -86.85, "ADM2", 24_000)
    gazetteer = dataclasses.replace(
        Gazetteer.from_places([("Ohio", ohio)]), minor={"ohio county": (dataclasses.astuple(county),)}
    )
    small = PlaceFinder(gazetteer, Cues.load(data_dir()))
    text = "Schools in Ohio and in Ohio County got money."
    entities = [("Ohio", "GPE"), ("Ohio County", "GPE")]
    _, place = small.places(work(text, entities))
    assert (place.text, place.name, place.feature) == ("Ohio County", "Ohio County", "ADM2")
