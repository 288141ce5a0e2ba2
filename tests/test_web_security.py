"""Security and bad input: markup stays text, values are bound, bad parameters get 422."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from dateline.pipeline import Pipeline
from dateline.web import create_app
from dateline.web.cli import add_serve_command
from dateline.web.routes.pages import STATIC_DIR
from dateline.web.routes.submit import MAX_BODY_BYTES

from .helpers.web_api import call, get
from .helpers.web_store import IMG, SCRIPT, XSS_ID

TOKEN = "s3cret-token"


@pytest.fixture()
def token_app(writable_store: Path, pipeline: Pipeline) -> Iterator[FastAPI]:
    app = create_app(
        writable_store, token=TOKEN, pipeline_factory=lambda: pipeline, allowed_hosts=["127.0.0.1"]
    )
    yield app
    app.state.db.close()


# -- markup is data ----------------------------------------------------------------------------


@pytest.mark.slow
def test_markup_in_a_story_comes_back_unchanged_as_json(app: FastAPI) -> None:
    response = call(app, "GET", f"/api/stories/{XSS_ID}")
    assert response.headers["content-type"].startswith("application/json")
    story = response.json()
    assert SCRIPT in story["text"] and IMG in story["text"]
    listed = get(app, "/api/stories?q=onerror")["items"]
    assert [s["id"] for s in listed] == [XSS_ID]


def test_the_page_never_turns_data_into_markup() -> None:
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_the_page_has_no_inline_script_or_external_resource() -> None:
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script would need 'unsafe-inline'"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    for path in STATIC_DIR.iterdir():
        # the SVG namespace is a name, not something fetched
        text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), (
            f"{path.name} loads from the web"
        )


def test_every_answer_carries_the_content_security_policy(app: FastAPI) -> None:
    for url in ("/", "/api/stories", "/static/app.js", "/api/events?limit=0"):
        response = call(app, "GET", url)
        assert "default-src 'self'" in response.headers["content-security-policy"], url
        assert response.headers["x-content-type-options"] == "nosniff"


# -- SQL is never built from input -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/stories?q=' OR 1=1 --",
        "/api/stories?source=x'; DROP TABLE stories; --",
        "/api/quotes?speaker=') OR ('1'='1",
        "/api/actors?q=%25",
        "/api/stories?q=_",
    ],
)
def test_injection_attempts_are_plain_values(app: FastAPI, url: str) -> None:
    before = get(app, "/api/stories?limit=1")["total"]
    data = get(app, url)
    assert data["total"] < before or url.endswith("q=_")  # "_" is a character, not a wildcard
    assert get(app, "/api/stories?limit=1")["total"] == before


def test_percent_and_underscore_match_literally(app: FastAPI) -> None:
    assert get(app, "/api/stories?q=%25%25%25")["total"] == 0


# -- malformed parameters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/stories?limit=abc", "limit"),
        ("/api/stories?limit=0", "limit"),
        ("/api/stories?limit=100000", "limit"),
        ("/api/stories?offset=-1", "offset"),
        ("/api/stories?offset=99999999", "offset"),
        ("/api/stories?date_from=yesterday", "date_from"),
        ("/api/stories?date_from=2024-02-01&date_to=2024-01-01", "date_to"),
        ("/api/events?cameo=04x", "cameo"),
        ("/api/events?root=4", "root"),
        ("/api/events?modality=perhaps", "modality"),
        ("/api/events?source=C", "source"),
        ("/api/events?source_country=CHINA", "source_country"),
        ("/api/dyads/timeline?a=CHN", "b"),
        ("/api/dyads/timeline?a=CHN&b=RUS&interval=hour", "interval"),
        ("/api/network?limit=100000", "limit"),
        ("/api/stories?format=xml", "format"),
        ("/api/stories?q=" + "x" * 500, "q"),
    ],
)
def test_malformed_parameters_get_422_naming_them(app: FastAPI, url: str, name: str) -> None:
    response = call(app, "GET", url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert name in body["message"]
    assert any(error["loc"][-1] == name for error in body["detail"])


# -- the write endpoint ------------------------------------------------------------------------


def test_submitting_is_off_without_a_token(app: FastAPI) -> None:
    response = call(app, "POST", "/api/stories", content="PARIS (AFP) - France spoke.")
    assert response.status_code == 403
    assert "--token" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_submitting_needs_the_exact_bearer_token(token_app: FastAPI, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = call(token_app, "POST", "/api/stories", content="PARIS (AFP) - France spoke.", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_oversized_bodies_are_refused(token_app: FastAPI) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = call(token_app, "POST", "/api/stories", content=b"x" * (MAX_BODY_BYTES + 1), headers=headers)
    assert response.status_code == 413


def test_an_empty_body_is_refused(token_app: FastAPI) -> None:
    response = call(
        token_app, "POST", "/api/stories", content=b"  ", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 422


def test_a_foreign_host_name_is_refused(token_app: FastAPI) -> None:
    response = call(token_app, "GET", "/api/stories", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_serve_binds_to_loopback_by_default() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    add_serve_command(parser.add_subparsers())
    args = parser.parse_args(["serve", "--db", "x.duckdb"])
    assert args.host == "127.0.0.1" and args.port == 8000 and args.token is None
