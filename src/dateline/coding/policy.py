"""CAMEO coding policy: the codes a construction is given and how a governing act refines by
what it is about. Data the coder's rules share (``coder.py``, ``speech.py``); changing a value
here changes what those constructions are coded as."""

from __future__ import annotations

#: how a governing appeal/intent/demand/rejection refines by the root of what it is about
REFINE: dict[str, dict[str, str]] = {
    "02": {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    "03": {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"},
    "10": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
    "12": {"04": "125", "06": "121", "07": "122", "08": "124"},
    "13": {},  # a threat is refined by THREAT_OF
}
#: the threat (CAMEO 13x) of a hostile act, by the act's code prefix, longest first:
#: ``threatened to break off relations`` is 1313, ``plans to impose restrictions`` is 132
THREAT_OF: dict[str, str] = {
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "172": "132",
    "191": "1381",
    "192": "1382",
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
#: codes of statements the coder builds itself: an accusation carried by what was said, an
#: appeal, a call for joint action (an intent to cooperate), a threat
ACCUSE_CODE = "112"
APPEAL_CODE = "020"
JOINT_ROOT = "03"
JOINT_CODE = "030"
THREAT_CODE = "130"
#: QuadClasses of hostile acts (verbal and material conflict): said of someone, an accusation
HOSTILE_QUADS = frozenset({3, 4})
#: the agent code of a country's government (``CHNGOV``)
GOVERNMENT = "GOV"
