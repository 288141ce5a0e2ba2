"""Turn findings into ``Quote`` records: merge, order, resolve speakers, map offsets.

Reported speech whose content holds a partial quotation (``discussed “all
problems” from A to B``) becomes one quote of kind ``direct`` over the whole
clause: the contract's "inside quotation marks, fully or partly". Reported
speech that mostly repeats a quotation is dropped in favour of the quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Quote, Span, Speaker
from ..work import Work
from .cues import Attribution
from .direct import DirectFinding
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
    absorbed: set[int] = set()
    out: list[Candidate] = []
    for finding in reported:
        start, end = finding.content
        overlapping = [q for q in quotes if q.start < end and start < q.end]
        if overlapping:  # a quotation's closing punctuation may hang just outside the clause
            start = (
                min(start, overlapping[0].start) if overlapping[0].start >= start - MAX_OVERHANG else start
            )
            end = max(end, overlapping[-1].end) if overlapping[-1].end <= end + MAX_OVERHANG else end
        inside = [i for i, q in enumerate(quotes) if start <= q.start and q.end <= end]
        covered = sum(min(end, q.end) - max(start, q.start) for q in overlapping)
        if covered >= QUOTED_SHARE_DROP * (end - start):
            if finding.how == LABELLED:
                _label_quotes(quotes, overlapping, finding)
            continue
        if len(inside) != len(overlapping):
            continue  # a quotation straddles the clause edge: keep the quotation alone
        kind = "direct" if inside else "indirect"
        absorbed.update(inside)
        out.append(Candidate(kind, ((start, end),), finding.found, finding.how))
    out.extend(q for i, q in enumerate(quotes) if i not in absorbed)
    return sorted(out, key=lambda c: c.start)


def _label_quotes(quotes: list[Candidate], overlapping: list[Candidate], finding: ReportedFinding) -> None:
    """``JONES: “...”``: quotations after a speaker label that found no cue of their own take it."""
    for quote in overlapping:
        if quote.found is None:
            index = quotes.index(quote)
            quotes[index] = Candidate(quote.kind, quote.segments, finding.found, finding.how)


def to_quotes(work: Work, candidates: list[Candidate], resolver: SpeakerResolver) -> tuple[Quote, ...]:
    """Resolve speakers in reading order (pronouns need the speakers before them)."""
    quotes: list[Quote] = []
    previous: Previous | None = None
    last_mention: Span | None = None
    for candidate in candidates:
        found = candidate.found
        near = previous is not None and candidate.start - previous.position <= NEARBY_SPEAKER_CHARS
        if previous is not None and (candidate.continues or (found is None and near)):
            how = (
                "continues the quotation before" if candidate.continues else "no cue: the speaker just before"
            )
            resolved = Resolved(previous.resolved.speaker, previous.resolved.kind, how)
            quotes.append(_quote(work, candidate, None, last_mention, resolved, None))
            continue
        if found is None or found.speaker is None:
            quotes.append(_quote(work, candidate, found, None, Resolved(None, None, candidate.how), None))
            continue
        resolved = resolver.resolve(found.speaker, previous)
        via = resolver.resolve(found.via, previous).speaker if found.via is not None else None
        last_mention = work.span(found.speaker.start_char, found.speaker.end_char)
        quotes.append(_quote(work, candidate, found, last_mention, resolved, via))
        if resolved.speaker is not None:
            previous = Previous(resolved, found.speaker.start_char)
    return tuple(quotes)


def _quote(
    work: Work,
    candidate: Candidate,
    found: Attribution | None,
    mention: Span | None,
    resolved: Resolved,
    via: Speaker | None,
) -> Quote:
    whole = work.span(candidate.start, candidate.end)
    parts = tuple(work.span(s, e) for s, e in candidate.segments) if len(candidate.segments) > 1 else ()
    cue = work.span(*found.cue) if found is not None else None
    reason = f"{candidate.how}; {resolved.reason}" if resolved.reason != candidate.how else resolved.reason
    return Quote(
        text=whole.text,
        start=whole.start,
        end=whole.end,
        kind=candidate.kind,
        cue=cue,
        speaker_mention=mention,
        speaker=resolved.speaker,
        via=via,
        reason=reason,
        parts=parts,
    )
