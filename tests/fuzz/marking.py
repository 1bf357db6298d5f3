"""Target: markings (``domain.marking.parse_marking``) in every shipped scheme.

A marking that parses must parse back from its banner and its portion form to
the same marking (the promise of the module's docstring), and roll up with
itself into a banner.
"""

from __future__ import annotations

from functools import partial

from cabledesk.domain.marking import parse_marking
from cabledesk.domain.rollup import combine
from tests.fuzz._cables import SCHEMES
from tests.fuzz._harness import argv_text, attempt

_ALL = [SCHEMES[name] for name in sorted(SCHEMES)]


def run(data: bytes) -> None:
    text = argv_text(data)
    for scheme in _ALL:
        marking = attempt(partial(parse_marking, text, scheme))
        if marking is None:
            continue
        assert parse_marking(marking.banner, scheme) == marking, marking.banner
        assert parse_marking(marking.portion, scheme) == marking, marking.portion
        attempt(partial(combine, [marking, marking]))


def seeds() -> dict[str, bytes]:
    texts = [
        "SECRET//NOFORN",
        "(S//NF)",
        "CONFIDENTIAL//REL TO USA, GBR",
        "(C//REL TO USA, GBR, FVEY)",
        "TOP SECRET//ORCON/NOFORN",
        "(U)",
        "UNCLASSIFIED//SBU",
        "(SBU//NF)",
        "NATO SECRET",
        "OFFICIAL-SENSITIVE",
        "SECRET UK EYES ONLY",
        "RESTREINT UE/EU RESTRICTED",
        "DIFFUSION RESTREINTE",
        "VS-NUR FÜR DEN DIENSTGEBRAUCH",
        "(TS//REL TO USA, AUS, CAN)",
    ]
    for scheme in _ALL:
        texts += [level.name for level in scheme.levels]
        texts += [f"{scheme.levels[-1].name}//{c.name}" for c in scheme.controls]
    return {f"m{i:03d}": t.encode() for i, t in enumerate(texts)}
