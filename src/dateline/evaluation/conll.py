"""CoNLL-2003 files: read documents, rebuild their text, and move spans between tokens and characters.

A file is a run of ``-DOCSTART-`` documents; each holds sentences separated by
blank lines, one ``token POS chunk NER`` row per token, NER tags in IOB2.
We rebuild a document's text as its tokens joined by single spaces, one
sentence per line, and keep each token's character offsets so that a
system's character spans can be scored on the gold tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatelineError, Errors

DOCSTART = "-DOCSTART-"


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """An entity over tokens ``start`` (inclusive) to ``end`` (exclusive) of a document."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class ConllDoc:
    """One document: its tokens, their gold tags and the sentence breaks."""

    index: int
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    #: number of tokens in each sentence, in order
    sentence_lengths: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Detokenized:
    """A document's text with the character offsets of every token."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def read_conll(path: Path) -> Iterator[ConllDoc]:
    """The documents of a CoNLL-2003 file, in order."""
    try:
        with open(path, encoding="utf-8") as handle:
            yield from parse_conll(handle, where=str(path))
    except OSError as exc:
        raise DatelineError(Errors.E001, path=path, reason=exc.strerror or exc) from exc


def parse_conll(lines: Iterable[str], *, where: str = "<string>") -> Iterator[ConllDoc]:
    """Documents from CoNLL lines; text before the first ``-DOCSTART-`` forms a document too."""
    builder = _DocBuilder()
    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            builder.end_sentence()
        elif fields[0] == DOCSTART:
            if (doc := builder.finish()) is not None:
                yield doc
        elif len(fields) < 2:
            raise DatelineError(Errors.E012, path=f"{where}:{number}", fmt="CoNLL", reason="no NER column")
        else:
            builder.add(fields[0], fields[-1])
    if (doc := builder.finish()) is not None:
        yield doc


class _DocBuilder:
    """Collects rows of the document being read (local to one parse, never shared)."""

    def __init__(self) -> None:
        self.index = 0
        self._reset()

    def _reset(self) -> None:
        self.tokens: list[str] = []
        self.tags: list[str] = []
        self.lengths: list[int] = []
        self.in_sentence = 0

    def add(self, token: str, tag: str) -> None:
        self.tokens.append(token)
        self.tags.append(tag)
        self.in_sentence += 1

    def end_sentence(self) -> None:
        if self.in_sentence:
            self.lengths.append(self.in_sentence)
            self.in_sentence = 0

    def finish(self) -> ConllDoc | None:
        self.end_sentence()
        if not self.tokens:
            return None
        doc = ConllDoc(self.index, tuple(self.tokens), tuple(self.tags), tuple(self.lengths))
        self.index += 1
        self._reset()
        return doc


def detokenize(doc: ConllDoc) -> Detokenized:
    """Tokens joined by spaces, one sentence per line, with every token's offsets."""
    starts: list[int] = []
    ends: list[int] = []
    pieces: list[str] = []
    cursor = 0
    position = 0
    for length in doc.sentence_lengths:
        for offset in range(length):
            token = doc.tokens[position + offset]
            if offset:
                pieces.append(" ")
                cursor += 1
            starts.append(cursor)
            pieces.append(token)
            cursor += len(token)
            ends.append(cursor)
        pieces.append("\n")
        cursor += 1
        position += length
    return Detokenized("".join(pieces), tuple(starts), tuple(ends))


def gold_spans(tags: Iterable[str]) -> set[TokenSpan]:
    """Entities from IOB2 tags (an ``I-`` without its ``B-`` starts an entity, as conlleval does)."""
    spans: set[TokenSpan] = set()
    start: int | None = None
    label = ""
    position = -1
    for position, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start is not None
        if continues:
            continue
        if start is not None:
            spans.add(TokenSpan(start, position, label))
            start = None
        if prefix in ("B", "I"):
            start, label = position, kind
    if start is not None:
        spans.add(TokenSpan(start, position + 1, label))
    return spans


def char_to_token_span(text: Detokenized, start: int, end: int, label: str) -> TokenSpan | None:
    """The tokens a character span covers exactly, or None when it starts or ends inside a token."""
    first = _index(text.starts, start)
    last = _index(text.ends, end)
    if first is None or last is None or last < first:
        return None
    return TokenSpan(first, last + 1, label)


def _index(offsets: tuple[int, ...], value: int) -> int | None:
    """Position of ``value`` in sorted ``offsets``, if present."""
    position = bisect_left(offsets, value)
    if position < len(offsets) and offsets[position] == value:
        return position
    return None
