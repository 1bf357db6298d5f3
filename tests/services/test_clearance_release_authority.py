"""Release authority from the directory (issue 18: an approval is "by someone with release
authority (attested by the directory when one is trusted; otherwise as the drafter
designated)"). With a trusted anchor, an approval counts only if that anchor's directory
attests the approver's key with the role release-authority and does not revoke it; with
none, the drafter's designation counts. One test per case."""

# ruff: noqa: F811  (the desk fixture, imported from the attacks module, is each test's argument)
from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Revocation
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.errors import DirectoryRefused, PolicyRefusal
from cabledesk.seal import PackageKind, SealRecipient, StatementRole, seal
from cabledesk.services.directory import DirectoryService
from cabledesk.services.opening import OpenService
from cabledesk.store.settings import APPROVAL_REQUIRED_FROM, ATTESTED_FROM
from tests.crypto.dirkit import ANCHOR, NOW, OTHER_KEY, anchor, directory, entry
from tests.services.conftest import CABLE, SCHEMES
from tests.services.test_clearance_attacks import (
    ANNA,
    KLAUS,
    Desk,
    _refused,
    _statement,
    desk,  # noqa: F401  (the fixture)
)

RELEASE = ("release-authority",)


def _trust(desk: Desk, *entries: tuple[Identity, tuple[str, ...]], serial: int = 1) -> None:
    # Release authority is the subject: the clearers' self-declared attributes stay enough.
    desk.vault.settings.set(ATTESTED_FROM, "off")
    service = DirectoryService(desk.vault)
    service.trust(ANCHOR, "handed over by the security officer")
    cards = [entry(ContactCard.for_identity(who), roles=roles) for who, roles in entries]
    service.import_directory(directory(cards, serial=serial).to_bytes())


def _approver(desk: Desk) -> dict[str, object]:
    (row,) = [
        p for p in desk.service.status(CABLE.id).to_dict()["parties"] if p["part"] == "approver"
    ]
    assert isinstance(row, dict)
    return row


def test_without_a_trusted_anchor_the_drafters_designation_counts(desk: Desk) -> None:
    desk.service.receive(desk.answer(ANNA, "approved"))
    status = desk.service.status(CABLE.id)
    assert status.approvals == (ANNA.fingerprint,) and not status.directory
    assert _approver(desk)["release_authority"] == "designated"


def test_an_approver_attested_with_release_authority_counts(desk: Desk) -> None:
    _trust(desk, (ANNA, RELEASE))
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "SECRET")
    desk.request()  # accepted: Anna holds the role
    desk.service.receive(desk.answer(ANNA, "approved"))
    assert desk.service.status(CABLE.id).approvals == (ANNA.fingerprint,)
    assert _approver(desk)["release_authority"] == "attested"
    assert any(b'"approved"' in s for s in desk.release())


def test_request_to_an_approver_without_the_attested_role_refused(desk: Desk) -> None:
    _trust(desk, (ANNA, ()))
    with pytest.raises(PolicyRefusal, match="no release authority") as refused:
        desk.request()
    assert "release-authority" in (refused.value.hint or "")
    (entry_,) = desk.vault.audit.entries(limit=1)
    assert entry_.event == "clearance request refused"


def test_approval_by_an_approver_without_the_attested_role_refused_on_receive(
    desk: Desk,
) -> None:
    _trust(desk, (ANNA, ()))  # trusted after Anna was designated
    _refused(desk, desk.answer(ANNA, "approved"), "does not count: Anna Ambassador")
    assert _approver(desk)["release_authority"] == "not-attested"


def test_role_attested_by_an_anchor_then_the_directory_revokes_the_key(desk: Desk) -> None:
    _trust(desk, (ANNA, RELEASE))
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "SECRET")
    desk.service.receive(desk.answer(ANNA, "approved", name="first.cable"))
    assert desk.release()
    revoked = Revocation(ANNA.fingerprint, "key-compromise", "Laptop stolen.", NOW)
    DirectoryService(desk.vault).import_directory(directory([], [revoked], serial=2).to_bytes())
    status = desk.service.status(CABLE.id)
    assert status.approvals == () and "revoked" in str(_approver(desk)["release_authority_problem"])
    with pytest.raises(PolicyRefusal, match="release authority"):
        desk.release()  # the approval recorded earlier no longer counts
    _refused(desk, desk.answer(ANNA, "approved", name="second.cable"), "revoked")
    with pytest.raises(PolicyRefusal, match="revoked"):
        desk.request()


def test_role_in_an_untrusted_anchors_directory_does_not_count(desk: Desk) -> None:
    _trust(desk, (KLAUS, ("clearer",)))  # the user trusts the ministry's office only
    allied = directory([entry(ANNA, roles=RELEASE)], signing_key=OTHER_KEY)
    assert anchor(OTHER_KEY, name="ALLIED SECURITY OFFICE").fingerprint != ANCHOR.fingerprint
    with pytest.raises(DirectoryRefused):
        DirectoryService(desk.vault).import_directory(allied.to_bytes())
    _refused(desk, desk.answer(ANNA, "approved"), "no directory you trust attests")
    with pytest.raises(PolicyRefusal, match="no release authority"):
        desk.request()


def test_an_attested_clearer_trying_to_approve(desk: Desk) -> None:
    desk.request(approvers=(KLAUS,))  # designated before any anchor was trusted
    _trust(desk, (KLAUS, ("clearer",)), (ANNA, RELEASE))
    _refused(desk, desk.answer(KLAUS, "approved"), "attests them only as clearer")
    with pytest.raises(PolicyRefusal, match="only as clearer"):
        desk.request(approvers=(KLAUS,))
    draft = desk.vault.drafts.load(CABLE.id)
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "SECRET")
    with pytest.raises(PolicyRefusal, match="attests with release authority"):
        desk.service.for_release(draft, cable_banner(draft, SCHEMES["us"]))


def _released_with_approval(desk: Desk, approver: Identity) -> Path:
    """A released cable sealed for the user by Klaus, carrying ``approver``'s approval."""
    approval = _statement(approver, "approved", CABLE, desk.clock).to_bytes()
    me = desk.vault.identities.active()
    path = desk.folder / "released.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(CABLE), cable_id=CABLE.id, sender=KLAUS,
            banner=cable_banner(CABLE, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=desk.clock(), statements=[approval],
        )  # fmt: skip
    return path


def test_the_reader_marks_an_approval_without_attested_release_authority(desk: Desk) -> None:
    _trust(desk, (KLAUS, ("clearer",)), (ANNA, ()))
    opened = OpenService(desk.vault, SCHEMES).verify(_released_with_approval(desk, ANNA))
    (approval,) = opened.chain()["approved_by"]
    assert approval["state"] == "no-release-authority"


def test_the_reader_accepts_an_approval_with_attested_release_authority(desk: Desk) -> None:
    _trust(desk, (KLAUS, ("clearer",)), (ANNA, RELEASE))
    opened = OpenService(desk.vault, SCHEMES).verify(_released_with_approval(desk, ANNA))
    (approval,) = opened.chain()["approved_by"]
    assert approval["state"] == "verified"


def test_a_reader_who_trusts_no_anchor_does_not_judge_release_authority(desk: Desk) -> None:
    opened = OpenService(desk.vault, SCHEMES).verify(_released_with_approval(desk, ANNA))
    (approval,) = opened.chain()["approved_by"]
    assert approval["state"] == "verified"


def _klaus_request(desk: Desk) -> Path:
    """Klaus's draft, sent to the user (as an approver) for clearance."""
    drafted = _statement(KLAUS, "drafted", CABLE, desk.clock).to_bytes()
    me = desk.vault.identities.active()
    path = desk.folder / "klaus-request.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(CABLE), cable_id=CABLE.id, sender=KLAUS,
            banner=cable_banner(CABLE, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=desk.clock(), kind=PackageKind.CLEARANCE_REQUEST, statements=[drafted],
        )  # fmt: skip
    return path


def test_an_approver_whose_own_key_lacks_the_attested_role_is_told_before_sending(
    desk: Desk,
) -> None:
    _trust(desk, (KLAUS, ("clearer",)))  # the user's own key is not attested at all
    out = desk.folder / "approval.cable"
    with pytest.raises(PolicyRefusal, match="would refuse your approval") as refused:
        desk.service.respond(_klaus_request(desk), StatementRole.APPROVED, out)
    assert "release-authority" in (refused.value.hint or "")
    assert not out.exists()
    cleared = desk.service.respond(_klaus_request(desk), StatementRole.CLEARED, out)
    assert cleared.exists()  # clearing needs no release authority
