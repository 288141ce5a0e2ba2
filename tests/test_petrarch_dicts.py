"""PETRARCH actor and agent dictionaries: reading them, and resolving with them on top of the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.petrarch_dicts import DatedCode, read_actor_dictionary, read_agent_dictionary
from dateline.registry import ActorRegistry
from dateline.settings import Settings

ACTORS = """\
<!-- a test dictionary
     spanning lines -->
VALINOR_  [VAL]
+BLESSED_REALM
ERIADOR  [ERI]   # a stem: Eriadorian matches too
DOL GULDUR [DGL]
TUMBLE_TOWN_
\t[TTN <20000101]
\t[TTNGOV 20000101-20041231]
\t[TTNREB >20041231]
NUMENOR_
\t[NUM <870101]
\t[NUMGOV]
BROKEN_ENTRY [BAD CODE]
NO_CODE_HERE_
RUSSIA [RUX]
"""

AGENTS = """\
<!-- test agents -->
!PERSON! = MAN, MEN
WATCHMAN [~COP]
HARBOR!PERSON! [~SEA]
TOLL_COLLECTOR {TOLL_COLLECTORS_GENERAL} [~GOV]
MILITIA {} [~REB]
GUILD [BUS~]
NOT AN AGENT LINE
BAD_AGENT [GOV]
"""


@pytest.fixture()
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "actors.txt"
    agents = tmp_path / "agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.fixture()
def registry(dictionaries: tuple[Path, Path]) -> ActorRegistry:
    actors, agents = dictionaries
    return ActorRegistry.load(Settings(actor_files=(actors,), agent_files=(agents,)))


def test_actor_entries_names_and_dates(dictionaries: tuple[Path, Path]) -> None:
    read = read_actor_dictionary(dictionaries[0])
    by_name = {" ".join(name.words): actor for actor in read.entries for name in actor.names}
    assert by_name["blessed realm"] is by_name["valinor"]
    assert not by_name["valinor"].names[0].stem and by_name["eriador"].names[0].stem
    assert by_name["tumble town"].codes == (
        DatedCode("TTN", end=dt.date(2000, 1, 1)),
        DatedCode("TTNGOV", dt.date(2000, 1, 1), dt.date(2005, 1, 1)),
        DatedCode("TTNREB", start=dt.date(2005, 1, 1)),
    )
    assert by_name["numenor"].codes[0] == DatedCode("NUM", end=dt.date(1987, 1, 1))


def test_bad_actor_lines_become_warnings_with_file_and_line(dictionaries: tuple[Path, Path]) -> None:
    read = read_actor_dictionary(dictionaries[0])
    assert len(read.warnings) == 2
    assert ":14:" in read.warnings[0] and "'CODE'" in read.warnings[0]
    assert ":15:" in read.warnings[1] and "no code" in read.warnings[1]
    assert all(str(dictionaries[0]) in warning for warning in read.warnings)


def test_agent_entries(dictionaries: tuple[Path, Path]) -> None:
    read = read_agent_dictionary(dictionaries[1])
    by_code = {agent.code: agent for agent in read.entries}
    assert set(by_code["COP"].phrases) == {"watchman", "watchmen"}
    assert set(by_code["SEA"].phrases) >= {"harborman", "harbormen"}
    assert set(by_code["GOV"].phrases) == {"toll collector", "toll collectors general"}
    assert by_code["REB"].phrases == ("militia",)
    assert by_code["BUS"].prefix and not by_code["COP"].prefix
    assert len(read.warnings) == 2 and all(str(dictionaries[1]) in w for w in read.warnings)


def test_unreadable_dictionary_is_e011(tmp_path: Path) -> None:
    with pytest.raises(DatelineError) as caught:
        read_actor_dictionary(tmp_path / "missing.txt")
    assert caught.value.code == "E011"
    with pytest.raises(DatelineError):
        ActorRegistry.load(Settings(agent_files=(tmp_path / "missing.txt",)))


def test_loaded_warnings_reach_the_registry(registry: ActorRegistry) -> None:
    assert len(registry.warnings) == 4


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Valinor", None, "VAL"),
        ("the Blessed Realm", None, "VAL"),
        ("Eriadorian", None, "ERI"),
        ("Dol Guldur", None, "DGL"),
        ("Tumble Town", dt.date(1999, 12, 31), "TTN"),
        ("Tumble Town", dt.date(2000, 1, 1), "TTNGOV"),
        ("Tumble Town", dt.date(2004, 12, 31), "TTNGOV"),
        ("Tumble Town", dt.date(2005, 1, 1), "TTNREB"),
        ("Numenor", dt.date(1980, 1, 1), "NUM"),
        ("Numenor", dt.date(1990, 1, 1), "NUMGOV"),
        ("Russia", None, "RUX"),  # the user's entry wins over the built-in one
        ("Valinor watchmen", None, "VALCOP"),
        ("the watchmen of Valinor", None, "VALCOP"),
        ("Valinor's harbormen", None, "VALSEA"),
        ("guild Valinor", None, "BUSVAL"),
        ("Valinor militia", None, "VALREB"),
        ("Valinor troops", None, "VALMIL"),  # built-in agents still apply when the user's do not match
        ("China", None, "CHN"),
    ],
)
def test_user_dictionaries_resolve_on_top(
    registry: ActorRegistry, text: str, on: dt.date | None, expected: str
) -> None:
    ref = registry.resolve(text, on=on)
    assert ref is not None and ref.code == expected


def test_valinorian_without_stem_does_not_match(registry: ActorRegistry) -> None:
    assert registry.resolve("Valinorian") is None  # VALINOR_ ends in "_": exact, as in PETRARCH


def test_user_actors_become_ruler_patterns(registry: ActorRegistry) -> None:
    patterns = registry.ruler_patterns()
    texts = {p["pattern"] for p in patterns if isinstance(p["pattern"], str)}
    assert {"Valinor", "VALINOR", "Blessed Realm", "Dol Guldur"} <= texts
    token_patterns = [p for p in patterns if not isinstance(p["pattern"], str)]
    assert any(p["id"] == "ERI" for p in token_patterns)


@pytest.mark.shared
def test_shipped_validation_dictionaries(shared_data: Path) -> None:
    folder = shared_data / "event-gold" / "universal-petrarch"
    registry = ActorRegistry.load(
        Settings(
            actor_files=(folder / "PETR_Validate_actors_2_02.txt",),
            agent_files=(folder / "PETR_Validate_agents_2_02.txt",),
        )
    )
    assert all("already defined" in warning for warning in registry.warnings)

    def code(text: str, on: dt.date | None = None) -> str | None:
        ref = registry.resolve(text, on=on)
        return ref.code if ref else None

    assert code("Arnor") == "ARN" and code("Gondor") == "GON"
    assert code("the Gondor army") == "GONMIL" and code("Gondor soldiers") == "GONMIL"
    assert code("Gondor police") == "GONCOP"
    assert code("Arnor security officials") == "ARNGOV"
    assert code("MSF Arnor diplomat") == "NGOARNGOV"
    assert code("Calenardhon Congressmen") == "CALLEG"
    assert code("Slinker", dt.date(1995, 11, 1)) == "HOBGOV"
    assert code("Slinker", dt.date(2001, 1, 1)) == "HOBREB"
    assert code("Zimbabwe", dt.date(1978, 1, 1)) == "RHO"


@pytest.mark.shared
def test_shipped_petrarch2_dictionaries(shared_data: Path) -> None:
    folder = shared_data / "event-gold" / "petrarch2"
    registry = ActorRegistry.load(
        Settings(
            actor_files=(folder / "PETR.Validate.actors.txt",),
            agent_files=(folder / "PETR.Validate.agents.txt",),
        )
    )
    assert all("already defined" in warning for warning in registry.warnings)
    ref = registry.resolve("Ithilen Television")
    assert ref is not None and ref.code == "ITHTV"
