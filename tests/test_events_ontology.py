"""Ontology and lexicon data files: pinned, complete and consistent (no model needed)."""

from __future__ import annotations

from dateline.coding.lexicon import Lexicon
from dateline.coding.ontology import Ontology
from dateline.settings import data_dir


def test_cameo_codes_have_goldstein_and_quad() -> None:
    ontology = Ontology.load(data_dir() / "ontology")
    assert len(ontology.cameo) >= 300
    for code in ontology.cameo.values():
        assert code.goldstein is not None, code
        assert code.quad == (
            1 if code.code[:2] <= "05" else 2 if code.code[:2] <= "08" else 3 if code.code[:2] <= "13" else 4
        )
    assert ontology.lookup("041") is not None and ontology.lookup("041").goldstein == 1.0  # type: ignore[union-attr]
    assert ontology.lookup("190").goldstein == -10.0  # type: ignore[union-attr]


def test_plover_map_drops_statements_and_appeals() -> None:
    ontology = Ontology.load(data_dir() / "ontology")
    assert ontology.to_plover("010") is None
    assert ontology.to_plover("0211") is None
    consult = ontology.to_plover("041")
    assert consult is not None and (consult.type, consult.mode) == ("CONSULT", "phone")
    assert ontology.to_plover("112").type == "ACCUSE"  # type: ignore[union-attr]
    assert {p.type for p in ontology.plover.values()} <= ontology.plover_types


def test_lexicon_covers_every_cameo_root_with_valid_codes() -> None:
    ontology = Ontology.load(data_dir() / "ontology")
    lexicon = Lexicon.load(data_dir() / "events")
    codes = [
        e.code
        for table in (lexicon.verbs, lexicon.nouns)
        for entries in table.values()
        for e in entries
        if e.code
    ]
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    unknown = [c for c in codes if c not in ontology.cameo]
    assert not unknown


def test_longest_pattern_wins() -> None:
    lexicon = Lexicon.load(data_dir() / "events")
    assert lexicon.match_verb("restore", ["tie", "diplomatic"]).code == "050"  # type: ignore[union-attr]
    assert lexicon.match_verb("call", ["for"]).code == "020"  # type: ignore[union-attr]
    assert lexicon.match_verb("call", []).code == "041"  # type: ignore[union-attr]


def test_overrides_follow_the_plover_codebook_definitions() -> None:
    """Dateline's overrides replace whole CAMEO codes where the PLOVER 2.0 codebook defines the
    type differently from the 2021 table (sanctions are SANCTION, resignations RETREAT, lifted
    curfews CONCEDE)."""
    plain = Ontology.load(data_dir() / "ontology")
    ontology = Ontology.load(data_dir() / "ontology", data_dir() / "events" / "plover_overrides.txt")
    assert plain.to_plover("0831").type == "CONCEDE"  # type: ignore[union-attr]
    resign = ontology.to_plover("0831")
    assert resign is not None and (resign.type, resign.mode) == ("RETREAT", "resign")
    assert ontology.to_plover("163").type == "SANCTION"  # type: ignore[union-attr]
    assert ontology.to_plover("083").type == "CONCEDE"  # type: ignore[union-attr]
    assert plain.to_plover("0813").type == "RETREAT"  # type: ignore[union-attr]
    assert ontology.to_plover("0813").type == "CONCEDE"  # type: ignore[union-attr]
    assert ontology.to_plover("0814").type == "CONCEDE"  # type: ignore[union-attr]
