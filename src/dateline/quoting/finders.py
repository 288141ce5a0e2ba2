"""The reported-speech finders, registered in one list with one signature (``scope.Finder``).

The quote stage runs them in this order and hands each the findings of those before it:
``fronted`` leaves alone the cues ``reported`` took. To add a kind of attribution, write a
finder (for a one-token gate, ``scope.token_finder``) and list it here.
"""

from __future__ import annotations

from .adjectives import find_adjective_cues
from .fronted import find_fronted
from .idioms import find_idioms
from .labelled import find_labelled
from .nouns import find_noun_cues
from .polls import find_poll_frames
from .received import find_received
from .reported import ReportedFinding, find_reported
from .scope import Finder, Scope
from .seeming import find_appearances

#: (name, finder), in the order they run; findings with equal content keep this order
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("reported", find_reported),
    ("fronted", find_fronted),
    ("nouns", find_noun_cues),
    ("seeming", find_appearances),
    ("adjectives", find_adjective_cues),
    ("idioms", find_idioms),
    ("polls", find_poll_frames),
    ("received", find_received),
    ("labelled", find_labelled),
)


def find_all(scope: Scope, finders: tuple[tuple[str, Finder], ...] = FINDERS) -> list[ReportedFinding]:
    """Every finder's findings, sorted by their content span."""
    found: list[ReportedFinding] = []
    for _, finder in finders:
        found += finder(scope, found)
    return sorted(found, key=lambda f: f.content)
