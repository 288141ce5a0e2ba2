"""A small store built by the real pipeline, shared by the web tests.

The stories are the repo's examples (the seed story among them) plus one written here whose
text carries markup, to prove the API and the page treat story text as text.
"""

from __future__ import annotations

from pathlib import Path

from dateline.clustering import cluster_store
from dateline.pipeline import Pipeline
from dateline.reading import read_inputs
from dateline.records import StoryResult
from dateline.store import Store

from . import ROOT

EXAMPLES = ROOT / "examples"
SEED_ID = "000_8583cb9c572dbff2"
XSS_ID = "xss-2024-02-02"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
#: a wire story with markup in its body, in a quote and in a name-like position
XSS_STORY = (
    "date 2024-02-02\n"
    f"WASHINGTON (Reuters) - Foreign Minister {SCRIPT} met Russian Foreign Minister Sergei Lavrov "
    f'in Washington on Friday. "We will talk about {IMG} and everything else," Lavrov said. '
    f"The United States said it would keep talking to Russia {SCRIPT}.\n"
)


def build_store(pipeline: Pipeline, folder: Path) -> Path:
    """Process the examples and the markup story into ``folder/web.duckdb``."""
    xss_file = folder / f"{XSS_ID}.txt"
    xss_file.write_text(XSS_STORY, encoding="utf-8")
    results = [
        outcome
        for outcome in pipeline.process(read_inputs([str(EXAMPLES), str(xss_file)], pipeline.settings))
        if isinstance(outcome, StoryResult)
    ]
    path = folder / "web.duckdb"
    with Store.open(path) as store:
        store.add_many(results)
    # as after `dateline process --db`: copies grouped, events clustered
    cluster_store(path)
    return path
