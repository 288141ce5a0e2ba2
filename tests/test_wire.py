"""The metadata prefix, dates and datelines of wire text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.wire import find_dateline, parse_date, split_prefix


@pytest.mark.parametrize(
    ("body", "text", "place", "agency", "region", "date_text"),
    [
        ("BEIJING (TASS): The", "BEIJING (TASS)", "Beijing", "TASS", None, None),
        ("MOSCOW, Dec 15 (Reuters) - Russia", "MOSCOW, Dec 15 (Reuters)", "Moscow", "Reuters", None,
         "Dec 15"),
        ("WASHINGTON — The", "WASHINGTON", "Washington", None, None, None),
        ("NEW YORK (AP) -- A", "NEW YORK (AP)", "New York", "AP", None, None),
        ("MAR DEL PLATA, Argentina, Mar 4 - x", "MAR DEL PLATA, Argentina, Mar 4", "Mar Del Plata", None,
         "Argentina", "Mar 4"),
        ("UNITED NATIONS, March 3 (Reuters) - x", "UNITED NATIONS, March 3 (Reuters)", "United Nations",
         "Reuters", None, "March 3"),
        ("KYIV/MOSCOW (Reuters) - x", "KYIV/MOSCOW (Reuters)", "Kyiv/Moscow", "Reuters", None, None),
        ("PARIS (AFP) – Le", "PARIS (AFP)", "Paris", "AFP", None, None),
        ("BEIJING, Dec. 15 (Xinhua) -- x", "BEIJING, Dec. 15 (Xinhua)", "Beijing", "Xinhua", None, "Dec. 15"),
        ("Beirut (AFP) – When", "Beirut (AFP)", "Beirut", "AFP", None, None),
        ("MOSCOW, December 15. /TASS/. The", "MOSCOW, December 15. /TASS/", "Moscow", "TASS", None,
         "December 15"),
        ("SÃO PAULO, May 3 (Reuters) - x", "SÃO PAULO, May 3 (Reuters)", "São Paulo", "Reuters", None,
         "May 3"),
        ("Rio de Janeiro (Reuters) - x", "Rio de Janeiro (Reuters)", "Rio de Janeiro", "Reuters", None, None),
        ("ST. PETERSBURG, Russia (AP) — x", "ST. PETERSBURG, Russia (AP)", "St. Petersburg", "AP", "Russia",
         None),
        ("LONDON, March 3, 2022 (Reuters) - x", "LONDON, March 3, 2022 (Reuters)", "London", "Reuters", None,
         "March 3, 2022"),
    ],
)  # fmt: skip
def test_datelines(
    body: str, text: str, place: str, agency: str | None, region: str | None, date_text: str | None
) -> None:
    found = find_dateline(body)
    assert found is not None
    assert (found.text, found.place, found.agency, found.region, found.date_text) == (
        text,
        place,
        agency,
        region,
        date_text,
    )
    assert body[found.start : found.end] == found.text


def test_split_places_are_listed() -> None:
    found = find_dateline("KYIV/MOSCOW (Reuters) - x")
    assert found is not None and found.places == ("Kyiv", "Moscow")


def test_dateline_after_a_headline_line_keeps_offsets_into_the_body() -> None:
    body = "Talks resume in Geneva\n\nGENEVA (AFP) - Diplomats met."
    found = find_dateline(body)
    assert found is not None
    assert body[found.start : found.end] == "GENEVA (AFP)"


@pytest.mark.parametrize(
    "body",
    [
        "The minister said - no more talks.",
        "US officials - said nothing.",
        "He said: yes.",
        "UPDATE 2-Russia says talks to go on",
        "BREAKING: talks collapse",
        "EXCLUSIVE - talks collapse",
        "NATO and Russia - talks",
        "A - b",
        "Mr Lavrov (pictured) said - nothing",
        "",
    ],
)
def test_no_dateline_in_ordinary_openings(body: str) -> None:
    assert find_dateline(body) is None


def test_dateline_deep_in_the_body_is_not_taken() -> None:
    body = "x " * 400 + "\nMOSCOW (Reuters) - late"
    assert find_dateline(body) is None


@pytest.mark.parametrize(
    ("content", "date_text", "body"),
    [
        ("  date 2021-12-15  BEIJING (TASS): x", "2021-12-15", "BEIJING (TASS): x"),
        ("date 2021-12-15\r\nBODY\r\n", "2021-12-15", "BODY\r\n"),
        ("date: 2021-12-15T08:30:00Z\n\n  BODY", "2021-12-15T08:30:00Z", "BODY"),
        ("date 2021-13-45\nBody", "2021-13-45", "Body"),
        ("Source close to the talks said", None, "Source close to the talks said"),
        ("date night at the White House", None, "date night at the White House"),
        ("BEIJING (TASS): no prefix", None, "BEIJING (TASS): no prefix"),
    ],
)
def test_prefix(content: str, date_text: str | None, body: str) -> None:
    prefix = split_prefix(content)
    assert prefix.date_text == date_text
    assert content[prefix.body_start :] == body


def test_all_prefix_keys() -> None:
    content = (
        "title Talks resume\ndate 2022-03-03\nsource Reuters\nurl https://example.org/a\nid story-7\n\nBody"
    )
    prefix = split_prefix(content)
    assert prefix.fields == {
        "title": "Talks resume",
        "date": "2022-03-03",
        "source": "Reuters",
        "url": "https://example.org/a",
        "id": "story-7",
    }
    assert content[prefix.body_start :] == "Body"


def test_url_prefix_needs_a_url() -> None:
    assert split_prefix("url is not a link\nBody").body_start == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-15", dt.date(2021, 12, 15)),
        ("2021-12-15T10:00:00Z", dt.date(2021, 12, 15)),
        ("2021-12-15T10:00:00+03:00", dt.date(2021, 12, 15)),
        ("1987-02-26T15:01:01", dt.date(1987, 2, 26)),
        ("15 December 2021", dt.date(2021, 12, 15)),
        ("December 15, 2021", dt.date(2021, 12, 15)),
        ("Wed, 15 Dec 2021 10:00:00 +0000", dt.date(2021, 12, 15)),
        ("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)),
        ("2021-13-45", None),
        ("yesterday", None),
        ("", None),
        (20211215, None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@given(st.text(max_size=400))
def test_prefix_splitter_never_crashes_and_stays_in_range(content: str) -> None:
    prefix = split_prefix(content)
    assert 0 <= prefix.body_start <= len(content)
    if prefix.date_text is not None:
        assert prefix.date_text in content[: prefix.body_start]


_DATELINE_PIECES = st.lists(
    st.sampled_from(
        ["MOSCOW", "New", "YORK", ", ", "Dec 15", " (Reuters)", " (AFP)", " - ", " — ", ":", "/", "TASS",
         " ", "\n", "said", "Kyiv", ".", "(", ")", "é", "2022"]
    ),
    max_size=12,
)  # fmt: skip


@given(st.one_of(st.text(max_size=300), _DATELINE_PIECES.map("".join)))
def test_dateline_parser_never_crashes_and_offsets_hold(body: str) -> None:
    found = find_dateline(body)
    if found is not None:
        assert 0 <= found.start < found.end <= len(body)
        assert body[found.start : found.end] == found.text
        assert found.place


def test_a_transcript_speaker_label_is_not_a_dateline() -> None:
    from dateline.cleaning import clean_story
    from dateline.records import Origin, RawStory
    from dateline.registry import ActorRegistry
    from dateline.settings import Settings

    registry = ActorRegistry.load(Settings())
    label = clean_story(RawStory("t", "NORA VANCE: We will see.", Origin("t")), registry)
    assert label.dateline is None
    place = clean_story(RawStory("p", "WASHINGTON — The vote failed.", Origin("p")), registry)
    assert place.dateline is not None and place.dateline.country == "USA"
