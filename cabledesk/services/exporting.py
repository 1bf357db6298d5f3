"""Exporting cables as documents, and checking documents received.

:class:`ExportService` is what the CLI and the GUI call:

- :meth:`ExportService.export` writes a cable as ``.docx`` or ``.pdf``,
  optionally as a sanitized version at a lower level (and for a list of
  countries), optionally signed (``NAME.docx.sig``) and bundled
  (``NAME.zip`` with the signer's card). It returns an :class:`ExportResult`
  (paths, level, banner, sanitized, signed, SHA-256) for the audit log.
- :meth:`ExportService.render` is the same in memory, without the policy's
  ceiling (for previews and for the sealed package's own ``cable.docx``).
- :meth:`ExportService.verify` checks a received document or bundle.

The rules an export follows, in order: every portion mark must parse
(MarkingError); a cable with validation findings of severity error is refused
(ValidationError) — every cable, an imported historic record included: the
drafting rules give a record warnings, not errors, for what its time did not
require or its source does not record, so it passes on its own merits (a
``provenance`` field never skips the check);
the document's banner must be at or below the export ceiling
(PolicyRefusal); then everything is built in memory and only then written,
each file atomically. If writing a later file fails, the files already
written by this export are removed: nothing partial is left. Existing files
are never replaced unless ``overwrite`` is set; replacing a document without
signing it removes the signature left beside it, which would no longer match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.marking import Marking
from cabledesk.domain.sanitize import SanitizeOptions, Tearline, sanitize
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.domain.validation import RULES_VERSION, Severity, validate
from cabledesk.errors import InputError, ValidationError
from cabledesk.export._bundle import safe_name
from cabledesk.export.docx import render_docx
from cabledesk.export.pdf import LibreOfficeConverter, PdfConverter
from cabledesk.export.settings import ExportSettings
from cabledesk.export.signed import (
    DocumentSigner,
    ExpectedSigner,
    make_bundle,
    sign_document,
    signature_path,
    verify_received,
)
from cabledesk.export.verification import DocumentVerification, SignerLookup, no_contacts
from cabledesk.phrase import Phrase

__all__ = [
    "DocumentFormat",
    "ExportRequest",
    "ExportResult",
    "ExportService",
    "RenderedDocument",
    "bundle_path",
]

DOCUMENT_MODE = 0o600  # the plaintext of a cable: its owner only
SIGNATURE_MODE = 0o644  # a signature is public
_MAX_FINDINGS_SHOWN = 3


class DocumentFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to write, and where.

    ``level`` (a level name of the cable's scheme) and ``release_to``
    (country codes) ask for a sanitized version, ``sanitize`` says what else
    it releases and who stamps it (the stamp's date defaults to today);
    ``signer`` signs; ``bundle`` also writes ``NAME.zip`` (needs a signer
    with a contact card). ValueError for release options without a level or
    countries: they apply to a sanitized version only.
    """

    output: Path
    format: DocumentFormat = DocumentFormat.DOCX
    level: str | None = None
    release_to: tuple[str, ...] = ()
    signer: DocumentSigner | None = None
    bundle: bool = False
    settings: ExportSettings = field(default_factory=ExportSettings)
    overwrite: bool = False
    sanitize: SanitizeOptions | None = None
    # issue 18: the "Drafted / Cleared / Approved" block of a released cable (the
    # statements that hold and are on its text); never on a sanitized version
    clearance: tuple[ClearanceLine, ...] = ()

    def __post_init__(self) -> None:
        if self.bundle and (self.signer is None or self.signer.card is None):
            raise ValueError("a bundle needs a signer with a contact card")
        if self.sanitize is not None and self.level is None and not self.release_to:
            raise ValueError("release options apply to a sanitized version only")


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A document in memory: its bytes, its banner, the tearline if sanitized, and the id
    of the cable it shows (a sanitized version's own id)."""

    data: bytes
    format: DocumentFormat
    banner: Marking
    tearline: Tearline | None
    cable_id: str = ""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote, for the audit log.

    ``cable_id`` is the id of the cable the document shows (a sanitized
    version's own id; the source's is ``tearline.source_id``, for the
    sanitizer's audit log only); ``banner`` and ``level`` are the written
    document's; ``sha256`` and ``size`` are the document file's.
    """

    cable_id: str
    format: DocumentFormat
    document: Path
    signature: Path | None
    bundle: Path | None
    banner: str
    level: str
    tearline: Tearline | None
    signer_fingerprint: str | None
    sha256: str
    size: int

    @property
    def sanitized(self) -> bool:
        return self.tearline is not None

    @property
    def signed(self) -> bool:
        return self.signature is not None

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.document, self.signature, self.bundle) if p is not None)


def bundle_path(document: Path) -> Path:
    """Where the bundle of ``document`` goes: ``NAME.docx`` → ``NAME.zip``."""
    return document.with_name(document.stem + ".zip")


class ExportService:
    """Export and verification over a set of schemes.

    ``ceiling`` is the release policy's export ceiling (default: the scheme's
    lowest classified level); ``pdf_converter`` defaults to LibreOffice;
    ``clock`` gives the time for validation (default: now, UTC); ``rules_for`` the
    version of the drafting rules a cable is checked by, from its id (default: the
    current rules; a vault gives a stored draft's own).
    """

    def __init__(
        self,
        schemes: SchemeRegistry,
        *,
        ceiling: ExportCeiling | None = None,
        pdf_converter: PdfConverter | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rules_for: Callable[[str], int] = lambda _cable_id: RULES_VERSION,
    ) -> None:
        self.schemes = schemes
        self.ceiling = ceiling or ExportCeiling()
        self._pdf = pdf_converter
        self._clock = clock
        self._rules_for = rules_for

    def render(
        self,
        cable: Cable,
        *,
        format: DocumentFormat = DocumentFormat.DOCX,
        level: str | None = None,
        release_to: Iterable[str] = (),
        settings: ExportSettings | None = None,
        options: SanitizeOptions | None = None,
        clearance: Sequence[ClearanceLine] = (),
    ) -> RenderedDocument:
        """The document in memory, sanitized if ``level`` or ``release_to`` is given
        (with ``options``; the stamp dated today unless they give a date). ``clearance``:
        the names of the cable's "Drafted / Cleared / Approved" block (issue 18), left
        out of a sanitized version (the statements cover the whole text only).

        Does not validate and does not apply the ceiling. Raises SchemeError,
        MarkingError (a bad mark, or a level the scheme does not have),
        PolicyRefusal (nothing releasable) and, for PDF, ExportError.
        """
        scheme = self.schemes.get_scheme(cable.scheme)
        audience = tuple(release_to)
        tearline = None
        if level is not None or audience:
            if level is not None:
                target = scheme.level_named(level)
            else:
                target = cable_banner(cable, scheme).level
            options = options or SanitizeOptions()
            if options.on is None:
                options = replace(options, on=self._clock().date())
            released = sanitize(cable, scheme, target, release_to=audience, options=options)
            cable, banner, tearline = released.cable, released.banner, released.tearline
        else:
            banner = cable_banner(cable, scheme)
        block = clearance if tearline is None else ()
        data = render_docx(cable, scheme, settings, tearline=tearline, clearance=block)
        if format is DocumentFormat.PDF:
            data = (self._pdf or LibreOfficeConverter()).convert(data)
        return RenderedDocument(
            data=data, format=format, banner=banner, tearline=tearline, cable_id=cable.id
        )

    def export(self, cable: Cable, request: ExportRequest) -> ExportResult:
        """Write the document (and signature and bundle) that ``request`` asks for.

        Raises ValidationError, MarkingError, PolicyRefusal (above the ceiling,
        or nothing releasable), ExportError (PDF conversion), InputError (a
        file exists or cannot be written); nothing partial is left behind.
        """
        scheme = self.schemes.get_scheme(cable.scheme)
        self._check_findings(cable, scheme)
        document = Path(request.output)
        sig_file = signature_path(document)
        zip_file = bundle_path(document) if request.bundle else None
        if zip_file == document:
            raise InputError(
                f"The document and its bundle would both be {document.name}.",
                hint="Name the document .docx or .pdf.",
            )
        _refuse_existing([document, sig_file, *([zip_file] if zip_file else [])], request.overwrite)
        rendered = self.render(
            cable,
            format=request.format,
            level=request.level,
            release_to=request.release_to,
            settings=request.settings,
            options=request.sanitize,
            clearance=request.clearance,
        )
        self.ceiling.check(rendered.banner)  # a sanitized version: its own, lower banner
        files: list[tuple[Path, bytes, int]] = [(document, rendered.data, DOCUMENT_MODE)]
        signer = request.signer
        if signer is not None:
            signature = sign_document(rendered.data, signer)
            files.append((sig_file, signature.encode("ascii"), SIGNATURE_MODE))
            if zip_file is not None:
                assert signer.card is not None
                inner = document.name if safe_name(document.name) else f"document.{request.format}"
                files.append(
                    (zip_file, make_bundle(inner, rendered.data, signature, signer.card),
                     DOCUMENT_MODE)
                )  # fmt: skip
        _write_all(files, overwrite=request.overwrite)
        if signer is None and request.overwrite:
            sig_file.unlink(missing_ok=True)  # it signed the document just replaced
        return ExportResult(
            cable_id=rendered.cable_id,
            format=request.format,
            document=document,
            signature=sig_file if signer is not None else None,
            bundle=zip_file,
            banner=rendered.banner.banner,
            level=rendered.banner.level.name,
            tearline=rendered.tearline,
            signer_fingerprint=signer.fingerprint if signer is not None else None,
            sha256=hashlib.sha256(rendered.data).hexdigest(),
            size=len(rendered.data),
        )

    def verify(
        self,
        path: Path,
        *,
        signature: Path | None = None,
        lookup: SignerLookup = no_contacts,
        expected: ExpectedSigner | None = None,
        now: datetime | None = None,
    ) -> DocumentVerification:
        """Check a received document or bundle; see :func:`verify_received`."""
        return verify_received(
            Path(path),
            now=now or self._clock(),
            signature=signature,
            lookup=lookup,
            expected=expected,
        )

    def _check_findings(self, cable: Cable, scheme: ClassificationScheme) -> None:
        # No exception for imported records: validation itself softens what a historic
        # record cannot fix, so a draft given a provenance gains nothing here.
        errors = [
            f for f in validate(
                cable, scheme, today=self._clock().date(), rules=self._rules_for(cable.id)
            )
            if f.severity == Severity.ERROR
        ]  # fmt: skip
        if errors:
            shown = "; ".join(f"{f.field}: {f.message}" for f in errors[:_MAX_FINDINGS_SHOWN])
            more = len(errors) - _MAX_FINDINGS_SHOWN
            raise ValidationError(
                f"This cable cannot be exported: it has {len(errors)} error"
                f"{'s' * (len(errors) != 1)} ({shown}{f'; and {more} more' if more > 0 else ''}).",
                hint="Fix them first ('cabledesk-cli draft lint' lists them all).",
            )


def _refuse_existing(paths: list[Path], overwrite: bool) -> None:
    if overwrite:
        return
    for path in paths:
        if path.exists():
            raise InputError(
                Phrase.of(
                    "{file} already exists; CableDesk does not overwrite it.", file=str(path)
                ),
                hint="Choose another name, or allow overwriting (--force).",
            )


def _write_all(files: list[tuple[Path, bytes, int]], *, overwrite: bool) -> None:
    written: list[Path] = []
    try:
        for path, data, mode in files:
            write_atomic(path, data, overwrite=overwrite, mode=mode)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
