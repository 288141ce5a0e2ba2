"""Truecasing of shouted (all-caps) lines, so the statistical NER sees ordinary casing.

Wire headlines and sports tables are often in capitals (``SOCCER - JAPAN GET
LUCKY WIN``); a model trained on mixed-case text finds entities everywhere or
nowhere in them. We rewrite the letters of such lines only, choosing each
word's case from (1) how the same word is written elsewhere in the same text,
(2) a lexicon of proper names, (3) wordfreq: a frequent English word is
lower-cased, a rare one is a name and gets a capital. Only the case of letters
changes and only where that keeps the length, so every character offset of the
truecased text is an offset of the original.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from wordfreq import zipf_frequency

#: a line is shouted when at least this share of its cased letters are capitals ...
SHOUTED_SHARE = 0.9
#: ... and it has at least this many cased letters (shorter lines are left alone)
SHOUTED_MIN_LETTERS = 4
#: words at least this frequent (Zipf scale) are ordinary words, written in lower case
COMMON_ZIPF = 4.0
#: unknown words this short that are not common are kept in capitals (acronyms: FC, AEK)
ACRONYM_MAX_LEN = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*\.?")
_SENTENCE_END = frozenset('.!?:;"“”')


@dataclass(frozen=True, slots=True)
class CasingLexicon:
    """Preferred spellings of proper names, keyed by their lower-case form."""

    forms: dict[str, str]

    @classmethod
    def from_files(cls, paths: Iterable[Path], extra: Iterable[str] = ()) -> CasingLexicon:
        """One name per line in each file (``#`` starts a comment), plus ``extra`` names."""
        names = list(extra)
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                names += [line.split("#", 1)[0].strip() for line in handle]
        forms: dict[str, str] = {}
        for name in names:
            for word in _WORD.findall(name):
                if word[:1].isupper():
                    forms.setdefault(word.lower(), word)
        return cls(forms)


def truecase(text: str, lexicon: CasingLexicon) -> str:
    """``text`` with shouted lines recased; same length, same offsets."""
    lines = text.split("\n")
    shouted = [is_shouted(line) for line in lines]
    if not any(shouted):
        return text
    loud = [line for line, flag in zip(lines, shouted, strict=True) if flag]
    wanted = {match.group().lower() for line in loud for match in _WORD.finditer(line)}
    votes = case_votes((line for line, flag in zip(lines, shouted, strict=True) if not flag), wanted)
    return "\n".join(
        recase_line(line, lexicon, votes) if flag else line for line, flag in zip(lines, shouted, strict=True)
    )


def is_shouted(line: str) -> bool:
    """Whether nearly all cased letters of the line are capitals."""
    # map() counts in C: this runs on every line of every story, shouted or not
    upper = sum(map(str.isupper, line))
    if upper < SHOUTED_MIN_LETTERS * SHOUTED_SHARE:
        return False  # too few capitals for any line that passes both tests below
    lower = sum(map(str.islower, line))
    total = upper + lower
    return total >= SHOUTED_MIN_LETTERS and upper >= SHOUTED_SHARE * total


def case_votes(lines: Iterable[str], wanted: Container[str] | None = None) -> dict[str, str]:
    """How each word is usually written inside sentences of ordinary text (not sentence-initially).

    ``wanted`` limits the count to these lower-case words (the words of the shouted lines):
    the votes of all other words would never be read. Ties go to the shape seen first.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for line in lines:
        previous = ""  # the last character that is not a space before the word ("" at line start)
        cursor = 0
        for match in _WORD.finditer(line):
            word = match.group()
            gap = line[cursor : match.start()].rstrip()
            previous = gap[-1] if gap else previous
            initial = not previous or previous in _SENTENCE_END
            previous, cursor = word[-1], match.end()
            key = word.lower()
            if (wanted is None or key in wanted) and (not initial or word[1:].isupper()):
                counts[key, _shape(word)] += 1
    best: dict[str, tuple[int, str]] = {}
    for (key, shape), count in counts.items():  # insertion order: first seen wins a tie
        if key not in best or count > best[key][0]:
            best[key] = (count, shape)
    return {key: shape for key, (_count, shape) in best.items()}


def recase_line(line: str, lexicon: CasingLexicon, votes: dict[str, str]) -> str:
    """The line with each word in its likely case."""
    pieces: list[str] = []
    cursor = 0
    for match in _WORD.finditer(line):
        pieces.append(line[cursor : match.start()])
        word = match.group()
        recased = recase_word(word, lexicon, votes)
        if not pieces[:-1] or not "".join(pieces).strip():
            # the first word of a line starts a sentence, as in ordinary text
            recased = recased[:1].upper() + recased[1:]
        pieces.append(recased if len(recased) == len(word) else word)
        cursor = match.end()
    pieces.append(line[cursor:])
    return "".join(pieces)


def recase_word(word: str, lexicon: CasingLexicon, votes: dict[str, str]) -> str:
    """One shouted word in the case the text, the lexicon or word frequency suggests."""
    key = word.lower()
    shape = votes.get(key)
    if shape is not None:
        return _apply(shape, word)
    known = lexicon.forms.get(key.rstrip("."))
    if known is not None:
        return known + word[len(known) :]
    if zipf_frequency(key.rstrip("."), "en") >= COMMON_ZIPF:
        return key
    if len(word.rstrip(".")) <= ACRONYM_MAX_LEN:
        return word
    return _apply("title", word)


def _shape(word: str) -> str:
    if word.isupper() and len(word.rstrip(".")) > 1:
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _apply(shape: str, word: str) -> str:
    if shape == "upper":
        return word.upper()
    if shape == "lower":
        return word.lower()
    # capitalise each part of O'NEILL or U.S.-style words, not just the first letter
    return re.sub(r"[^\W\d_]+", lambda part: part.group()[:1].upper() + part.group()[1:].lower(), word)
