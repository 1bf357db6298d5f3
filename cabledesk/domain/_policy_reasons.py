"""The reasons the release policy gives, as codes and as sentences naming the recipient.

Faces show :attr:`Reason.text`; they pick icons, and tests assert, on
:attr:`Reason.code`. Every sentence starts with the recipient's label so that a
list of reasons for several recipients reads on its own.

A sentence is a :class:`~cabledesk.phrase.Phrase`: an English template
with named values, some of them phrases in turn. The desktop application
renders it with each template looked up in its translation catalogue (context
``policy``); every template here is listed in
``resources/translations/core_messages.py``, and a test keeps the two lists the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from cabledesk.domain.countries import is_country_code
from cabledesk.domain.tetragraphs import TetragraphTable
from cabledesk.phrase import Phrase

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
    ACCESS_MISSING = "access-missing"
    UNVERIFIED = "unverified"
    UNKNOWN_CONTACT = "unknown-contact"
    SELF_DECLARED = "self-declared"  # attributes not attested where attested-from asks


CONFIRMATION_CODES = frozenset({ReasonCode.UNVERIFIED, ReasonCode.UNKNOWN_CONTACT})


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: its code, the sentence shown to the user, and the control at stake if any."""

    code: ReasonCode
    phrase: Phrase
    control: str | None = None

    @property
    def text(self) -> str:
        """The sentence, in English."""
        return self.phrase.render()

    @property
    def refuses(self) -> bool:
        """True for a refusal; False for a reason that only asks for the user's confirmation."""
        return self.code not in CONFIRMATION_CODES

    def __str__(self) -> str:
        return self.text


def normal_post(post: str) -> str:
    """A post name as compared by the policy: single spaces, capitals."""
    return " ".join(post.split()).upper()


def _may_not(label: str, what: str = "") -> Phrase:
    if what:
        return Phrase.of("{label} may not receive this {what} cable", label=label, what=what)
    return Phrase.of("{label} may not receive this cable", label=label)


# -- keys and trust ------------------------------------------------------------


def revoked(label: str, why: str) -> Reason:
    refusal = _may_not(label)
    if why.strip():
        return Reason(
            ReasonCode.KEY_REVOKED,
            Phrase.of(
                "{refusal}: their keys were revoked ({why}).", refusal=refusal, why=why.strip()
            ),
        )
    return Reason(
        ReasonCode.KEY_REVOKED, Phrase.of("{refusal}: their keys were revoked.", refusal=refusal)
    )


def expired(label: str, when: datetime) -> Reason:
    return Reason(
        ReasonCode.KEY_EXPIRED,
        Phrase.of(
            "{refusal}: their keys expired on {moment} UTC.",
            refusal=_may_not(label),
            moment=f"{when.astimezone(UTC):%Y-%m-%d %H:%M}",
        ),
    )


def _fingerprint(fingerprint: str) -> str | Phrase:
    return fingerprint or Phrase.of("(none given)")


def unverified(label: str, fingerprint: str) -> Reason:
    return Reason(
        ReasonCode.UNVERIFIED,
        Phrase.of(
            "{label} is an unverified contact: seal to them only once you have confirmed "
            "that the fingerprint {fingerprint} is theirs.",
            label=label,
            fingerprint=_fingerprint(fingerprint),
        ),
    )


def unknown_contact(label: str, fingerprint: str) -> Reason:
    return Reason(
        ReasonCode.UNKNOWN_CONTACT,
        Phrase.of(
            "{label} is not one of your contacts: seal to them only once you have confirmed "
            "that the fingerprint {fingerprint} is theirs.",
            label=label,
            fingerprint=_fingerprint(fingerprint),
        ),
    )


# -- attested attributes (issue 16) ----------------------------------------------


def self_declared(label: str, attributes: Sequence[str], threshold: str) -> Reason:
    """The recipient's attributes are only their own claim, where the ``attested-from``
    setting (from ``threshold`` on) asks for a trusted security office's attestation."""
    words = {"clearance": Phrase.of("clearance"), "nationality": Phrase.of("nationality")}
    return Reason(
        ReasonCode.SELF_DECLARED,
        Phrase.of(
            "{refusal}: their {attributes} are only self-declared, and from {threshold} on your "
            "setting attested-from asks for attributes attested by a security office you "
            "trust. Import the directory that attests them, or change attested-from.",
            refusal=_may_not(label),
            attributes=[words.get(a, a) for a in attributes],
            threshold=threshold,
        ),
    )


def attribute_basis(attribute: str, value: str, anchor: str, on: str) -> Phrase:
    """Which value of an attribute the policy used, and whose word it is."""
    words = {
        "clearance": Phrase.of("clearance {value}", value=value),
        "nationality": Phrase.of("nationality {value}", value=value),
        "accesses": Phrase.of("special accesses {value}", value=value),
    }
    what = words.get(attribute, Phrase.of("{attribute} {value}", attribute=attribute, value=value))
    if anchor:
        return Phrase.of(
            "{what}, attested by {anchor} on {date}", what=what, anchor=anchor, date=on
        )
    return Phrase.of("{what}, self-declared", what=what)


# -- clearance -----------------------------------------------------------------


def _at_least(needed: str, scheme_id: str | None) -> Phrase:
    if scheme_id:
        return Phrase.of(
            "a clearance of at least {level} in the {scheme} scheme",
            level=needed,
            scheme=scheme_id.upper(),
        )
    return Phrase.of("a clearance of at least {level}", level=needed)


def no_clearance(label: str, level: str, needed: tuple[str, str | None] | None) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_MISSING,
        Phrase.of(
            "{refusal}: it needs {wants}, and none is on record for them.",
            refusal=_may_not(label, level),
            wants=_at_least(*needed) if needed else Phrase.of("a security clearance"),
        ),
    )


def unknown_scheme(label: str, level: str, scheme_id: str, clearance: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_UNKNOWN,
        Phrase.of(
            "{refusal}: their clearance {clearance} belongs to a classification scheme "
            "CableDesk does not know ({scheme}).",
            refusal=_may_not(label, level),
            clearance=repr(clearance),
            scheme=repr(scheme_id.strip() or "none given"),
        ),
    )


def beyond_scheme(label: str, level: str, scheme_id: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_TOO_LOW,
        Phrase.of(
            "{refusal}: the {scheme} scheme of their clearance has no level high enough to "
            "protect it.",
            refusal=_may_not(label, level),
            scheme=scheme_id.upper(),
        ),
    )


def unknown_level(label: str, level: str, needed: str, scheme_id: str, clearance: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_UNKNOWN,
        Phrase.of(
            "{refusal}: it needs {wants}, and their clearance {clearance} is not a level of "
            "that scheme.",
            refusal=_may_not(label, level),
            wants=_at_least(needed, scheme_id),
            clearance=repr(clearance),
        ),
    )


def too_low(label: str, level: str, needed: str, scheme_id: str | None, held: str) -> Reason:
    return Reason(
        ReasonCode.CLEARANCE_TOO_LOW,
        Phrase.of(
            "{refusal}: it needs {wants}, and theirs is {held}.",
            refusal=_may_not(label, level),
            wants=_at_least(needed, scheme_id),
            held=held,
        ),
    )


# -- dissemination controls ----------------------------------------------------


def _nationals_of(country: str, table: TetragraphTable) -> Phrase:
    if is_country_code(country):
        return Phrase.of("{country} nationals", country=country)
    if country in table:
        return Phrase.of("nationals of the {group} countries", group=country)
    return Phrase.of(
        "nationals of {group} (CableDesk has no member list for {group})", group=country
    )


def _nationality_problem(raw: str) -> Phrase:
    if not raw.strip():
        return Phrase.of("their nationality is not on record")
    return Phrase.of(
        "their nationality {value} is not an ISO 3166 three-letter country code",
        value=repr(raw.strip()),
    )


def nationality_unknown(
    label: str, control: str, raw: str, country: str, table: TetragraphTable
) -> Reason:
    return Reason(
        ReasonCode.NATIONALITY_UNKNOWN,
        Phrase.of(
            "{refusal}: it is for {nationals} only, and {problem}.",
            refusal=_may_not(label, control),
            nationals=_nationals_of(country, table),
            problem=_nationality_problem(raw),
        ),
        control,
    )


def not_a_national(label: str, control: str, country: str, table: TetragraphTable) -> Reason:
    return Reason(
        ReasonCode.NOT_A_NATIONAL,
        Phrase.of(
            "{refusal}: it is for {nationals} only.",
            refusal=_may_not(label, control),
            nationals=_nationals_of(country, table),
        ),
        control,
    )


def no_release_marking(
    label: str, level: str, release_control: str, country: str, table: TetragraphTable, raw: str
) -> Reason:
    values: dict[str, str | Phrase] = {
        "refusal": _may_not(label, level),
        "control": release_control,
        "nationals": _nationals_of(country, table),
    }
    if raw is not None and not is_country_code(raw.strip().upper()):
        return Reason(
            ReasonCode.NATIONALITY_UNKNOWN,
            Phrase.of(
                "{refusal}: classified information without a release marking ({control}) is "
                "for {nationals} only, and {problem}.",
                problem=_nationality_problem(raw),
                **values,
            ),
        )
    return Reason(
        ReasonCode.NOT_A_NATIONAL,
        Phrase.of(
            "{refusal}: classified information without a release marking ({control}) is "
            "for {nationals} only.",
            **values,
        ),
    )


def release_nationality_unknown(label: str, shown: str, control: str, raw: str) -> Reason:
    return Reason(
        ReasonCode.NATIONALITY_UNKNOWN,
        Phrase.of(
            "{refusal}: it is releasable only to the nationalities it lists, and {problem}.",
            refusal=_may_not(label, shown),
            problem=_nationality_problem(raw),
        ),
        control,
    )


def _releasable_to(codes: Sequence[str]) -> Phrase:
    parts = [
        c if is_country_code(c) else Phrase.of("the {group} countries", group=c) for c in codes
    ]
    if not parts:
        return Phrase.of("it names no one it may be released to")
    if len(parts) == 1:
        return Phrase.of("it is releasable only to nationals of {first}", first=parts[0])
    return Phrase.of(
        "it is releasable only to nationals of {first} and {last}",
        first=parts[:-1],
        last=parts[-1],
    )


def not_releasable(
    label: str, shown: str, control: str, codes: Sequence[str], table: TetragraphTable
) -> Reason:
    refusal = _may_not(label, shown)
    unknown = [c for c in codes if table.nationalities(c) is None]
    if unknown:
        phrase = Phrase.of(
            "{refusal}: {whom} (CableDesk has no member list for {unknown}).",
            refusal=refusal,
            whom=_releasable_to(codes),
            unknown=unknown,
        )
    else:
        phrase = Phrase.of("{refusal}: {whom}.", refusal=refusal, whom=_releasable_to(codes))
    return Reason(ReasonCode.NOT_RELEASABLE, phrase, control)


def post_unknown(label: str, control: str) -> Reason:
    return Reason(
        ReasonCode.POST_UNKNOWN,
        Phrase.of(
            "{refusal}: it goes only to holders of the posts it is addressed to, and no post "
            "is on record for them.",
            refusal=_may_not(label, control),
        ),
        control,
    )


def not_an_addressee(label: str, control: str, post: str) -> Reason:
    return Reason(
        ReasonCode.NOT_AN_ADDRESSEE,
        Phrase.of(
            "{refusal}: it goes only to holders of the posts it is addressed to, and their "
            "post, {post}, is not among them.",
            refusal=_may_not(label, control),
            post=" ".join(post.split()),
        ),
        control,
    )


def foreign_information(
    label: str, shown: str, country: str, originators: Sequence[str], raw: str
) -> Reason:
    values: dict[str, str | Phrase | Sequence[str]] = {
        "refusal": _may_not(label, shown),
        "holder": country,
    }
    if originators:
        phrase = Phrase.of(
            "{refusal}: foreign government information goes only to {holder} nationals and "
            "back to its originators ({originators}) unless they release it further",
            originators=list(originators),
            **values,
        )
    else:
        phrase = Phrase.of(
            "{refusal}: foreign government information of a concealed source goes only to "
            "{holder} nationals",
            **values,
        )
    if not is_country_code(raw.strip().upper()):
        return Reason(
            ReasonCode.NATIONALITY_UNKNOWN,
            Phrase.of("{reason}, and {problem}.", reason=phrase, problem=_nationality_problem(raw)),
        )
    return Reason(ReasonCode.NOT_RELEASABLE, Phrase.of("{reason}.", reason=phrase))


def access_missing(label: str, control: str) -> Reason:
    return Reason(
        ReasonCode.ACCESS_MISSING,
        Phrase.of(
            "{refusal}: it is {control} information, and no {control} briefing is on record "
            "for them.",
            refusal=_may_not(label, control),
            control=control,
        ),
        control,
    )
