"""Where a story names a place: GPE/LOC entities, the dateline, cue phrases, and guesses.

A cue phrase ("the port city of Latakia", "the Anbar desert") both finds names the NER missed
and says what kind of place the name is; the cue words are ``data/places/cues.tsv``. Guesses
are names the gazetteer knows in other entities: a FAC it has, a demonym ("Russian officials",
NORP), a place the NER took for an organisation or a person ("Harare", "Tamil Nadu"), and a
place that opens or closes an organisation's name ("Jamaica Observer", "University of Alberta").
A guess is made only when the gazetteer has the name, so an unknown word never becomes a place.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Dateline, Entity
from ..rule_tables import read_table
from .gazetteer import COUNTRY, Entry

#: spaCy labels whose mentions are places, resolved or not
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: labels whose whole text is a place mention when the gazetteer knows it
GUESS_LABELS = frozenset({"NORP", "ORG", "PERSON", "FAC"})
#: at most this many words of an organisation's name are tried as the place it opens or closes
EMBEDDED_MAX_WORDS = 3
#: what may follow a place name inside a longer one ("Birmingham City", "Collier County")
DESIGNATORS = frozenset({"city", "county", "province", "state", "region", "district", "area", "metro"})
#: what may precede one ("South Venezuela", "northern Syria")
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater"}
)
#: a possessive ending, not part of the name it follows
POSSESSIVES = ("'s", "’s")
CUES_FILE = Path("places") / "cues.tsv"
CUE_KINDS = frozenset({"city", "admin1", "region"})
#: how a mention was found, kept in the resolution's reason
FROM_ENTITY, FROM_DATELINE, FROM_CUE = "entity", "dateline", "cue phrase"
FROM_LABEL, FROM_NAME = "entity of another label", "part of a longer name"
FROM_BARE = "name after a locative word"
FROM_INLINE_DATELINE = "dateline inside the text"
GUESSES = frozenset({FROM_CUE, FROM_LABEL, FROM_NAME, FROM_BARE})
#: words after which a capitalised name is read as a place ("fought in Manbij", "flew to Japan")
LOCATIVES = frozenset(
    {"in", "at", "near", "from", "outside", "across", "into", "inside", "around", "throughout", "via"}
)
#: what joins two places in a list ("Zilina, Nitra and Kosice", "Surfside/Garden City")
COORDINATORS = frozenset({",", "and", ", and", "or", "/", "-"})
#: the gazetteer's entries of a name (empty when it has none)
Known = Callable[[str], Sequence[Entry]]

#: capitalised words that open a sentence before a name ("In Anbar province") and are not part of it
_LEADING = re.compile(r"(?:(?:In|At|Near|From|On|Of|And|But|The|Outside|Across|Inside)\s+)+")
_NAME = r"[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,3}"
_INLINE_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n\"”]) +|(?<=\n))(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})"
    r"(?:, [A-Z][A-Za-z.]{1,12})?(?: \([^()\n]{1,30}\))? ?[-—–] ",
    re.MULTILINE,
)
_BARE = re.compile(rf"\b(?i:{'|'.join(sorted(LOCATIVES))}) (?P<name>[A-Z][\w'’]+(?: [A-Z][\w'’]+){{0,2}})\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the story's text that names a place, before resolution."""

    start: int
    end: int
    text: str
    found_by: str
    label: str | None = None
    #: the kind a cue word gives it (``city``, ``admin1``, ``region``), if any
    cue: str | None = None
    #: the text reads it as a place: a locative preposition before it ("militias from Misrata")
    #: or a coordination with another place ("Zilina, Nitra and Kosice")
    supported: bool = False


@dataclass(frozen=True)
class Cues:
    """The cue words and the two phrase patterns built from them."""

    kinds: Mapping[str, str]
    before: re.Pattern[str]  # "city of NAME"
    after: re.Pattern[str]  # "NAME province"

    @classmethod
    def load(cls, data: Path) -> Cues:
        path = data / CUES_FILE
        rows = read_table(path, {"word": None, "kind": CUE_KINDS})
        kinds = {row["word"].lower(): row["kind"] for row in rows}
        words = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
        # the cue word in any case ("Anbar Province"), the name capitalised
        before = re.compile(rf"\b(?P<cue>(?i:{words})) of (?P<name>{_NAME})")
        after = re.compile(rf"\b(?P<name>{_NAME}) (?P<cue>(?i:{words}))\b")
        return cls(kinds, before, after)


def find_mentions(
    text: str,
    entities: Iterable[Entity],
    dateline: Dateline | None,
    cues: Cues,
    known: Known,
    minor: Known = lambda name: (),
) -> list[Mention]:
    """Every place mention, in text order, overlapping ones merged into the first found;
    ``minor`` knows the small places (villages, counties) a GPE/LOC name may be as a whole."""
    entities = list(entities)
    found = [
        *_dateline_mention(text, dateline),
        *_entity_mentions(entities, known, minor),
        *_inline_datelines(text, known),
        *_cue_mentions(text, cues, known),
        *_guesses(entities, known),
    ]
    found += _bare_names(text, entities, known)
    kept: list[Mention] = []
    for mention in found:
        clash = next((k for k in kept if k.start < mention.end and mention.start < k.end), None)
        if clash is None:
            kept.append(mention)
        elif mention.cue and clash.cue is None and (clash.start, clash.end) == (mention.start, mention.end):
            kept[kept.index(clash)] = Mention(
                clash.start, clash.end, clash.text, clash.found_by, clash.label, mention.cue
            )
    return _supported(text, sorted(kept, key=lambda m: m.start))


def _supported(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark the mentions the text reads as places: after a locative word, or in a list with a
    place the NER or the dateline found ("Zilina, Nitra and Kosice")."""
    marked = []
    for number, mention in enumerate(mentions):
        before = text[max(0, mention.start - 12) : mention.start].split()
        neighbours = (mentions[number - 1], mention), (mention, mentions[(number + 1) % len(mentions)])
        joined = any(
            " ".join(text[a.end : b.start].split()) in COORDINATORS
            for a, b in neighbours
            if a.end <= b.start and (b if a is mention else a).found_by not in GUESSES
        )
        if (before and before[-1].lower() in LOCATIVES) or joined:
            mention = dataclasses.replace(mention, supported=True)
        marked.append(mention)
    return marked


def _bare_names(text: str, entities: Sequence[Entity], known: Known) -> list[Mention]:
    """Capitalised names the NER left out, after a locative word ("served in Colchester")."""
    found = []
    for match in _BARE.finditer(text):
        start, end = match.span("name")
        if any(e.start < end and start < e.end for e in entities) or not known(match.group("name")):
            continue
        found.append(Mention(start, end, match.group("name"), FROM_BARE, None, supported=True))
    return found


def _dateline_mention(text: str, dateline: Dateline | None) -> list[Mention]:
    """The dateline's place (``BEIJING`` in ``BEIJING (TASS):``), located in the text."""
    if dateline is None or not dateline.place:
        return []
    first = dateline.place.split("/")[0].strip()
    at = text.lower().find(first.lower(), dateline.start, dateline.end)
    if at < 0:
        return []
    # a dateline names the city the story was filed from, never a state or a country
    return [Mention(at, at + len(first), text[at : at + len(first)], FROM_DATELINE, "GPE", "city")]


def _entity_mentions(entities: Iterable[Entity], known: Known, minor: Known) -> Iterator[Mention]:
    """GPE and LOC entities; one the gazetteer does not know, even as a small place ("Ohio
    County" is a county, not Ohio), is narrowed to a known part of it ("Birmingham City" ->
    "Birmingham", "South Venezuela" -> "Venezuela"), else kept whole."""
    for entity in entities:
        if entity.label not in PLACE_LABELS:
            continue
        if known(entity.text) or minor(entity.text):
            yield Mention(entity.start, entity.end, entity.text, FROM_ENTITY, entity.label)
            continue
        parts = list(itertools.islice(_known_part(entity, known, narrow=True), 1)) or list(
            _hyphen_parts(entity, known)
        )
        yield from parts or [Mention(entity.start, entity.end, entity.text, FROM_ENTITY, entity.label)]


def _guesses(entities: Iterable[Entity], known: Known) -> Iterator[Mention]:
    for entity in entities:
        if entity.label not in GUESS_LABELS:
            continue
        if known(entity.text):
            yield Mention(entity.start, entity.end, entity.text, FROM_LABEL, entity.label)
        elif entity.label == "ORG":
            yield from itertools.islice(_known_part(entity, known), 1)
        elif entity.label == "NORP":
            yield from _hyphen_parts(entity, known)


def _hyphen_parts(entity: Entity, known: Known) -> Iterator[Mention]:
    """The known capitalised parts of a hyphenated name: "anti-Russian", "Russian-European",
    "Asia-Pacific" name Russia, Russia and Europe, Asia (a prefix such as "anti" is no name)."""
    if "-" not in entity.text:
        return
    for match in re.finditer(r"[^-]+", entity.text):
        part = match.group()
        if part[:1].isupper() and part.strip() == part and known(part):
            start, end = entity.start + match.start(), entity.start + match.end()
            yield Mention(start, end, part, FROM_NAME, entity.label)


def _known_part(entity: Entity, known: Known, *, narrow: bool = False) -> Iterator[Mention]:
    """Known parts of a longer name, best first: the longest run of words opening it, the words
    after its last "of", and (``narrow``) the name less a leading direction, or (otherwise) a
    country named anywhere inside it ("Air Zimbabwe", "DeSmog Canada").

    ``narrow`` is for a place name the gazetteer lacks: only a designator may be cut from its
    end ("Birmingham City", not "Rio Grande do Sul") and only a direction from its start
    ("South Venezuela", not "New South Wales"). An organisation may open with any place.
    """
    text = entity.text
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    most = min(EMBEDDED_MAX_WORDS, len(words) - 1)
    spans = [
        (words[0][0], words[size - 1][1])
        for size in range(most, 0, -1)
        if not narrow or text[words[size][0] :].lower() in DESIGNATORS
    ]
    of = text.rfind(" of ")
    if of > 0:
        spans.append((of + len(" of "), len(text)))
    if narrow and len(words) > 1 and text[: words[0][1]].lower() in DIRECTIONS:
        spans.append((words[1][0], len(text)))
    for start, end in spans:
        if text[start:end].endswith(POSSESSIVES):  # "Venezuela’s Ecological Mining"
            end -= 2
        part = text[start:end]
        if part[:1].isupper() and known(part):
            yield Mention(entity.start + start, entity.start + end, part, FROM_NAME, entity.label)
    if narrow:
        return
    for first in range(1, len(words)):
        for size in range(min(EMBEDDED_MAX_WORDS, len(words) - first), 0, -1):
            start, end = words[first][0], words[first + size - 1][1]
            part = text[start:end]
            if part[:1].isupper() and any(e.feature == COUNTRY for e in known(part)):
                yield Mention(entity.start + start, entity.start + end, part, FROM_NAME, entity.label)


def _cue_mentions(text: str, cues: Cues, known: Known) -> list[Mention]:
    """Names marked by a cue word; a name the gazetteer lacks is narrowed to its longest known
    tail ("Maiduguri Borno State": Borno), as the pattern cannot tell where the name begins."""
    mentions = []
    for pattern in (cues.before, cues.after):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            lead = _LEADING.match(text, start, end)
            start = lead.end() if lead else start
            tails = [start, *(start + m.end() for m in re.finditer(" ", text[start:end]))]
            first = next((at for at in tails if at < end and known(text[at:end])), None)
            if first is not None:
                kind = cues.kinds[match.group("cue").lower()]
                mentions.append(Mention(first, end, text[first:end], FROM_CUE, None, kind))
    return mentions


def _inline_datelines(text: str, known: Known) -> list[Mention]:
    """A dateline inside the text, after a headline or a byline: a capitalised place name before
    the agency or the dash ("TORONTO — The family", "SAN DIEGO (AP) - The")."""
    found = []
    for match in _INLINE_DATELINE.finditer(text):
        start, end = match.span("name")
        if known(match.group("name")):
            found.append(Mention(start, end, match.group("name"), FROM_INLINE_DATELINE, "GPE", "city"))
    return found
