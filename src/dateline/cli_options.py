"""Command-line options shared by ``process``, ``eval`` and ``batch``: the PETRARCH dictionaries."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .errors import DatelineError, Errors

#: repeatable file options: flag and help
FILE_OPTIONS = (
    ("--actors", "extra actor dictionary in PETRARCH format (repeatable)"),
    ("--agents", "extra agent dictionary in PETRARCH format (repeatable)"),
    ("--verbs", "extra verb-pattern dictionary in PETRARCH format (repeatable)"),
    ("--discards", "PETRARCH discard list: sentences (or, for +PHRASE, stories) with a phrase are not coded"),
)


def add_dictionary_options(parser: argparse.ArgumentParser) -> None:
    """``--actors``, ``--agents``, ``--verbs``, ``--discards`` and ``--dictionaries-only``."""
    for flag, text in FILE_OPTIONS:
        parser.add_argument(flag, type=Path, action="append", default=[], metavar="FILE", help=text)
    parser.add_argument(
        "--dictionaries-only",
        action="store_true",
        help="code with the given PETRARCH dictionaries alone, without the built-in actor tables "
        "and verb/noun lexicon (as PETRARCH does)",
    )


def dictionary_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The :class:`~dateline.settings.Settings` fields these options fill."""
    return {
        "actor_files": tuple(args.actors),
        "agent_files": tuple(args.agents),
        "verb_files": tuple(args.verbs),
        "discard_files": tuple(args.discards),
        "dictionaries_only": args.dictionaries_only,
    }


def check_dictionaries(args: argparse.Namespace) -> None:
    """Refuse ``--dictionaries-only`` without dictionaries: every story would come out with no
    actors or no events, silently."""
    if args.dictionaries_only and not (args.actors and args.verbs):
        raise DatelineError(Errors.E022)
