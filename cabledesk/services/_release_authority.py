"""Who may approve a cable for release: the directory's ``release-authority`` role.

Issue 18: an approval is "by someone with release authority (attested by the
directory when one is trusted; otherwise as the drafter designated)". When the
user trusts at least one anchor, an approver counts only if a trusted anchor's
directory attests their key with the role ``release-authority``, the
attestation has not expired, and no trusted anchor revokes the key. With no
anchor trusted, the drafter's designation is the authority (as before).

:func:`release_authorities` reads this from the vault once;
:meth:`ReleaseAuthorities.problem` says, in words, why a key lacks it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from cabledesk.errors import CableDeskError, ClearanceRefused, PolicyRefusal
from cabledesk.phrase import Phrase
from cabledesk.seal import Verification
from cabledesk.store.audit import Event
from cabledesk.store.contacts import Contact
from cabledesk.store.directory import DirectoryStore
from cabledesk.store.vault import Vault

__all__ = [
    "RELEASE_AUTHORITY",
    "ReleaseAuthorities",
    "mark_approvals",
    "refuse_approval_without_authority",
    "refuse_approvers_without_authority",
    "refuse_own_approval_without_authority",
    "release_authorities",
]

RELEASE_AUTHORITY = "release-authority"


@dataclass(frozen=True, slots=True)
class ReleaseAuthorities:
    """What the trusted directories say of release authority.

    ``directory``: at least one anchor is trusted (then only ``attested`` keys
    count). ``roles``: the roles a trusted anchor attests for each key (valid
    attestations only); ``revoked``: who revoked a key, by fingerprint.
    """

    directory: bool
    attested: frozenset[str] = frozenset()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    revoked: dict[str, str] = field(default_factory=dict)

    def allows(self, fingerprint: str) -> bool:
        """Whether an approval by ``fingerprint`` can count."""
        return not self.directory or fingerprint in self.attested

    def problem(self, name: str, fingerprint: str) -> Phrase | None:
        """Why ``name`` (``fingerprint``) cannot approve, in words; None if they can."""
        if self.allows(fingerprint):
            return None
        if fingerprint in self.revoked:
            return Phrase.of(
                "{name} ({fingerprint}) has no release authority: their key was revoked {how}.",
                name=name,
                fingerprint=fingerprint,
                how=self.revoked[fingerprint],
            )
        roles = self.roles.get(fingerprint)
        if roles:
            return Phrase.of(
                "{name} ({fingerprint}) has no release authority: the directory you trust "
                "attests them only as {roles}.",
                name=name,
                fingerprint=fingerprint,
                roles=", ".join(roles),
            )
        return Phrase.of(
            "{name} ({fingerprint}) has no release authority: no directory you trust attests "
            "them with the role release-authority.",
            name=name,
            fingerprint=fingerprint,
        )


def release_authorities(vault: Vault, people: Iterable[str] = ()) -> ReleaseAuthorities:
    """Read the trusted anchors' attestations and revocations (see the module docstring);
    the revocations of the keys of ``people`` too (fingerprints), to say why they lack it."""
    store = DirectoryStore(vault.db)
    anchors = store.anchors()
    if not anchors:
        return ReleaseAuthorities(False)
    now = vault.now()
    roles: dict[str, tuple[str, ...]] = {}
    for anchor in anchors:
        for fingerprint, attestation in store.attestations(anchor.fingerprint).items():
            if attestation.valid_at(now):
                roles[fingerprint] = tuple(
                    dict.fromkeys((*roles.get(fingerprint, ()), *attestation.roles))
                )
    revoked: dict[str, str] = {}
    for fingerprint in {*roles, *people}:
        revocation = store.revocation(fingerprint)
        if revocation is not None:
            revoked[fingerprint] = revocation.how
    attested = frozenset(
        fp for fp, held in roles.items() if RELEASE_AUTHORITY in held and fp not in revoked
    )
    return ReleaseAuthorities(True, attested, roles, revoked)


def refuse_approvers_without_authority(
    vault: Vault, cable_id: str, approvers: Sequence[Contact]
) -> None:
    """PolicyRefusal (audited) for an approver whom the trusted directory does not
    attest with release authority (nothing to check when no anchor is trusted)."""
    authorities = release_authorities(vault, [c.fingerprint for c in approvers])
    for approver in approvers:
        problem = authorities.problem(approver.name, approver.fingerprint)
        if problem is None:
            continue
        with contextlib.suppress(CableDeskError):  # the refusal matters more than its entry
            vault.audit.append(
                Event.CLEARANCE_REQUEST_REFUSED,
                {
                    "cable": cable_id,
                    "approver": f"{approver.name} ({approver.fingerprint})",
                    "reason": problem.render(),
                },
            )
        raise PolicyRefusal(
            Phrase.of(
                "{problem} You trust a security office's directory, so only an approver "
                "it attests with release authority can approve a cable.",
                problem=problem,
            ),
            hint=Phrase.of(
                "Designate as approver someone the directory lists with the role "
                "release-authority, or import the office's latest directory "
                "(cabledesk-cli directory import) if it attests them now."
            ),
        )


def refuse_approval_without_authority(vault: Vault, signer: str, name: str) -> None:
    """ClearanceRefused for an approval by ``signer`` (named ``name``) whom the trusted
    directory does not attest with release authority (the caller audits the refusal)."""
    problem = release_authorities(vault, [signer]).problem(name, signer)
    if problem is not None:
        raise ClearanceRefused(
            Phrase.of(
                "This approval does not count: {problem} You trust a security "
                "office's directory, so only approvals by someone it attests with "
                "release authority count.",
                problem=problem,
            ),
            hint=Phrase.of("Nothing was recorded."),
        )


def mark_approvals(vault: Vault, result: Verification) -> Verification:
    """``result`` with each approval it carries marked for whether a directory the
    reader trusts attests its signer with release authority (unchanged when the reader
    trusts no anchor, or it carries no approval): the reader's side of the rule."""
    approvals = [s.fingerprint for s in result.statements if s.role == "approved"]
    if not approvals:
        return result
    authorities = release_authorities(vault, [fp for fp in approvals if fp is not None])
    if not authorities.directory:
        return result
    marked = tuple(
        replace(s, release_authority=authorities.allows(s.fingerprint))
        if s.role == "approved" and s.fingerprint is not None
        else s
        for s in result.statements
    )
    return replace(result, statements=marked)


def refuse_own_approval_without_authority(vault: Vault, mine: Collection[str]) -> None:
    """PolicyRefusal when the user, about to approve, trusts a security office's directory
    that does not attest any key of theirs with release authority: the drafter's side
    would refuse the approval, so it is not sent (nothing to check with no anchor)."""
    authorities = release_authorities(vault, mine)
    if not authorities.directory or any(authorities.allows(fp) for fp in mine):
        return
    me = vault.identities.active()
    problem = authorities.problem(me.name, me.fingerprint)
    raise PolicyRefusal(
        Phrase.of(
            "{problem} The drafter's CableDesk would refuse your approval.",
            problem=problem or "",
        ),
        hint=Phrase.of(
            "Ask your security office to attest your key with the role release-authority, "
            "and import its latest directory; or clear the cable instead."
        ),
    )
