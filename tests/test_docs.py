"""The documentation covers every command and option (the suite fails when one is undocumented)."""

from __future__ import annotations

import argparse

from dateline.cli import _parser

from .helpers import ROOT


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _subcommands():
        assert f"dateline {name}" in readme, f"README does not document `dateline {name}`"


def test_every_option_is_documented() -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    docs += "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    for name, sub in _subcommands().items():
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in docs, f"option {option} of `dateline {name}` is undocumented"
