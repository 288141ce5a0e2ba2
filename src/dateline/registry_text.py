"""How mentions and registry names are normalised into lookup keys.

A mention as it appears in a story ("the People’s Republic of China's", "RUSSIAN troops") and a name
as written in a data file must meet on the same key: apostrophes and spaces unified, a leading
article and a trailing possessive dropped, accents stripped and case folded.
"""

from __future__ import annotations

import re
import unicodedata

#: apostrophe-like characters written for "'" in names and possessives
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'"})
#: dash-like characters inside names ("Guinea‐Bissau")
DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})
#: punctuation that may surround a mention but is never part of a name
EDGE_PUNCTUATION = ' \t\n"“”«»„()[]{},;:!?'
LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
POSSESSIVE_RE = re.compile(r"(?<=[^\s'])'s?$")
SPACE_RE = re.compile(r"\s+")
#: the Arabic article before a name, written "al-", "el-", "al " or "el " by different wires
#: ("Omar el-Bashir", "Omar El Bashir", "Omar al Bashir"): one key for all of them
ARABIC_ARTICLE_RE = re.compile(r"(?<![\w'-])[ae]l[-\s](?=\w)")


def clean_mention(text: str) -> str:
    """A mention without surrounding punctuation, leading article or trailing possessive."""
    text = unicodedata.normalize("NFC", text).translate(APOSTROPHES).translate(DASHES)
    text = SPACE_RE.sub(" ", text).strip(EDGE_PUNCTUATION)
    text = LEADING_ARTICLE_RE.sub("", text)
    return POSSESSIVE_RE.sub("", text).strip(EDGE_PUNCTUATION)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def exact_key(text: str) -> str:
    """Key for case-sensitive names (acronyms such as "WHO", "US"): accents off, case kept."""
    return strip_accents(clean_mention(text))


def fold_key(text: str) -> str:
    """Key for ordinary names: accents off, case folded, the Arabic article in one spelling."""
    return ARABIC_ARTICLE_RE.sub("al-", strip_accents(clean_mention(text)).casefold())


def is_acronym(name: str) -> bool:
    """All capitals (dots allowed): matched only with that exact case, so "who" is never WHO."""
    letters = [char for char in name if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters) and len(letters) <= 6


def has_capital(text: str) -> bool:
    """Names need a capital in the mention: lower-case "china" or "turkey" is not a country."""
    return any(char.isupper() for char in text)


def words(text: str) -> list[str]:
    """A cleaned mention split into words, with a possessive "'s" as its own word."""
    text = re.sub(r"(?<=\w)'s\b", " 's", text)
    text = re.sub(r"(?<=s)'(?=\s)", " 's", text)
    return text.split()


def join_words(parts: list[str] | tuple[str, ...]) -> str:
    """Words back into text, with a split-off possessive re-attached ("People 's" -> "People's")."""
    text = " ".join(parts)
    return text.replace(" 's", "'s")
