"""Wire-text conventions: the metadata prefix of a story file and the dateline opening its body.

A metadata prefix is a run of ``key value`` lines before the body (leading blanks allowed):
``date 2021-12-15``, ``title ...``, ``source ...``, ``url ...``, ``id ...``. An ISO date may also sit
on the same line just before the body (``  date 2021-12-15  BEIJING (TASS): ...``). Keys are
lower-case, optionally followed by a colon, so that a body opening with "Source close to ..."
or "Title IX ..." is never taken for metadata.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field

_BLANK = r"[^\S\r\n]"  # horizontal whitespace, any Unicode space but not a line break
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?"

# "date 2021-12-15" followed by blanks and the body on the same line
_INLINE_DATE = re.compile(rf"date:?{_BLANK}+(?P<value>{_ISO_DATE}){_BLANK}+(?=\S)")
# "key value" alone on its line; the value's shape is checked per key
_PREFIX_LINE = re.compile(
    rf"(?P<key>date|title|source|url|id):?{_BLANK}+(?P<value>[^\r\n]*?){_BLANK}*(?:\r\n|\r|\n|\Z)"
)
_VALUE_SHAPES: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"(?=.*\d)\S.{0,60}"),
    "title": re.compile(r"\S.{0,500}"),
    "source": re.compile(r"\S.{0,80}"),
    "url": re.compile(r"[a-z][a-z0-9+.\-]*://\S+", re.IGNORECASE),
    "id": re.compile(r"[^\s]{1,200}"),
}
_LEADING_BLANKS = re.compile(r"[\s\ufeff]*")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY_DATE = rf"(?:{_MONTH}{_BLANK}\d{{1,2}}|\d{{1,2}}{_BLANK}{_MONTH}|{_WEEKDAY})(?:,?{_BLANK}\d{{4}})?"
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
_PLACE = rf"{_WORD}(?:(?:{_BLANK}|/){_WORD}){{0,4}}"

# PLACE[, Region][, Mon Day] [(AGENCY) | /AGENCY/] then ':' or a dash ('.' after /AGENCY/, TASS style)
_DATELINE = re.compile(
    rf"""(?P<place>{_PLACE})
    (?:,{_BLANK}(?!{_MONTH}{_BLANK}\d|{_WEEKDAY})(?P<region>{_WORD}(?:{_BLANK}{_WORD}){{0,2}}))?
    (?:,{_BLANK}(?P<date>{_DAY_DATE}))?
    (?:
        \.?{_BLANK}*/(?P<slashed>[A-Za-z][A-Za-z .&\-]{{0,30}})/(?P<dot>{_BLANK}*[.:\-\u2014\u2013]{{1,2}})?
      | {_BLANK}*\((?P<agency>[A-Za-z][A-Za-z .&/\-]{{0,30}})\)
    )?
    (?(dot)|(?P<sep>{_BLANK}*:|{_BLANK}+[\-\u2014\u2013]{{1,2}}(?=\s)|{_BLANK}*[\u2014\u2013](?=\s)))
    """,
    re.VERBOSE,
)
#: a dateline is looked for at the start of each of the first lines within this many characters
DATELINE_WINDOW = 400
#: no dateline is longer than this; matching stops there so huge bodies cost nothing
DATELINE_MAX_CHARS = 200
#: all-caps openings that end with a colon or dash but are headings, not places
NOT_PLACES = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BULLETIN", "CORRECTED", "CORRECTION", "EDITORIAL",
        "EDITORS", "EXCLUSIVE", "FACTBOX", "FEATURE", "FLASH", "INSIGHT", "INTERVIEW", "NOTE", "OPINION",
        "PHOTO", "REFILE", "REPEAT", "UPDATE", "URGENT", "VIDEO", "WARNING", "WRAPUP",
    }
)  # fmt: skip
#: lower-case words allowed inside a title-case place ("Rio de Janeiro", "Stratford-upon-Avon")
PLACE_PARTICLES = frozenset(
    {"al", "am", "an", "da", "das", "de", "del", "der", "di", "do", "dos", "du", "el", "en", "im", "la", "le",
     "les", "of", "on", "sur", "upon"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Prefix:
    """The metadata prefix of a wire file and where the body starts."""

    date_text: str | None
    body_start: int
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A parsed dateline; offsets are into the body text, ``text == body[start:end]``."""

    text: str
    start: int
    end: int
    place: str
    region: str | None
    agency: str | None
    date_text: str | None
    places: tuple[str, ...] = ()


def split_prefix(content: str) -> Prefix:
    """Read the optional metadata prefix; the body starts at the first character after it."""
    fields: dict[str, str] = {}
    position = 0
    while True:
        start = _LEADING_BLANKS.match(content, position)
        at = start.end() if start else position
        inline = _INLINE_DATE.match(content, at)
        if inline and "date" not in fields:
            fields["date"] = inline.group("value")
            position = inline.end()
            break
        line = _PREFIX_LINE.match(content, at)
        if not line or not _value_fits(line.group("key"), line.group("value"), fields):
            break
        fields[line.group("key")] = line.group("value")
        position = line.end()
    if not fields:
        return Prefix(None, 0)
    body_start = _LEADING_BLANKS.match(content, position)
    return Prefix(fields.get("date"), body_start.end() if body_start else position, fields)


def _value_fits(key: str, value: str, seen: dict[str, str]) -> bool:
    return key not in seen and _VALUE_SHAPES[key].fullmatch(value) is not None


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO date/datetime, RFC 2822, or a written date; ``None`` if it does not parse."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    return _iso_date(text) or _rfc2822_date(text) or _written_date(text)


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)", text) else None
    except ValueError:
        return None


def _rfc2822_date(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


#: written forms accepted besides ISO and RFC 2822 (strptime formats, English month names)
WRITTEN_DATE_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%Y/%m/%d", "%d-%b-%Y",
    "%d-%b-%Y %H:%M:%S", "%d-%b-%Y %H:%M:%S.%f",
)  # fmt: skip


def _written_date(text: str) -> dt.date | None:
    for fmt in WRITTEN_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def find_dateline(body: str) -> DatelineMatch | None:
    """Parse ``BEIJING (TASS):``, ``MOSCOW, Dec 15 (Reuters) -``, ``WASHINGTON —`` and the like.

    The dateline opens the body or one of its first lines (a headline may come first).
    """
    head = body[: DATELINE_WINDOW + DATELINE_MAX_CHARS]
    for start in _line_starts(head):
        match = _DATELINE.match(head, start)
        parsed = _accept(match, head) if match else None
        if parsed is not None:
            return parsed
    return None


def _line_starts(body: str) -> list[int]:
    starts = [0, *(m.end() for m in re.finditer(r"\n", body[:DATELINE_WINDOW]))]
    positions: list[int] = []
    for start in starts:
        blank = _LEADING_BLANKS.match(body, start)
        at = blank.end() if blank else start
        if at < len(body) and at not in positions and body[start:at].count("\n") == 0:
            positions.append(at)
    return positions


def _accept(match: re.Match[str], body: str) -> DatelineMatch | None:
    place = match.group("place")
    agency = match.group("agency") or match.group("slashed")
    words = re.split(rf"{_BLANK}+|/", place)
    if not _place_ok(words, has_agency=agency is not None):
        return None
    start = match.start()
    end = match.start("sep") if match.group("sep") is not None else match.end("slashed") + 1
    places = tuple(_title(part) for part in place.split("/"))
    return DatelineMatch(
        text=body[start:end],
        start=start,
        end=end,
        place=_title(place),
        region=match.group("region"),
        agency=agency.strip() if agency else None,
        date_text=match.group("date"),
        places=places,
    )


def _place_ok(words: list[str], *, has_agency: bool) -> bool:
    """All capitals without an agency; capitalised words (and particles) with one."""
    letters = "".join(words)
    if not letters or letters.upper() in NOT_PLACES or " ".join(words).upper() in NOT_PLACES:
        return False
    if all(word.isupper() for word in words):
        return len(letters) >= 3 or has_agency
    if not has_agency:
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in PLACE_PARTICLES for w in words)


def _title(place: str) -> str:
    return "/".join(" ".join(_title_word(w) for w in part.split()) for part in place.split("/"))


def _title_word(word: str) -> str:
    if not word.isupper():
        return word
    return "-".join(piece.capitalize() for piece in word.split("-"))
