"""The ``dateline batch`` subcommand: options in, one ``run_batch`` call, a report out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cli_options import add_dictionary_options, check_dictionaries, dictionary_settings
from ..errors import DatelineError
from ..settings import Settings
from .options import DEFAULT_SHARD_SIZE, ENGINES

if TYPE_CHECKING:  # the runner (Arrow, DuckDB, Ray) is imported only when a batch runs
    from .progress import ProgressSink


def add_batch_command(commands: Any) -> argparse.ArgumentParser:
    """Add ``batch`` to the subparsers of ``dateline`` (``commands`` is ``add_subparsers()``)."""
    batch = commands.add_parser(
        "batch",
        help="process a corpus into Parquet shards, resumably, locally or on Ray",
        description="Process inputs of any size into Parquet shards in --out; "
        "re-run the same command to resume after an interruption (docs/batch.md).",
    )
    batch.add_argument("paths", nargs="+", metavar="INPUT", help="file, folder or glob")
    batch.add_argument("--out", type=Path, required=True, help="batch folder: shards, manifest, rejects")
    batch.add_argument("--db", type=Path, help="also load every shard into this DuckDB store")
    batch.add_argument("--engine", choices=ENGINES, default="local", help="where stories are processed")
    batch.add_argument("--address", help="Ray cluster to join (e.g. auto or ray://head:10001)")
    batch.add_argument("--workers", type=int, default=1, help="Ray workers (one CPU and one model each)")
    batch.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, help="input items per shard")
    batch.add_argument("--restart", action="store_true", help="discard the batch in --out")
    batch.add_argument("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed)")
    batch.add_argument("--batch-size", type=int, default=32, help="stories per nlp.pipe batch")
    add_dictionary_options(batch)
    batch.add_argument("--json", action="store_true", help="print the final report as JSON on stdout")
    batch.add_argument("--quiet", action="store_true", help="no progress on stderr")
    batch.set_defaults(handler=handle_batch)
    return batch  # type: ignore[no-any-return]


def handle_batch(args: argparse.Namespace) -> int:
    from .runner import BatchConfig, run_batch

    check_dictionaries(args)
    settings = Settings(model=args.model, batch_size=args.batch_size, **dictionary_settings(args))
    config = BatchConfig(
        inputs=tuple(args.paths),
        out=args.out,
        settings=settings,
        shard_size=args.shard_size,
        engine=args.engine,
        workers=args.workers,
        address=args.address,
        db=args.db,
        restart=args.restart,
    )
    sink, total = _progress(args)
    report = run_batch(config, on_progress=sink, total=total)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    print(f"dateline: {report.to_text()}", file=sys.stderr)
    return 0 if report.balanced else 1


def _progress(args: argparse.Namespace) -> tuple[ProgressSink | None, int | None]:
    from .progress import LogLines, TerminalBar, count_items

    if args.quiet:
        return None, None
    if sys.stderr.isatty():
        return TerminalBar(sys.stderr), count_items(args.paths)
    return LogLines(sys.stderr), None


def main(argv: list[str] | None = None) -> int:
    """``python -m dateline.batch``: the same command without the rest of ``dateline``."""
    parser = argparse.ArgumentParser(prog="dateline")
    add_batch_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["batch", *(sys.argv[1:] if argv is None else argv)])
    try:
        return handle_batch(args)
    except DatelineError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
