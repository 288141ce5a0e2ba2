"""Thresholds of story grouping and event clustering, as one frozen value passed in.

Every number here is a decision documented in docs/clusters.md; change it there and here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """What counts as a copy of a story, and as the same real-world event."""

    #: words per shingle: five-word runs are rare enough that two unrelated stories share few
    shingle_words: int = 5
    #: MinHash functions per story, cut into ``bands`` of ``rows``; the LSH threshold, about
    #: (1 / bands) ** (1 / rows) = 0.35, sits below the verified threshold so few copies are missed
    minhash_bands: int = 24
    minhash_rows: int = 3
    #: a candidate pair is a copy when the word-shingle Jaccard reaches this ...
    near_jaccard: float = 0.5
    #: ... (this much when the shorter story has fewer than ``short_story_shingles``: a short
    #: template, such as a dividend notice, shares most of its words with unrelated notices) ...
    short_jaccard: float = 0.8
    short_story_shingles: int = 40
    #: ... or when the shorter story is this much inside the longer one (a write-through) ...
    near_containment: float = 0.8
    #: ... and the shorter one has at least this many shingles
    min_contained_shingles: int = 20
    #: copies give mostly the same figures: when both stories give figures, ``min_numbers``
    #: distinct ones between them, this share of the shorter list must be in the other (a
    #: correction changes one figure, a write-through adds some; the next day's market report
    #: changes most)
    min_numbers: int = 2
    number_share: float = 0.6
    #: copies are published within this many days of each other (unknown dates always may be)
    copy_window_days: int = 3
    #: words of a body's opening used as a second candidate key (write-throughs keep the lead)
    lead_words: int = 12
    #: a lead, a shingle or an LSH band key shared by more stories than this is boilerplate
    #: (a standing phrase, a template) and proposes no candidates
    max_lead_bucket: int = 50
    #: CAMEO code prefixes of acts with no direction (consult, meet, sign an agreement): their
    #: actors are matched as one set, as for reciprocal events
    mutual_codes: tuple[str, ...] = ("04", "057")
    #: days either side of a day-precision event date that another report may give
    day_slack: int = 1
    #: days before publication that an undated event (dated by its story) may have happened
    published_slack: int = 2


DEFAULT_CLUSTER_SETTINGS = ClusterSettings()
