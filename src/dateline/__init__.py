"""Dateline: who said or did what to whom, when and where, from news wire stories."""

# wordfreq finds its data folder with inspect.stack(), which reads the source of every frame on
# the stack and scans sys.modules: imported first, from a shallow stack, it costs a third of
# what it costs deep inside the pipeline's imports after spaCy (0.1 s of every start-up)
import wordfreq  # noqa: F401 - imported for its side effect on start-up time, see above

from .pipeline import Pipeline, process_stories
from .records import Actor, Entity, Event, Problem, Quote, RawStory, Span, Story, StoryResult

__all__ = [
    "Actor",
    "Entity",
    "Event",
    "Pipeline",
    "Problem",
    "Quote",
    "RawStory",
    "Span",
    "Story",
    "StoryResult",
    "process_stories",
]

__version__ = "0.1.0"
