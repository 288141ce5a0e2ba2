"""``dateline process`` from two source trees, interleaved: the before/after of a speed change.

Run (figures in docs/benchmarks.md):

    .venv/bin/python benchmarks/ab_process.py BEFORE/src AFTER/src FILE [--rounds 4]

Each round runs ``dateline process FILE`` once with ``PYTHONPATH=BEFORE/src`` and once with
``AFTER/src`` (A/B, then B/A), after one untimed run of each; it prints the CPU seconds (user +
system of the child) of every run and their means. Take the trees from git, e.g. ``git archive
COMMIT src | tar -x -C /tmp/before``, so that edits in the working tree do not mix in.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from throughput import dateline_command, timed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path, help="the src folder of the first tree")
    parser.add_argument("after", type=Path, help="the src folder of the second tree")
    parser.add_argument("input", help="what dateline process reads")
    parser.add_argument("--rounds", type=int, default=4, help="A/B rounds")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory(prefix="dateline-ab-") as folder:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as installed
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        command = [dateline_command(), "process", args.input, "--out", str(Path(folder) / "out.jsonl")]
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        for number in range(args.rounds + 1):
            order = list(trees) if number % 2 == 0 else list(reversed(trees))
            for name in order:
                os.environ["PYTHONPATH"] = str(trees[name])
                seconds, _ = timed(command)
                if number:  # the first round fills the compiled-module cache
                    cpu[name].append(seconds)
    for name, values in cpu.items():
        runs = " ".join(f"{value:.2f}" for value in values)
        print(f"{name:<7} CPU s {runs}  mean {statistics.mean(values):.2f}")
    print(f"after / before: {statistics.mean(cpu['after']) / statistics.mean(cpu['before']):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
