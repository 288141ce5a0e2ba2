"""Stand-ins for the pipeline and the batch engine, so batch runs need no model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.batch.processing import OnItems, process_shard
from dateline.batch.shards import ShardData, ShardTask
from dateline.records import Entity, Problem, RawStory, Story, StoryResult
from dateline.store.arrow import table_schemas


class FakePipeline:
    """Stands in for Pipeline.process: one outcome per item; a text with FAIL fails at 'events'."""

    def process(self, items: Iterable[RawStory | Problem]) -> Iterator[StoryResult | Problem]:
        for item in items:
            if isinstance(item, Problem):
                yield item
            elif "FAIL" in item.text:
                yield Problem(
                    item.id, "E009", "[E009] processing failed at stage events", item.origin, "events"
                )
            else:
                story = Story(item.id, item.text, item.text, (), item.origin, published=item.published)
                yield StoryResult(story, entities=(Entity(item.text[:5], "GPE", 0, 5),))


class FakeEngine:
    def __init__(self, *, stop_after: int | None = None) -> None:
        self.stop_after = stop_after
        self.processed: list[int] = []

    def run(self, tasks: Iterator[ShardTask], on_items: OnItems) -> Iterator[ShardData]:
        schemas = table_schemas()
        for task in tasks:
            if self.stop_after is not None and len(self.processed) >= self.stop_after:
                raise KeyboardInterrupt  # an interruption between two shards
            self.processed.append(task.index)
            yield process_shard(FakePipeline(), schemas, task, on_items=on_items)  # type: ignore[arg-type]
