"""The release policy: may this cable go to this recipient, and if not, why not.

Before anything is sealed, the seal dialog and the seal service ask
:func:`eligible` (one recipient) or :func:`check_all` (every recipient) and
get a :class:`Decision` per recipient. A decision lists *every* reason at
once, each a sentence that names the recipient and a :class:`ReasonCode`
that faces and tests use without reading the prose. :func:`enforce` turns
the decisions into a :class:`~cabledesk.errors.PolicyRefusal`.

The rules (all of them are checked; none is special to one scheme):

- **keys**: a revoked contact, or one whose keys expired (at or before
  ``now``), is refused;
- **clearance**: a cable whose level is classified needs a clearance that
  reaches it. Across schemes the cable's level is first translated into the
  recipient's scheme through the equivalence tiers
  (:func:`~cabledesk.domain.equivalence.equivalent_level`): a French SECRET
  clearance reaches a US SECRET cable, a French clearance must be SECRET for
  a NATO CONFIDENTIAL one. Where the translated level is not classified in
  the recipient's scheme (NATO RESTRICTED is handled as French DIFFUSION
  RESTREINTE) no clearance is needed, nor for a level that needs none even
  though classified (NATO RESTRICTED, RESTREINT UE, VS-NfD: need-to-know and
  nationality suffice). A missing clearance, a clearance that
  is not a level of the recipient's scheme, or a scheme CableDesk does not
  know, is a refusal;
- **release by nationality**: who may receive the banner is decided by
  :func:`~cabledesk.domain.release.scope_of`, the same definition the roll-up
  uses: a ``nationals`` control (NOFORN, UK EYES ONLY, SPÉCIAL FRANCE…) only to
  nationals of the scheme's country (an organisation such as NATO stands for its
  member countries); a release list only to the nationalities listed,
  tetragraphs expanded to their members (:mod:`cabledesk.domain.tetragraphs`),
  NATO's and the EU's lists adding to their members; foreign government
  information only to the holder's nationals and its originators; classified
  information without a release marking, in a scheme that needs one (US, NATO,
  EU), only to the scheme's nationals. An unknown nationality is refused
  wherever it matters;
- **special access**: a control that is a special-access category (ATOMAL,
  BOHEMIA) goes only to recipients who hold its briefing (``accesses``);
- **named addressees**: a ``named-addressees`` control (NODIS, EXDIS,
  RECIPIENTS ONLY), in the banner or written as one of the cable's captions, only
  to holders of a post the cable names as originator, action or info addressee
  (the originator, so that the sender keeps a copy);
- **trust**: an unverified contact, or a recipient who is not a stored
  contact at all, is allowed only after the user confirms
  (``needs_confirmation``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from cabledesk.domain import _policy_reasons as say
from cabledesk.domain._policy_reasons import Reason, ReasonCode, normal_post
from cabledesk.domain.cable import Cable
from cabledesk.domain.countries import is_country_code
from cabledesk.domain.equivalence import equivalent_level
from cabledesk.domain.marking import Marking
from cabledesk.domain.release import ReleaseBasis, scope_of
from cabledesk.domain.scheme import ClassificationScheme, Control, Level
from cabledesk.domain.tetragraphs import TetragraphTable, shipped_tetragraphs
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import PolicyRefusal
from cabledesk.phrase import Phrase

__all__ = [
    "Decision",
    "Person",
    "Reason",
    "ReasonCode",
    "RecipientProfile",
    "check_all",
    "eligible",
    "enforce",
]

NAMED_ADDRESSEES = "named-addressees"
# A recipient with no stored contact: sealing to them needs a confirmation.
_NOT_A_CONTACT = Trust(TrustState.UNKNOWN)


class Person(Protocol):
    """What :meth:`RecipientProfile.of` reads: a contact card or an identity has it all."""

    @property
    def name(self) -> str: ...
    @property
    def post(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def scheme(self) -> str: ...
    @property
    def clearance(self) -> str: ...
    @property
    def nationality(self) -> str: ...
    @property
    def expires(self) -> datetime | None: ...
    @property
    def accesses(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class RecipientProfile:
    """Who a recipient is, as far as the release policy is concerned.

    ``scheme`` is the id of the scheme ``clearance`` is a level of (``"fr"``);
    ``clearance`` is a level's name, portion mark or alias, empty for none.
    ``nationality`` is an ISO 3166 alpha-3 code, empty when unknown.
    ``expires`` (timezone-aware) is when the recipient's keys stop being valid.
    Raises ValueError for an empty name or a naive ``expires``.
    """

    name: str
    post: str
    fingerprint: str
    scheme: str
    clearance: str = ""
    nationality: str = ""
    expires: datetime | None = None
    trust: Trust = _NOT_A_CONTACT
    accesses: tuple[str, ...] = ()
    # which of clearance, scheme, nationality, accesses a trusted security office
    # attests (the values above are then its), by whom and on which day (issue 16)
    attested: tuple[str, ...] = ()
    attested_by: str = ""
    attested_on: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a recipient needs a name")
        if self.expires is not None and self.expires.tzinfo is None:
            raise ValueError("a recipient's expiry must be timezone-aware")

    @classmethod
    def of(cls, person: Person, trust: Trust) -> RecipientProfile:
        """The profile of a contact card or an identity, with the trust the user gives it."""
        return cls(
            name=person.name,
            post=person.post,
            fingerprint=person.fingerprint,
            scheme=person.scheme,
            clearance=person.clearance,
            nationality=person.nationality,
            expires=person.expires,
            trust=trust,
            accesses=tuple(person.accesses),
        )

    def basis(self) -> tuple[Phrase, ...]:
        """Which clearance, nationality and accesses the policy used, each with whose
        word it is: ``clearance SECRET, attested by MFA SECURITY OFFICE on 2026-12-01``
        or ``clearance SECRET, self-declared``."""
        values = (
            ("clearance", self.clearance),
            ("nationality", self.nationality),
            ("accesses", ", ".join(self.accesses)),
        )
        return tuple(
            say.attribute_basis(
                name,
                value,
                self.attested_by if name in self.attested else "",
                self.attested_on,
            )
            for name, value in values
            if value.strip()
        )

    @property
    def label(self) -> str:
        """How reasons name the recipient: ``Jean Martin (FRA)``."""
        nationality = self.nationality.strip()
        return f"{self.name} ({nationality})" if nationality else self.name


@dataclass(frozen=True, slots=True)
class Decision:
    """The policy's answer for one recipient: every reason, refusals first.

    ``allowed`` when no reason refuses; ``needs_confirmation`` when allowed
    but only once the user confirms (an unverified contact). A refused
    decision still lists its confirmation reasons, so that everything wrong
    is shown at once.
    """

    reasons: tuple[Reason, ...] = ()

    @property
    def allowed(self) -> bool:
        return not any(r.refuses for r in self.reasons)

    @property
    def needs_confirmation(self) -> bool:
        return self.allowed and any(not r.refuses for r in self.reasons)

    @property
    def codes(self) -> tuple[ReasonCode, ...]:
        return tuple(r.code for r in self.reasons)

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(r.text for r in self.reasons)

    def permits(self, *, confirmed: bool) -> bool:
        """Whether sealing may go ahead, given whether the user confirmed this recipient."""
        return self.allowed and (confirmed or not self.needs_confirmation)


def eligible(
    recipient: RecipientProfile,
    cable: Cable,
    banner: Marking,
    *,
    schemes: Mapping[str, ClassificationScheme],
    now: datetime,
    tetragraphs: TetragraphTable | None = None,
    attested_from: Level | None = None,
) -> Decision:
    """Whether ``cable``, marked ``banner``, may go to ``recipient`` at time ``now``.

    ``attested_from``: from this level's equivalence tier on, the recipient's
    clearance and nationality must be attested by a trusted security office
    (:attr:`RecipientProfile.attested`); self-declared ones are refused.

    ``banner`` is the cable's banner marking (:func:`~cabledesk.domain.cable.cable_banner`);
    ``schemes`` holds every scheme by id (a
    :class:`~cabledesk.domain.scheme.SchemeRegistry`), for the recipient's
    clearance; ``tetragraphs`` defaults to the shipped member lists. Raises
    ValueError for a naive ``now`` or a banner of another scheme than the cable's.
    """
    if now.tzinfo is None:
        raise ValueError("the policy needs a timezone-aware 'now'")
    if banner.scheme.id != cable.scheme.lower():
        raise ValueError(f"banner of scheme {banner.scheme.id!r} for a {cable.scheme!r} cable")
    table = shipped_tetragraphs() if tetragraphs is None else tetragraphs
    reasons = [
        *_key_reasons(recipient, now),
        *_clearance_reasons(recipient, banner, schemes),
    ]
    reasons.extend(_access_reasons(recipient, banner))
    reasons.extend(_release_reasons(recipient, banner, table))
    captions = _caption_controls(cable, banner)
    for control in sorted((*banner.controls, *captions), key=lambda c: c.order):
        if control.audience == NAMED_ADDRESSEES:
            reasons.extend(_addressee_reasons(recipient, control, cable))
    reasons.extend(_trust_reasons(recipient))
    reasons.extend(_attested_reasons(recipient, banner, attested_from))
    return Decision(tuple(sorted(reasons, key=lambda r: not r.refuses)))


def check_all(
    recipients: Iterable[RecipientProfile],
    cable: Cable,
    banner: Marking,
    *,
    schemes: Mapping[str, ClassificationScheme],
    now: datetime,
    tetragraphs: TetragraphTable | None = None,
    attested_from: Level | None = None,
) -> list[tuple[RecipientProfile, Decision]]:
    """:func:`eligible` for each recipient, in the order given (for the seal dialog)."""
    table = shipped_tetragraphs() if tetragraphs is None else tetragraphs
    return [
        (
            r,
            eligible(
                r,
                cable,
                banner,
                schemes=schemes,
                now=now,
                tetragraphs=table,
                attested_from=attested_from,
            ),
        )
        for r in recipients
    ]


def enforce(
    checked: Iterable[tuple[RecipientProfile, Decision]], *, confirmed: Collection[str] = ()
) -> None:
    """Raise PolicyRefusal unless every decision lets sealing go ahead.

    ``confirmed`` holds the fingerprints of the recipients the user explicitly
    confirmed. The refusal lists every reason of every recipient in the way.
    """
    blocking: list[str] = []
    unconfirmed = False
    for recipient, decision in checked:
        if decision.permits(confirmed=recipient.fingerprint in confirmed):
            continue
        blocking.extend(r.text for r in decision.reasons if r.refuses or decision.allowed)
        unconfirmed = unconfirmed or decision.allowed
    if blocking:
        raise PolicyRefusal(
            "The release policy does not allow this cable to be sealed:\n"
            + "\n".join(f"- {text}" for text in blocking),
            hint="Remove the recipients named above or change the cable's marking"
            + ("; confirm the unverified recipients if you trust them." if unconfirmed else "."),
        )


# -- the rules -------------------------------------------------------------------


def _key_reasons(r: RecipientProfile, now: datetime) -> list[Reason]:
    out = []
    if not r.trust.usable:
        out.append(say.revoked(r.label, r.trust.how))
    # Same boundary as contact cards: a key is expired from its expiry instant on.
    if r.expires is not None and r.expires <= now:
        out.append(say.expired(r.label, r.expires))
    return out


def _clearance_reasons(
    r: RecipientProfile, banner: Marking, schemes: Mapping[str, ClassificationScheme]
) -> list[Reason]:
    if not banner.level.classified or not banner.level.clearance_required:
        return []  # NATO RESTRICTED, RESTREINT UE: need-to-know and nationality suffice
    level_text = banner.level.name
    clearance = r.clearance.strip()
    scheme = schemes.get(r.scheme.strip().lower())
    if scheme is None:
        if not clearance:
            return [say.no_clearance(r.label, level_text, None)]
        return [say.unknown_scheme(r.label, level_text, r.scheme, clearance)]
    if scheme == banner.scheme:
        needed = banner.level
    else:
        translated = equivalent_level(banner.level, scheme)
        if translated is None:
            return [say.beyond_scheme(r.label, level_text, scheme.id)]
        needed = translated
    # The recipient's own scheme decides whether handling at that level needs a clearance.
    if not needed.classified or not needed.clearance_required:
        return []
    in_scheme = None if scheme == banner.scheme else scheme.id
    if not clearance:
        return [say.no_clearance(r.label, level_text, (needed.name, in_scheme))]
    held = scheme.level(clearance)
    if held is None:
        return [say.unknown_level(r.label, level_text, needed.name, scheme.id, clearance)]
    if held.rank < needed.rank:
        return [say.too_low(r.label, level_text, needed.name, in_scheme, held.name)]
    return []


def _nationality(r: RecipientProfile) -> str | None:
    code = r.nationality.strip().upper()
    return code if is_country_code(code) else None


def _release_reasons(r: RecipientProfile, banner: Marking, table: TetragraphTable) -> list[Reason]:
    """Whether the recipient's nationality is among those the banner releases to
    (:func:`~cabledesk.domain.release.scope_of`, the roll-up's own definition)."""
    scope = scope_of(banner, table)
    nationality = _nationality(r)
    if scope.nationalities is None or (
        nationality is not None and nationality in scope.nationalities
    ):
        return []
    country = banner.scheme.country
    control = scope.control or ""
    if scope.basis is ReleaseBasis.NATIONALS_CONTROL:
        if nationality is None:
            return [say.nationality_unknown(r.label, control, r.nationality, country, table)]
        return [say.not_a_national(r.label, control, country, table)]
    if scope.basis is ReleaseBasis.RELEASE_LIST:
        codes = banner.release_to
        rules = banner.scheme.release
        if rules is not None and not rules.includes_originator:
            codes = (country, *codes)
        shown = f"{control} {', '.join(banner.release_to)}"
        if nationality is None:
            return [say.release_nationality_unknown(r.label, shown, control, r.nationality)]
        return [say.not_releasable(r.label, shown, control, codes, table)]
    if scope.basis is ReleaseBasis.FOREIGN:
        return [say.foreign_information(r.label, banner.banner, country, banner.fgi, r.nationality)]
    rules = banner.scheme.release
    assert rules is not None
    return [
        say.no_release_marking(
            r.label, banner.level.name, rules.control, country, table, r.nationality
        )
    ]


def _access_reasons(r: RecipientProfile, banner: Marking) -> list[Reason]:
    held = {a.strip().upper() for a in r.accesses}
    return [
        say.access_missing(r.label, c.name)
        for c in sorted(banner.controls, key=lambda c: c.order)
        if c.access and c.name not in held
    ]


def _caption_controls(cable: Cable, banner: Marking) -> list[Control]:
    """Captions written on the cable that restrict its audience and that the banner does not
    carry already (a NODIS caption binds even without ND portions)."""
    out: list[Control] = []
    for caption in cable.captions:
        control = banner.scheme.control(caption)
        if control is not None and control.audience and control not in banner.controls:
            out.append(control)
    return out


def _addressee_reasons(r: RecipientProfile, control: Control, cable: Cable) -> list[Reason]:
    named = [cable.originator, *(a.name for a in (*cable.action, *cable.info))]
    posts = {normal_post(p) for p in named if p.strip()}
    if not r.post.strip():
        return [say.post_unknown(r.label, control.name)]
    if normal_post(r.post) not in posts:
        return [say.not_an_addressee(r.label, control.name, r.post)]
    return []


def _trust_reasons(r: RecipientProfile) -> list[Reason]:
    if r.trust.state is TrustState.UNVERIFIED:
        return [say.unverified(r.label, r.fingerprint)]
    if r.trust.state is TrustState.UNKNOWN:
        return [say.unknown_contact(r.label, r.fingerprint)]
    return []


def _attested_reasons(
    r: RecipientProfile, banner: Marking, attested_from: Level | None
) -> list[Reason]:
    if attested_from is None or banner.level.tier < attested_from.tier:
        return []
    if not r.trust.usable or r.trust.state is TrustState.UNKNOWN:
        return []  # refused, or to confirm, for that already
    missing = [a for a in ("clearance", "nationality") if a not in r.attested]
    if not missing:
        return []
    return [say.self_declared(r.label, missing, attested_from.name)]
