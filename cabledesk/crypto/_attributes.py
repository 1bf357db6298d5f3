"""The forms of the attributes that cards, anchors and directories carry about people.

One definition each, shared by the readers and writers of those formats and by
:class:`~cabledesk.crypto.keys.Identity`.
"""

from __future__ import annotations

import re

__all__ = [
    "ACCESS",
    "ACCESS_WHAT",
    "MAX_SEQUENCE",
    "NATIONALITY",
    "NATIONALITY_WHAT",
    "SCHEME",
    "SCHEME_WHAT",
    "check_accesses",
]

# ISO 3166 alpha-3 country code
NATIONALITY = re.compile(r"[A-Z]{3}")
NATIONALITY_WHAT = "an ISO 3166 three-letter country code such as FRA"
# a classification scheme's id (the name of its file)
SCHEME = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
SCHEME_WHAT = "a scheme id (lower-case letters, digits and hyphens) such as us"
# a special-access category ("ATOMAL", "CRYPTO")
ACCESS = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}")
ACCESS_WHAT = "a special-access category (capitals, digits and hyphens) such as ATOMAL"
# sequence numbers stay exact in every JSON reader (IEEE doubles)
MAX_SEQUENCE = 2**53 - 1


def check_accesses(accesses: tuple[str, ...]) -> None:
    """Raise ValueError unless ``accesses`` are categories, sorted, without duplicates."""
    if not isinstance(accesses, tuple):
        raise TypeError("special accesses are a tuple of str")
    for access in accesses:
        if not isinstance(access, str) or not ACCESS.fullmatch(access):
            raise ValueError(f"{access!r} is not {ACCESS_WHAT}")
    if list(accesses) != sorted(set(accesses)):
        raise ValueError("special accesses must be sorted, without duplicates")
