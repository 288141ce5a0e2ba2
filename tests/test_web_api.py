"""The web API, in-process through httpx's ASGI transport, on a store the real pipeline built."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from dateline.pipeline import Pipeline
from dateline.web import create_app

from .helpers.web_api import call, get
from .helpers.web_store import SEED_ID, XSS_ID

pytestmark = pytest.mark.slow
TOKEN = "test-token-5d1f"


@pytest.fixture()
def writable_app(writable_store: Path, pipeline: Pipeline) -> Iterator[FastAPI]:
    app = create_app(writable_store, token=TOKEN, pipeline_factory=lambda: pipeline)
    yield app
    app.state.db.close()


# -- stories -----------------------------------------------------------------------------------


def test_stories_lists_every_story_with_paging(app: FastAPI) -> None:
    first = get(app, "/api/stories?limit=3")
    assert first["total"] >= 8 and len(first["items"]) == 3
    rest = get(app, "/api/stories?limit=200&offset=3")
    ids = [s["id"] for s in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == first["total"]
    assert SEED_ID in ids and XSS_ID in ids


def test_stories_search_by_text_source_and_date(app: FastAPI) -> None:
    found = get(app, "/api/stories?q=video%20link")["items"]
    assert [s["id"] for s in found] == [SEED_ID]
    tass = get(app, "/api/stories?source=tass")["items"]
    assert tass and all(s["source"] == "TASS" for s in tass)
    dated = get(app, "/api/stories?date_from=2021-12-01&date_to=2021-12-31")["items"]
    assert [s["id"] for s in dated] == [SEED_ID]


def test_one_story_is_the_contract_json_with_true_offsets(app: FastAPI) -> None:
    story = get(app, f"/api/stories/{SEED_ID}")
    assert story["id"] == SEED_ID and story["published"] == "2021-12-15"
    text = story["text"]
    assert story["entities"] and story["quotes"] and story["events"]
    for record in story["entities"] + story["quotes"]:
        assert text[record["start"] : record["end"]] == record["text"]
    for event in story["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]


def test_one_story_carries_its_cast_and_the_ids_quotes_and_events_point_to(app: FastAPI) -> None:
    story = get(app, f"/api/stories/{SEED_ID}")
    text, cast = story["text"], story["cast"]
    assert cast and all(member["mentions"] for member in cast)
    ids = [member["id"] for member in cast]
    assert len(ids) == len(set(ids))
    for member in cast:
        assert member["kind"] in {"person", "organisation", "government", "armed_group", "country", "igo"}
        for mention in member["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"] and mention["how"]
    speakers = [q["speaker"]["cast"] for q in story["quotes"] if q["speaker"] and q["speaker"]["cast"]]
    assert speakers and set(speakers) <= set(ids)
    for event in story["events"]:
        assert set(event["source_cast"]) | set(event["target_cast"]) <= set(ids)


def test_unknown_story_is_404(app: FastAPI) -> None:
    response = call(app, "GET", "/api/stories/no-such-story")
    assert response.status_code == 404
    assert "no-such-story" in response.json()["detail"]


# -- events, quotes, actors --------------------------------------------------------------------


def test_events_filter_by_source_country_and_root(app: FastAPI) -> None:
    events = get(app, "/api/events?source_country=CHN&limit=200")["items"]
    assert events and all(any(code.startswith("CHN") for code in e["source"]) for e in events)
    root = events[0]["root_code"]
    same_root = get(app, f"/api/events?source_country=CHN&root={root}&limit=200")["items"]
    assert same_root and all(e["root_code"] == root for e in same_root)
    assert len(same_root) <= len(events)


def test_events_filter_by_actor_cameo_plover_modality_and_story(app: FastAPI) -> None:
    seed_events = get(app, f"/api/stories/{SEED_ID}")["events"]
    event = seed_events[0]
    actor = event["source"][0]
    by_actor = get(app, f"/api/events?source={actor}&limit=200")["items"]
    assert by_actor and all(actor in e["source"] for e in by_actor)
    by_cameo = get(app, f"/api/events?cameo={event['cameo']}&story={SEED_ID}")["items"]
    assert by_cameo and all(e["cameo"] == event["cameo"] for e in by_cameo)
    if event["plover"]:
        kind = event["plover"]["type"]
        assert all(e["plover_type"] == kind for e in get(app, f"/api/events?plover={kind}")["items"])
    asserted = get(app, f"/api/events?modality=asserted&story={SEED_ID}&limit=200")
    expected = sum(1 for e in seed_events if not e["modality"])
    assert asserted["total"] == expected


def test_events_filter_by_where_they_happened(app: FastAPI) -> None:
    placed = [e for e in get(app, "/api/events?limit=200")["items"] if e["place_country"]]
    assert placed, "the example stories have placed events"
    country = placed[0]["place_country"]
    by_country = get(app, f"/api/events?country={country.lower()}&limit=200")["items"]
    assert by_country and all(e["place_country"] == country for e in by_country)
    lat, lon = placed[0]["place_lat"], placed[0]["place_lon"]
    box = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    in_box = get(app, f"/api/events?bbox={box}&limit=200")["items"]
    assert in_box and all(abs(e["place_lat"] - lat) <= 1 and abs(e["place_lon"] - lon) <= 1 for e in in_box)
    admin1 = next(e["place_admin1"] for e in placed if e["place_admin1"])
    by_admin1 = get(app, f"/api/events?admin1={admin1}&limit=200")["items"]
    assert by_admin1 and all(e["place_admin1"] == admin1 for e in by_admin1)
    assert not get(app, "/api/events?bbox=-10,-10,-9,-9")["items"]


def test_a_bbox_off_the_globe_is_refused(app: FastAPI) -> None:
    assert call(app, "GET", "/api/events?bbox=0,95,10,99").status_code == 422
    assert call(app, "GET", "/api/events?bbox=north").status_code == 422


def test_events_date_range_excludes_other_years(app: FastAPI) -> None:
    events = get(app, "/api/events?date_from=2024-01-01&limit=200")["items"]
    assert all(e["date"] >= "2024-01-01" for e in events)


def test_quotes_by_speaker_and_text(app: FastAPI) -> None:
    seed_quotes = get(app, f"/api/stories/{SEED_ID}")["quotes"]
    speaker = next(q["speaker"] for q in seed_quotes if q["speaker"] and q["speaker"]["actor"])
    by_code = get(app, f"/api/quotes?speaker={speaker['actor']}&limit=200")["items"]
    assert by_code and all(q["speaker_actor"] == speaker["actor"] for q in by_code)
    longest = max(seed_quotes, key=lambda q: len(q["text"]))
    word = max(longest["text"].split(), key=len).strip(',.“”"')
    by_text = get(app, f"/api/quotes?q={word}")["items"]
    assert by_text and all(word.lower() in q["text"].lower() for q in by_text)


def test_actors_search_has_counts(app: FastAPI) -> None:
    actors = get(app, "/api/actors?q=RUS")["items"]
    assert actors and all(a["code"].startswith("RUS") or "rus" in a["name"].lower() for a in actors)
    top = actors[0]
    assert top["stories"] >= 1 and top["mentions"] >= top["stories"]


# -- dyads and network -------------------------------------------------------------------------


def test_timeline_china_russia_counts_events_by_quad(app: FastAPI) -> None:
    data = get(app, "/api/dyads/timeline?a=CHN&b=RUS&interval=day")
    assert data["a"] == "CHN" and data["interval"] == "day"
    rows = data["items"]
    assert rows and all(row["quad"] in (1, 2, 3, 4) for row in rows)
    assert "2021-12-15" in {row["period"] for row in rows}
    one_way = get(app, "/api/dyads/timeline?a=CHN&b=RUS&interval=day&direction=a_to_b")["items"]
    assert sum(r["events"] for r in one_way) <= sum(r["events"] for r in rows)


def test_timeline_as_csv_by_parameter_and_by_accept_header(app: FastAPI) -> None:
    response = call(app, "GET", "/api/dyads/timeline?a=CHN&b=RUS&format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert table and set(table[0]) == {"period", "quad", "events", "mean_goldstein"}
    by_header = call(app, "GET", "/api/dyads/timeline?a=CHN&b=RUS", headers={"Accept": "text/csv"})
    assert by_header.text == response.text


def test_network_edges_are_weighted_and_directed(app: FastAPI) -> None:
    edges = get(app, "/api/network?limit=500")["items"]
    assert edges and all(e["source"] != e["target"] for e in edges)
    assert all(e["events"] == e["cooperation"] + e["conflict"] or e["events"] > 0 for e in edges)
    counts = [e["events"] for e in edges]
    assert counts == sorted(counts, reverse=True)
    countries = get(app, "/api/network?level=country")["items"]
    assert all(len(e["source"]) == 3 for e in countries)


def test_openapi_describes_every_resource(app: FastAPI) -> None:
    paths = get(app, "/openapi.json")["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/events", "/api/quotes", "/api/actors",
                 "/api/dyads/timeline", "/api/network"):  # fmt: skip
        assert path in paths, path
    assert "post" in paths["/api/stories"]


# -- submitting ----------------------------------------------------------------------------------


def test_submit_wire_text_with_token_stores_it(writable_app: FastAPI) -> None:
    body = "date 2024-03-03\nMOSCOW (TASS) - Russia and China signed a trade agreement in Moscow on Sunday.\n"
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    response = call(writable_app, "POST", "/api/stories?name=moscow-trade.txt", content=body, headers=headers)
    assert response.status_code == 200, response.text
    outcome = response.json()
    assert outcome["stored"] == 1 and outcome["stories"][0]["id"] == "moscow-trade"
    stored = get(writable_app, "/api/stories/moscow-trade")
    assert stored["text"].startswith("MOSCOW (TASS)")


def test_submit_json_story_objects(writable_app: FastAPI) -> None:
    stories = [
        {"id": f"json-{n}", "text": f"PARIS (AFP) - France thanked Germany for story {n}."} for n in (1, 2)
    ]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = call(writable_app, "POST", "/api/stories", content=json.dumps(stories),
                    headers={**headers, "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 200, response.text
    assert {s["id"] for s in response.json()["stories"]} == {"json-1", "json-2"}
    assert get(writable_app, "/api/stories?q=thanked%20Germany")["total"] == 2
