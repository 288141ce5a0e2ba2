"""Judge whether a hyphen between two letter runs is a real compound or a stray split.

The judgement is a cascade; the first rule that applies decides (see ``docs/repair.md``):

1. a listed compound (``co-op``, ``e-mail``, ``go-ahead``) stays;
2. all capitals (``MS-DOS``, ``IM-F``) join only into a word the text itself uses, a ticker in
   angle brackets (``<MC-D>``), an acronym the capitalised words before its bracket spell
   (``International Coffee Organization (IC-O)``), a common word or acronym (``NO-TE``,
   ``AP-R``), or a known word of four letters or more when a half is a stump (``REUTE-R``);
3. a capital after the hyphen marks a name or a proper compound (``anti-China``,
   ``Jean-Claude``, ``Al-Assad``): it stays; so does a capital letter before a word whose
   closed form is much rarer than the word (``T-bill``, ``A-plus``, but ``A-bout`` joins);
4. a known closed form that the story itself writes elsewhere joins (``Naka-sone`` next to
   ``Nakasone``), unless a prefix or little word makes both spellings usual (``pre-tax``);
5. a closed form no word list knows joins if the text itself uses it elsewhere, or if both
   halves are stumps rather than words or abbreviations (``Bugo-wski``, but ``fl-yr``);
6. the same two words hyphenated twice in one text are attested there: they stay
   (``back-bencher``), but not a repeated split into a common word (``bil-lion``);
7. by the parts, lower-cased: a rhyming or ablaut jingle stays (``hodge-podge``, ``zig-zag``);
   a known prefix (strong ``non-profit``, vowel clash ``co-operation``; weak ``re-port`` joins
   when the closed form is a word in its own right, ``re-assure`` stays when the closed form
   is uncommon and rarer than the word); a suffix after the hyphen joins (``pay-able``); a
   particle after a content word stays (``follow-up``); a listed head or tail stays
   (``well-known``, ``Paris-based``); two content words whose closed form is much rarer than
   either, or barely known at all, stay (``market-place``, ``Gholam-reza``); a little word
   and a content word with an uncommon closed form stay (``in-house``) -- unless a capitalised
   half before a lower-case one spells a known word or name (``Fair-child``);
8. anything else is a stray split and is joined (``ag-ainst``, ``be-cause``).

Fragments of one or two letters are not treated as words: word lists count ``ag``,
``ch`` and ``hu`` as words, but they are what splitting ``against``, ``China`` and
``human`` leaves behind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from wordfreq import zipf_frequency

from .rule_tables import read_table

#: a joined word must be at least this common (Zipf scale: 3 = once per million words, 1 = once
#: per billion) to undo a hyphen without support from the text itself
MIN_JOINED_ZIPF = 1.0
#: a half at least this common is a (possibly rare) word rather than a stump of one
RARE_WORD_ZIPF = 1.5
#: a half counts as a real word when at least this common
MIN_PART_ZIPF = 3.0
#: a half shorter than this is a fragment, never a word (``ag``, ``hu``, ``t``)
MIN_PART_LEN = 3
#: a weak prefix joins when zipf(closed form) - zipf(word after the hyphen) is at least this
LEXICALISED_MARGIN = -1.0
#: a weak prefix before a common word keeps its hyphen when the closed form is rarer than the
#: word and rarer than this (re-assure, over-priced); tuned on the even Reuters stories
WEAK_PREFIX_JOINED_ZIPF = 3.5
#: each half of an open compound (market-place) is at least this common
COMPOUND_PART_ZIPF = 2.0
#: ... and the closed form is at least this much rarer than the rarer half
COMPOUND_MARGIN = -1.0
#: two content words stay apart when the closed form is at least this much rarer than the
#: rarer word (wide-spread, desk-top); tuned on the even Reuters stories, see docs/repair.md
OPEN_COMPOUND_MARGIN = -0.5
#: a closed form this common is a word in its own right, whatever the parts (overall, about)
COMMON_JOINED_ZIPF = 4.0
#: a strong prefix before a non-word joins into a closed form at least this common (mini-ster)
PREFIX_FRAGMENT_ZIPF = 3.5
#: an all-capitals pair joins only into a word at least this common and this long (not an acronym)
CAPITALS_JOINED_ZIPF = 2.0
CAPITALS_WORD_LEN = 4
#: ... and any all-capitals pair joins into a word or acronym at least this common and long (NO-TE, AP-R)
CAPITALS_COMMON_ZIPF = 3.3
CAPITALS_MIN_LEN = 3
#: a capitalised half before a lower-case one joins into a word at least this common (Fair-child)
NAME_JOINED_ZIPF = 2.5
#: times the hyphenated form must occur in one text to count as attested there
ATTESTED_COUNT = 2
#: a rare word (Zipf < MIN_PART_ZIPF) attests a compound only when at least this long
ATTESTED_RARE_LEN = 4

ROLES = frozenset(
    {
        "strong_prefix",
        "weak_prefix",
        "letter_prefix",
        "particle",
        "head",
        "tail",
        "suffix",
        "function",
        "compound",
    }
)

_VOWELS = frozenset("aeiou")
#: verdicts that a capitalised first half may overturn (word pairs judged only by frequency)
_NAME_LIKE_RULES = frozenset({"open compound", "phrase compound"})


@dataclass(frozen=True, slots=True)
class HyphenLexicon:
    """Word lists by role, lower-cased (see ``data/repair/hyphen_lexicon.tsv``)."""

    roles: Mapping[str, frozenset[str]]

    def has(self, word: str, role: str) -> bool:
        return word in self.roles.get(role, frozenset())

    @classmethod
    def load(cls, path: Path) -> HyphenLexicon:
        """The ``word  role`` table at ``path``, every row checked (``rule_tables``)."""
        found: dict[str, set[str]] = {role: set() for role in ROLES}
        for row in read_table(path, {"word": None, "role": ROLES}):
            found[row["role"]].add(row["word"].lower())
        return cls({role: frozenset(words) for role, words in found.items()})


@functools.lru_cache(maxsize=1)
def default_lexicon() -> HyphenLexicon:
    """The lexicon shipped with the package, read once."""
    return HyphenLexicon.load(
        Path(str(resources.files("dateline") / "data" / "repair" / "hyphen_lexicon.tsv"))
    )


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a lower-cased English word (cached: the same words recur)."""
    return float(zipf_frequency(word, "en"))


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the text itself says: its unhyphenated words and its hyphenated forms."""

    words: frozenset[str]
    hyphenated: Mapping[str, int]


NO_EVIDENCE = Evidence(frozenset(), {})


@dataclass(frozen=True, slots=True)
class Place:
    """Where one hyphenated form sits: a stretch of the text before it and a little after it."""

    before: str = ""
    after: str = ""


NOWHERE = Place()
#: characters of text before a hyphenated form that ``Place.before`` should hold
PLACE_BEFORE = 120
PLACE_AFTER = 8
#: words looked at beyond the acronym's letters when matching its initials (of, the, and, du ...)
ACRONYM_SLACK = 3

# a ticker in angle brackets, optionally with an exchange code: <IBM>, <BT.L>, <ASTS ST>
_TICKER_END = re.compile(r"(?:[. ][A-Z]{1,4})?>")
_WORD_RUN = re.compile(r"[^\W\d_][^\W\d_'-]*(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Verdict:
    join: bool
    rule: str


def judge(
    left: str,
    right: str,
    lexicon: HyphenLexicon,
    evidence: Evidence = NO_EVIDENCE,
    place: Place = NOWHERE,
) -> Verdict:
    """Whether ``left-right`` (letters only) is one word split by a stray hyphen."""
    low_left, low_right = left.lower(), right.lower()
    joined = low_left + low_right
    if lexicon.has(f"{low_left}-{low_right}", "compound"):
        return Verdict(False, "compound")
    if left.isupper() and right.isupper():
        return _capitals(low_left, low_right, evidence, place)
    if right[0].isupper():
        return Verdict(False, "capital")
    if len(left) == 1 and left.isupper() and _is_letter_compound(low_right, joined, lexicon):
        return Verdict(False, "letter")
    attested = evidence.hyphenated.get(f"{low_left}-{low_right}", 0) >= ATTESTED_COUNT
    if not attested and _closed_in_text(low_left, low_right, lexicon, evidence):
        return Verdict(True, "closed, in text")  # Naka-sone where the story also says Nakasone
    if zipf(joined) < MIN_JOINED_ZIPF:
        # no word list knows the closed form: only the text itself can vouch for it
        if joined in evidence.words:
            # the text also writes the closed form; but a prefix or a little word before a word
            # (after-tax next to aftertax) is a spelling the writer may alternate with it
            optional = _is_optional_hyphen(low_left, low_right, lexicon)
            return Verdict(not attested and not optional, "unknown, in text")
        return Verdict(_is_stump(left, lexicon, evidence) and _is_stump(right, lexicon, evidence), "unknown")
    if attested and _are_attestable(low_left, low_right) and not lexicon.has(low_right, "suffix"):
        return Verdict(False, "attested")
    verdict = _by_parts(low_left, low_right, lexicon)
    # a capital before a lower-case half is a name cut in two (Fair-child, Laws-on) more often
    # than a compound opening a sentence, if the closed form is a known word or name
    name_like = left[0].isupper() and right.islower() and zipf(joined) >= NAME_JOINED_ZIPF
    if not verdict.join and verdict.rule in _NAME_LIKE_RULES and name_like:
        return Verdict(True, "capitalised")
    return verdict


def _closed_in_text(left: str, right: str, lexicon: HyphenLexicon, evidence: Evidence) -> bool:
    """The story itself writes the known closed form elsewhere: the hyphen is a slip.

    Not for a prefix, particle or function word before a word (pre-tax next to pretax, sign-up
    next to signup): writers alternate those spellings within one story.
    """
    joined = left + right
    if joined not in evidence.words or zipf(joined) < MIN_JOINED_ZIPF:
        return False
    return not _is_optional_hyphen(left, right, lexicon) and not _is_little_word(right, lexicon)


def _is_letter_compound(right: str, joined: str, lexicon: HyphenLexicon) -> bool:
    """A-plus, T-bill, U-turn: the closed form is much rarer than the word; A-bout, S-ales join.

    A letter before a little word (M-no, a table's code) stays unless it spells a word (I-n).
    """
    if _is_little_word(right, lexicon):
        return zipf(joined) < MIN_PART_ZIPF
    return _is_word(right) and _gap(zipf(joined), zipf(right)) <= COMPOUND_MARGIN


def _capitals(left: str, right: str, evidence: Evidence, place: Place) -> Verdict:
    """All capitals: acronyms and codes (MS-DOS, D-N.J.) stay; a word cut in two joins.

    Capitals carry no case signal, so only the closed form can tell: the text itself uses
    it (IM-F next to IMF), or it is a common word or acronym (NO-TE, PHILIP-PINES, AP-R)
    that a pair of codes rarely spells by chance.
    """
    joined = left + right
    if joined in evidence.words:
        return Verdict(True, "capitals, in text")  # IM-F where the text also says IMF
    if place.before.endswith("<") and _TICKER_END.match(place.after):
        return Verdict(True, "capitals, ticker")  # <MC-D>, <B-TY.L>: tickers carry no hyphen
    if place.before.rstrip().endswith(("(", "<")) and _spelt_by_initials(joined, place.before):
        return Verdict(True, "capitals, acronym")  # International Coffee Organization (IC-O)
    if len(joined) >= CAPITALS_MIN_LEN and zipf(joined) >= CAPITALS_COMMON_ZIPF:
        return Verdict(True, "capitals, common word")
    if max(len(left), len(right)) <= 2:
        return Verdict(False, "capitals, codes")  # FT-SE, PC-AT: two short codes
    # REUTE-R: a stump and a known word of some length (not a short acronym)
    fragment = not (_is_word(left) and _is_word(right))
    known = zipf(joined) >= CAPITALS_JOINED_ZIPF and len(joined) >= CAPITALS_WORD_LEN
    return Verdict(known and fragment, "capitals")


def _spelt_by_initials(acronym: str, before: str) -> bool:
    """The capitalised words just before the bracket spell ``acronym`` with their initials.

    Lower-case words (of, and, du) are skipped, as acronyms skip them.
    """
    words = _WORD_RUN.findall(before)[-(len(acronym) + ACRONYM_SLACK) :]
    initials = "".join(word[0] for word in words if word[0].isupper())
    return initials.lower().endswith(acronym) and len(acronym) >= 2


def _by_parts(left: str, right: str, lexicon: HyphenLexicon) -> Verdict:
    if _is_reduplication(left, right) and zipf(left + right) < MIN_PART_ZIPF:
        return Verdict(False, "reduplication")  # hodge-podge, hub-bub, zig-zag
    if _is_prefix(left, lexicon):
        return _prefixed(left, right, lexicon)
    if lexicon.has(right, "suffix"):
        return Verdict(True, "suffix")  # pay-able, govern-ment: a suffix is no compound part
    if lexicon.has(right, "particle") and _is_content_word(left, lexicon):
        return Verdict(False, "particle")
    if lexicon.has(left, "head") and _is_word(right) and not _is_lexicalised(left, right):
        return Verdict(False, "head")
    if lexicon.has(right, "tail") and _is_content_word(left, lexicon) and not _is_lexicalised(left, right):
        return Verdict(False, "tail")
    if _is_open_compound(left, right, lexicon):
        return Verdict(False, "open compound")
    if _is_phrase_compound(left, right, lexicon):
        return Verdict(False, "phrase compound")
    return Verdict(True, "split")


def _is_reduplication(left: str, right: str) -> bool:
    """Rhyming (hodge-podge: only the first consonants differ) or ablaut (zig-zag: one vowel differs).

    Such jingles are written with a hyphen; a word cut in two rarely rhymes with itself when
    both halves have three letters or more and share a rhyme of two.
    """
    if min(len(left), len(right)) < MIN_PART_LEN or left == right:
        return False
    (left_onset, left_rhyme), (right_onset, right_rhyme) = _onset(left), _onset(right)
    if len(left_rhyme) >= 2 and left_rhyme == right_rhyme and left_onset and right_onset:
        return True
    differ = [i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b]
    return len(left) == len(right) and len(differ) == 1 and {left[differ[0]], right[differ[0]]} <= _VOWELS


def _onset(part: str) -> tuple[str, str]:
    """The consonants a part starts with, and the rest."""
    for i, char in enumerate(part):
        if char in _VOWELS:
            return part[:i], part[i:]
    return part, ""


def _is_phrase_compound(left: str, right: str, lexicon: HyphenLexicon) -> bool:
    """A little word and a content word whose closed form is not common (go-ahead, in-house).

    A common closed form (in-come, with-out) is a word split in two instead.
    """
    if zipf(left + right) >= COMMON_JOINED_ZIPF:
        return False
    little = ("function", "particle")
    if any(lexicon.has(left, role) for role in little) and len(left) >= 2:
        return _is_content_word(right, lexicon)
    if any(lexicon.has(right, role) for role in little) and len(right) >= 2:
        return _is_content_word(left, lexicon)
    return False


def _is_open_compound(left: str, right: str, lexicon: HyphenLexicon) -> bool:
    """Two content words whose closed form is much rarer than either (market-place, pump-priming)."""
    if any(len(part) < MIN_PART_LEN or lexicon.has(part, "function") for part in (left, right)):
        return False
    if zipf(left + right) < RARE_WORD_ZIPF and _is_attestable(left) and _is_attestable(right):
        return True  # Gholam-reza: two words of some length whose closed form is barely known
    weakest = min(zipf(left), zipf(right))
    return weakest >= COMPOUND_PART_ZIPF and _gap(zipf(left + right), weakest) <= OPEN_COMPOUND_MARGIN


def _is_lexicalised(left: str, right: str) -> bool:
    """The closed form is a common word in its own right, commoner than the rarer half.

    ``ten-der``, ``cal-led``, ``share-holders`` are words cut where a listed head or tail
    happens to sit; ``long-term``, ``man-made``, ``hand-held`` have rare closed forms.
    """
    joined = zipf(left + right)
    return joined >= COMMON_JOINED_ZIPF and joined >= min(zipf(left), zipf(right))


def _is_prefix(left: str, lexicon: HyphenLexicon) -> bool:
    return any(lexicon.has(left, role) for role in ("strong_prefix", "weak_prefix", "letter_prefix"))


def _prefixed(prefix: str, right: str, lexicon: HyphenLexicon) -> Verdict:
    joined = zipf(prefix + right)
    # the hyphen that keeps two equal vowels apart is standard spelling (co-operation, re-election)
    if prefix[-1] in _VOWELS and prefix[-1] == right[0] and _is_rare_word(right):
        return Verdict(False, "vowel clash")
    if _is_little_word(right, lexicon):
        # all-in, co-upon: a prefix before a little word joins only into a common word
        return Verdict(joined >= COMMON_JOINED_ZIPF, "prefix+little word")
    if not _is_rare_word(right):
        return Verdict(True, "prefix+fragment")  # re-uter, co-pra: nothing but a prefix and a stump
    if lexicon.has(prefix, "weak_prefix"):
        # re-port, ex-change: the closed form is a word in its own right, about as common as
        # the base word or common outright; re-open, pre-war: the closed form is rare
        gap = _gap(joined, zipf(right))
        lexicalised = joined >= MIN_PART_ZIPF and gap >= LEXICALISED_MARGIN
        # re-assure, over-priced: an uncommon closed form, rarer than the common word after the
        # hyphen, is as often the writer's hyphenated spelling as a split
        optional = joined < WEAK_PREFIX_JOINED_ZIPF and gap < 0 and _is_word(right)
        return Verdict((lexicalised and not optional) or joined >= COMMON_JOINED_ZIPF, "weak prefix")
    if not _is_word(right) and joined >= PREFIX_FRAGMENT_ZIPF:
        return Verdict(True, "prefix+rare word")  # mini-ster, pan-el
    if _is_lexicalised(prefix, right) and joined >= zipf(right):
        # mini-mum, e-very, electro-nic: the closed form is a common word, commoner than the
        # word after the hyphen; e-book, non-bank, semi-annual have rarer closed forms
        return Verdict(True, "prefix, lexicalised")
    return Verdict(False, "prefix")


def _is_optional_hyphen(left: str, right: str, lexicon: HyphenLexicon) -> bool:
    """A prefix, particle or function word before a word: hyphenated or closed, both are spellings."""
    listed = _is_prefix(left, lexicon) or lexicon.has(left, "function") or lexicon.has(left, "particle")
    return listed and _is_rare_word(right)


def _is_stump(part: str, lexicon: HyphenLexicon, evidence: Evidence) -> bool:
    """A piece of a word rather than a word, an abbreviation or a code of this text.

    ``part`` keeps its case: a short all-capitals half is a code (AA-minus), not a stump.
    """
    low = part.lower()
    if any(low in words for words in lexicon.roles.values()):
        return False  # a listed prefix, particle or function word is a compound part
    if len(part) >= 2 and low in evidence.words:
        return False  # the text uses it on its own: an abbreviation (yr, dlrs) or a name
    if len(part) > 1 and not _VOWELS.intersection(low):
        return False  # no vowel: an abbreviation (yr, mlns, dlrs), not a piece of a word
    if len(part) <= 2:
        return not part.isupper() or len(part) == 1
    return zipf(low) < RARE_WORD_ZIPF


def _is_little_word(part: str, lexicon: HyphenLexicon) -> bool:
    return len(part) >= 2 and (lexicon.has(part, "function") or lexicon.has(part, "particle"))


def _gap(a: float, b: float) -> float:
    """``a - b`` on wordfreq's two-decimal scale (3.93 - 4.43 is -0.5, not -0.4999...)."""
    return round(a - b, 2)


def _is_word(part: str) -> bool:
    return len(part) >= MIN_PART_LEN and zipf(part) >= MIN_PART_ZIPF


def _are_attestable(left: str, right: str) -> bool:
    """Two words, or two rarer ones of some length that make no common word (back-bencher)."""
    if _is_word(left) and _is_word(right):
        return True
    rare_compound = zipf(left + right) < MIN_PART_ZIPF
    return rare_compound and _is_attestable(left) and _is_attestable(right)


def _is_attestable(part: str) -> bool:
    """A half that, written twice with the same hyphen, shows a compound (back-bencher).

    A common word, or a rarer one of some length: three-letter rare 'words' (bil, rac, ese)
    are what a repeated split of billion, Chirac or Japanese leaves.
    """
    return _is_word(part) or (len(part) >= ATTESTED_RARE_LEN and _is_rare_word(part))


def _is_rare_word(part: str) -> bool:
    """A word even if a rare one (refundable, ordinate), as opposed to a stump (uter, mising)."""
    return len(part) >= MIN_PART_LEN and zipf(part) >= RARE_WORD_ZIPF


def _is_content_word(part: str, lexicon: HyphenLexicon) -> bool:
    return _is_word(part) and not lexicon.has(part, "function")
