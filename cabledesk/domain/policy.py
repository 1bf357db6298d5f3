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
  RESTREINTE) no clearance is needed. A missing clearance, a clearance that
  is not a level of the recipient's scheme, or a scheme CableDesk does not
  know, is a refusal;
- **dissemination controls**, by the control's ``audience`` in the scheme
  file: ``nationals`` (NOFORN, UK EYES ONLY, SPÉCIAL FRANCE…) only to
  nationals of the scheme's originating country (an organisation such as
  NATO stands for its member countries); ``release-list`` (REL TO) only to
  the nationalities listed, tetragraphs expanded to their members
  (:mod:`cabledesk.domain.tetragraphs`); ``named-addressees`` (NODIS, EXDIS,
  RECIPIENTS ONLY) only to holders of a post the cable names as originator,
  action or info addressee (the originator, so that the sender keeps a copy).
  An unknown nationality or post is refused wherever it matters;
- **no release marking**: in a scheme whose release rules say so
  (``classified_needs_release_marking``, the US), a classified cable with
  neither a release list nor a nationals-only control goes to nationals only;
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
from cabledesk.domain.scheme import ClassificationScheme, Control
from cabledesk.domain.tetragraphs import TetragraphTable, shipped_tetragraphs
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import PolicyRefusal

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

NATIONALS = "nationals"
RELEASE_LIST = "release-list"
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
) -> Decision:
    """Whether ``cable``, marked ``banner``, may go to ``recipient`` at time ``now``.

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
    for control in sorted(banner.controls, key=lambda c: c.order):
        if control.audience == NATIONALS:
            reasons.extend(_nationals_reasons(recipient, control, banner, table))
        elif control.audience == RELEASE_LIST:
            reasons.extend(_release_reasons(recipient, control, banner, table))
        elif control.audience == NAMED_ADDRESSEES:
            reasons.extend(_addressee_reasons(recipient, control, cable))
    reasons.extend(_unmarked_reasons(recipient, banner, table))
    reasons.extend(_trust_reasons(recipient))
    return Decision(tuple(sorted(reasons, key=lambda r: not r.refuses)))


def check_all(
    recipients: Iterable[RecipientProfile],
    cable: Cable,
    banner: Marking,
    *,
    schemes: Mapping[str, ClassificationScheme],
    now: datetime,
    tetragraphs: TetragraphTable | None = None,
) -> list[tuple[RecipientProfile, Decision]]:
    """:func:`eligible` for each recipient, in the order given (for the seal dialog)."""
    table = shipped_tetragraphs() if tetragraphs is None else tetragraphs
    return [
        (r, eligible(r, cable, banner, schemes=schemes, now=now, tetragraphs=table))
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
    if not banner.level.classified:
        return []
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
    if not needed.classified:
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


def _nationals_reasons(
    r: RecipientProfile, control: Control, banner: Marking, table: TetragraphTable
) -> list[Reason]:
    country = banner.scheme.country
    members = table.nationalities(country)
    nationality = _nationality(r)
    if nationality is None:
        return [say.nationality_unknown(r.label, control.name, r.nationality, country, table)]
    if members is None or nationality not in members:
        return [say.not_a_national(r.label, control.name, country, table)]
    return []


def _unmarked_reasons(r: RecipientProfile, banner: Marking, table: TetragraphTable) -> list[Reason]:
    # Schemes that require a release marking for foreign release (the US).
    rules = banner.scheme.release
    if rules is None or not rules.marking_required or not banner.level.classified:
        return []
    if any(c.audience in (NATIONALS, RELEASE_LIST) for c in banner.controls):
        return []  # the marking itself says who may receive it
    country = banner.scheme.country
    members = table.nationalities(country)
    nationality = _nationality(r)
    if nationality is not None and members is not None and nationality in members:
        return []
    return [
        say.no_release_marking(
            r.label, banner.level.name, rules.control, country, table, r.nationality
        )
    ]


def _release_reasons(
    r: RecipientProfile, control: Control, banner: Marking, table: TetragraphTable
) -> list[Reason]:
    release = banner.scheme.release
    codes = banner.release_to if release is not None and release.control == control.name else ()
    shown = f"{control.name} {', '.join(codes)}".strip()
    nationality = _nationality(r)
    if nationality is None:
        return [say.release_nationality_unknown(r.label, shown, control.name, r.nationality)]
    allowed: set[str] = set()
    for code in codes:
        allowed |= table.nationalities(code) or frozenset()
    if nationality not in allowed:
        return [say.not_releasable(r.label, shown, control.name, codes, table)]
    return []


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
