"""Throughput of ``dateline batch`` and ``dateline process`` against bare spaCy, same model, same texts.

Run (figures and their meaning: docs/benchmarks.md):

    .venv/bin/python benchmarks/throughput.py --limit 3000 [--data FILE] [--workers 1,2] [--no-ray]
    .venv/bin/python benchmarks/throughput.py --whole [--limit 300] [--rounds 3] [--voa FOLDER]

``--whole`` times what a user pays: complete ``dateline process FILE --out X`` commands against
complete bare-spaCy commands (a few lines that load the same model and ``nlp.pipe`` the same
texts), start-up and model loading included, interleaved A/B then B/A round after round, on a
Reuters sample (the first ``--limit`` records with a body) and on the VOA stories. CPU time is
the child's user + system time (``getrusage(RUSAGE_CHILDREN)``); wall time is printed beside it.
It also times ``dateline process`` on one VOA story (start-up). The children write compiled
modules to a temporary ``PYTHONPYCACHEPREFIX`` (as an installed package has them), and one
untimed run fills it first.

Without ``--whole`` (the batch mode), the corpus defaults to Reuters-21578 in
``$DATELINE_SHARED/data/reuters21578/`` (or ``../shared`` beside the checkout); its first
``--limit`` records are copied to a temporary folder (never into the repo). Each configuration
runs in its own process, one after another:

1. ``spacy``: bare ``nlp.pipe`` of the model Dateline loads, over the stories' texts as read
   (the physical limit of this design);
2. ``dateline-nlp``: the same with Dateline's additions to the spaCy pipeline (entity ruler,
   rules, truecasing tokenizer), to separate their cost from the stages';
3. ``local``: ``dateline batch --engine local`` (one process);
4. ``ray-N``: ``dateline batch --engine ray --workers N`` on a local Ray.

Rates are words (whitespace tokens of the story text) and stories per second over the
processing span, model loading and Ray start excluded: for a batch, from the earliest shard
start to the latest shard end. ``words/CPU s`` divides by the CPU time the worker processes
spent instead: on a shared machine it does not depend on how much of a core a run happened to
get, so ``local / bare`` on CPU time is the comparison that survives load. ``steady`` adds up
each worker's own rate (its words over its own first-start-to-last-end span), so a worker that
finished loading later does not count as idle time of the others. ``first output`` is the time
from process start to the first document (spaCy) or the first finished shard (batch), loading
included. Peak RSS is per worker process. The machine's load average is printed with the
figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("data") / "reuters21578" / "reuters21578.jsonl.gz"
VOA = Path("data") / "voa"
BATCH_LIMIT = 3000
WHOLE_LIMIT = 300
#: the bare-spaCy command of ``--whole``: load the model, ``nlp.pipe`` the texts, write a count
BARE_SPACY = """
import gzip, json, sys
import spacy
nlp = spacy.load(sys.argv[1])
nlp.max_length = 2_100_000
opener = gzip.open if sys.argv[2].endswith(".gz") else open
with opener(sys.argv[2], "rt", encoding="utf-8") as lines:
    texts = [record.get("text") or record.get("body") for record in map(json.loads, lines)]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=32)))
"""


def shared() -> Path:
    return Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


def default_data() -> Path:
    return shared() / DATA


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=default_data(), help="JSONL(.gz) corpus")
    parser.add_argument("--limit", type=int, help="records to use (0: all; default 3000, --whole 300)")
    parser.add_argument("--workers", default="1,2", help="Ray worker counts to run, comma-separated")
    parser.add_argument("--shard-size", type=int, default=100, help="items per shard")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray runs")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--whole", action="store_true", help="whole commands, start-up included")
    parser.add_argument("--rounds", type=int, default=3, help="--whole: A/B rounds per corpus")
    parser.add_argument("--voa", type=Path, default=shared() / VOA, help="--whole: the VOA folder")
    parser.add_argument("--child", choices=("spacy", "dateline-nlp"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.limit is None:
        args.limit = WHOLE_LIMIT if args.whole else BATCH_LIMIT
    if args.child:
        print(json.dumps(measure_nlp(args.corpus, dateline=args.child == "dateline-nlp")))
        return 0
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        figures = run_whole(args, Path(folder)) if args.whole else run_all(args, Path(folder))
    print(render_whole(figures) if args.whole else render(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def run_all(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    corpus = copy_corpus(args.data, folder / "corpus.jsonl", args.limit)
    load_before = os.getloadavg()
    runs: dict[str, Any] = {}
    for name in ("spacy", "dateline-nlp"):
        runs[name] = child_json([sys.executable, __file__, "--child", name, "--corpus", str(corpus)])
    runs["local"] = run_batch(corpus, folder / "local", args.shard_size, [])
    if not args.no_ray:
        for workers in (int(n) for n in args.workers.split(",")):
            options = ["--engine", "ray", "--workers", str(workers)]
            runs[f"ray-{workers}"] = run_batch(corpus, folder / f"ray-{workers}", args.shard_size, options)
    return {
        "corpus": str(args.data),
        "limit": args.limit,
        "load_average_before": load_before,
        "load_average": os.getloadavg(),
        "runs": runs,
    }


def run_whole(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """Whole ``dateline process`` commands against whole bare-spaCy commands, per corpus."""
    from dateline.nlp import model_name
    from dateline.settings import Settings

    model = model_name(Settings())
    reuters = copy_bodies(args.data, folder / "reuters.jsonl", args.limit)
    voa = args.voa / "stories.jsonl"
    one = copy_bodies(voa, folder / "one.jsonl", 1)
    load_before = os.getloadavg()
    # what a user pays: modules compiled once (a pip install writes the .pyc files), then reused
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    timed([dateline_command(), "process", str(one), "--out", str(folder / "out.jsonl")])
    corpora = {
        "reuters": compare(reuters, model, folder, args.rounds),
        "voa": compare(voa, model, folder, args.rounds),
        "one story": compare(one, model, folder, args.rounds),
    }
    return {
        "corpus": str(args.data),
        "limit": args.limit,
        "model": model,
        "load_average_before": load_before,
        "load_average": os.getloadavg(),
        "corpora": corpora,
    }


def copy_bodies(source: Path, target: Path, limit: int) -> Path:
    """The first ``limit`` records that have a story text, so both commands read the same stories."""
    opener = gzip.open if source.suffix == ".gz" else open
    kept = 0
    with opener(source, "rt", encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            if str(record.get("text") or record.get("body") or "").strip():
                out.write(line)
                kept += 1
                if kept == limit:
                    break
    return target


def compare(corpus: Path, model: str, folder: Path, rounds: int) -> dict[str, Any]:
    """A/B, then B/A, ``rounds`` times: CPU and wall seconds of each complete command."""
    commands = {
        "spacy": [sys.executable, "-c", BARE_SPACY, model, str(corpus)],
        "dateline": [
            dateline_command(),
            "process",
            str(corpus),
            "--out",
            str(folder / "out.jsonl"),
        ],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for number in range(rounds):
        order = list(commands) if number % 2 == 0 else list(reversed(commands))
        for name in order:
            times[name].append(timed(commands[name]))
    words = sum(len(str(r.get("text") or r.get("body")).split()) for r in read_records(corpus))
    runs = {name: summarise(pairs, words) for name, pairs in times.items()}
    runs["ratio_cpu"] = round(runs["dateline"]["words_per_cpu_s"] / runs["spacy"]["words_per_cpu_s"], 3)
    runs["ratio_wall"] = round(runs["dateline"]["words_per_s"] / runs["spacy"]["words_per_s"], 3)
    return {"corpus": str(corpus), "words": words, **runs}


def dateline_command() -> str:
    """The ``dateline`` script beside this Python, as a user runs it."""
    return str(Path(sys.executable).parent / "dateline")


def timed(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one complete child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return cpu, wall


def read_records(corpus: Path) -> list[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def summarise(pairs: list[tuple[float, float]], words: int) -> dict[str, Any]:
    cpu = sum(c for c, _ in pairs)
    wall = sum(w for _, w in pairs)
    return {
        "cpu_s": [round(c, 2) for c, _ in pairs],
        "wall_s": [round(w, 2) for _, w in pairs],
        "words_per_cpu_s": round(words * len(pairs) / cpu, 1),
        "words_per_s": round(words * len(pairs) / wall, 1),
    }


def render_whole(figures: dict[str, Any]) -> str:
    before = ", ".join(f"{value:.1f}" for value in figures["load_average_before"])
    after = ", ".join(f"{value:.1f}" for value in figures["load_average"])
    lines = [
        f"whole commands, model {figures['model']}; load average before {before}; after {after}",
        f"{'corpus':<11}{'words':>8}{'command':>10}{'CPU s per run':>24}{'words/CPU s':>13}"
        f"{'wall s per run':>24}{'words/s':>9}",
    ]
    for name, run in figures["corpora"].items():
        for command in ("spacy", "dateline"):
            own = run[command]
            cpu = " ".join(f"{value:.2f}" for value in own["cpu_s"])
            wall = " ".join(f"{value:.2f}" for value in own["wall_s"])
            lines.append(
                f"{name:<11}{run['words']:>8}{command:>10}{cpu:>24}{own['words_per_cpu_s']:>13.0f}"
                f"{wall:>24}{own['words_per_s']:>9.0f}"
            )
        lines.append(
            f"{name:<11} dateline / bare spaCy: CPU {run['ratio_cpu']:.2f}, wall {run['ratio_wall']:.2f}"
        )
    return "\n".join(lines)


def copy_corpus(source: Path, target: Path, limit: int) -> Path:
    """The first ``limit`` records, so every configuration reads exactly the same texts."""
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            if limit and number >= limit:
                break
            out.write(line)
    return target


def child_json(command: list[str]) -> dict[str, Any]:
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_nlp(corpus: Path, *, dateline: bool) -> dict[str, Any]:
    """Bare ``nlp.pipe`` over the texts the batch reads (runs in its own process)."""
    started = time.perf_counter()
    import spacy

    from dateline.nlp import load_nlp, model_name
    from dateline.reading import read_inputs
    from dateline.records import RawStory
    from dateline.registry import ActorRegistry
    from dateline.settings import Settings

    settings = Settings()
    texts = [item.text for item in read_inputs([str(corpus)], settings) if isinstance(item, RawStory)]
    nlp = load_nlp(settings, ActorRegistry.load(settings)) if dateline else spacy.load(model_name(settings))
    nlp.max_length = settings.nlp_max_length
    begin, cpu = time.perf_counter(), time.process_time()
    first = None
    for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
        first = first or time.perf_counter() - started
    span = time.perf_counter() - begin
    cpu = time.process_time() - cpu
    words = sum(len(text.split()) for text in texts)
    return {
        "stories": len(texts),
        "words": words,
        "span_s": round(span, 2),
        "words_per_s": round(words / span, 1),
        "words_per_cpu_s": round(words / cpu, 1),
        "steady_words_per_s": round(words / span, 1),
        "stories_per_s": round(len(texts) / span, 2),
        "first_output_s": round(first or 0.0, 2),
        "peak_rss_mb": [round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)],
    }


def run_batch(corpus: Path, out: Path, shard_size: int, options: list[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "dateline.batch", str(corpus), "--out", str(out)]
    command += ["--shard-size", str(shard_size), "--json", "--quiet", *options]
    report = child_json(command)
    metas = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(out.glob("shards/*/meta.json"))]
    span = max(m["finished"] for m in metas) - min(m["started"] for m in metas)
    words = sum(m["words"] for m in metas)
    cpu = sum(m.get("cpu_seconds", 0.0) for m in metas)
    return {
        "items": report["items"],
        "stored": report["stored"],
        "rejected": report["rejected"],
        "balanced": report["balanced"],
        "words": words,
        "span_s": round(span, 2),
        "words_per_s": round(words / span, 1),
        "words_per_cpu_s": round(words / cpu, 1) if cpu else None,
        "steady_words_per_s": round(steady_rate(metas), 1),
        "stories_per_s": round(report["stored"] / span, 2),
        "first_output_s": report["first_shard_seconds"],
        "run_s": report["seconds"],
        # per shard, in shard order: a flat series means memory does not grow with the corpus
        "peak_rss_mb": [m["peak_rss_mb"] for m in metas],
    }


def steady_rate(metas: list[dict[str, Any]]) -> float:
    """The sum over workers of each one's words over its own span (first shard start to last end)."""
    by_worker: dict[int, list[dict[str, Any]]] = {}
    for meta in metas:
        by_worker.setdefault(meta["worker"], []).append(meta)
    rate = 0.0
    for own in by_worker.values():
        span = max(m["finished"] for m in own) - min(m["started"] for m in own)
        rate += sum(m["words"] for m in own) / span if span > 0 else 0.0
    return rate


def render(figures: dict[str, Any]) -> str:
    runs = figures["runs"]
    before = ", ".join(f"{value:.1f}" for value in figures["load_average_before"])
    after = ", ".join(f"{value:.1f}" for value in figures["load_average"])
    lines = [
        f"corpus {figures['corpus']} (first {figures['limit'] or 'all'} records)",
        f"load average (1, 5, 15 min) before {before}; after {after}",
        f"{'run':<14}{'words/s':>10}{'steady':>10}{'words/CPU s':>13}{'stories/s':>11}"
        f"{'first out s':>13}{'peak RSS MB':>13}",
    ]
    for name, run in runs.items():
        rss = max(run["peak_rss_mb"])
        lines.append(
            f"{name:<14}{run['words_per_s']:>10.0f}{run['steady_words_per_s']:>10.0f}"
            f"{run['words_per_cpu_s'] or 0:>13.0f}{run['stories_per_s']:>11.1f}"
            f"{run['first_output_s']:>13.1f}{rss:>13.0f}"
        )
    spacy, local = runs["spacy"], runs["local"]
    lines.append(
        f"local / bare spaCy: words/s {local['words_per_s'] / spacy['words_per_s']:.2f}, "
        f"words/CPU s {(local['words_per_cpu_s'] or 0) / spacy['words_per_cpu_s']:.2f} (target >= 0.85)"
    )
    if "ray-1" in runs and "ray-2" in runs:
        one, two = runs["ray-1"], runs["ray-2"]
        lines.append(
            f"ray-2 / ray-1: words/s {two['words_per_s'] / one['words_per_s']:.2f}, "
            f"steady {two['steady_words_per_s'] / one['steady_words_per_s']:.2f} (target >= 1.8)"
        )
    local_rss = runs["local"]["peak_rss_mb"]
    lines.append(f"local peak RSS first -> last shard: {local_rss[0]:.0f} -> {local_rss[-1]:.0f} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
