"""The event draft the coder works on before it becomes an :class:`~dateline.records.Event`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .arguments import Argument
from .predicates import Predicate


@dataclass(frozen=True, slots=True)
class Draft:
    """An event before it becomes a record: tokens still attached."""

    predicate: Predicate
    code: str
    source: Argument
    target: Argument
    modality: tuple[str, ...]
    first: int
    last: int
    reciprocal: bool = False
    speaker: str | None = None
    #: a relative clause that says when the event takes place (``meetings, one of which could
    #: take place in February``): its dates and modality are the event's
    clause: Token | None = None
