"""The ``dateline watch`` subcommand: options in, one ``watch`` call, lines out.

Alerts go to stdout as JSON Lines (for a pipe into another program); what the watch does goes
to stderr. SIGINT and SIGTERM set a stop flag that the loop checks between sources and items,
and that wakes its sleep, so the store is never left half-written.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_options import add_dictionary_options, check_dictionaries, dictionary_settings
from .records import Problem, StoryResult
from .settings import Settings

if TYPE_CHECKING:  # the watch loop (feeds, pages, the store) is imported only when a watch runs
    from .watch import WatchHooks, WatchReport

#: seconds per unit of a duration such as ``5m``
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")


def duration(text: str) -> float:
    """``90``, ``30s``, ``5m``, ``1h`` or ``1d`` as seconds (for argparse)."""
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 90, 30s, 5m or 1h")
    return float(match.group(1)) * UNITS[match.group(2) or "s"]


def add_watch_command(commands: Any) -> argparse.ArgumentParser:
    """Add ``watch`` to the subparsers of ``dateline``."""
    command = commands.add_parser(
        "watch",
        help="poll RSS/Atom feeds, process each new item once into a store",
        description="Poll feeds (URLs or files) every --every, process each new item once, store it "
        "in --db, and print a JSON line for each new event matching --alert (docs/input.md).",
    )
    command.add_argument("sources", nargs="+", metavar="URL|FILE", help="feed URLs or feed files")
    command.add_argument("--db", type=Path, required=True, help="the store (remembers items seen)")
    command.add_argument("--every", type=duration, help="time between polls (default 5m)")
    command.add_argument("--alert", metavar="EXPR", help="e.g. 'source=RUS target=UKR quad=4'")
    command.add_argument("--once", action="store_true", help="poll every source once, then exit")
    command.add_argument("--timeout", type=duration, default=20.0, help="per request (20s)")
    command.add_argument("--host-delay", type=duration, default=2.0, help="between requests to one host (2s)")
    command.add_argument("--no-pages", action="store_true", help="never fetch headline items' pages")
    command.add_argument("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed)")
    add_dictionary_options(command)
    command.add_argument("--quiet", action="store_true", help="only alerts and errors")
    command.set_defaults(handler=handle_watch)
    return command  # type: ignore[no-any-return]


def handle_watch(args: argparse.Namespace) -> int:
    from .alerts import parse_alert
    from .pipeline import Pipeline
    from .store import Store
    from .watch import DEFAULT_EVERY, WatchConfig, watch

    check_dictionaries(args)
    rule = parse_alert(args.alert) if args.alert else None
    config = WatchConfig(
        sources=tuple(args.sources),
        every=DEFAULT_EVERY if args.every is None else args.every,
        timeout=args.timeout,
        host_delay=args.host_delay,
        rounds=1 if args.once else None,
        fetch_pages=not args.no_pages,
        alert=rule,
    )
    pipeline = Pipeline(Settings(model=args.model, **dictionary_settings(args)))
    stopping = threading.Event()
    _on_signals(stopping, quiet=args.quiet)
    with Store.open(args.db) as store:
        hooks = _hooks(args.quiet)
        report = watch(config, pipeline, store, hooks=hooks, sleep=stopping.wait, stop=stopping.is_set)
    if not args.quiet:
        print(f"dateline: watch ended: {_describe(report)}", file=sys.stderr)
    return 0


def _on_signals(stopping: threading.Event, *, quiet: bool) -> None:
    def stop(number: int, _frame: object) -> None:
        if not quiet:
            name = signal.Signals(number).name
            print(f"\ndateline: {name}: stopping after the current item", file=sys.stderr)
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def _hooks(quiet: bool) -> WatchHooks:
    from .watch import WatchHooks

    def on_result(result: StoryResult) -> None:
        if not quiet:
            story = result.story
            title = f" {story.title[:70]!r}" if story.title else ""
            print(f"dateline: stored {story.id}{title}: {len(result.events)} events", file=sys.stderr)

    def on_problem(problem: Problem) -> None:
        if quiet and problem.is_warning:
            return
        prefix = "warning: " if problem.is_warning else ""
        print(f"dateline: {prefix}{problem.origin.describe()}: {problem.message}", file=sys.stderr)

    def on_alert(line: dict[str, Any]) -> None:
        print(json.dumps(line, ensure_ascii=False), flush=True)

    return WatchHooks(on_result=on_result, on_problem=on_problem, on_alert=on_alert)


def _describe(report: WatchReport) -> str:
    return (
        f"{report.rounds} rounds, {report.polls} polls ({report.unchanged} unchanged, "
        f"{report.failed_polls} failed), {report.stored} stories stored, "
        f"{report.seen_before} items seen before, {report.alerts} alerts"
    )
