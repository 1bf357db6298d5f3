"""A cable's clearance form: the exact text and markings a clearance statement covers.

A clearance (drafted, cleared, approved, …) is given to a cable's text before
it is released; releasing fills in the date-time group and the serial number,
which must not void it. So a statement covers the cable's canonical JSON
(``cabledesk.cable/1``, or ``/2`` when it uses a field of ``/2``) with ``dtg``
and ``serial`` set to null, and nothing else left out: every word, every
portion mark (attachments' included), the addressees and the list of
attachments (names, sizes and SHA-256) stay in, so that any edit — adding or
removing an attachment included — gives another form and voids the clearances
of the earlier one.

:func:`clearance_form` gives those bytes and :func:`clearance_sha256` their
SHA-256 in lower-case hex (a statement's ``text_sha256``). Pure functions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from cabledesk.domain.cable import Cable
from cabledesk.domain.canonical import encode_cable

__all__ = ["ClearanceLine", "clearance_form", "clearance_sha256"]


def clearance_form(cable: Cable) -> bytes:
    """The canonical JSON of ``cable`` with its release-time fields (dtg, serial) null."""
    return encode_cable(replace(cable, dtg=None, serial=None))


def clearance_sha256(cable: Cable) -> str:
    """SHA-256 of :func:`clearance_form`, 64 lower-case hex digits."""
    return hashlib.sha256(clearance_form(cable)).hexdigest()


@dataclass(frozen=True, slots=True)
class ClearanceLine:
    """One name of a document's "Drafted / Cleared / Approved" block: the role
    (``drafted``, ``cleared``, ``returned`` — cleared with changes —, ``approved``),
    the name and office as the signer's statement gives them."""

    role: str
    name: str
    office: str = ""
