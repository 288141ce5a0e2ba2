"""Synthetic benchmark of the hyphen repairer on real wire text (Reuters-21578 bodies).

Stray hyphens are injected into randomly chosen words (seeded), the repairer runs on the
result, and every hyphen repair is classified:

- repaired: an injected split joined back to exactly the original word;
- missed: an injected split left as it was;
- wrong join: any hyphen repair that is not an injected split restored, i.e. a hyphen that
  was in the original text and got joined, or an injected word changed into something else.

Injected splits whose two halves are both real words of three letters or more
(``man-age``, ``car-pet``) are also counted on their own: they are the honest hard case,
because the hyphenated string is a possible compound. They stay in the main figure.

Usage: python benchmarks/repair_benchmark.py [--limit N] [--rate 0.05] [--seed 1] [--show 20]
       [--half all|even|odd] [--positions uniform|syllable]

Thresholds of the judge were tuned on the even NEWIDs (``--half even``); the odd half is
the test half. Cuts fall at uniform positions by default (the seed story's ``t-he``,
``ag-ainst``, ``Ch-ina`` are not at syllable boundaries); ``--positions syllable`` is the
variant where noise follows syllables.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.hyphenation import MIN_JOINED_ZIPF, default_lexicon, judge, zipf
from dateline.records import Repair
from dateline.repair import clean_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("data") / "reuters21578" / "reuters21578.jsonl.gz"
#: words eligible for injection: letters only, at least this long, not part of a compound or contraction
MIN_WORD_LEN = 3
_ELIGIBLE = re.compile(rf"(?<![\w'-])[A-Za-z]{{{MIN_WORD_LEN},}}(?![\w'-])")
#: a two-word split has both halves at least this long and this common (Zipf)
TWO_WORD_LEN = 3
TWO_WORD_ZIPF = 3.0
_DIGRAPHS = frozenset({"ch", "sh", "th", "ph", "wh", "ck", "gh", "qu"})


@dataclass(frozen=True, slots=True)
class Injection:
    hyphen: int  # offset of the injected hyphen in the injected text
    word: str  # the original word
    split: str  # the word as injected, with its hyphen


@dataclass
class Tally:
    stories: int = 0
    words: int = 0
    chars: int = 0
    injected: int = 0
    repaired: int = 0
    missed: int = 0
    wrong_joins: int = 0
    line_end_joins: int = 0
    two_word: int = 0
    two_word_repaired: int = 0
    by_class: Counter[str] = field(default_factory=Counter)
    repaired_by_class: Counter[str] = field(default_factory=Counter)
    other_repairs: Counter[str] = field(default_factory=Counter)
    missed_by_rule: Counter[str] = field(default_factory=Counter)
    missed_corpus_hyphenated: int = 0
    wrong_corpus_closed: int = 0
    missed_examples: list[str] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)
    seconds: float = 0.0


def default_corpus() -> Path:
    shared = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
    return shared / CORPUS


def bodies(path: Path, limit: int | None) -> Iterator[str]:
    for _, body in stories(path, limit):
        yield body


def stories(path: Path, limit: int | None) -> Iterator[tuple[int, str]]:
    """(NEWID, body) of each story with a body, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        count = 0
        for line in lines:
            record = json.loads(line)
            body = record.get("body") or ""
            if not body.strip():
                continue
            yield int(record.get("newid") or 0), body
            count += 1
            if limit is not None and count >= limit:
                return


def in_half(newid: int, half: str) -> bool:
    """Even NEWIDs are the development half (thresholds were tuned there), odd ones the test half."""
    return half == "all" or (newid % 2 == 0) == (half == "even")


def syllable_cuts(word: str) -> list[int]:
    """Cut positions at rough syllable boundaries: V-CV (hu-man) and VC-CV (mar-ket).

    A crude orthographic rule, enough to place cuts where typesetters' hyphenation puts
    them; digraphs (ch, sh, th, ph, wh, ck, gh, qu) are not cut.
    """
    low = word.lower()
    vowel = [c in "aeiou" or (c == "y" and i > 0) for i, c in enumerate(low)]
    cuts = []
    for i in range(1, len(low)):
        if low[i - 1 : i + 1] in _DIGRAPHS or vowel[i]:
            continue
        before = any(vowel[:i])
        if vowel[i - 1] and i + 1 < len(low) and vowel[i + 1]:
            cuts.append(i)  # V-CV
        elif before and not vowel[i - 1] and any(vowel[i:]) and i + 1 < len(low) and vowel[i + 1]:
            cuts.append(i)  # VC-CV
    return cuts


def inject(
    body: str, rng: random.Random, rate: float, positions: str = "uniform"
) -> tuple[str, list[Injection]]:
    """``body`` with a stray hyphen inside a ``rate`` share of its eligible words.

    ``uniform`` cuts at any inner position; ``syllable`` at a syllable boundary when the
    word has one (a one-syllable word, ``t-he``, is cut anywhere).
    """
    pieces: list[str] = []
    injections: list[Injection] = []
    cursor = 0
    length = 0
    for match in _ELIGIBLE.finditer(body):
        if rng.random() >= rate:
            continue
        word = match.group(0)
        cuts = syllable_cuts(word) if positions == "syllable" else []
        cut = rng.choice(cuts) if cuts else rng.randint(1, len(word) - 1)
        split = f"{word[:cut]}-{word[cut:]}"
        pieces.append(body[cursor : match.start()])
        length += match.start() - cursor
        injections.append(Injection(length + cut, word, split))
        pieces.append(split)
        length += len(split)
        cursor = match.end()
    pieces.append(body[cursor:])
    return "".join(pieces), injections


def word_class(word: str) -> str:
    """Injected words by how much a word list can know about them."""
    if word.isupper():
        return "all-capitals (codes, acronyms)"
    if zipf(word.lower()) < MIN_JOINED_ZIPF:
        return "in no word list (names, typos)"
    return "in the word list"


def is_two_word(split: str) -> bool:
    left, right = split.lower().split("-")
    return all(len(part) >= TWO_WORD_LEN and zipf(part) >= TWO_WORD_ZIPF for part in (left, right))


@dataclass(frozen=True, slots=True)
class Spellings:
    """How the unmodified corpus spells things: its hyphenated forms and its plain words (lower case).

    A miss whose hyphenated form the corpus itself writes (take-over, pre-tax) and a wrong join
    into a word the corpus itself writes closed (Rabobank) are arguable; they are counted apart
    (and stay in the main figures) so that the reader can judge the counting.
    """

    hyphenated: frozenset[str]
    closed: frozenset[str]


NO_SPELLINGS = Spellings(frozenset(), frozenset())
_HYPHEN_PAIR = re.compile(r"(?<![\w-])[A-Za-z]+-[A-Za-z]+(?![\w-])")
_PLAIN_WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")


def corpus_spellings(path: Path, limit: int | None) -> Spellings:
    hyphenated: set[str] = set()
    closed: set[str] = set()
    for body in bodies(path, limit):
        hyphenated.update(m.group(0).lower() for m in _HYPHEN_PAIR.finditer(body))
        closed.update(m.group(0).lower() for m in _PLAIN_WORD.finditer(body))
    return Spellings(frozenset(hyphenated), frozenset(closed))


def score(
    text: str,
    injections: list[Injection],
    repairs: tuple[Repair, ...],
    tally: Tally,
    show: int,
    spellings: Spellings = NO_SPELLINGS,
) -> None:
    by_hyphen = {inj.hyphen: inj for inj in injections}
    restored: set[int] = set()
    for repair in repairs:
        if repair.kind != "hyphen":
            tally.other_repairs[repair.kind] += 1
            continue
        hyphen = repair.start + repair.before.find("-")
        if "\n" in repair.before or "\r" in repair.before:
            tally.line_end_joins += 1  # a word the typesetter broke at a line end: joining it is right
            continue
        inj = by_hyphen.get(hyphen)
        if inj is not None and repair.before == inj.split and repair.after == inj.word:
            restored.add(hyphen)
            continue
        tally.wrong_joins += 1
        tally.wrong_corpus_closed += inj is None and repair.after.lower() in spellings.closed
        if len(tally.wrong_examples) < show:
            context = text[max(0, repair.start - 30) : repair.end + 30].replace("\n", " ")
            tally.wrong_examples.append(f"{repair.before!r} -> {repair.after!r}  …{context}…")
    lexicon = default_lexicon()
    for inj in injections:
        two_word = is_two_word(inj.split)
        tally.two_word += two_word
        kind = word_class(inj.word)
        tally.by_class[kind] += 1
        if inj.hyphen in restored:
            tally.repaired_by_class[kind] += 1
            tally.repaired += 1
            tally.two_word_repaired += two_word
            continue
        tally.missed += 1
        tally.missed_corpus_hyphenated += inj.split.lower() in spellings.hyphenated
        left, right = inj.split.split("-")
        rule = judge(left, right, lexicon).rule
        tally.missed_by_rule[rule] += 1
        if len(tally.missed_examples) < show:
            context = text[max(0, inj.hyphen - 40) : inj.hyphen + 40].replace("\n", " ")
            tally.missed_examples.append(f"{inj.split} ({rule})  …{context}…")


def run(args: argparse.Namespace) -> Tally:
    rng = random.Random(args.seed)
    tally = Tally()
    spellings = corpus_spellings(args.data, args.limit)
    for newid, body in stories(args.data, args.limit):
        # inject into every story so that the two halves partition the full run exactly
        text, injections = inject(body, rng, args.rate, args.positions)
        if not in_half(newid, args.half):
            continue
        began = time.perf_counter()
        cleaned = clean_text(text)
        tally.seconds += time.perf_counter() - began
        tally.stories += 1
        tally.words += len(body.split())
        tally.chars += len(text)
        tally.injected += len(injections)
        score(text, injections, cleaned.repairs, tally, args.show, spellings)
    return tally


def spacy_speed(args: argparse.Namespace) -> float:
    """Characters per second of the English spaCy pipeline on the first stories, for comparison."""
    import spacy

    from dateline.settings import MODEL_CANDIDATES

    nlp = None
    for name in MODEL_CANDIDATES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        return float("nan")
    texts = list(bodies(args.data, args.spacy))
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return sum(map(len, texts)) / (time.perf_counter() - began)


def report(tally: Tally, args: argparse.Namespace) -> None:
    pct = 100.0 * tally.repaired / max(tally.injected, 1)
    per_100k = 100_000.0 * tally.wrong_joins / max(tally.words, 1)
    two = 100.0 * tally.two_word_repaired / max(tally.two_word, 1)
    print(f"corpus       {args.data}")
    print(f"stories      {tally.stories:,}   words {tally.words:,}   chars {tally.chars:,}")
    print(f"half         {args.half} (even NEWIDs: development, odd: test)")
    setup = f"rate {args.rate}, seed {args.seed}, {args.positions} positions"
    print(f"injected     {tally.injected:,} splits ({setup})")
    print(f"repaired     {tally.repaired:,}  ({pct:.2f}%)   target >= 99%")
    print(f"missed       {tally.missed:,}   by rule: {dict(tally.missed_by_rule.most_common())}")
    print(f"wrong joins  {tally.wrong_joins:,}  ({per_100k:.2f} per 100,000 words)   target <= 1")
    print(
        f"  arguable (counted above): misses the unmodified corpus itself writes hyphenated "
        f"{tally.missed_corpus_hyphenated:,}; joins of its hyphens into words it also writes closed "
        f"{tally.wrong_corpus_closed:,}"
    )
    for kind, count in tally.by_class.most_common():
        share = 100.0 * tally.repaired_by_class[kind] / count
        print(f"  {kind:32} injected {count:,}, repaired {tally.repaired_by_class[kind]:,} ({share:.2f}%)")
    print(f"line-end hyphenations in the original text rejoined {tally.line_end_joins:,} (not counted above)")
    print(f"two-word splits {tally.two_word:,}, repaired {tally.two_word_repaired:,} ({two:.2f}%)")
    print(f"other repairs {dict(tally.other_repairs)}")
    speed = tally.chars / max(tally.seconds, 1e-9)
    print(f"speed        {speed:,.0f} chars/s   {tally.words / max(tally.seconds, 1e-9):,.0f} words/s")
    if args.spacy:
        print(f"spaCy        {spacy_speed(args):,.0f} chars/s (nlp.pipe, first {args.spacy} stories)")
    for title, examples in (("missed", tally.missed_examples), ("wrong", tally.wrong_examples)):
        for example in examples:
            print(f"  {title}: {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_corpus(), help="reuters21578.jsonl.gz")
    parser.add_argument("--limit", type=int, default=None, help="stories to use (default: all)")
    parser.add_argument("--rate", type=float, default=0.05, help="share of eligible words to split")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="examples of misses and wrong joins to print")
    parser.add_argument(
        "--half", choices=("all", "even", "odd"), default="all", help="stories by NEWID parity"
    )
    parser.add_argument(
        "--positions", choices=("uniform", "syllable"), default="uniform", help="where injected cuts fall"
    )
    parser.add_argument("--spacy", type=int, default=0, help="also time spaCy on this many stories")
    report(run(parser.parse_args()), parser.parse_args())


if __name__ == "__main__":
    main()
