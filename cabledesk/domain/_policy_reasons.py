"""The reasons the release policy gives, as codes and as sentences naming the recipient.

Faces show :attr:`Reason.text`; they pick icons, and tests assert, on
:attr:`Reason.code`. Every sentence starts with the recipient's label so that a
list of reasons for several recipients reads on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from cabledesk.domain.countries import is_country_code
from cabledesk.domain.tetragraphs import TetragraphTable

__all__ = ["Reason", "ReasonCode", "normal_post"]


class ReasonCode(StrEnum):
    """Why a recipient is refused, or why sealing to them needs a confirmation."""

    KEY_REVOKED = "key-revoked"
    KEY_EXPIRED = "key-expired"
    CLEARANCE_MISSING = "clearance-missing"
    CLEARANCE_UNKNOWN = "clearance-unknown"
    CLEARANCE_TOO_LOW = "clearance-too-low"
    NATIONALITY_UNKNOWN = "nationality-unknown"
    NOT_A_NATIONAL = "not-a-national"
    NOT_RELEASABLE = "not-releasable"
    POST_UNKNOWN = "post-unknown"
    NOT_AN_ADDRESSEE = "not-an-addressee"
    UNVERIFIED = "unverified"
    UNKNOWN_CONTACT = "unknown-contact"


CONFIRMATION_CODES = frozenset({ReasonCode.UNVERIFIED, ReasonCode.UNKNOWN_CONTACT})


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: its code, the sentence shown to the user, and the control at stake if any."""

    code: ReasonCode
    text: str
    control: str | None = None

    @property
    def refuses(self) -> bool:
        """True for a refusal; False for a reason that only asks for the user's confirmation."""
        return self.code not in CONFIRMATION_CODES

    def __str__(self) -> str:
        return self.text


def normal_post(post: str) -> str:
    """A post name as compared by the policy: single spaces, capitals."""
    return " ".join(post.split()).upper()


def _may_not(label: str, what: str) -> str:
    return f"{label} may not receive this {what}cable"


# -- keys and trust ------------------------------------------------------------


def revoked(label: str, why: str) -> Reason:
    because = f" ({why.strip()})" if why.strip() else ""
    return Reason(
        ReasonCode.KEY_REVOKED, f"{_may_not(label, '')}: their keys were revoked{because}."
    )


def expired(label: str, when: datetime) -> Reason:
    moment = f"{when.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return Reason(ReasonCode.KEY_EXPIRED, f"{_may_not(label, '')}: their keys expired on {moment}.")


def unverified(label: str, fingerprint: str) -> Reason:
    return Reason(
        ReasonCode.UNVERIFIED,
        f"{label} is an unverified contact: seal to them only once you have confirmed "
        f"that the fingerprint {fingerprint or '(none given)'} is theirs.",
    )


def unknown_contact(label: str, fingerprint: str) -> Reason:
    return Reason(
        ReasonCode.UNKNOWN_CONTACT,
        f"{label} is not one of your contacts: seal to them only once you have confirmed "
        f"that the fingerprint {fingerprint or '(none given)'} is theirs.",
    )


# -- clearance -----------------------------------------------------------------


def _at_least(needed: str, scheme_id: str | None) -> str:
    where = f" in the {scheme_id.upper()} scheme" if scheme_id else ""
    return f"a clearance of at least {needed}{where}"


def no_clearance(label: str, level: str, needed: tuple[str, str | None] | None) -> Reason:
    wants = _at_least(*needed) if needed else "a security clearance"
    return Reason(
        ReasonCode.CLEARANCE_MISSING,
        f"{_may_not(label, level + ' ')}: it needs {wants}, and none is on record for them.",
    )


def unknown_scheme(label: str, level: str, scheme_id: str, clearance: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_UNKNOWN,
        f"{_may_not(label, level + ' ')}: their clearance {clearance!r} belongs to a "
        f"classification scheme CableDesk does not know ({scheme_id.strip() or 'none given'!r}).",
    )


def beyond_scheme(label: str, level: str, scheme_id: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_TOO_LOW,
        f"{_may_not(label, level + ' ')}: the {scheme_id.upper()} scheme of their clearance "
        "has no level high enough to protect it.",
    )


def unknown_level(label: str, level: str, needed: str, scheme_id: str, clearance: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_UNKNOWN,
        f"{_may_not(label, level + ' ')}: it needs {_at_least(needed, scheme_id)}, and their "
        f"clearance {clearance!r} is not a level of that scheme.",
    )


def too_low(label: str, level: str, needed: str, scheme_id: str | None, held: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_TOO_LOW,
        f"{_may_not(label, level + ' ')}: it needs {_at_least(needed, scheme_id)}, "
        f"and theirs is {held}.",
    )


# -- dissemination controls ----------------------------------------------------


def _nationals_of(country: str, table: TetragraphTable) -> str:
    if is_country_code(country):
        return f"{country} nationals"
    if country in table:
        return f"nationals of the {country} countries"
    return f"nationals of {country} (CableDesk has no member list for {country})"


def _nationality_problem(raw: str) -> str:
    if not raw.strip():
        return "their nationality is not on record"
    return f"their nationality {raw.strip()!r} is not an ISO 3166 three-letter country code"


def nationality_unknown(
    label: str, control: str, raw: str, country: str, table: TetragraphTable
) -> Reason:
    return Reason(
        ReasonCode.NATIONALITY_UNKNOWN,
        f"{_may_not(label, control + ' ')}: it is for {_nationals_of(country, table)} only, "
        f"and {_nationality_problem(raw)}.",
        control,
    )


def not_a_national(label: str, control: str, country: str, table: TetragraphTable) -> Reason:
    return Reason(
        ReasonCode.NOT_A_NATIONAL,
        f"{_may_not(label, control + ' ')}: it is for {_nationals_of(country, table)} only.",
        control,
    )


def no_release_marking(
    label: str, level: str, release_control: str, country: str, table: TetragraphTable, raw: str
) -> Reason:
    unknown = raw is not None and not is_country_code(raw.strip().upper())
    code = ReasonCode.NATIONALITY_UNKNOWN if unknown else ReasonCode.NOT_A_NATIONAL
    tail = f", and {_nationality_problem(raw)}" if unknown else ""
    return Reason(
        code,
        f"{_may_not(label, level + ' ')}: classified information without a release marking "
        f"({release_control}) is for {_nationals_of(country, table)} only{tail}.",
        None,
    )


def release_nationality_unknown(label: str, shown: str, control: str, raw: str) -> Reason:
    return Reason(
        ReasonCode.NATIONALITY_UNKNOWN,
        f"{_may_not(label, shown + ' ')}: it is releasable only to the nationalities it lists, "
        f"and {_nationality_problem(raw)}.",
        control,
    )


def not_releasable(
    label: str, shown: str, control: str, codes: Sequence[str], table: TetragraphTable
) -> Reason:
    parts = [c if is_country_code(c) else f"the {c} countries" for c in codes]
    if not parts:
        whom = "it names no one it may be released to"
    elif len(parts) == 1:
        whom = f"it is releasable only to nationals of {parts[0]}"
    else:
        whom = f"it is releasable only to nationals of {', '.join(parts[:-1])} and {parts[-1]}"
    unknown = [c for c in codes if table.nationalities(c) is None]
    if unknown:
        whom += f" (CableDesk has no member list for {', '.join(unknown)})"
    return Reason(ReasonCode.NOT_RELEASABLE, f"{_may_not(label, shown + ' ')}: {whom}.", control)


def post_unknown(label: str, control: str) -> Reason:
    return Reason(
        ReasonCode.POST_UNKNOWN,
        f"{_may_not(label, control + ' ')}: it goes only to holders of the posts it is "
        "addressed to, and no post is on record for them.",
        control,
    )


def not_an_addressee(label: str, control: str, post: str) -> Reason:
    return Reason(
        ReasonCode.NOT_AN_ADDRESSEE,
        f"{_may_not(label, control + ' ')}: it goes only to holders of the posts it is "
        f"addressed to, and their post, {' '.join(post.split())}, is not among them.",
        control,
    )
