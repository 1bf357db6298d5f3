"""Target: canonical cable JSON (``domain.canonical.decode_cable``), then what CableDesk
does with a cable it received: re-encode it, validate it, compute its banner.

A cable that decodes must re-encode to bytes that decode to the same cable.
"""

from __future__ import annotations

from datetime import date

from cabledesk.domain.cable import cable_banner
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.validation import validate
from tests.fuzz._cables import CABLE, SCHEMES, frus_cables
from tests.fuzz._harness import attempt

TODAY = date(2026, 11, 23)


def run(data: bytes) -> None:
    cable = decode_cable(data)
    assert decode_cable(encode_cable(cable)) == cable
    scheme = SCHEMES.get(cable.scheme.lower())
    if scheme is not None:
        validate(cable, scheme, today=TODAY)
        attempt(lambda: cable_banner(cable, scheme))


def seeds() -> dict[str, bytes]:
    found = {"cable": encode_cable(CABLE)}
    for i, cable in enumerate(frus_cables(12)):
        found[f"frus-{i:02d}"] = encode_cable(cable)
    return found
