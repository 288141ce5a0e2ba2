"""Where a content span holding a quotation stops: at the closing mark, before the reporter's tail.

PolNeAR ends a partly quoted content at the closing quotation mark when what
follows is the reporter's own framing rather than more of what was said:
``called the law a “crazy system” during a campaign stop``,
``said he had “expanded the party,” claiming that ...``,
``named the “Charleston loophole,” a flaw in ...``. The parse often hangs such a
tail on the quoted words, so the cut is made on the surface: after the last
closing mark inside the content, a comma or dash, a participle, or a word opening
a phrase of time or a concession ends the content. A later quotation in the tail
keeps it (``was “a lightweight” while X is “a liar”`` is one statement).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

#: words that open the reporter's tail right after a closing mark (measured: ``in``, ``on``,
#: ``as``, ``while`` and ``including`` continue what was said about as often as not)
TAIL_OPENERS = frozenset({"during", "when", "amid"})
#: words after a comma that go on with what was said (``“a battle in Cleveland,” where ...``)
CONTINUING = frozenset({"including", "where", "while", "with", "because"})
#: punctuation after a closing mark that sets what follows off from the quotation
SETTING_OFF = frozenset({",", ";", "—", "–", "―", "-", "--"})
#: closing quotation marks and end punctuation looked past right after a quotation
CLOSING = frozenset({"”", '"', "''", "’", "'", ".", "!", "?"})
#: quotation marks of a later quotation in the tail
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})


def end_at_closing_mark(
    doc: Doc, starts: Sequence[int], content: tuple[int, int], quoted: list[tuple[int, int]]
) -> tuple[int, int]:
    """``content`` (clean-text characters) cut after its last quotation when a reporter's tail follows.

    ``starts`` are the token start characters of ``doc``; ``quoted`` the quotations,
    each from its opening mark to just after its closing mark.
    """
    start, end = content
    last = max((e for s, e in quoted if start <= s < end), default=end)
    if last >= end:
        return content
    first = bisect.bisect_left(starts, last)
    stop = bisect.bisect_left(starts, end)
    return (start, last) if _reporters_tail(doc, first, stop) else content


def _reporters_tail(doc: Doc, first: int, stop: int) -> bool:
    """Whether tokens ``first``..``stop`` (after a closing mark) are the reporter's framing."""
    set_off = _comma_inside(doc, first)  # American style: ``pledge,” a program``
    index = first
    while index < stop and doc[index].text in CLOSING | SETTING_OFF:
        set_off = set_off or doc[index].text in SETTING_OFF
        index += 1
    if index >= stop or any(doc[i].text in QUOTE_MARKS for i in range(index, stop)):
        return False  # nothing left, or a later quotation continues what was said
    opener = doc[index]
    if set_off:  # an aside, an appositive or a participle: ``,” prompting ...``, ``,” a program ...``
        return opener.lower_ not in CONTINUING
    return opener.lower_ in TAIL_OPENERS


def _comma_inside(doc: Doc, first: int) -> bool:
    """Whether a comma or dash stands just inside the closing mark before token ``first``."""
    index = first - 1
    while index >= 0 and doc[index].text in CLOSING:
        index -= 1
    return index >= 0 and index < first - 1 and doc[index].text in SETTING_OFF
