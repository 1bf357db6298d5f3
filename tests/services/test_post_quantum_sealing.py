"""Post-quantum sealing (issue 17): everyone with a hybrid key → hybrid stanzas only;
someone without one → refused at or above ``post-quantum-from`` (default SECRET), naming
them and what to do, and X25519 for everyone below it, with a warning. The verdict of the
opened cable says which."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Paragraph
from cabledesk.errors import MarkingError, PolicyRefusal
from cabledesk.seal import Verdict
from cabledesk.services.contacts import ContactsService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.services.settings import SettingsService
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES

# A SECRET cable Berlin (USA, SECRET) may receive: no NOFORN question in these tests.
SECRET_CABLE = replace(
    CABLE, paragraphs=(Paragraph("(U)", "Summary."), Paragraph("(S)", "The minister agreed."))
)
UNCLASSIFIED_CABLE = replace(
    CABLE,
    paragraphs=(Paragraph("(U)", "Summary."), Paragraph("(U)", "The minister agreed.")),
    authority=None,
)


def _stanza_types(path: Path) -> set[str]:
    head = path.read_bytes()[:200_000].split(b"\n---", 1)[0]
    return {line.split()[1].decode() for line in head.split(b"\n") if line.startswith(b"-> ")}


@pytest.fixture
def hans(parties: tuple[Vault, Vault, Vault]) -> str:
    """A verified contact of Jane's whose card has no post-quantum key (made before)."""
    jane = parties[0]
    old = Identity.generate("Hans Alt", "AMEMBASSY BERLIN", nationality="USA",
                            clearance="SECRET", created=jane.now())  # fmt: skip
    ContactsService(jane).import_card(ContactCard.for_identity(old).to_bytes())
    ContactsService(jane).verify("Hans Alt", "in person")
    return "Hans Alt"


def test_everyone_with_a_post_quantum_key_gets_hybrid_stanzas_only(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    service = SealService(jane, SCHEMES)
    recipients = service.resolve(["Berlin"])
    check = service.check(SECRET_CABLE, recipients)
    assert check.post_quantum is not None and check.post_quantum.post_quantum
    assert check.post_quantum.warning is None and check.ready()
    out = tmp_path / "pq.cable"
    outcome = service.seal(SECRET_CABLE, recipients, out)
    assert outcome.post_quantum and outcome.warnings == ()
    assert _stanza_types(out) == {"mlkem768x25519"}
    assert all(r.age_recipient.startswith("age1pq1") for r in outcome.sealed.manifest.recipients)
    result = OpenService(berlin, SCHEMES).verify(out)
    assert result.ok and result.post_quantum is True
    assert result.to_dict()["post_quantum"] is True
    assert OpenService(jane, SCHEMES).verify(out).post_quantum is True  # the sent copy


def test_refused_at_the_post_quantum_level_naming_who_lacks_a_key(
    parties: tuple[Vault, Vault, Vault], hans: str, tmp_path: Path
) -> None:
    jane = parties[0]
    service = SealService(jane, SCHEMES)
    recipients = service.resolve(["Berlin", hans])
    check = service.check(SECRET_CABLE, recipients)
    assert check.post_quantum is not None and check.post_quantum.refused
    assert check.post_quantum.lacking == ("Hans Alt",) and not check.ready()
    out = tmp_path / "refused.cable"
    with pytest.raises(PolicyRefusal, match="Hans Alt") as info:
        service.seal(SECRET_CABLE, recipients, out)
    assert "from SECRET up" in info.value.message and "identity upgrade" in (info.value.hint or "")
    assert not out.exists() and jane.archive.count() == 0


def test_refused_when_the_sender_lacks_a_key_says_to_upgrade(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane = parties[0]
    jane.db.execute("UPDATE identities SET pq_key = NULL")
    service = SealService(jane, SCHEMES)
    with pytest.raises(PolicyRefusal, match=r"you \(Jane Doe\)") as info:
        service.seal(SECRET_CABLE, service.resolve(["Berlin"]), tmp_path / "x.cable")
    assert "Add one to your identity" in (info.value.hint or "")


def test_below_the_level_it_falls_back_to_x25519_with_a_warning(
    parties: tuple[Vault, Vault, Vault], hans: str, tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    service = SealService(jane, SCHEMES)
    recipients = service.resolve(["Berlin", hans])
    out = tmp_path / "classic.cable"
    check = service.check(UNCLASSIFIED_CABLE, recipients)
    assert check.post_quantum is not None and not check.post_quantum.refused
    assert check.post_quantum.warning is not None
    outcome = service.seal(UNCLASSIFIED_CABLE, recipients, out)
    assert not outcome.post_quantum
    [warning] = outcome.warnings
    assert "Not sealed post-quantum" in warning.render() and "Hans Alt" in warning.render()
    assert _stanza_types(out) == {"X25519"}  # for everyone: never a mix
    result = OpenService(berlin, SCHEMES).verify(out)
    assert result.verdict is not Verdict.NOT_DECRYPTABLE and result.post_quantum is False


def test_the_setting_moves_the_level(
    parties: tuple[Vault, Vault, Vault], hans: str, tmp_path: Path
) -> None:
    jane = parties[0]
    settings = SettingsService(jane, SCHEMES)
    assert settings.text("post-quantum-from") == "SECRET"
    settings.set("post-quantum-from", "top secret")
    assert settings.text("post-quantum-from") == "TOP SECRET"
    service = SealService(jane, SCHEMES)
    outcome = service.seal(SECRET_CABLE, service.resolve(["Berlin", hans]), tmp_path / "s.cable")
    assert not outcome.post_quantum and outcome.warnings
    settings.set("post-quantum-from", "CONFIDENTIAL")
    with pytest.raises(PolicyRefusal, match="from CONFIDENTIAL up"):
        service.seal(SECRET_CABLE, service.resolve(["Berlin", hans]), tmp_path / "c.cable")
    settings.set("post-quantum-from", "off")
    assert service.check(SECRET_CABLE, service.resolve(["Berlin", hans])).ready()
    with pytest.raises(MarkingError):
        settings.set("post-quantum-from", "ULTRA")
    assert settings.text("post-quantum-from") == "off"
    assert jane.audit.entries()[0].details == {
        "setting": "post-quantum-from", "from": "CONFIDENTIAL", "to": "off",
    }  # fmt: skip
