"""Quote extraction, in steps: quotation marks, attribution over the parse, speaker resolution.

1. ``marks``: quotation-mark spans (multi-paragraph, bounded).
2. ``direct``: each quotation's cue and speaker phrase, from the words around it.
3. ``reported``: indirect speech ("X said that ...", "according to X, ...").
4. ``mentions``: the story's history of people and organisations, in order.
5. ``speakers``: who a speaker phrase refers to (names, pronouns, titles, organisations).
"""
