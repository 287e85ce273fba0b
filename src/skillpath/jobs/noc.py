"""Check NOC 2021 codes: five digits in one of the classification's 45 major groups.

The full list of the 516 unit groups is published by Statistics Canada but not
shipped here; the major group (the first two digits: broad occupational category and
TEER) catches mistyped and invented codes such as 99999 or 16400.
"""

from __future__ import annotations

import re

MAJOR_GROUPS = frozenset(
    [
        "00",
        "10",
        "11",
        "12",
        "13",
        "14",
        "20",
        "21",
        "22",
        "30",
        "31",
        "32",
        "33",
        "40",
        "41",
        "42",
        "43",
        "44",
        "45",
        "50",
        "51",
        "52",
        "53",
        "54",
        "55",
        "60",
        "62",
        "63",
        "64",
        "65",
        "70",
        "72",
        "73",
        "74",
        "75",
        "80",
        "82",
        "83",
        "84",
        "85",
        "90",
        "92",
        "93",
        "94",
        "95",
    ]
)


def is_noc_2021(code: str) -> bool:
    """Return whether ``code`` is shaped as a NOC 2021 unit group."""
    return bool(re.fullmatch(r"[0-9]{5}", code)) and code[:2] in MAJOR_GROUPS
