"""One catalogue of error codes, so users can search for a code and act on it."""

from __future__ import annotations

from enum import Enum


class Errors(Enum):
    """Error codes with message templates (``Errors.E001.format(path=...)``)."""

    E001 = "cannot open {path}: {reason}"
    E002 = "{path} is empty"
    E003 = "{path} looks binary (NUL bytes or undecodable), not text"
    E004 = "line is not valid JSON: {reason}"
    E005 = "record has no non-empty 'text' string (nor a 'body' string to use instead)"
    E006 = "date {value!r} does not parse; the story is kept with no published date"
    E007 = "record is larger than {limit} characters ({size}); it was skipped"
    E008 = "no input matched {pattern!r}"
    E009 = "processing failed at stage {stage}: {reason}"
    E010 = "the English spaCy pipeline is not installed: run `make demo` or `pip install {package}`"
    E011 = "cannot read dictionary {path}: {reason}"
    E012 = "gold file {path} is not in the expected {fmt} format: {reason}"
    E013 = "cannot open the database {path}: {reason}"
    E014 = "record is not a JSON object"
    E015 = "{path} is not a complete gzip stream ({reason}); the records before the damage were kept"
    E016 = "{path} looks like a {kind}, not wire text or JSON Lines"
    E017 = "{path} has {size} bytes, more than the {limit} allowed for one wire story; use JSON Lines"
    E018 = "line is longer than {limit} bytes ({size}); the record was skipped"
    E019 = "{out} holds a batch of other inputs or options ({reason}); use another --out or --restart"
    E020 = "--engine ray needs Ray, which is not installed: pip install 'dateline[ray]'"
    E021 = "cannot run the batch in {out}: {reason}"
    E022 = "--dictionaries-only needs dictionaries to code with: give --actors and --verbs (docs/events.md)"
    E023 = "{path}:{line}: {problem}"
    E024 = "{gold} needs its stories beside it in {folder} (see docs/evaluation.md, whole stories)"
    # web pages, WARC archives and feeds (docs/input.md); from E040, clear of other branches' codes
    E040 = "WARC record {record} ({uri}) skipped: {reason}"
    E041 = "{path} is cut off or damaged after WARC record {record} ({reason}); earlier records are kept"
    E042 = "{path} has {size} bytes, more than the {limit} allowed for one web page"
    E043 = "no article text found in the page ({reason})"
    E044 = "{path} is not a news feed: {reason}"
    E045 = "feed item has no text: no content or summary{hint}"
    E046 = "cannot fetch {url}: {reason}; next try in {delay:.0f} s"
    E047 = "--alert {expr!r}: {reason}"
    E048 = "{records} WARC records read, {stories} pages kept; skipped: {skipped}"
    E049 = "cannot fetch {url}: {reason}; the item is skipped for good"
    E025 = "cannot read the gazetteer table {path}: {reason}"
    E026 = "cannot cluster the stories of {path}: {reason}"

    def format(self, **kwargs: object) -> str:
        return f"[{self.name}] " + self.value.format(**kwargs)

    @property
    def code(self) -> str:
        return self.name


class DatelineError(Exception):
    """An error a user can act on; carries its catalogue code."""

    def __init__(self, error: Errors, **kwargs: object) -> None:
        self.code = error.name
        super().__init__(error.format(**kwargs))
