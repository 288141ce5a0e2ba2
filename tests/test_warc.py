"""WARC archives: HTML responses become stories; everything else is skipped with a counted reason."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.batch import BatchConfig, run_batch
from dateline.reading import read_inputs
from dateline.records import Problem, RawStory
from dateline.settings import Settings

from .helpers.batch import FakeEngine
from .helpers.web_input import PAGES, WarcEntry, build_warc, expected_pages

KYIV = "https://meridianpost.example/world/kyiv"
SAHEL = "https://harmattan.example/africa/sahel"


def crawl() -> list[WarcEntry]:
    """Two pages among a request, a PDF, a redirect, a 404 and a record the crawler cut short."""
    return [
        WarcEntry("", kind="warcinfo", body=b"software: test\r\n"),
        WarcEntry(KYIV, kind="request", body=b"GET /world/kyiv HTTP/1.1\r\n\r\n"),
        WarcEntry(KYIV, body=(PAGES / "kyiv-talks.html").read_bytes()),
        WarcEntry(
            "https://meridianpost.example/report.pdf", body=b"%PDF-1.7\n...", content_type="application/pdf"
        ),
        WarcEntry(
            "https://meridianpost.example/old",
            status="301 Moved Permanently",
            extra_http=(("Location", KYIV),),
            body=b"moved",
        ),
        WarcEntry("https://meridianpost.example/gone", status="404 Not Found", body=b"<html>no</html>"),
        WarcEntry(
            "https://meridianpost.example/cut",
            body=(PAGES / "pacific-fisheries.html").read_bytes()[:300],
            warc_headers={"WARC-Truncated": "length"},
        ),
        WarcEntry(SAHEL, body=(PAGES / "sahel-summit.html").read_bytes()),
    ]


def read(path: Path, settings: Settings | None = None) -> list[RawStory | Problem]:
    return list(read_inputs([str(path)], settings or Settings()))


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_stories_and_the_rest_is_counted(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(build_warc(crawl(), gzip=gzip))
    items = read(path)
    stories = [item for item in items if isinstance(item, RawStory)]
    assert [s.url for s in stories] == [KYIV, SAHEL]
    assert all(s.metadata["fetched"] == "2024-03-05T10:00:00Z" for s in stories)
    assert stories[0].published is not None and stories[0].published.isoformat() == "2024-03-05"
    assert expected_pages()["kyiv-talks.html"]["body"][0] in stories[0].text
    skipped = [i for i in items if isinstance(i, Problem) and i.code == "E040"]
    reasons = [p.message for p in skipped]
    assert len(skipped) == 4 and all(p.is_warning for p in skipped)
    assert any("not HTML (application/pdf)" in r for r in reasons)
    assert any("HTTP status 301" in r and KYIV in r for r in reasons)
    assert any("HTTP status 404" in r for r in reasons)
    assert any("truncated" in r for r in reasons)
    summary = items[-1]
    assert isinstance(summary, Problem) and summary.code == "E048"
    assert "8 WARC records read, 2 pages kept" in summary.message
    assert "1 not HTML" in summary.message and "2 HTTP status" not in summary.message


def test_record_numbers_name_the_skipped_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc(crawl(), gzip=True))
    pdf = next(i for i in read(path) if isinstance(i, Problem) and "pdf" in i.message)
    assert pdf.origin.describe() == f"{path} (record 4)"
    assert "WARC record 4 (https://meridianpost.example/report.pdf)" in pdf.message


def test_story_ids_come_from_the_target_uri_and_survive_a_recrawl(tmp_path: Path) -> None:
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc"
    first.write_bytes(build_warc(crawl(), gzip=True))
    second.write_bytes(build_warc(crawl()[2:3], gzip=False))
    ids = [i.id for i in read(first) if isinstance(i, RawStory)]
    again = [i.id for i in read(second) if isinstance(i, RawStory)]
    assert again == ids[:1] and ids[0] != ids[1]


def test_a_gzipped_warc_cut_in_half_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = build_warc(crawl(), gzip=True)
    path = tmp_path / "half.warc.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = read(path)
    damage = [i for i in items if isinstance(i, Problem) and i.code == "E041"]
    assert len(damage) == 1 and "half.warc.gz" in damage[0].message and not damage[0].is_warning
    assert "after WARC record" in damage[0].message
    assert isinstance(items[-1], Problem) and items[-1].code == "E048"


def test_a_plain_warc_cut_inside_a_page_reports_that_record_as_truncated(tmp_path: Path) -> None:
    whole = build_warc(crawl(), gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 2000])  # inside the last page's body
    items = read(path)
    assert [i.url for i in items if isinstance(i, RawStory)] == [KYIV]
    last = [i for i in items if isinstance(i, Problem) and i.code == "E040"][-1]
    assert "record 8" in last.message and "truncated" in last.message and SAHEL in last.message


def test_oversized_html_records_are_skipped_and_reading_stays_in_constant_memory(tmp_path: Path) -> None:
    big = b"<html><body>" + b"<p>filler text for a very long page</p>" * 600_000 + b"</body></html>"
    entries = [
        WarcEntry(
            "https://big.example/archive.bin",
            body=b"\0" * 30_000_000,
            content_type="application/octet-stream",
        ),
        WarcEntry("https://big.example/huge-page", body=big),
        WarcEntry(KYIV, body=(PAGES / "kyiv-talks.html").read_bytes()),
    ]
    path = tmp_path / "big.warc.gz"
    path.write_bytes(build_warc(entries, gzip=True))
    settings = Settings(max_page_bytes=1_000_000)
    tracemalloc.start()
    try:
        items = read(path, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i.url for i in items if isinstance(i, RawStory)] == [KYIV]
    too_large = [i for i in items if isinstance(i, Problem) and i.code == "E040" and "too large" in i.message]
    assert len(too_large) == 1 and "huge-page" in too_large[0].message
    assert peak < 12_000_000, f"peak {peak / 1e6:.1f} MB while reading a {path.stat().st_size} byte archive"


def _warc_corpus(folder: Path) -> tuple[Path, int]:
    """A crawl of nine pages with an image record after some of them; returns the image count."""
    folder.mkdir()
    entries = []
    images = 0
    for number in range(9):
        page = (PAGES / "sahel-summit.html").read_bytes().replace(b"five West", f"{number + 2} West".encode())
        entries.append(WarcEntry(f"https://harmattan.example/story/{number}", body=page))
        if number % 4 == 1:
            images += 1
            entries.append(
                WarcEntry(f"https://harmattan.example/img/{number}", body=b"GIF89a", content_type="image/gif")
            )
    (folder / "crawl.warc.gz").write_bytes(build_warc(entries, gzip=True))
    return folder, images


def _lines(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield row


def test_a_warc_batch_resumes_record_by_record_to_the_same_result(tmp_path: Path) -> None:
    corpus, images = _warc_corpus(tmp_path / "corpus")
    whole = run_batch(
        BatchConfig(inputs=(str(corpus),), out=tmp_path / "whole", shard_size=3), engine=FakeEngine()
    )
    parts = BatchConfig(inputs=(str(corpus),), out=tmp_path / "parts", shard_size=3)
    with pytest.raises(KeyboardInterrupt):
        run_batch(parts, engine=FakeEngine(stop_after=2))
    second = FakeEngine()
    resumed = run_batch(parts, engine=second)
    assert second.processed and second.processed[0] == 2  # the first two shards were not redone
    assert (resumed.items, resumed.stored, resumed.warnings) == (whole.items, whole.stored, whole.warnings)
    assert resumed.stored == 9 and resumed.warnings == images + 1  # and the archive's summary
    manifest = json.loads((tmp_path / "parts" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["done_shards"] == [[0, resumed.shards - 1]]
