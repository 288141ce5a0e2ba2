"""Shared fixtures: the real pipeline (loaded once) and the shared data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


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
    from .web_store import build_store

    return build_store(pipeline, tmp_path_factory.mktemp("web"))
