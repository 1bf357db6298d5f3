"""A SECRET cable full of words a sanitized release must not reveal, and the check that
none of them appears in what is released (shared by the .docx and the PDF leak tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from cabledesk.domain.cable import Addressee, Attachment, Authority, Cable, Paragraph, Provenance
from cabledesk.domain.sanitize import SanitizeOptions

SOURCE_ID = "7e57ab1e-0000-4000-8000-00000000a11e"
RELEASE_LEVEL = "CONFIDENTIAL"
STAMP_DAY = date(2024, 3, 20)

# Kept at CONFIDENTIAL: what the release is for.
KEPT_WORDS = ("FISHERIES", "QUOTAS", "ROUTINE-COMMENT")
# Never released: the withheld portions, the classified subject and its TAGS, the source's
# level, controls and captions, the stated banner, the imported record's provenance.
ALWAYS_WITHHELD = (
    "OBSIDIAN", "ZANZIBAR", "MARZIPAN", "KESTREL", "PINR", "SECRET", "NOFORN", "NF)",
    "NODIS", "ND)", "(S)", "(S/", "frus1918x",
)  # fmt: skip
SOURCE_WORDS = (SOURCE_ID, "004711", "151230Z", "2024-03-15T12:30", "Mar 24", "MAR 24")
REF_WORDS = ("STATE 987654", "PARIS 004700")
ATTACHMENT_WORDS = ("falcon-annex", "HUMMINGBIRD", "cdcdcdcd")
# A count of what was withheld, in any wording: "3 of 6 paragraphs", "3 withheld", …
COUNTS = re.compile(
    r"\b\d+\s+(?:of\s+\d+\s+)?paragraphs?\b|\b\d+\s+(?:paragraphs?\s+)?withheld\b|"
    r"\bparagraph\s+\d+\s+withheld\b|\b\d+\s+attachments?\b",
    re.IGNORECASE,
)


def secret_cable() -> Cable:
    """SECRET//NOFORN//NODIS, with secret paragraphs, REFs, an attachment, a SECRET subject."""
    return Cable(
        id=SOURCE_ID,
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC", "IMMEDIATE"),),
        subject="KESTREL CHANNEL TALKS",
        subject_marking="(S)",
        paragraphs=(
            # released with a REL TO: an uncaveated (C) beside it would make the release
            # NOFORN (roll-up version 2), a word this test counts as the source's
            Paragraph(
                "(C//REL TO USA, GBR)", "SUMMARY: Talks on FISHERIES went well. END SUMMARY."
            ),
            Paragraph("(S//NF)", "The minister named OBSIDIAN as the channel."),
            Paragraph("(C//REL TO USA, GBR)", "London was briefed on QUOTAS."),
            Paragraph("(S)", "Delegates met at ZANZIBAR harbour."),
            Paragraph("(C//NODIS)", "Private view: MARZIPAN."),
            Paragraph("(U)", "ROUTINE-COMMENT: the talks resume in May."),
        ),
        dtg=datetime(2024, 3, 15, 12, 30, tzinfo=UTC),
        serial="004711",
        captions=("NODIS",),
        tags=("PINR", "FR"),
        references=("STATE 987654", "PARIS 004700"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)",), None, "2049-03-15"),
        signature="DOE",
        attachments=(Attachment("falcon-annex.pdf", "Draft HUMMINGBIRD terms", 1234, "cd" * 32),),
        declared_banner="SECRET//NOFORN//NODIS",
        provenance=Provenance("FRUS", "frus1918x/d9", original_marking="Secret"),
    )


@dataclass(frozen=True, slots=True)
class Case:
    """One combination of release options and what it must withhold and show."""

    options: SanitizeOptions

    @property
    def id(self) -> str:
        o = self.options
        names = [
            n for n, on in (
                ("refs", o.release_refs), ("attachments", o.release_attachments),
                ("source", o.show_source_id), ("numbers", o.keep_numbers),
                ("subject", o.subject is not None),
            ) if on
        ]  # fmt: skip
        return "+".join(names) or "defaults"

    def withheld(self) -> list[str]:
        o = self.options
        words = list(ALWAYS_WITHHELD)
        words += [] if o.show_source_id else list(SOURCE_WORDS)
        words += [] if o.release_refs else list(REF_WORDS)
        words += [] if o.release_attachments else [*ATTACHMENT_WORDS, "ATTACHMENTS ("]
        return words

    def shown(self) -> list[str]:
        o = self.options
        words = [*KEPT_WORDS, "J. Smith", "2024-03-20", "E.O. 13526 sec. 1.7"]
        words += [SOURCE_ID, "004711"] if o.show_source_id else []
        words += list(REF_WORDS) if o.release_refs else []
        words += ["falcon-annex", "HUMMINGBIRD"] if o.release_attachments else []
        words += ["FISHING TALKS"] if o.subject is not None else ["SUBJECT WITHHELD"]
        words += ["[Paragraph 2 withheld: (b)(1)]"] if o.keep_numbers else []
        return words


def cases() -> list[Case]:
    """Every combination of the options that withhold something (the subject's two ways)."""
    found = []
    for bits in range(32):
        refs, attachments, source, numbers, subject = ((bits >> i) & 1 == 1 for i in range(5))
        found.append(
            Case(
                SanitizeOptions(
                    release_refs=refs,
                    release_attachments=attachments,
                    show_source_id=source,
                    keep_numbers=numbers,
                    subject="FISHING TALKS" if subject else None,
                    sanitizer="J. Smith",
                    authority="E.O. 13526 sec. 1.7",
                    on=STAMP_DAY,
                )
            )
        )
    return found


def leaks(blobs: dict[str, bytes], words: list[str]) -> list[str]:
    """``name: word`` for every word found in any blob (bytes, case-insensitive; UTF-8 and
    UTF-16BE as a PDF may write its strings)."""
    found = []
    for name, blob in blobs.items():
        lowered = blob.lower()
        for word in words:
            w = word.lower()
            if w.encode("utf-8") in lowered or w.encode("utf-16-be") in lowered:
                found.append(f"{name}: {word}")
    return found


def counts(text: str) -> list[str]:
    """Every count of withheld material in ``text`` (a release that keeps numbers shows
    where each withheld paragraph stood, by choice)."""
    return [m.group(0) for m in COUNTS.finditer(text)]
