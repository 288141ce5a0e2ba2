"""PETRARCH discard phrases (``--discards FILE``): sentences and stories that are not coded.

A discard dictionary lists phrases of sports and other news that reads like politics
(``BASEBALL``, ``AFRICAN NATIONS CUP``); a sentence holding one codes no event, and a phrase
marked ``+`` (``+TYPHOON``) discards the whole story. Phrases match whole words, any case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from ..petrarch_dicts import read_discard_dictionary

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Discards:
    """Sentence-level and story-level discard phrases (lower-case words)."""

    sentence: tuple[Phrase, ...] = ()
    story: tuple[Phrase, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    def drops_story(self, words: list[str]) -> bool:
        return any(_holds(words, phrase) for phrase in self.story)

    def drops_sentence(self, sent: Span) -> bool:
        words = [t.lower_ for t in sent]
        return any(_holds(words, phrase) for phrase in self.sentence)


def load_discards(paths: Iterable[Path]) -> Discards:
    sentence: list[Phrase] = []
    story: list[Phrase] = []
    for path in paths:
        for entry in read_discard_dictionary(path).entries:
            (story if entry.story else sentence).append(entry.words)
    return Discards(tuple(sentence), tuple(story))


def _holds(words: list[str], phrase: Phrase) -> bool:
    size = len(phrase)
    return any(tuple(words[at : at + size]) == phrase for at in range(len(words) - size + 1))
