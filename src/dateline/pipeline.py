"""The pipeline: read -> clean -> annotate -> entities -> places -> actors -> cast -> quotes ->
events -> event_places.

``Pipeline.process`` streams results; storing and writing are the caller's job.
A story that fails a stage becomes a :class:`Problem` naming the stage, and the
run goes on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from .actors import collect_actors
from .cast.build import build_cast
from .cast.lexicon import CastLexicon
from .chunking import CHUNK_CHARS, parse_long
from .cleaning import clean_story
from .coding.coder import load_coder
from .entities import find_entities
from .errors import Errors
from .events import code_events
from .nlp import load_nlp
from .offsets import OffsetMap
from .places.events import place_events
from .places.stage import PlaceFinder, find_places
from .quotes import extract_quotes
from .quoting.lexicon import load_lexicon
from .reading import read_inputs
from .records import Origin, Problem, RawStory, Story, StoryResult
from .registry import ActorRegistry
from .repair import offsets_from_repairs
from .settings import Settings
from .work import Context, Stage, Work

#: the NLP stages in the order they run; a newcomer finds where a fact is made here
STAGES: tuple[tuple[str, Stage], ...] = (
    ("entities", find_entities),
    ("places", find_places),
    ("actors", collect_actors),
    ("cast", build_cast),
    ("quotes", extract_quotes),
    ("events", code_events),
    ("event_places", place_events),
)

Outcome = StoryResult | Problem


class Pipeline:
    """Holds the loaded model and registry; create once, process many stories."""

    def __init__(self, settings: Settings | None = None, *, registry: ActorRegistry | None = None) -> None:
        self.settings = settings or Settings()
        self.registry = registry or ActorRegistry.load(self.settings)
        nlp = load_nlp(self.settings, self.registry)
        quote_lexicon = load_lexicon(self.settings.data)
        self.context = Context(
            self.settings,
            self.registry,
            nlp,
            quote_lexicon=quote_lexicon,
            coder=load_coder(
                self.settings.data,
                self.settings.verb_files,
                builtin=not self.settings.dictionaries_only,
                discard_files=self.settings.discard_files,
            ),
            cast_lexicon=CastLexicon.load(
                self.settings.data, pronouns=quote_lexicon.pronouns, titles=quote_lexicon.title_words
            ),
            places=PlaceFinder.load(self.settings.data, cache=self.settings.cache_dir),
        )

    def process(self, items: Iterable[RawStory | Problem]) -> Iterator[Outcome]:
        """Process stories in batches; problems from reading pass straight through."""
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, self.settings.batch_size)):
            yield from self._process_batch(batch)

    def process_one(self, raw: RawStory) -> Outcome:
        return next(iter(self._process_batch([raw])))

    def _process_batch(self, batch: list[RawStory | Problem]) -> list[Outcome]:
        cleaned: list[Story | Problem] = [
            item if isinstance(item, Problem) else self._clean(item) for item in batch
        ]
        stories = [item for item in cleaned if isinstance(item, Story)]
        # Words first seen in this batch are dropped from spaCy's vocabulary afterwards, so a
        # long run keeps flat memory; results hold plain strings, never the batch's Docs.
        outcomes: list[Outcome] = []
        with self.context.nlp.memory_zone():
            docs = iter(self._parse(stories))
            for item in cleaned:
                if isinstance(item, Problem):
                    outcomes.append(item)
                    continue
                parsed = next(docs)
                outcomes.append(parsed if isinstance(parsed, Problem) else self._run_stages(parsed))
        return outcomes

    def _clean(self, raw: RawStory) -> Story | Problem:
        try:
            return clean_story(raw, self.registry)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, never fatal
            return _failed(raw.id, raw.origin, "clean", exc)

    def _parse(self, stories: list[Story]) -> list[Work | Problem]:
        """Parse short stories together with ``nlp.pipe``, long ones piece by piece."""
        short = [s for s in stories if len(s.clean_text) <= CHUNK_CHARS]
        parsed: dict[int, Work | Problem] = {}
        try:
            docs = self.context.nlp.pipe([s.clean_text for s in short], batch_size=self.settings.batch_size)
            for story, doc in zip(short, docs, strict=True):
                parsed[id(story)] = Work(story, doc, _offsets(story))
        except Exception:  # noqa: BLE001 - retry one by one to isolate the bad story
            parsed = {id(story): self._parse_one(story) for story in short}
        for story in stories:
            if id(story) not in parsed:
                parsed[id(story)] = self._parse_one(story)
        return [parsed[id(story)] for story in stories]

    def _parse_one(self, story: Story) -> Work | Problem:
        try:
            doc = parse_long(self.context.nlp, story.clean_text)
            return Work(story, doc, _offsets(story))
        except Exception as exc:  # noqa: BLE001
            return _failed(story.id, story.origin, "annotate", exc)

    def _run_stages(self, work: Work) -> Outcome:
        for name, stage in STAGES:
            try:
                work = stage(work, self.context)
            except Exception as exc:  # noqa: BLE001
                return _failed(work.story.id, work.story.origin, name, exc)
        return work.result()


def _offsets(story: Story) -> OffsetMap:
    return offsets_from_repairs(story.repairs, len(story.text))


def _failed(story_id: str, origin: Origin, stage: str, exc: Exception) -> Problem:
    reason = f"{type(exc).__name__}: {exc}"
    return Problem(story_id, "E009", Errors.E009.format(stage=stage, reason=reason), origin, stage)


def process_stories(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Outcome]:
    """Read and process everything under ``paths``: the library call behind ``dateline process``."""
    pipeline = Pipeline(settings)
    yield from pipeline.process(read_inputs(paths, pipeline.settings))
