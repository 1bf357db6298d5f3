"""Target: classification scheme files (``domain.scheme.parse_scheme``), then markings
in a scheme that parsed (a ministry's own scheme file is outside input too)."""

from __future__ import annotations

from functools import partial

from cabledesk.domain.marking import parse_marking
from cabledesk.domain.scheme import parse_scheme
from cabledesk.resources import resource_path
from tests.fuzz._harness import attempt


def run(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # load_scheme reads strictly and says so (SchemeError)
    scheme = parse_scheme(text, source="fuzz.toml")
    for level in scheme.levels:
        for control in (None, *scheme.controls[:4]):
            marking = f"{level.name}//{control.name}" if control else level.name
            found = attempt(partial(parse_marking, marking, scheme))
            if found is not None:
                assert parse_marking(found.banner, scheme) == found
                assert parse_marking(found.portion, scheme) == found


def seeds() -> dict[str, bytes]:
    return {
        path.name: path.read_bytes() for path in sorted(resource_path("schemes").glob("*.toml"))
    }
