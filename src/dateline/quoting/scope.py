"""What every reported-speech finder reads, and the one shape of a finder (issue #14).

A finder is ``(scope, earlier) -> findings``: ``scope`` is one story's parse, text, lexicon and
quotation spans; ``earlier`` the findings of the finders before it in ``finders.FINDERS`` (so a
later finder can leave alone a cue an earlier one took). Most finders are one loop: gate a
token, skip it inside quotation marks, build a finding; ``token_finder`` is that loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .lexicon import QuoteLexicon

if TYPE_CHECKING:
    from .reported import ReportedFinding

#: whether a character range of the clean text lies in the story's dateline
InDateline = Callable[[int, int], bool]
#: the country of a place name, or None (``ActorRegistry.place_country``)
PlaceCountry = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class Scope:
    """One story as the finders see it."""

    doc: Doc
    #: the parsed (clean) text; ``Doc.text`` would rebuild it on every access
    text: str
    lexicon: QuoteLexicon
    #: clean-text spans inside quotation marks, left to the direct-quote steps
    quoted: list[tuple[int, int]]
    in_dateline: InDateline
    place_country: PlaceCountry

    def is_quoted(self, token: Token) -> bool:
        return any(start <= token.idx < end for start, end in self.quoted)


#: a reported-speech finder: the story, and what the finders before it found
Finder = Callable[[Scope, Sequence["ReportedFinding"]], list["ReportedFinding"]]
#: whether a token may carry a finding (cheap: tried on every token)
Gate = Callable[[Token, QuoteLexicon], bool]
#: the finding a gated token carries, if any
Build = Callable[[Token, QuoteLexicon], "ReportedFinding | None"]


def token_finder(gate: Gate, build: Build) -> Finder:
    """A finder that tries ``build`` on every gated token outside quotation marks."""

    def find(scope: Scope, earlier: Sequence[ReportedFinding]) -> list[ReportedFinding]:
        findings = []
        for token in scope.doc:
            if not gate(token, scope.lexicon) or scope.is_quoted(token):
                continue
            finding = build(token, scope.lexicon)
            if finding is not None:
                findings.append(finding)
        return findings

    return find
