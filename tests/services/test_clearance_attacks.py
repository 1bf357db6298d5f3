"""Clearance under attack: every forged, replayed, tampered or misdirected answer is
refused with its own message and records nothing; a clearance of an earlier text never
counts for the current one; the drafter never approves; two-person release needs two
different approvers (docs/CLEARANCE.md, "What a clearance covers"; issue 18, "Reliability")."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, DOCUMENT_NAMESPACE, sign
from cabledesk.domain.cable import Cable, Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import CableDeskError, ClearanceRefused, PolicyRefusal
from cabledesk.seal import PackageKind, SealRecipient, Statement, StatementRole, seal
from cabledesk.services.clearance import ClearanceService
from cabledesk.services.contacts import ContactsService
from cabledesk.services.drafts import DraftsService
from cabledesk.services.sealing import SealService
from cabledesk.store.settings import APPROVAL_REQUIRED_FROM, POST_QUANTUM_FROM, TWO_PERSON_FROM
from cabledesk.store.vault import Vault
from tests.seal.kit import Package
from tests.services.conftest import CABLE, SCHEMES
from tests.vaultkit import Clock

BEFORE = Clock().now - timedelta(days=30)


def _person(name: str) -> Identity:
    return Identity.generate(
        name, "AMEMBASSY PARIS", clearance="SECRET", nationality="USA", created=BEFORE
    )


KLAUS, MARY, ANNA, OMAR, MALLORY = (
    _person(n) for n in ("Klaus Weber", "Mary Smith", "Anna Ambassador", "Omar Deputy", "Mallory")
)


@dataclass
class Desk:
    vault: Vault
    service: ClearanceService
    folder: Path
    clock: Clock

    def request(self, *, approvers: tuple[Identity, ...] = (ANNA,)) -> None:
        """Send the draft (as stored; the first time, CABLE) for clearance."""
        stored = self.vault.drafts.exists(CABLE.id)
        cable = self.vault.drafts.load(CABLE.id) if stored else CABLE
        contacts = ContactsService(self.vault)
        clearers = [contacts.find_one(p.name) for p in (KLAUS, MARY)]
        approving = [contacts.find_one(p.name) for p in approvers]
        self.service.request(
            cable, clearers, self.folder / "request.cable", approvers=approving, overwrite=True
        )

    def answer(
        self,
        sender: Identity,
        role: str,
        *,
        cable: Cable | None = None,
        statement: bytes | None = None,
        name: str = "answer.cable",
    ) -> Path:
        """An answer sealed by ``sender`` for Jane: its statement signed by ``sender``
        over ``cable`` (default: the draft as stored), unless ``statement`` is given
        (put in the package by hand: sealing refuses a statement that does not hold)."""
        cable = cable or self.vault.drafts.load(CABLE.id)
        genuine = _statement(sender, role, cable, self.clock).to_bytes()
        me = self.vault.identities.active()
        out = io.BytesIO()
        seal(
            encode_cable(cable), cable_id=cable.id, sender=sender,
            banner=cable_banner(cable, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=self.clock(), kind=PackageKind.CLEARANCE_RESPONSE, statements=[genuine],
        )  # fmt: skip
        data = out.getvalue()
        if statement is not None:
            package = Package.of(data, me)
            package["statements/1.statement"] = statement
            package.set_manifest(package.rehash(), signer=sender)
            data = package.seal(to=[me])
        path = self.folder / name
        path.write_bytes(data)
        return path

    def answered(self) -> dict[str, str]:
        status = self.service.status(CABLE.id)
        return {p.name.split()[0].lower(): str(p.answered) for p in status.parties}

    def recorded(self) -> int:
        return len(self.service._store.answers(CABLE.id))

    def release(self) -> tuple[bytes, ...]:
        draft = self.vault.drafts.load(CABLE.id)
        return self.service.for_release(draft, cable_banner(draft, SCHEMES["us"]))

    def edit(self, text: str) -> Cable:
        draft = self.vault.drafts.load(CABLE.id)
        changed = replace(draft, paragraphs=(*draft.paragraphs[:-1], Paragraph("(S//NF)", text)))
        DraftsService(self.vault, SCHEMES).save(changed)
        return changed


def _statement(signer: Identity, role: str, cable: Cable, clock: Clock) -> Statement:
    return Statement.sign(
        signer.signing_key, role=role, cable_id=cable.id, text_sha256=clearance_sha256(cable),
        name=signer.name, made=clock(), office="POL",
    )  # fmt: skip


@pytest.fixture
def desk(vault: Vault, tmp_path: Path, clock: Clock) -> Desk:
    # The cards carry no post-quantum key; the clearance record is the subject here.
    vault.settings.set(POST_QUANTUM_FROM, "off")
    contacts = ContactsService(vault)
    for person in (KLAUS, MARY, ANNA, OMAR, MALLORY):
        contacts.import_card(ContactCard.for_identity(person).to_bytes())
        contacts.verify(person.name, "in person")
    desk = Desk(vault, ClearanceService(vault, SCHEMES), tmp_path, clock)
    desk.request()
    clock.advance(minutes=5)
    return desk


def _refused(desk: Desk, path: Path, words: str) -> None:
    before = desk.recorded()
    with pytest.raises(ClearanceRefused, match=words):
        desk.service.receive(path)
    assert desk.recorded() == before  # nothing was recorded
    (refusal,) = desk.vault.audit.entries(limit=1)
    assert refusal.event == "clearance answer refused" and refusal.details["file"] == path.name


def test_a_genuine_clearance_is_recorded(desk: Desk) -> None:
    outcome = desk.service.receive(desk.answer(KLAUS, "cleared"))
    assert outcome.recorded and outcome.current and outcome.signer == "Klaus Weber"
    assert desk.answered()["klaus"] == "cleared"


def test_tamper_a_byte_of_the_answer(desk: Desk) -> None:
    path = desk.answer(KLAUS, "cleared")
    data = bytearray(path.read_bytes())
    data[-50] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(CableDeskError, match="altered or damaged"):
        desk.service.receive(path)
    assert desk.answered()["klaus"] == "no-answer"


def test_tamper_the_text_after_clearing_it(desk: Desk) -> None:
    # Klaus signs over the draft, then seals a changed text with that statement.
    draft = desk.vault.drafts.load(CABLE.id)
    statement = _statement(KLAUS, "cleared", draft, desk.clock).to_bytes()
    changed = replace(draft, subject="FRANCE: SOMETHING ELSE")
    _refused(desk, desk.answer(KLAUS, "cleared", cable=changed, statement=statement),
             "not about the text it came with")  # fmt: skip


def test_replay_a_clearance_for_another_cable(desk: Desk) -> None:
    other = replace(CABLE, id="0b0b0b0b-0000-4000-8000-000000000001")
    statement = _statement(KLAUS, "cleared", other, desk.clock).to_bytes()
    _refused(desk, desk.answer(KLAUS, "cleared", statement=statement), "another cable")
    _refused(desk, desk.answer(KLAUS, "cleared", cable=other), "not a draft of yours")


def test_replay_a_clearance_of_an_older_version(desk: Desk) -> None:
    old = desk.answer(KLAUS, "cleared", name="old.cable")
    assert desk.service.receive(old).current
    desk.edit("The minister agreed, with conditions.")
    desk.request()
    again = desk.service.receive(old)  # replayed after the text changed
    assert not again.recorded and not again.current
    assert desk.answered()["klaus"] == "cleared-earlier-version"
    assert all(Statement.parse(s).role is not StatementRole.CLEARED for s in desk.release())


def test_replay_a_clearance_of_a_text_never_sent(desk: Desk) -> None:
    never_sent = replace(desk.vault.drafts.load(CABLE.id), subject="FRANCE: NEVER SENT")
    statement = _statement(KLAUS, "cleared", never_sent, desk.clock).to_bytes()
    _refused(desk, desk.answer(KLAUS, "cleared", cable=never_sent, statement=statement),
             "never sent for clearance")  # fmt: skip


def test_wrong_namespace(desk: Desk) -> None:
    good = _statement(KLAUS, "cleared", desk.vault.drafts.load(CABLE.id), desk.clock)
    body = good.body()
    other = body + b"\n" + sign(KLAUS.signing_key, DOCUMENT_NAMESPACE, body).encode()
    _refused(desk, desk.answer(KLAUS, "cleared", statement=other), "does not hold")


def test_forged_signature(desk: Desk) -> None:
    good = _statement(KLAUS, "cleared", desk.vault.drafts.load(CABLE.id), desk.clock)
    body = good.body()
    forged = body + b"\n" + sign(MALLORY.signing_key, CLEARANCE_NAMESPACE, body).encode()
    _refused(desk, desk.answer(KLAUS, "cleared", statement=forged), "does not hold")
    _refused(desk, desk.answer(MALLORY, "cleared", statement=forged), "does not hold")


def test_a_statement_sent_by_someone_else_than_its_signer(desk: Desk) -> None:
    statement = _statement(MARY, "cleared", desk.vault.drafts.load(CABLE.id), desk.clock)
    _refused(desk, desk.answer(KLAUS, "cleared", statement=statement.to_bytes()),
             "sealed by")  # fmt: skip


def test_an_answer_by_someone_not_asked(desk: Desk) -> None:
    _refused(desk, desk.answer(MALLORY, "cleared"), "did not ask")


def test_an_approval_by_someone_not_designated_approver(desk: Desk) -> None:
    _refused(desk, desk.answer(KLAUS, "approved"), "did not designate")


def test_a_clearance_of_an_edited_version_never_counts_for_the_new_text(desk: Desk) -> None:
    desk.service.receive(desk.answer(KLAUS, "cleared", name="klaus.cable"))
    desk.service.receive(desk.answer(ANNA, "approved", name="anna.cable"))
    edited = desk.edit("The minister refused.")
    returned = desk.answer(MARY, "returned", cable=edited, name="mary.cable")
    desk.edit("The minister agreed.")  # back to the requested text …
    desk.service.receive(returned, accept_edit=True)  # … then Mary's version accepted
    assert desk.answered() == {
        "klaus": "cleared-earlier-version",
        "mary": "returned",
        "anna": "approved-earlier-version",
    }
    roles = sorted(str(Statement.parse(s).role) for s in desk.release())
    assert roles == ["drafted", "returned"]


def test_approver_is_drafter_refused(desk: Desk) -> None:
    me = desk.vault.identities.active()
    _refused(desk, desk.answer(me, "approved"), "never the drafter")
    with pytest.raises(PolicyRefusal, match="cannot clear or approve it yourself"):
        desk.service.respond(
            desk.folder / "request.cable", StatementRole.APPROVED, desk.folder / "mine.cable"
        )


def test_two_person_with_the_same_approver_twice_refused(desk: Desk) -> None:
    desk.vault.settings.set(TWO_PERSON_FROM, "SECRET")
    desk.request(approvers=(ANNA, OMAR))
    desk.service.receive(desk.answer(ANNA, "approved", name="first.cable"))
    desk.clock.advance(minutes=1)
    desk.service.receive(desk.answer(ANNA, "approved", name="second.cable"))
    assert desk.recorded() == 4  # Jane's drafted statement (each request) and Anna's two
    with pytest.raises(PolicyRefusal, match="1 more approval"):
        desk.release()
    desk.service.receive(desk.answer(OMAR, "approved", name="omar.cable"))
    assert len([s for s in desk.release() if b'"approved"' in s]) == 3


def test_sealing_an_unapproved_cable_is_refused_saying_what_is_missing(desk: Desk) -> None:
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "CONFIDENTIAL")
    contacts = ContactsService(desk.vault)
    out = desk.folder / "out.cable"
    draft = desk.vault.drafts.load(CABLE.id)
    with pytest.raises(PolicyRefusal, match="lacks an approval"):
        SealService(desk.vault, SCHEMES).seal(draft, [contacts.find_one("Klaus")], out)
    assert not out.exists()


def test_sealing_a_cable_changed_since_approval_is_refused(desk: Desk) -> None:
    desk.vault.settings.set(APPROVAL_REQUIRED_FROM, "SECRET")
    desk.service.receive(desk.answer(ANNA, "approved"))
    assert desk.release()  # approved: released with its statements
    desk.edit("The minister agreed, later.")
    with pytest.raises(PolicyRefusal, match="changed since"):
        desk.release()


def test_seal_fills_dtg_and_serial_without_voiding_the_clearances(desk: Desk) -> None:
    desk.service.receive(desk.answer(KLAUS, "cleared"))
    draft = desk.vault.drafts.load(CABLE.id)
    released = replace(draft, dtg=desk.clock(), serial="0042")
    carried = desk.service.for_release(released, cable_banner(released, SCHEMES["us"]))
    assert sorted(str(Statement.parse(s).role) for s in carried) == ["cleared", "drafted"]
