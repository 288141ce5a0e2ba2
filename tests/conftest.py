"""Shared fixtures: the real pipeline (loaded once) and the shared data folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from dateline.pipeline import Pipeline
from dateline.settings import Settings

from .helpers import ROOT


def shared_dir() -> Path:
    """``../shared`` beside the checkout, or ``$DATELINE_SHARED``."""
    return Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = shared_dir() / "data"
    if not data.is_dir():
        pytest.skip(f"needs the shared data folder at {data} (set DATELINE_SHARED); CI provides it")
    return data


@pytest.fixture(scope="session")
def seed_path(shared_data: Path) -> Path:
    return shared_data / "seed" / "000_8583cb9c572dbff2.txt"


@pytest.fixture(scope="session")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline(Settings())


@pytest.fixture(scope="session")
def web_store(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store built by the real pipeline for every web and browser test (read, never written)."""
    from .helpers.web_store import build_store

    return build_store(pipeline, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def app(web_store: Path) -> Iterator[FastAPI]:
    """The web app over the shared store, read-only (no token)."""
    from dateline.web import create_app

    app = create_app(web_store)
    yield app
    app.state.db.close()


@pytest.fixture()
def writable_store(web_store: Path, tmp_path: Path) -> Path:
    """A private copy of the shared store for tests that write to it."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_store, copy)
    return copy
