"""Load the English spaCy pipeline once: casing-aware tokenizer, registry entity ruler, NER rules.

The pipeline, in order: a tokenizer that truecases shouted (all-caps) lines
first (:mod:`dateline.casing`; letter case only, so offsets are unchanged and
``doc.text`` equals the input up to case), the model's components, the
registry's entity ruler just before ``ner`` (known actors always found), and
:mod:`dateline.ner_rules` after ``ner``. The model's ``attribute_ruler`` runs
from a table (:mod:`dateline.attribute_rules`): the same tags, POS, morphology
and lemmas in a tenth of its time.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .attribute_rules import replace_attribute_ruler
from .casing import CasingLexicon, truecase
from .dateline_split import COMPONENT as DATELINE_COMPONENT
from .errors import DatelineError, Errors
from .ner_rules import COMPONENT as RULES_NAME
from .ner_rules import NerLexicon
from .registry import ActorRegistry
from .settings import MODEL_CANDIDATES, MODEL_PACKAGE, Settings

RULER_NAME = "dateline_actors"
#: the second ruler, after ``ner``: places and nationalities only fill gaps the model left
GAP_RULER_NAME = "dateline_places"
#: labels of registry patterns that go before ``ner`` (people and organisations: always found whole);
#: place and nationality names go after it, so they cannot cut "Bank of Japan" down to "Japan"
LEADING_LABELS = frozenset({"PERSON", "ORG"})
#: data files of the NER rules and the truecaser, under ``settings.data``
NER_DATA = "ner"


class TruecasingTokenizer:
    """Wraps the model's tokenizer: shouted lines are truecased before tokenizing."""

    def __init__(self, tokenizer: Any, lexicon: CasingLexicon) -> None:
        self.tokenizer = tokenizer
        self.lexicon = lexicon

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(truecase(text, self.lexicon))
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # everything else (vocab, rules, serialisation) is the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def model_name(settings: Settings) -> str:
    """The configured model, else the first installed candidate (official package first)."""
    if settings.model:
        return settings.model
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise DatelineError(Errors.E010, package=MODEL_PACKAGE)


def load_nlp(settings: Settings, registry: ActorRegistry) -> Language:
    """The spaCy pipeline with the registry's names ahead of the statistical NER and our rules after it."""
    nlp = spacy.load(model_name(settings))
    nlp.max_length = settings.nlp_max_length
    replace_attribute_ruler(nlp)
    patterns = registry.ruler_patterns()
    if "ner" not in nlp.pipe_names:
        return nlp
    leading = [pattern for pattern in patterns if pattern.get("label") in LEADING_LABELS]
    trailing = [pattern for pattern in patterns if pattern.get("label") not in LEADING_LABELS]
    folder = settings.data / NER_DATA
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    nlp.add_pipe(RULES_NAME, after="ner", config={"data_dir": str(folder)})
    if leading:
        _add_ruler(nlp, RULER_NAME, leading, before="ner", overwrite=True)
    if trailing:
        _add_ruler(nlp, GAP_RULER_NAME, trailing, before=RULES_NAME, overwrite=False)
    names = [*NerLexicon.load(folder).names(), *_pattern_names(patterns)]
    lexicon = CasingLexicon.from_files([folder / "proper_names.txt"], names)
    nlp.tokenizer = TruecasingTokenizer(nlp.tokenizer, lexicon)
    return nlp


def _add_ruler(
    nlp: Language, name: str, patterns: list[dict[str, Any]], *, before: str, overwrite: bool
) -> None:
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=name,
        before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": overwrite},
    )
    # The ruler matches on ORTH, so a pattern needs only the tokenizer; spaCy's add_patterns
    # would run every component before the ruler over each name (thousands of parses at load).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]


def _pattern_names(patterns: list[dict[str, Any]]) -> Iterator[str]:
    """The literal names among the ruler's patterns (token-list patterns are skipped)."""
    for pattern in patterns:
        text = pattern.get("pattern")
        if isinstance(text, str):
            yield text
