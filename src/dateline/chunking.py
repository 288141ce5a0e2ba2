"""Parse very long texts in pieces, so one huge story cannot exhaust memory.

spaCy's memory grows with the length of a single text (a 1 MB story with no
full stop took 2.7 GB). Cutting the text after whitespace and joining the parsed
pieces with ``Doc.from_docs`` keeps the joined text identical to the input, so
every character offset stays valid.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

#: texts longer than this are parsed in pieces of about this size
CHUNK_CHARS = 50_000
#: where to prefer cutting, best first: paragraph break, line break, sentence end, any space
_CUT_MARKS = ("\n\n", "\n", ". ", " ")


def parse_long(nlp: Language, text: str, *, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """Parse ``text`` piece by piece; ``doc.text == text`` holds."""
    pieces = list(split_text(text, chunk_chars))
    docs = list(nlp.pipe(pieces, batch_size=4))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # pragma: no cover - a guard on spaCy's joining rules
        raise ValueError("joined pieces do not reproduce the text")
    return joined


def split_text(text: str, chunk_chars: int) -> Iterator[str]:
    """Cut ``text`` into pieces of at most ``chunk_chars``, each ending just after a cut mark."""
    start = 0
    while len(text) - start > chunk_chars:
        end = _cut(text, start, start + chunk_chars)
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]


def _cut(text: str, start: int, limit: int) -> int:
    floor = start + (limit - start) // 2  # never cut off less than half a piece
    for mark in _CUT_MARKS:
        at = text.rfind(mark, floor, limit)
        if at != -1:
            return at + len(mark)
    return limit
