"""Rules that tidy and complete the statistical NER, as a spaCy component after ``ner``.

Run in this order, each on the output of the one before:

1. tidy: drop a leading article and trailing numbers, punctuation and possessive
   ``'s``; split an entity at a score, a dash or a bracket inside it
   (``Luton 1 Rotherham 0`` is two names, ``J. Smith 56`` is one);
2. results lines: in a line that is only names and numbers (a match result or
   a league table row) the names are teams, hence organisations, unless the
   model saw a full personal name (golf and athletics tables list people);
   Those team names are final: later rules neither relabel them nor let them
   vote (the dateline's ``NEW YORK`` is a city, the table's a club);
3. gazetteer: countries, places and nationality adjectives the model left
   unlabelled, or labelled as something else on exactly the same words;
4. plain words: a headline topic (``SOCCER``) or a frequent word that is
   capitalised only because it opens a line (``Women``) is no name;
5. initials: ``J. Smith`` is a person (``U.S.`` and other known abbreviations are not initials);
6. given names: a known given name and the capitalised words after it are a
   person (``Sabri Lamouchi``), whatever the model called them;
7. entrants: ``First Last ( Country )`` in a results list is a person;
8. organisation suffixes: ``... Corp``, ``... Party``, ``... Ministry``, ``... United``;
9. first names: a rare capitalised word just before a person's name belongs to it;
10. one sense per document: a name keeps the label it has most often in the
    story, unlabelled repeats get it too, and the surname of a person named
    in full is that person (unless it is a known place).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry
from spacy.attrs import IS_ALPHA, IS_TITLE, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from wordfreq import zipf_frequency

COMPONENT = "dateline_ner_rules"
#: labels the rules may create or relabel (others, like DATE, are left as the model made them)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_ARTICLES = frozenset({"the", "The", "THE"})
_SPLITTERS = frozenset({"-", "--", "(", ")", "[", "]", ":", ";", ",", "/", "|", "v", "vs", "vs."})
_SCORE = re.compile(r"^\.?\d+(?:[.,/-]\d+)*\.?$")
#: a date in a line (``LONDON 1996-08-30``) makes it a dateline, not a table row
_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d\d?[/.-]\d\d?[/.-]\d{2,4}\b")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")
#: a results line has at most this many tokens besides names and numbers (e.g. "-", ",")
RESULTS_MAX_OTHER = 2
#: a capitalised word more frequent than this (Zipf) is a word, not a first name (President, Minister)
NAME_MAX_ZIPF = 4.0
#: a person's name found from a given name spans at most this many words
MAX_NAME_WORDS = 4
#: a lone word this frequent (Zipf) at the start of a line is a word, not a name
PLAIN_WORD_ZIPF = 5.0
#: a results-list entrant's name has at least this many words
MIN_ENTRANT_WORDS = 2
#: lower-case words that may sit inside a personal name (Joaquin del Olmo, Ludwig van Beethoven)
_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "dos", "van", "von", "der", "den", "le", "la", "bin"}
)
#: a table row of one name needs at least this many numbers after it
TABLE_MIN_NUMBERS = 3


@dataclass(frozen=True)
class NerLexicon:
    """Gazetteers loaded once from ``data/ner``."""

    places: tuple[str, ...]
    nationalities: tuple[str, ...]
    org_suffixes: frozenset[str]
    given_names: frozenset[str] = frozenset()
    #: sports and topic words of headlines, lower-cased
    topics: frozenset[str] = frozenset()
    #: words of ``proper_names.txt`` (days, months, acronyms)
    proper_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path) -> NerLexicon:
        places = [*_lines(folder / "places.txt"), *country_names()]
        nationalities = [line.split("\t")[0] for line in _lines(folder / "nationalities.tsv")]
        return cls(
            tuple(places),
            tuple(nationalities),
            frozenset(_lines(folder / "org_suffixes.txt")),
            frozenset(_lines(folder / "first_names.txt")),
            frozenset(line.lower() for line in _lines(folder / "sports.txt")),
            frozenset(_lines(folder / "proper_names.txt")),
        )

    def names(self) -> Iterator[str]:
        """Every proper name the lexicon knows (for truecasing)."""
        yield from self.places
        yield from self.nationalities


def country_names() -> list[str]:
    """Short English names of every country (pycountry), skipping inverted forms like 'Korea, Republic of'."""
    names: list[str] = []
    for country in pycountry.countries:
        for attribute in ("common_name", "name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and "(" not in name:
                names.append(name)
    return names


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        stripped = (line.split("#", 1)[0].strip() for line in handle)
        return [line for line in stripped if line]


@dataclass(frozen=True, slots=True)
class TokenView:
    """What the whole-document rules read of every token, taken in one pass.

    Each ``doc[i]`` builds a new ``Token`` object; the rules used to walk the
    document five times that way, which cost more than the rules themselves.
    """

    text: str
    texts: list[str]
    starts: list[int]
    title: list[bool]
    alpha: list[bool]
    #: whether a space follows the token (spaCy's ``whitespace_`` is one space or nothing,
    #: so a line break is always a token of its own)
    spaced: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        # one C-level copy of the attributes; token texts come from the string store
        rows = doc.to_array([ORTH, IS_TITLE, IS_ALPHA, SPACY]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        texts = [strings[row[0]] for row in rows]
        spaced = [bool(row[3]) for row in rows]
        starts: list[int] = []
        at = 0
        for word, space in zip(texts, spaced, strict=True):
            starts.append(at)
            at += len(word) + space
        text = "".join(word + " " if space else word for word, space in zip(texts, spaced, strict=True))
        title = [bool(row[1]) for row in rows]
        return cls(text, texts, starts, title, [bool(row[2]) for row in rows], spaced)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span."""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.texts[end - 1])]


class NerRules:
    """The spaCy component; holds its matchers, built once when the pipeline loads."""

    def __init__(self, nlp: Language, lexicon: NerLexicon) -> None:
        self.lexicon = lexicon
        self._places = frozenset([*lexicon.places, *lexicon.nationalities])
        # dotted abbreviations of bodies look like initials (U.N. Security Council) but are not people
        self._acronyms = frozenset(name for name in lexicon.proper_names if _INITIAL.match(name))
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("GPE", [nlp.make_doc(name) for name in lexicon.places])
        self.matcher.add("NORP", [nlp.make_doc(name) for name in lexicon.nationalities])

    def __call__(self, doc: Doc) -> Doc:
        view = TokenView.of(doc)
        spans = [piece for ent in doc.ents for piece in tidy(ent)]
        spans, teams = results_lines(doc, spans, view)
        spans = self.gazetteer(doc, spans, teams)
        spans = [span for span in spans if not self.plain_word(span)]
        spans = initials(doc, spans, self._places | self._acronyms, view)
        runs = list(_title_runs(view))
        spans = self.given_names(doc, spans, teams, runs)
        spans = self.entrants(doc, spans, teams, runs)
        spans = [self.org_suffix(span) for span in spans]
        spans = extend_persons(doc, spans)
        spans = one_sense(doc, spans, teams, self._places, view)
        doc.ents = filter_spans(spans)
        return doc

    def gazetteer(self, doc: Doc, spans: list[Span], teams: frozenset[tuple[int, int]]) -> list[Span]:
        """Known places and nationalities: add where nothing is labelled, fix the label on exact matches.

        Team names of results lines (``teams``) stay organisations even when they are city names.
        """
        covered = _covered(spans)
        exact = {(span.start, span.end): span for span in spans}
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            current = exact.get((start, end))
            if (start, end) in teams:
                continue
            if current is not None and current.label_ in NAME_LABELS and current.label_ != label:
                exact[(start, end)] = Span(doc, start, end, label=label)
            elif current is None and not covered.intersection(range(start, end)):
                exact[(start, end)] = Span(doc, start, end, label=label)
                covered.update(range(start, end))
        return list(exact.values())

    def given_names(
        self, doc: Doc, spans: list[Span], teams: frozenset[tuple[int, int]], runs: list[tuple[int, int]]
    ) -> list[Span]:
        """A known given name and the capitalised words after it are a person (``Sabri Lamouchi``).

        The model often calls unfamiliar foreign names organisations, or misses
        them in lists; the given name is the evidence it lacks. A run that ends
        in an organisation word (``Max Planck Institute``) or that holds a
        known place or a team name is left alone.
        """
        out = list(spans)
        for start, end in runs:
            first = next((i for i in range(start, end - 1) if doc[i].text in self.lexicon.given_names), None)
            if first is None:
                continue
            end = min(end, first + MAX_NAME_WORDS)
            if doc[end - 1].text in self.lexicon.org_suffixes:
                continue
            clash = [s for s in out if s.start < end and first < s.end]
            if any(
                (s.start, s.end) in teams
                or s.start < first
                or s.end > end
                or s.label_ not in {"PERSON", "ORG", "NORP", "GPE", "LOC"}
                or (s.label_ in {"GPE", "LOC", "NORP"} and self.known_place(s.text))
                for s in clash
            ):
                continue
            out = [s for s in out if s.end <= first or s.start >= end]
            out.append(Span(doc, first, end, label="PERSON"))
        return out

    def entrants(
        self, doc: Doc, spans: list[Span], teams: frozenset[tuple[int, int]], runs: list[tuple[int, int]]
    ) -> list[Span]:
        """``First Last ( Country )``: in results lists a full name with a country in brackets is a person."""
        out = list(spans)
        for start, end in runs:
            if not MIN_ENTRANT_WORDS <= end - start <= MAX_NAME_WORDS or end + 2 >= len(doc):
                continue
            if doc[end].text != "(" or not self._bracketed_place(doc, end + 1):
                continue
            clash = [s for s in out if s.start < end and start < s.end]
            if any(
                (s.start, s.end) in teams or s.start < start or s.end > end or s.label_ not in NAME_LABELS
                for s in clash
            ) or self.known_place(doc[start:end].text):
                continue
            out = [s for s in out if s.end <= start or s.start >= end]
            out.append(Span(doc, start, end, label="PERSON"))
        return out

    def _bracketed_place(self, doc: Doc, start: int) -> bool:
        """Whether a known place or nationality, then ``)``, starts at token ``start``."""
        for end in range(start + 1, min(len(doc), start + 4)):
            if doc[end].text == ")":
                text = doc[start:end].text
                return text in self._places or text in self._acronyms
        return False

    def plain_word(self, span: Span) -> bool:
        """A headline topic (``SOCCER``), or a frequent word capitalised as it opens a line (``Women``)."""
        if span.text.lower() in self.lexicon.topics:
            return True
        if len(span) != 1 or span.label_ not in {"PERSON", "ORG"} or not _line_initial(span[0]):
            return False
        word = span[0]
        known = word.text in self._places or word.text in self.lexicon.given_names
        return not known and zipf_frequency(word.lower_, "en") >= PLAIN_WORD_ZIPF

    def known_place(self, text: str) -> bool:
        return text in self._places

    def org_suffix(self, span: Span) -> Span:
        """A name ending in a company, party, ministry or club word is an organisation."""
        relabel = span.label_ in {"GPE", "LOC", "NORP", "FAC"} and len(span) > 1
        if relabel and span[-1].text in self.lexicon.org_suffixes:
            return Span(span.doc, span.start, span.end, label="ORG")
        return span


def _line_initial(token: Token) -> bool:
    return token.i == 0 or "\n" in token.doc[token.i - 1].whitespace_ or "\n" in token.doc[token.i - 1].text


def _title_runs(view: TokenView) -> Iterator[tuple[int, int]]:
    """Maximal runs of capitalised words (name particles like ``de`` inside a run are kept)."""
    start: int | None = None
    size = len(view.texts)
    for i, word in enumerate(view.texts):
        inside = _title_word(view, i) or (
            start is not None and word in _PARTICLES and i + 1 < size and _title_word(view, i + 1)
        )
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, size


def _title_word(view: TokenView, i: int) -> bool:
    word = view.texts[i]
    return view.title[i] and (view.alpha[i] or (len(word) > 2 and word.replace("-", "").isalpha()))


def tidy(ent: Span) -> list[Span]:
    """The entity without articles, scores or trailing punctuation, split where a score or dash cuts it."""
    if ent.label_ not in NAME_LABELS:
        return [ent]
    pieces: list[Span] = []
    start = ent.start
    for token in ent:
        if _splits(token):
            pieces += _trimmed(ent, start, token.i)
            start = token.i + 1
    pieces += _trimmed(ent, start, ent.end)
    return pieces


def _splits(token: Token) -> bool:
    """A score, bracket or spaced dash; a hyphen inside a word (``Asia-Pacific``) does not split."""
    if token.text in {"-", "/"}:
        return token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in _SPLITTERS or bool(_SCORE.match(token.text))


def _trimmed(ent: Span, start: int, end: int) -> list[Span]:
    doc = ent.doc
    while start < end and doc[start].text in _ARTICLES:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in {"'s", "’s", "'"}):
        end -= 1
    if start >= end or not any(char.isalpha() for char in doc[start:end].text):
        return []
    return [Span(doc, start, end, label=ent.label_)]


def results_lines(
    doc: Doc, spans: list[Span], view: TokenView | None = None
) -> tuple[list[Span], frozenset[tuple[int, int]]]:
    """Names in match-result and table lines become organisations (teams); also their token ranges.

    The ranges are returned so that later rules leave these labels alone: a
    city in a table row is a team even when the dateline names the same city.
    """
    view = view or TokenView.of(doc)
    out = list(spans)
    teams: set[tuple[int, int]] = set()
    for line_start, line_end in _lines_of(view):
        groups = _results_groups(view, line_start, line_end)
        if not groups:
            continue
        for start, end in groups:
            if _full_person_name(spans, start, end):
                continue
            out = [s for s in out if s.end <= start or s.start >= end]
            out.append(Span(doc, start, end, label="ORG"))
            teams.add((start, end))
    return out, frozenset(teams)


def _lines_of(view: TokenView) -> Iterator[tuple[int, int]]:
    """Token ranges of the lines (a line break is a token of its own, left out)."""
    start = 0
    for i, word in enumerate(view.texts):
        if "\n" in word:
            if i > start:
                yield start, i
            start = i + 1
    if start < len(view.texts):
        yield start, len(view.texts)


def _results_groups(view: TokenView, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """Token ranges of the names of a results line, or nothing if it is not one.

    Two shapes: ``Name n Name n`` (a result) and ``Name n n n ...`` (a table row).
    """
    if _DATE.search(view.span_text(line_start, line_end)):
        return []
    groups: list[tuple[int, int]] = []
    numbers_after: list[int] = []
    other = 0
    start: int | None = None
    for i in range(line_start, line_end):
        word = view.texts[i]
        if (word[:1].isupper() and view.alpha[i]) or (start is not None and word in {"of", "de", "."}):
            if start is None:
                start = i
                numbers_after.append(0)
            continue
        if start is not None:
            groups.append((start, i))
            start = None
        if _SCORE.match(word) and numbers_after:
            numbers_after[-1] += 1
        else:
            other += 1
    if start is not None:
        return []  # a line ending in a name is prose or a heading, not a result
    if other > RESULTS_MAX_OTHER or not groups or any(count == 0 for count in numbers_after):
        return []
    is_result = len(groups) == 2 and all(count == 1 for count in numbers_after)
    is_table = len(groups) == 1 and numbers_after[0] >= TABLE_MIN_NUMBERS
    return groups if is_result or is_table else []


def _full_person_name(spans: Iterable[Span], start: int, end: int) -> bool:
    return any(s.label_ == "PERSON" and s.start <= start and s.end >= end and len(s) > 1 for s in spans)


def initials(
    doc: Doc, spans: list[Span], abbreviations: frozenset[str] = frozenset(), view: TokenView | None = None
) -> list[Span]:
    """``J. Smith`` (an initial, then a capitalised word) is a person, whatever the model said.

    Known dotted abbreviations of places and bodies (``U.S. Treasury``) are not initials.
    """
    view = view or TokenView.of(doc)
    size = len(view.texts)
    out = list(spans)
    for i in range(size - 1):
        word = view.texts[i]
        if word in abbreviations:
            continue
        if _INITIAL.match(word) and view.title[i + 1] and view.alpha[i + 1]:
            end = i + 2
            while end < size and view.title[end] and view.alpha[end]:
                end += 1
            if any(s.label_ not in NAME_LABELS for s in out if s.start < end and i < s.end):
                continue
            out = [s for s in out if s.end <= i or s.start >= end]
            out.append(Span(doc, i, end, label="PERSON"))
    return out


def one_sense(
    doc: Doc,
    spans: list[Span],
    teams: frozenset[tuple[int, int]] = frozenset(),
    places: frozenset[str] = frozenset(),
    view: TokenView | None = None,
) -> list[Span]:
    """Give each name its most frequent label in the story; find unlabelled repeats and lone surnames.

    Team names of results lines neither vote nor change: the same word is a
    club in a table and a city in the prose.
    """
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        if span.label_ in NAME_LABELS and (span.start, span.end) not in teams:
            votes.setdefault(span.text, Counter())[span.label_] += 1
    labels = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title:
            # the surname of someone named in full is that person, whatever the model made of it
            # alone (a lone foreign surname often comes out as an organisation); places keep theirs
            surname = span[-1].text
            if surname not in places and labels.get(surname) != "NORP":
                labels[surname] = "PERSON"
    out = [
        Span(doc, s.start, s.end, label=labels[s.text])
        if s.text in labels and s.label_ in NAME_LABELS and (s.start, s.end) not in teams
        else s
        for s in spans
    ]
    out += _repeats(doc, out, labels, view or TokenView.of(doc))
    return out


def _repeats(doc: Doc, spans: list[Span], labels: dict[str, str], view: TokenView) -> list[Span]:
    """Unlabelled occurrences of labelled names, longest names first, adjacent pieces of one label joined."""
    covered = _covered(spans)
    added: list[Span] = []
    texts = view.texts
    # where each word occurs, so a name is only compared where its first word stands
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(texts):
        positions.setdefault(word, []).append(i)
    by_length = sorted(labels, key=lambda text: -len(text))
    for text in by_length:
        words = text.split()
        if not words[0][:1].isupper() or not text.replace(" ", "").replace(".", "").isalpha():
            continue
        for start in positions.get(words[0], ()):
            end = start + len(words)
            if texts[start:end] != words or covered.intersection(range(start, end)):
                continue
            added.append(Span(doc, start, end, label=labels[text]))
            covered.update(range(start, end))
    return _join_adjacent(sorted(added, key=lambda span: span.start))


def _join_adjacent(spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and last.end == span.start and last.label_ == span.label_ == "PERSON":
            joined[-1] = Span(span.doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return joined


def extend_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Take in a first name the model left out (``Yuri`` of ``Yuri Ushakov``): rare capitalised words only."""
    covered = _covered(spans)
    out: list[Span] = []
    for span in spans:
        start = span.start
        while (
            span.label_ == "PERSON" and start > 0 and _name_word(doc[start - 1]) and start - 1 not in covered
        ):
            start -= 1
        out.append(span if start == span.start else Span(doc, start, span.end, label="PERSON"))
    return out


def _name_word(token: Token) -> bool:
    """A capitalised word that is not a frequent English word (so not a title like President)."""
    return token.is_title and token.is_alpha and zipf_frequency(token.lower_, "en") < NAME_MAX_ZIPF


def _covered(spans: Iterable[Span]) -> set[int]:
    return {i for span in spans for i in range(span.start, span.end)}


@Language.factory(COMPONENT, default_config={"data_dir": ""})
def make_ner_rules(nlp: Language, name: str, data_dir: str) -> NerRules:
    """Factory so the component is added by name (``nlp.add_pipe(COMPONENT, ...)``)."""
    return NerRules(nlp, NerLexicon.load(Path(data_dir)))
