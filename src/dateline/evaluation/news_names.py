"""Surnames for the whole-story speaker check: folded words and a one-letter spelling slack.

A listed person's surname is the last word of the name (suffixes such as "Jr." skipped); an
Arabic article joined by a hyphen ("al-Sudani") is optional, since English text writes both
forms. For people of countries whose names are usually written family name first ("Sun Lijun",
"Hun Sen") but not always ("Carrie Lam"), the first word counts as a surname too. The spelling
slack applies to surnames of four letters or more.
"""

from __future__ import annotations

import unicodedata

#: name suffixes that are not surnames
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: articles that may be joined to a surname by a hyphen, and may be left out
SURNAME_ARTICLES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-")
#: countries (ISO alpha-3) whose people often put the family name first
FAMILY_NAME_FIRST = frozenset({"CHN", "HKG", "MAC", "TWN", "KOR", "PRK", "VNM", "KHM", "SGP"})
#: how many letters a surname may differ by (insert, drop or change one)
SPELLING_SLACK = 1
#: shorter surnames must match exactly: one letter makes another name of them (Lai, Lam)
SLACK_MIN_LETTERS = 4
#: stripped from the ends of each word
EDGE_PUNCTUATION = ".,;:!?\"'()[]“”‘"


def fold_words(text: str) -> list[str]:
    """Words with accents off, in lower case, possessive 's and edge punctuation dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = []
    for raw in folded.casefold().replace("’", "'").split():
        word = raw.strip(EDGE_PUNCTUATION).removesuffix("'s")
        if word:
            words.append(word)
    return words


def surnames(name: str, country: str | None) -> tuple[str, ...]:
    """The folded words that count as the person's surname (see the module's rule)."""
    words = fold_words(name)
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    if not words:
        return ()
    chosen = [words[-1]]
    if country in FAMILY_NAME_FIRST and len(words) > 1:
        chosen.append(words[0])
    return tuple(dict.fromkeys(form for word in chosen for form in (word, _without_article(word))))


def names_person(surname_forms: tuple[str, ...], words: list[str]) -> bool:
    """Whether one of ``words`` is one of the surname forms, give or take one letter."""
    return any(
        close(form, _without_article(word)) or close(form, word) for form in surname_forms for word in words
    )


def _without_article(word: str) -> str:
    for article in SURNAME_ARTICLES:
        if word.startswith(article) and len(word) > len(article):
            return word[len(article) :]
    return word


def close(a: str, b: str) -> bool:
    """Equal, or (both of ``SLACK_MIN_LETTERS`` or more) one letter inserted, dropped or changed."""
    if a == b:
        return True
    if min(len(a), len(b)) < SLACK_MIN_LETTERS or abs(len(a) - len(b)) > SPELLING_SLACK:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= SPELLING_SLACK
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
