"""How well page extraction keeps the story and drops the rest, on the project's fixture pages.

For every page in ``tests/fixtures/web/pages`` the fixture file ``expected.json`` lists its body
paragraphs and boilerplate strings (navigation, related links, comments, footers, banners). Each
extractor below turns the page into text, and the figures are:

- body sentences recovered: the share of the body's sentences found verbatim in the text;
- boilerplate leaked: the share of the listed boilerplate strings found anywhere in the text;
- stray lines: lines of the text that are neither part of the body nor the headline.

Extractors: ``dateline`` (``pages.page_story``: ``pages.EXTRACT_OPTIONS``, the recall-mode retry
and the boilerplate-line filter); ``trafilatura-precise`` (the same options, without the retry and
the filter), ``trafilatura-default`` (trafilatura's own defaults, comments off), to show what each
choice changes; ``all-text`` (every visible text node), the floor any extractor must beat.

The fixtures were written for the project, and the line filter's patterns were chosen knowing
them, so the ``dateline`` row is an optimistic figure; the other rows are not tuned.

Usage: PYTHONPATH=src python benchmarks/extraction_benchmark.py [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import lxml.html
import trafilatura

from dateline.pages import PageSource, page_story
from dateline.records import Origin, RawStory
from dateline.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "web"
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")

Extractor = Callable[[bytes, str], str]


@dataclass(frozen=True)
class PageScore:
    page: str
    sentences: int
    recovered: int
    boilerplate: int
    leaked: int
    stray_lines: int


@dataclass(frozen=True)
class Total:
    extractor: str
    pages: int
    body_recall: float
    boilerplate_leaked: float
    stray_lines: int
    ms_per_page: float


def dateline_text(data: bytes, name: str) -> str:
    story = page_story(data, PageSource(name, Origin(name)), Settings())
    return story.text if isinstance(story, RawStory) else ""


def trafilatura_default(data: bytes, name: str) -> str:
    return trafilatura.extract(data, include_comments=False) or ""


def trafilatura_precise(data: bytes, name: str) -> str:
    return trafilatura.extract(data, include_comments=False, include_tables=False, favor_precision=True) or ""


def all_text(data: bytes, name: str) -> str:
    root = lxml.html.fromstring(data)
    for element in root.iter("script", "style", "title"):
        element.drop_tree()
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


EXTRACTORS: dict[str, Extractor] = {
    "dateline": dateline_text,
    "trafilatura-precise": trafilatura_precise,
    "trafilatura-default": trafilatura_default,
    "all-text": all_text,
}


def sentences(paragraphs: list[str]) -> list[str]:
    return [part for paragraph in paragraphs for part in _SENTENCE_END.split(paragraph) if part]


def score(name: str, text: str, expected: dict[str, object]) -> PageScore:
    body = list(expected["body"])  # type: ignore[call-overload]
    junk = list(expected["boilerplate"])  # type: ignore[call-overload]
    wanted = sentences(body)
    allowed = {*body, str(expected["title"])}
    stray = [line for line in text.splitlines() if line.strip() and line.strip() not in allowed]
    return PageScore(
        page=name,
        sentences=len(wanted),
        recovered=sum(1 for s in wanted if s in text),
        boilerplate=len(junk),
        leaked=sum(1 for j in junk if j in text),
        stray_lines=len(stray),
    )


def run() -> tuple[list[Total], dict[str, list[PageScore]]]:
    expected: dict[str, dict[str, object]] = json.loads(
        (FIXTURES / "expected.json").read_text(encoding="utf-8")
    )
    totals, details = [], {}
    for label, extractor in EXTRACTORS.items():
        scores, seconds = [], 0.0
        for name, wanted in sorted(expected.items()):
            data = (FIXTURES / "pages" / name).read_bytes()
            started = time.perf_counter()
            text = extractor(data, name)
            seconds += time.perf_counter() - started
            scores.append(score(name, text, wanted))
        details[label] = scores
        totals.append(
            Total(
                extractor=label,
                pages=len(scores),
                body_recall=round(sum(s.recovered for s in scores) / sum(s.sentences for s in scores), 3),
                boilerplate_leaked=round(
                    sum(s.leaked for s in scores) / sum(s.boilerplate for s in scores), 3
                ),
                stray_lines=sum(s.stray_lines for s in scores),
                ms_per_page=round(1000 * seconds / len(scores), 1),
            )
        )
    return totals, details


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    totals, details = run()
    if args.json:
        payload = {
            "totals": [asdict(t) for t in totals],
            "pages": {k: [asdict(s) for s in v] for k, v in details.items()},
        }
        print(json.dumps(payload, indent=2))
        return
    header = ("extractor", "pages", "body recall", "boilerplate leaked", "stray lines", "ms/page")
    print(f"{header[0]:<22}{header[1]:>6}{header[2]:>13}{header[3]:>20}{header[4]:>13}{header[5]:>9}")
    for t in totals:
        print(
            f"{t.extractor:<22}{t.pages:>6}{t.body_recall:>13.1%}{t.boilerplate_leaked:>20.1%}"
            f"{t.stray_lines:>13}{t.ms_per_page:>9}"
        )


if __name__ == "__main__":
    main()
