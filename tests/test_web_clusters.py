"""The API over story groups and event clusters: /api/clusters, distinct events, counted dyads.

The shared web store holds the examples, among them three agencies' reports of one meeting in
Jakarta and a republished copy of one of them (examples/README.md).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

pytestmark = pytest.mark.slow

COPY = "jakarta-2024-11-06-afp-republished"
HEAD = "jakarta-2024-11-05-afp"


class Client:
    """Sync GETs through the app in-process (the app's lifespan stays with the module fixture)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def get(self, url: str, params: dict[str, Any] | None = None) -> httpx.Response:
        async def run() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.get(url, params=params)

        return asyncio.run(run())


@pytest.fixture()
def client(app: FastAPI) -> Client:
    return Client(app)


def shared_clusters(client: Client) -> list[dict[str, Any]]:
    found = client.get("/api/clusters", params={"min_stories": 2})
    assert found.status_code == 200
    items: list[dict[str, Any]] = found.json()["items"]
    return items


def test_clusters_list_events_reported_by_several_stories(client: Client) -> None:
    items = shared_clusters(client)
    assert items, "the Jakarta reports should share at least one event"
    assert all(item["stories"] >= 2 for item in items)
    assert {"IDN", "AUS"} <= {code[:3] for item in items for code in item["source"] + item["target"]}


def test_cluster_filters_are_those_of_events(client: Client) -> None:
    everything = client.get("/api/clusters", params={"min_stories": 0}).json()["total"]
    australian = client.get("/api/clusters", params={"min_stories": 0, "source_country": "AUS"}).json()
    assert 0 < australian["total"] < everything
    assert all(any(code.startswith("AUS") for code in c["source"]) for c in australian["items"])
    bad = client.get("/api/clusters", params={"cameo": "x"})
    assert bad.status_code == 422


def test_a_cluster_lists_its_reports_with_their_spans(client: Client) -> None:
    cluster = shared_clusters(client)[0]
    detail = client.get(f"/api/clusters/{cluster['cluster_id']}").json()
    stories = {member["story_id"] for member in detail["members"] if member["counted"]}
    assert len(stories) == detail["stories"] == cluster["stories"]
    for member in detail["members"]:
        story = client.get(f"/api/stories/{member['story_id']}").json()
        start, end = member["trigger_start"], member["trigger_end"]
        assert story["text"][start:end] == member["trigger_text"]
    assert client.get("/api/clusters/nothing-here").status_code == 404


def test_a_republished_copy_names_its_head_and_its_events_are_not_counted(client: Client) -> None:
    copy = client.get(f"/api/stories/{COPY}").json()
    assert copy["group"] == copy["copy_of"] == HEAD
    clusters = {event["cluster"] for event in copy["events"]}
    head = client.get(f"/api/stories/{HEAD}").json()
    assert clusters == {event["cluster"] for event in head["events"]}
    assert all(event["reported_by"]["stories"] >= 1 for event in head["events"])


def test_distinct_events_count_each_real_world_event_once(client: Client) -> None:
    raw = client.get("/api/events", params={"source_country": "AUS", "limit": 200}).json()
    distinct = client.get(
        "/api/events", params={"source_country": "AUS", "limit": 200, "distinct": "clusters"}
    ).json()
    assert distinct["total"] < raw["total"]
    assert len({row["cluster"] for row in distinct["items"]}) == distinct["total"]


def test_timeline_and_network_count_clusters_unless_asked_for_reports(client: Client) -> None:
    def total(path: str, **params: str) -> int:
        answer = client.get(path, params=dict(params)).json()
        return sum(int(row["events"]) for row in answer["items"])

    timeline = {"a": "AUS", "b": "IDN", "interval": "year"}
    assert total("/api/dyads/timeline", **timeline) < total(
        "/api/dyads/timeline", **timeline, count="reports"
    )
    network = {"country": "AUS", "level": "country"}
    assert total("/api/network", **network) < total("/api/network", **network, count="reports")


def test_clusters_and_distinct_events_take_the_place_filters(client: Client) -> None:
    # the Jakarta reports place their events in Indonesia; the place filters of /api/events
    # select the same clusters from /api/clusters (a cluster is where any report places it)
    placed = client.get("/api/events", params={"country": "IDN", "limit": 200}).json()
    assert placed["items"] and all(row["place_country"] == "IDN" for row in placed["items"])
    clusters = client.get("/api/clusters", params={"country": "IDN", "min_stories": 0, "limit": 200}).json()
    everything = client.get("/api/clusters", params={"min_stories": 0}).json()["total"]
    assert 0 < clusters["total"] < everything
    assert {c["cluster_id"] for c in clusters["items"]} == {row["cluster"] for row in placed["items"]}
    distinct = client.get(
        "/api/events", params={"country": "IDN", "limit": 200, "distinct": "clusters"}
    ).json()
    assert 0 < distinct["total"] < placed["total"]
    assert all(row["place_country"] == "IDN" and row["cluster"] for row in distinct["items"])
    boxed = client.get("/api/clusters", params={"bbox": "95,-11,141,6", "min_stories": 0, "limit": 200})
    assert {c["cluster_id"] for c in boxed.json()["items"]} >= {c["cluster_id"] for c in clusters["items"]}
