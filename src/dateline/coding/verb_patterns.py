"""PETRARCH verb-pattern dictionaries (``--verbs FILE``), read into dependency-parse patterns.

A PETRARCH verb dictionary has synonym sets and verb blocks::

    &TIETYPES              a synset: the members follow as +WORD lines, up to a blank line
    +MILITARY
    +ECONOMIC

    --- ABANDON [1121] ---     a block: its default code ([code:reverse] codes both directions)
    ABANDON {ABANDONS ...}     verbs of the block, optional {forms} and own [code]
    +BREAK_DOWN {...}          a phrasal verb (``+`` inside marks the verb word, else the first)
    - * {DIPLOMATIC TIES} [080]   a pattern: ``*`` the verb, ``$`` source, ``+`` target,
                                  ``%`` compound (reciprocal) actor, ``^`` skip, ``(..)`` a
                                  prepositional phrase, ``{..}`` a noun phrase, ``&NAME`` a synset

PETRARCH matches the words in phrase order on a constituency parse. Dateline approximates a
pattern by the *set* of its words among the verb's dependents and governors (see
:mod:`predicates`), which keeps the patterns parser-neutral: a longer pattern wins, a word ending
in ``_`` must match exactly, other words of four or more letters match as stems (``PROPOSAL``
matches ``proposals``). ``$``/``+`` before the verb make the subject the source/target; inside a
prepositional phrase they name that phrase's object. ``[---]`` means "no event".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .lexicon import COMPOUND_SUBJECT, Entry, Slot, Word

PATTERN_LINE = re.compile(r"^-?\s*(?P<body>.*?\*.*?)\s*\[(?P<code>[^\]]*)\]")
CODE_IN_LINE = re.compile(r"\[(?P<code>[^\]]*)\]")
HEADER = re.compile(r"^---\s*(?P<name>\S+)\s*(?:\[(?P<code>[^\]]*)\])?")
VALID_CODE = re.compile(r"^[0-9]{2,4}[A-Za-z]?$")
FORMS = re.compile(r"\{[^}]*\}")
#: stems shorter than this match only exactly (``ON`` must not match ``one``)
MIN_STEM = 4
#: cap on the phrases one ``{...}`` group of synsets expands to
MAX_COMBINATIONS = 400


def load_verb_files(paths: Iterable[Path]) -> dict[str, tuple[Entry, ...]]:
    """Verb lemma -> dictionary entries (longest pattern first), merged over all files."""
    table: dict[str, list[Entry]] = {}
    for path in paths:
        for lemma, entry in parse_verbs(path.read_text(encoding="utf-8", errors="replace").splitlines()):
            table.setdefault(lemma, []).append(entry)
    return {lemma: tuple(sorted(entries, key=_rank)) for lemma, entries in table.items()}


def _rank(entry: Entry) -> tuple[int, int]:
    return (-len(entry.slots), -sum(len(alt[0]) for alt in entry.slots))


def parse_verbs(lines: list[str]) -> list[tuple[str, Entry]]:
    """All (lemma, entry) pairs of one dictionary's lines."""
    synsets = _synsets(lines)
    found: list[tuple[str, Entry]] = []
    for block in _blocks(lines):
        found.extend(_block_entries(block, synsets))
    return found


def _clean(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return line.split("#", 1)[0].rstrip()


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synset name -> member phrases (nested synsets flattened)."""
    raw: dict[str, list[str]] = {}
    current: str | None = None
    for line in map(_clean, lines):
        text = line.strip()
        if text.startswith("&"):
            current = text.split()[0].upper()
            raw.setdefault(current, [])
        elif current is not None and text.startswith("+"):
            raw[current].append(text[1:].strip())
        else:
            current = None
    return {name: _flatten(name, raw, 0) for name in raw}


def _flatten(name: str, raw: dict[str, list[str]], depth: int) -> list[str]:
    members: list[str] = []
    for member in raw.get(name, []):
        if member.startswith("&") and depth < 4:
            members.extend(_flatten(member.split()[0].upper(), raw, depth + 1))
        else:
            members.append(member)
    return members


Block = tuple[str | None, list[str]]


def _blocks(lines: list[str]) -> list[Block]:
    """Verb blocks: (header code, body lines)."""
    blocks: list[Block] = []
    body: list[str] | None = None
    in_synset = False
    for line in map(_clean, lines):
        text = line.strip()
        header = HEADER.match(text)
        if header:
            body = []
            blocks.append((header.group("code"), body))
            in_synset = False
        elif text.startswith("&"):
            in_synset, body = True, None
        elif not text:
            in_synset = False
        elif body is not None and not in_synset:
            body.append(text)
    return blocks


def _block_entries(block: Block, synsets: dict[str, list[str]]) -> list[tuple[str, Entry]]:
    header_code, body = block
    code, reverse = _code(header_code)
    verbs: list[tuple[str, tuple[str, ...], str | None, str | None]] = []
    patterns: list[Entry] = []
    for text in body:
        pattern = PATTERN_LINE.match(text)
        if pattern and ("*" in text) and text.startswith(("-", "*")):
            entry = _pattern(pattern.group("body"), pattern.group("code"), synsets)
            if entry is not None:
                patterns.append(entry)
            continue
        verbs.extend(_verb_line(text, code, reverse))
    found: list[tuple[str, Entry]] = []
    for lemma, extra, own_code, own_reverse in verbs:
        particle: tuple[Slot, ...] = tuple(((Word(w, True),),) for w in extra)
        default = Entry(lemma, (), own_code, frozenset({"dict", "default"}), own_reverse, slots=particle)
        found.append((lemma, default))
        for entry in patterns:
            slots = particle + entry.slots
            found.append(
                (
                    lemma,
                    Entry(
                        lemma,
                        (),
                        entry.code,
                        entry.flags,
                        entry.reverse,
                        entry.target_preps,
                        slots,
                        entry.source_role,
                        entry.target_role,
                        entry.skip_preps,
                    ),
                )
            )
    return found


def _verb_line(
    text: str, code: str | None, reverse: str | None
) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    """A block's verb: its lemma, any particle words it needs, and its own code if given."""
    own = CODE_IN_LINE.search(text)
    if own is not None:
        code, reverse = _code(own.group("code"))
        text = text[: own.start()]
    forms = FORMS.findall(text)
    word = FORMS.sub(" ", text).split()
    if not word:
        return []
    parts = [p for p in word[0].lstrip("+").lower().split("_") if p]
    if not parts or not parts[0][0].isalpha():
        return []
    verb, extra = _verb_word(word[0])
    out = [(verb, extra, code, reverse)]
    # inflected forms count as verbs of their own: the lemmatizer does not know every verb
    # ("cordoned" -> "cordone"), and a phrasal form keeps its particle (+CORDONED_OFF)
    for group in forms:
        for form in group.strip("{}").split():
            form_verb, form_extra = _verb_word(form)
            if form_verb and form_verb != verb and form_extra == extra:
                out.append((form_verb, form_extra, code, reverse))
    return out


def _verb_word(word: str) -> tuple[str, tuple[str, ...]]:
    """``+BREAK_DOWN`` -> ("break", ("down",)); ``WIRE_+TAP`` -> ("tap", ("wire",))."""
    parts = [p for p in word.lstrip("+").lower().split("_") if p]
    if not parts:
        return "", ()
    marked = [p for p in word.lower().split("_") if p.startswith("+")]
    verb = (
        marked[0].lstrip("+") if word.count("+") > (1 if word.startswith("+") else 0) and marked else parts[0]
    )
    return verb, tuple(p.lstrip("+") for p in parts if p.lstrip("+") != verb)


def _code(text: str | None) -> tuple[str | None, str | None]:
    """``050`` -> ("050", None); ``042:043`` -> ("042", "043"); ``---`` -> (None, None)."""
    if not text:
        return None, None
    first, _, second = text.strip().partition(":")
    code = first.strip() if VALID_CODE.match(first.strip()) else None
    reverse = second.strip() if VALID_CODE.match(second.strip()) else None
    return code, reverse


def _pattern(body: str, code_text: str, synsets: dict[str, list[str]]) -> Entry | None:
    code, reverse = _code(code_text)
    tokens = re.findall(r"\(|\)|\{|\}|[^\s(){}]+", body.replace("_*_", " * "))
    slots: list[Slot] = []
    flags = {"dict"}
    source_role = target_role = None
    preps: set[str] = set()
    skipped: set[str] = set()
    after_skip = False
    bare_skips = 0  # ``^`` outside a phrase: one phrase of the verb passed over
    before = True
    prep: str | None = None
    prep_fresh = False
    group: list[Slot] | None = None
    for token in tokens:
        if token == "(":
            prep, prep_fresh = None, True
            continue
        if token == ")":
            prep = None
            continue
        if token == "*":
            before = False
            continue
        if token in {"$", "+", "%"}:
            role = "subject" if before else (f"prep:{prep}" if prep else "object")
            if role == "object" and after_skip:
                role = f"rest:{bare_skips}"  # ``(IN ^) +``: the next actor after the skipped phrase
            if token == "%":
                flags.add("recip")
                if before:  # the subject must be a list of actors
                    slots.append(((Word(COMPOUND_SUBJECT, True),),))
            elif token == "$":
                source_role = role
            else:
                target_role = role
                if prep:
                    preps.add(prep)
            continue
        if token == "{":
            group = []
            continue
        if token == "}":
            if group is not None and group:
                slots.append(_phrase_slot(group))
            group = None
            continue
        if token == "^":
            if prep and not before:
                skipped.add(prep)
            elif not before:
                bare_skips += 1
            after_skip = not before
            continue
        slot = _slot(token, synsets, under=prep or "", before=before)
        if slot and group is not None:
            group.append(slot)
        elif slot:
            slots.append(slot)
        if prep_fresh:
            prep, prep_fresh = token.lower().strip("_"), False
    if source_role is None and target_role == "subject":
        source_role = "object"
    return Entry(
        "",
        (),
        code,
        frozenset(flags),
        reverse,
        frozenset(preps) or None,
        tuple(slots),
        source_role,
        target_role,
        frozenset(skipped),
    )


def _phrase_slot(group: list[Slot]) -> Slot:
    """A ``{...}`` noun phrase: its words contiguous, every combination of synset members."""
    combos: list[tuple[Word, ...]] = [()]
    for slot in group:
        combos = [c + alt for c in combos for alt in slot][:MAX_COMBINATIONS]
    return tuple(tuple(replace(w, follows=n > 0) for n, w in enumerate(combo)) for combo in combos if combo)


def _slot(token: str, synsets: dict[str, list[str]], under: str = "", before: bool = False) -> Slot:
    """A pattern word as alternatives: a synset's members, or the word itself; ``under`` is the
    preposition of the ``( ... )`` phrase the word sits in (it must be found below it); ``before``
    when it is written before the verb."""
    members = synsets.get(token.upper(), []) if token.startswith("&") else [token]
    alternatives = []
    for member in members:
        words = [word for piece in member.strip("() ").split() for word in _words(piece)]
        if words:  # a multi-word member is a contiguous phrase
            alternatives.append(
                tuple(replace(w, follows=n > 0, under=under, before=before) for n, w in enumerate(words))
            )
    return tuple(alternatives)


def _words(piece: str) -> list[Word]:
    """``PRIME_MINISTER`` is two words; a trailing ``_`` (``FIGHTING_``) asks for an exact match."""
    parts = [p for p in piece.split("_") if p]
    exact_tail = piece.endswith("_")
    words = []
    for n, part in enumerate(parts):
        exact = len(part) < MIN_STEM or (exact_tail and n == len(parts) - 1)
        words.append(Word(part.lower(), exact))
    return words
