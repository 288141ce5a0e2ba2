"""Turn findings into ``Quote`` records: merge, order, resolve speakers, map offsets.

Reported speech whose content holds a partial quotation (``discussed “all
problems” from A to B``) becomes one quote of kind ``direct`` over the whole
clause: the contract's "inside quotation marks, fully or partly". Reported
speech that mostly repeats a quotation is dropped in favour of the quotation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..records import Quote, Span, Speaker
from ..work import Work
from .cues import Attribution
from .direct import CONTINUES, DirectFinding
from .labelled import LABELLED
from .reported import ReportedFinding
from .speakers import Previous, Resolved, SpeakerResolver

#: reported speech is dropped when quotations cover at least this share of its content
QUOTED_SHARE_DROP = 0.9
#: an unattributed quotation this close (characters) after an attribution is taken as the same speaker's
NEARBY_SPEAKER_CHARS = 400
#: characters a quotation may reach past a clause's edge and still belong to it
MAX_OVERHANG = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quote before speaker resolution, in clean-text characters."""

    kind: str
    segments: tuple[tuple[int, int], ...]
    found: Attribution | None
    how: str
    continues: bool = False

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def merge(direct: list[DirectFinding], reported: list[ReportedFinding]) -> list[Candidate]:
    """Direct and reported findings as one ordered list, partial quotations folded into clauses."""
    quotes = [Candidate("direct", d.segments, d.found, d.how, d.continues) for d in direct]
    clauses: list[tuple[Candidate, frozenset[int], ReportedFinding]] = []
    runs = _runs(direct)
    spans = _run_spans(quotes, runs)
    for finding in _outside_other_content(reported):
        start, end = finding.content
        touched = {runs[i] for i, q in enumerate(quotes) if any(s < end and start < e for s, e in q.segments)}
        # a quotation and those continuing it under its cue meet a clause as one
        overlapping = [q for i, q in enumerate(quotes) if runs[i] in touched]
        if overlapping:  # a quotation's closing punctuation may hang just outside the clause
            start = (
                min(start, overlapping[0].start) if overlapping[0].start >= start - MAX_OVERHANG else start
            )
            end = max(end, overlapping[-1].end) if overlapping[-1].end <= end + MAX_OVERHANG else end
        inside = frozenset(i for i, run in enumerate(runs) if start <= spans[run][0] and spans[run][1] <= end)
        covered = sum(min(end, spans[r][1]) - max(start, spans[r][0]) for r in touched)
        if covered >= QUOTED_SHARE_DROP * (end - start):
            if finding.how == LABELLED:
                _label_quotes(quotes, overlapping, finding)
            continue
        if len(inside) != len(overlapping):
            continue  # a quotation straddles the clause edge: keep the quotation alone
        kind = "direct" if inside else "indirect"
        clauses.append((Candidate(kind, ((start, end),), finding.found, finding.how), inside, finding))
    out = _one_frame_per_quotation(clauses)
    absorbed = {i for candidate, inside, _ in clauses if candidate in out for i in inside}
    out.extend(q for i, q in enumerate(quotes) if i not in absorbed)
    return sorted(out, key=lambda c: c.start)


def _runs(direct: list[DirectFinding]) -> list[int]:
    """For each quotation, the index of the first of the run it continues under one cue."""
    runs: list[int] = []
    for index, finding in enumerate(direct):
        before = direct[index - 1] if index else None
        same = before is not None and finding.continues and finding.found is not None
        runs.append(runs[-1] if same and finding.found is before.found else index)  # type: ignore[union-attr]
    return runs


def _run_spans(quotes: list[Candidate], runs: list[int]) -> dict[int, tuple[int, int]]:
    """Where each run of quotations starts and ends."""
    spans: dict[int, tuple[int, int]] = {}
    for quote, run in zip(quotes, runs, strict=True):
        first = spans.get(run, (quote.start, quote.end))
        spans[run] = (min(first[0], quote.start), max(first[1], quote.end))
    return spans


def _outside_other_content(reported: list[ReportedFinding]) -> list[ReportedFinding]:
    """Drop stances whose cue sits inside another attribution's content.

    In ``the governments should support the SCO, Xi said`` the support is part of
    what Xi said, not a second attribution; PolNeAR rarely annotates such nested
    stances (measured: about one in six matched on the development half). A
    stance whose content holds a quotation is settled later by
    ``_one_frame_per_quotation``. A speaker label (``A: I think ...``) is no frame: the
    stances under it are the speaker's own attributions (even half: +0.004 recall).
    """
    contents = [f.content for f in reported if f.how != LABELLED]
    kept = []
    for finding in reported:
        cue = finding.found.cue[0]
        nested = any(s <= cue < e and (s, e) != finding.content for s, e in contents)
        if not (finding.stance and nested):
            kept.append(finding)
    return kept


def _one_frame_per_quotation(
    clauses: list[tuple[Candidate, frozenset[int], ReportedFinding]],
) -> list[Candidate]:
    """One quotation, one speaker: of two clauses holding the same quotation keep the outer frame.

    ``According to him, the leaders discussed “all problems”``: the ``according to``
    clause is headed by the ``discussed`` cue, whose object holds the same quotation;
    the inner topic verb is part of what he reported. An inner cue that does not head
    the outer content (``criticized it, calling it “troubling”``) is an attribution
    of its own, as PolNeAR annotates it.
    """
    heads = {finding.head for _, _, finding in clauses if finding.head is not None}
    kept = []
    for candidate, inside, finding in clauses:
        heading = finding.found.cue[0] in heads
        shares = any(
            other is not candidate and inside & other_inside and other_finding.head == finding.found.cue[0]
            for other, other_inside, other_finding in clauses
        )
        if not (heading and shares):
            kept.append(candidate)
    return kept


def _label_quotes(quotes: list[Candidate], overlapping: list[Candidate], finding: ReportedFinding) -> None:
    """``JONES: “...”``: quotations after a speaker label that found no cue of their own take it."""
    for quote in overlapping:
        if quote.found is None:
            index = quotes.index(quote)
            quotes[index] = Candidate(quote.kind, quote.segments, finding.found, finding.how)


def to_quotes(work: Work, candidates: list[Candidate], resolver: SpeakerResolver) -> tuple[Quote, ...]:
    """Resolve speakers in reading order (pronouns need the speakers before them)."""
    quotes: list[Quote] = []
    reported = tuple(segment for c in candidates for segment in c.segments)
    resolver = dataclasses.replace(resolver, reported=reported)
    previous: Previous | None = None
    last_mention: Span | None = None
    #: the resolution of the quote before, which a quotation continuing under its cue shares
    last: tuple[Resolved, Span | None, Speaker | None] | None = None
    for candidate in candidates:
        found = candidate.found
        if candidate.continues and found is not None and last is not None:
            resolved, mention, via = last
            shared = Resolved(resolved.speaker, resolved.kind, CONTINUES)
            quotes.extend(_quote(work, candidate, found, mention, shared, via, continues=True))
            continue
        near = previous is not None and candidate.start - previous.position <= NEARBY_SPEAKER_CHARS
        if previous is not None and (candidate.continues or (found is None and near)):
            how = CONTINUES if candidate.continues else "no cue: the speaker just before"
            resolved = Resolved(previous.resolved.speaker, previous.resolved.kind, how)
            quotes.extend(_quote(work, candidate, None, last_mention, resolved, None))
            last = (resolved, last_mention, None)
            continue
        if found is None or found.speaker is None:
            resolved = Resolved(None, None, candidate.how)
            quotes.extend(_quote(work, candidate, found, None, resolved, None))
            last = (resolved, None, None)
            continue
        resolved = resolver.resolve(found.speaker, previous)
        via = resolver.resolve(found.via, previous).speaker if found.via is not None else None
        last_mention = work.span(found.speaker.start_char, found.speaker.end_char)
        quotes.extend(_quote(work, candidate, found, last_mention, resolved, via))
        last = (resolved, last_mention, via)
        if resolved.speaker is not None:
            previous = Previous(resolved, found.speaker.start_char, found.speaker.end_char)
    return tuple(quotes)


def _quote(
    work: Work,
    candidate: Candidate,
    found: Attribution | None,
    mention: Span | None,
    resolved: Resolved,
    via: Speaker | None,
    *,
    continues: bool = False,
) -> list[Quote]:
    """One quote per stretch between quotation marks: an interrupted quotation (``"A," she said,
    "b"``) gives two quotes under the same cue, so every quote is one contiguous span."""
    cue = work.span(*found.cue) if found is not None else None
    reason = f"{candidate.how}; {resolved.reason}" if resolved.reason != candidate.how else resolved.reason
    quotes = []
    for index, (start, end) in enumerate(candidate.segments):
        whole = work.span(start, end)
        quotes.append(
            Quote(
                text=whole.text,
                start=whole.start,
                end=whole.end,
                kind=candidate.kind,
                cue=cue,
                speaker_mention=mention,
                speaker=resolved.speaker,
                via=via,
                reason=reason,
                continues=continues or index > 0,
            )
        )
    return quotes
