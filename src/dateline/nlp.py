"""Load the English spaCy pipeline once, with an entity ruler fed from the actor registry."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from .errors import DatelineError, Errors
from .registry import ActorRegistry
from .settings import MODEL_CANDIDATES, MODEL_PACKAGE, Settings

RULER_NAME = "dateline_actors"


def model_name(settings: Settings) -> str:
    """The configured model, else the first installed candidate (official package first)."""
    if settings.model:
        return settings.model
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise DatelineError(Errors.E010, package=MODEL_PACKAGE)


def load_nlp(settings: Settings, registry: ActorRegistry) -> Language:
    """The spaCy pipeline with the registry's names added ahead of the statistical NER."""
    nlp = spacy.load(model_name(settings))
    nlp.max_length = settings.nlp_max_length
    patterns = registry.ruler_patterns()
    if patterns and "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=RULER_NAME,
            before="ner",
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
        )
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
