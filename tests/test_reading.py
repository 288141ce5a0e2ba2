"""Readers: wire text, JSON Lines (plain, gzipped, UTF-16), folders, globs, stdin, ids."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.reading import Item, expand_path, read_inputs
from dateline.records import Problem, RawStory
from dateline.settings import Settings

SETTINGS = Settings()
WIRE = "  date 2022-03-03  GENEVA, March 3 (Reuters) - Talks resumed.\r\nA second line.\r\n"


def read(*paths: Path | str, stdin: bytes | None = None) -> list[Item]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], SETTINGS, stdin=stream))


def stories(items: list[Item]) -> list[RawStory]:
    return [item for item in items if isinstance(item, RawStory)]


def problems(items: list[Item]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def test_wire_file_body_is_the_content_after_the_prefix(tmp_path: Path) -> None:
    path = tmp_path / "geneva-talks.txt"
    path.write_bytes(WIRE.encode())
    [story] = read(path)
    assert story == RawStory(
        id="geneva-talks",
        text="GENEVA, March 3 (Reuters) - Talks resumed.\r\nA second line.\r\n",
        origin=story.origin,
        published=dt.date(2022, 3, 3),
    )


def test_wire_prefix_fields_fill_the_story(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "title Talks\nsource Reuters\nurl https://example.org/x\nid talks-1\ndate 2022-03-03\nBody.\n"
    )
    [story] = read(path)
    assert (story.id, story.title, story.source, story.url, story.text) == (
        "talks-1",
        "Talks",
        "Reuters",
        "https://example.org/x",
        "Body.\n",
    )


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])
def test_wire_encodings(tmp_path: Path, codec: str) -> None:
    content = "date 2022-03-03\r\nGENÈVE (AFP) – « La paix », a dit le ministre.\r\n"
    if codec in ("latin-1",):
        content = content.replace("–", "-")
    path = tmp_path / "story.txt"
    path.write_bytes(content.encode(codec))
    [story] = read(path)
    assert story.text == content.split("\r\n", 1)[1]
    assert story.published == dt.date(2022, 3, 3)


def test_jsonl_fields_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    record = {"id": "x1", "date": "2022-03-03T09:00:00Z", "title": "T", "url": "https://e.org"}
    record |= {"source": "AP", "text": "Body one.", "lang": "en"}
    path.write_text(jsonl(record, {"text": "Body two."}))
    first, second = read(path)
    assert isinstance(first, RawStory) and isinstance(second, RawStory)
    assert (first.id, first.published, first.title, first.url, first.source) == (
        "x1",
        dt.date(2022, 3, 3),
        "T",
        "https://e.org",
        "AP",
    )
    assert first.metadata == {"lang": "en"}
    assert (second.id, second.origin.line) == ("feed-2", 2)


def test_gold_file_shapes_are_valid_input(tmp_path: Path) -> None:
    """The key names of the three gold files (records written here, not copied)."""
    path = tmp_path / "gold.jsonl.gz"
    lines = jsonl(
        {"id": "e1", "date": "1995-01-01", "text": "Event text."},
        {"doc_id": "p1", "publication_date": "2016-03-11", "text": "Quote text.", "wire": "AFP"},
        {
            "id": "r1",
            "date": "1987-02-26T15:01:01",
            "title": "TITLE",
            "dateline": "X, Feb 26 -",
            "body": "B.",
        },
    )
    path.write_bytes(gzip.compress(lines.encode()))
    found = read(path)
    assert [(s.id, s.text, s.published) for s in stories(found)] == [
        ("e1", "Event text.", dt.date(1995, 1, 1)),
        ("p1", "Quote text.", dt.date(2016, 3, 11)),
        ("r1", "B.", dt.date(1987, 2, 26)),
    ]
    reuters = stories(found)[2]
    assert reuters.title == "TITLE"
    assert reuters.metadata == {"dateline": "X, Feb 26 -"}


def test_jsonl_is_detected_from_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "stories.dat"
    path.write_text("\n\n" + jsonl({"text": "A."}, {"text": "B."}))
    assert [s.text for s in stories(read(path))] == ["A.", "B."]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_jsonl_in_other_encodings_is_decoded_as_a_stream(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "Café — one"}, {"id": "b", "text": "two"}).encode(codec))
    assert [(s.id, s.text) for s in stories(read(path))] == [("a", "Café — one"), ("b", "two")]


def test_crlf_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": "a\r\nb"}).replace("\n", "\r\n").encode())
    [story] = read(path)
    assert story.text == "a\r\nb"


def test_folder_is_recursive_sorted_and_skips_hidden_and_docs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a.txt", "b/1.txt", ".hidden/x.txt", ".dot.txt", "README.md", "LICENSE"):
        (tmp_path / name).write_text("Story text.")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_path(str(tmp_path))] == [
        "a.txt",
        "b/1.txt",
        "b/2.txt",
    ]


def test_glob(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Story {name}.")
    assert [s.id for s in stories(read(tmp_path / "x*.txt"))] == ["x1", "x2"]


def test_stdin_wire_gets_a_content_hash_id() -> None:
    first = stories(read("-", stdin=WIRE.encode()))
    again = stories(read("-", stdin=WIRE.encode()))
    other = stories(read("-", stdin=b"Another story."))
    assert first[0].id == again[0].id != other[0].id
    assert first[0].id.startswith("stdin-")


def test_stdin_jsonl() -> None:
    items = read("-", stdin=jsonl({"id": "s1", "text": "A."}, {"text": "B."}).encode())
    ids = [s.id for s in stories(items)]
    assert ids[0] == "s1" and ids[1].startswith("stdin-")


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(jsonl({"text": "A."}, {"text": "B."}))
    (tmp_path / "wire.txt").write_text("Body.")
    assert [s.id for s in stories(read(tmp_path))] == [s.id for s in stories(read(tmp_path))]


def test_same_stem_different_story_gets_a_unique_id(tmp_path: Path) -> None:
    for folder, text in (("a", "First."), ("b", "Second.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text)
    ids = [s.id for s in stories(read(tmp_path))]
    assert ids[0] == "story" and ids[1].startswith("story~") and len(set(ids)) == 2


def test_the_same_story_twice_keeps_its_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Body.")
    assert [s.id for s in stories(read(path, path))] == ["story", "story"]


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "bad \\ud800 char", "title": "\\udfff"}\n')
    [story] = read(path)
    assert story.text == "bad \ufffd char" and story.title == "\ufffd"
    json.dumps(story.text, ensure_ascii=False).encode("utf-8")


def test_seed_story(seed_path: Path) -> None:
    [story] = read(seed_path)
    assert story.published == dt.date(2021, 12, 15)
    assert story.text.startswith("BEIJING (TASS): ")


def test_shared_gold_files_read_without_problems_except_empty_bodies(shared_data: Path) -> None:
    for name in ("event-gold/dev.jsonl", "polnear/dev.jsonl.gz"):
        items = read(shared_data / name)
        assert items and not problems(items)
    reuters = read(shared_data / "reuters21578/reuters21578.jsonl.gz")
    assert {p.code for p in problems(reuters)} <= {"E005"}
    assert len(stories(reuters)) > 0.9 * len(reuters)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_any_bytes_as_a_file_give_stories_or_problems(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.bin"
    path.write_bytes(data)
    for item in read(path):
        assert isinstance(item, RawStory | Problem)
        if isinstance(item, RawStory):
            assert item.text.strip()


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
_RECORDS = st.dictionaries(
    st.sampled_from(
        ["id", "doc_id", "text", "body", "date", "publication_date", "title", "url", "source", "x"]
    ),
    _JSON_VALUES,
)
_LINES = st.one_of(_RECORDS.map(json.dumps), st.text(max_size=60).filter(lambda s: "\n" not in s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINES, min_size=1, max_size=8))
def test_arbitrary_jsonl_lines_give_one_outcome_per_line(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "any.jsonl"
    path.write_text("{}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    for item in items:
        assert isinstance(item, RawStory | Problem)
        assert item.origin.line is not None  # read as JSON Lines: every outcome names its line
    story_lines = [s.origin.line for s in stories(items)]
    assert len(story_lines) == len(set(story_lines))
