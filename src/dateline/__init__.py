"""Dateline: who said or did what to whom, when and where, from news wire stories."""

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
