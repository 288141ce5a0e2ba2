"""Submitted stories: read them like ``dateline process`` does, run the pipeline, store them.

The body is read by ``dateline.reading`` exactly as a file would be (wire text or JSON Lines,
plain or gzipped, any encoding it detects); a JSON body holding one object or a list of them is
first turned into JSON Lines. The pipeline is loaded on the first submission, not at start-up,
so a read-only server never pays for the model.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import Pipeline
from ..reading import STDIN_NAME, read_stream
from ..records import Problem, RawStory, StoryResult
from ..settings import Settings
from .database import Database

#: most stories one request may submit; send more in several requests or use `dateline process`
MAX_STORIES = 100


class TooManyStories(ValueError):
    """The body holds more stories than one request may submit."""


@dataclass
class PipelineHolder:
    """Creates the pipeline once, on first use, from a factory (the real one or a test's)."""

    factory: Callable[[], Pipeline]
    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.factory()
            return self._pipeline


def default_factory(settings: Settings) -> Callable[[], Pipeline]:
    return lambda: Pipeline(settings)


@dataclass(frozen=True)
class Submission:
    """What happened to one request's stories."""

    stored: int
    results: tuple[StoryResult, ...]
    problems: tuple[Problem, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "stories": [_summary(result) for result in self.results],
            "problems": [problem.to_json() for problem in self.problems],
        }


def _summary(result: StoryResult) -> dict[str, Any]:
    return {
        "id": result.story.id,
        "url": f"/api/stories/{result.story.id}",
        "entities": len(result.entities),
        "quotes": len(result.quotes),
        "events": len(result.events),
    }


def as_input_bytes(body: bytes, content_type: str) -> bytes:
    """A JSON body (one story object or a list of them) as JSON Lines; anything else as sent."""
    if "json" not in content_type or "ndjson" in content_type or "jsonl" in content_type:
        return body
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return body  # let the reader report the bad line with its usual message
    records = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records).encode("utf-8")


def ingest(body: bytes, *, name: str | None, db: Database, holder: PipelineHolder) -> Submission:
    """Read, process and store one request's stories under the single writer."""
    with db.writing():
        pipeline = holder.get()
        items = _read(body, name or STDIN_NAME, pipeline.settings)
        results: list[StoryResult] = []
        problems = [item for item in items if isinstance(item, Problem)]
        raws = [item for item in items if isinstance(item, RawStory)]
        for outcome in pipeline.process(raws):
            (problems if isinstance(outcome, Problem) else results).append(outcome)  # type: ignore[arg-type]
        stored = db.add_many(results) if results else 0
    return Submission(stored, tuple(results), tuple(problems))


def _read(body: bytes, name: str, settings: Settings) -> list[RawStory | Problem]:
    items: list[RawStory | Problem] = []
    for item in read_stream(io.BytesIO(body), name, settings):
        items.append(item)
        if sum(isinstance(i, RawStory) for i in items) > MAX_STORIES:
            raise TooManyStories(f"more than {MAX_STORIES} stories in one request")
    return items
