"""The ``dateline`` command: a thin shell over the library calls."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, TextIO

from . import __version__
from .batch.cli import add_batch_command
from .cli_options import add_dictionary_options, check_dictionaries, dictionary_settings
from .errors import DatelineError
from .records import Problem, StoryResult
from .settings import Settings
from .watch_cli import add_watch_command
from .web.cli import add_serve_command

if TYPE_CHECKING:
    from .evaluation import Report


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except DatelineError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Who said or did what to whom, when and where, from news wire stories.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    process = commands.add_parser("process", help="extract entities, actors, quotes and events")
    process.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, or - for stdin")
    process.add_argument("--out", help="write JSON Lines here ('-' for stdout; default stdout unless --db)")
    process.add_argument("--db", type=Path, help="store results in this DuckDB file")
    add_dictionary_options(process)
    process.add_argument("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed)")
    process.add_argument("--batch-size", type=int, default=32, help="stories per nlp.pipe batch")
    process.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    process.set_defaults(handler=_process)

    export = commands.add_parser("export", help="write a DuckDB store back out")
    export.add_argument("--db", type=Path, required=True, help="the DuckDB file to read")
    export.add_argument("--format", choices=("parquet", "jsonl"), default="jsonl")
    export.add_argument("--out", required=True, help="folder (parquet) or file/'-' (jsonl)")
    export.set_defaults(handler=_export)

    summary = commands.add_parser("summary", help="print a readable summary of a DuckDB store")
    summary.add_argument("--db", type=Path, required=True, help="the DuckDB file to read")
    summary.set_defaults(handler=_summary)

    cluster = commands.add_parser(
        "cluster", help="group copies of stories and cluster events that report one real-world event"
    )
    cluster.add_argument("--db", type=Path, required=True, help="the DuckDB store to cluster")
    cluster.add_argument("--shards", type=Path, help="read a dateline batch folder's Parquet shards instead")
    cluster.add_argument("--full", action="store_true", help="recompute every cluster, not only changed ones")
    cluster.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    cluster.set_defaults(handler=_cluster)

    evaluate = commands.add_parser("eval", help="score the pipeline against a gold file")
    evaluate.add_argument("task", choices=("ner", "quotes", "events", "news", "geo"))
    evaluate.add_argument(
        "--gold",
        type=Path,
        action="append",
        required=True,
        help="gold file (see docs/evaluation.md); news takes it more than once, one corpus each",
    )
    evaluate.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluate.add_argument("--limit", type=int, help="score only the first N documents or records")
    evaluate.add_argument(
        "--half", choices=("even", "odd"), help="news, geo: score only this half of the stories"
    )
    evaluate.add_argument(
        "--show",
        choices=("misses",),
        help="news: list missed quotes and events; geo: missed and misplaced toponyms, story by story",
    )
    add_dictionary_options(evaluate)
    evaluate.set_defaults(handler=_evaluate)

    add_batch_command(commands)
    add_serve_command(commands)
    add_watch_command(commands)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        model=getattr(args, "model", None),
        batch_size=getattr(args, "batch_size", 32),
        **dictionary_settings(args),
    )


def _process(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .processing import process_paths

    check_dictionaries(args)
    pipeline = Pipeline(_settings(args))
    for warning in pipeline.registry.warnings:
        print(f"dateline: warning: {warning}", file=sys.stderr)
    out_spec = args.out if args.out is not None else (None if args.db else "-")
    out = _open_out(out_spec)

    def on_result(result: StoryResult) -> None:
        _write(out, result.to_json())
        if not args.quiet:
            _progress(result)

    def on_problem(problem: Problem) -> None:
        prefix = "warning: " if problem.is_warning else ""
        print(f"dateline: {prefix}{problem.origin.describe()}: {problem.message}", file=sys.stderr)
        if not problem.is_warning:
            _write(out, problem.to_json())

    try:
        counts = process_paths(args.paths, pipeline, on_result=on_result, on_problem=on_problem, db=args.db)
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    if not args.quiet:
        if sys.stderr.isatty():
            print(file=sys.stderr)  # end the progress line
        summary = f"dateline: {counts.processed} stories processed, {counts.failed} problems reported"
        print(summary + (f", {counts.warned} warnings" if counts.warned else ""), file=sys.stderr)
        if counts.clusters is not None:
            print(f"dateline: {counts.clusters.to_text()}", file=sys.stderr)
    return 0 if counts.ok else 1


def _progress(result: StoryResult) -> None:
    if sys.stderr.isatty():
        print(f"\rdateline: processing {result.story.id[:60]:<60}", end="", file=sys.stderr)


def _open_out(spec: str | None) -> TextIO | None:
    if spec is None:
        return None
    if spec == "-":
        return sys.stdout
    return open(spec, "w", encoding="utf-8")


def _write(out: IO[str] | None, payload: dict[str, object]) -> None:
    if out is not None:
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")


def _export(args: argparse.Namespace) -> int:
    from .store import export_store

    count = export_store(args.db, fmt=args.format, out=args.out)
    print(f"dateline: exported {count} stories from {args.db}", file=sys.stderr)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from .store import summarize_store

    print(summarize_store(args.db))
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from .clustering import cluster_store
    from .errors import Errors

    if args.shards is None and not args.db.is_file():
        # without --shards there is nothing to cluster in a new file; say so rather than create it
        raise DatelineError(Errors.E013, path=args.db, reason="no such file")
    report = cluster_store(args.db, full=args.full, shards=args.shards)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    print(f"dateline: {report.to_text()}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import run_evaluation

    report: Report
    if args.task == "news":
        report = _evaluate_news(args)
    elif args.task == "geo" and len(args.gold) == 1:
        report = _evaluate_geo(args)
    elif len(args.gold) > 1 or args.half or args.show:
        print(f"dateline: eval {args.task} takes one --gold and no --half or --show", file=sys.stderr)
        return 2
    else:
        report = run_evaluation(args.task, args.gold[0], _settings(args), limit=args.limit)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.to_text())
    return 0


def _evaluate_geo(args: argparse.Namespace) -> Report:
    from .evaluation.geo import evaluate

    return evaluate(
        args.gold[0], _settings(args), limit=args.limit, half=args.half, show=args.show == "misses"
    )


def _evaluate_news(args: argparse.Namespace) -> Report:
    from .evaluation.news import evaluate_corpora

    settings = _settings(args)
    return evaluate_corpora(args.gold, settings, limit=args.limit, half=args.half, show=args.show == "misses")


if __name__ == "__main__":
    raise SystemExit(main())
