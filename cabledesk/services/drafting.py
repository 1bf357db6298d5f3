"""Drafting use cases: combine markings, create a cable, lint it, read and write
it as canonical JSON, import historic telegrams.

The CLI and the GUI both call these; nothing here knows either face.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.domain.body import paragraphs_from_text, split_portion_mark
from cabledesk.domain.cable import Authority, Cable, cable_banner
from cabledesk.domain.canonical import MAX_CABLE_BYTES, decode_cable, encode_cable
from cabledesk.domain.header import parse_addressee, parse_date, parse_dtg, parse_reasons
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.validation import Finding, Severity, validate
from cabledesk.errors import FieldError, InputError, MarkingError

__all__ = ["DraftRequest", "DraftingService", "LintReport"]


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """Everything needed to create a cable, as a person types it."""

    originator: str
    action: Sequence[str]
    subject: str  # with its portion mark: "(U) TEXT"
    body: str  # paragraphs separated by blank lines, each starting with its mark
    scheme: str = "us"
    precedence: str = "ROUTINE"
    info: Sequence[str] = ()
    tags: Sequence[str] = ()
    references: Sequence[str] = ()
    captions: Sequence[str] = ()
    classified_by: str | None = None
    reasons: str | None = None
    derived_from: str | None = None
    declassify_on: str | None = None
    signature: str = ""
    dtg: str | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class LintReport:
    """The findings of a cable and, when every mark parses, its banner."""

    findings: list[Finding]
    banner: Marking | None = None
    errors: int = field(init=False)
    warnings: int = field(init=False)

    def __post_init__(self) -> None:
        errors = sum(1 for f in self.findings if f.severity == Severity.ERROR)
        object.__setattr__(self, "errors", errors)
        object.__setattr__(self, "warnings", len(self.findings) - errors)


class DraftingService:
    """Drafting operations over a set of classification schemes.

    ``new_id`` makes cable ids (default: random UUIDs); pass a fixed one in tests.
    """

    def __init__(
        self,
        schemes: SchemeRegistry,
        *,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self.schemes = schemes
        self._new_id = new_id

    def combine_markings(self, markings: Sequence[str], scheme: str = "us") -> Marking:
        """The banner the given markings (banner or portion form) roll up to.

        Raises MarkingError naming the first bad marking, SchemeError for an
        unknown scheme, ValueError for an empty list.
        """
        s = self.schemes.get_scheme(scheme)
        return combine(parse_marking(m, s) for m in markings)

    def new_cable(self, request: DraftRequest) -> Cable:
        """Build a cable from typed fields; raises FieldError for a malformed field.

        The cable may still have findings: run :meth:`lint` before sealing.
        """
        scheme = self.schemes.get_scheme(request.scheme)
        subject_mark, subject = split_portion_mark(request.subject)
        authority = None
        if request.classified_by is not None:
            authority = Authority(
                classified_by=request.classified_by.strip(),
                reasons=parse_reasons(request.reasons) if request.reasons else (),
                derived_from=request.derived_from,
                declassify_on=_declassify_on(request.declassify_on or ""),
            )
        elif request.reasons or request.declassify_on or request.derived_from:
            raise FieldError(
                "A reason or declassification instruction was given without 'classified by'.",
                hint="Name the classifier too (--classified-by).",
            )
        return Cable(
            id=self._new_id(),
            scheme=scheme.id,
            precedence=request.precedence.upper(),
            dtg=parse_dtg(request.dtg) if request.dtg else None,
            serial=request.serial,
            originator=" ".join(request.originator.split()),
            action=tuple(parse_addressee(a) for a in request.action),
            info=tuple(parse_addressee(a) for a in request.info),
            captions=tuple(c.strip().upper() for c in request.captions if c.strip()),
            tags=_split_tags(request.tags),
            subject=subject,
            subject_marking=subject_mark,
            references=tuple(r.strip() for r in request.references if r.strip()),
            authority=authority,
            paragraphs=paragraphs_from_text(request.body),
            signature=request.signature.strip(),
        )

    def lint(self, cable: Cable) -> LintReport:
        """Validate a cable against its scheme; SchemeError if the scheme is unknown."""
        scheme = self.schemes.get_scheme(cable.scheme)
        findings = validate(cable, scheme)
        try:
            banner: Marking | None = cable_banner(cable, scheme)
        except MarkingError:
            banner = None
        return LintReport(findings=findings, banner=banner)

    @staticmethod
    def read_cable(path: Path) -> Cable:
        """Read a canonical cable file; InputError or CableFormatError if it cannot be."""
        try:
            with Path(path).open("rb") as f:
                data = f.read(MAX_CABLE_BYTES + 1)
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        return decode_cable(data)

    @staticmethod
    def write_cable(cable: Cable, path: Path, *, overwrite: bool = False) -> None:
        """Write a cable as canonical JSON, atomically, readable by its owner only."""
        write_atomic(Path(path), encode_cable(cable) + b"\n", overwrite=overwrite)


def _split_tags(tags: Sequence[str]) -> tuple[str, ...]:
    result: list[str] = []
    for item in tags:
        for tag in item.split(","):
            t = " ".join(tag.split()).upper()
            if t and t not in result:
                result.append(t)
    return tuple(result)


def _declassify_on(text: str) -> str:
    when = parse_date(text)
    return when.isoformat() if when is not None else " ".join(text.split())
