"""How much text the parser could skip: tokens in sentences with nothing to extract from.

Run (the figures are in docs/benchmarks.md, "Parsing less"):

    .venv/bin/python benchmarks/parse_share.py [--data FILE] [--limit 300]

A sentence counts as skippable when it has no actor candidate (no PERSON, ORG, GPE, NORP, LOC or
FAC entity, no pronoun of the quote lexicon), no cue-verb lemma and no quotation mark: the
sentences a parser gated on "an actor or a quote cue" would leave out. The sentences are the
pipeline's own (parsed), so this is an upper bound for a cheaper pass.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from throughput import default_data

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=default_data(), help="JSONL(.gz) corpus")
    parser.add_argument("--limit", type=int, default=300, help="stories to read (0: all)")
    args = parser.parse_args()

    from dateline.pipeline import Pipeline
    from dateline.reading import read_inputs
    from dateline.records import RawStory

    pipeline = Pipeline()
    lexicon = pipeline.context.quote_lexicon
    stories = [
        item for item in read_inputs([str(args.data)], pipeline.settings) if isinstance(item, RawStory)
    ]
    texts = [story.text for story in stories[: args.limit or None]]
    sentences = skippable = tokens = skipped = 0
    for doc in pipeline.context.nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
        for sent in doc.sents:
            sentences += 1
            tokens += len(sent)
            actor = any(ent.label_ in ACTOR_LABELS for ent in sent.ents)
            pronoun = any(token.lower_ in lexicon.pronouns for token in sent)
            cue = any(token.lemma_.lower() in lexicon.cue_verbs for token in sent)
            if not (actor or pronoun or cue or any(token.is_quote for token in sent)):
                skippable += 1
                skipped += len(sent)
    print(f"{len(texts)} stories, {sentences} sentences, {skippable} skippable")
    print(f"tokens in skippable sentences: {skipped} of {tokens} ({skipped / max(tokens, 1):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
