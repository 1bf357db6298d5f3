"""A vault written by CableDesk 0.1.0 (tests/data/legacy/vault-0.1, schema 4) opens with
its passphrase, migrates to the latest schema, keeps every contact's trust, and brings
its stored banners to the current roll-up rules (and to newer ones, tests/fake_rollup.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain import rollup
from cabledesk.domain.cable import cable_banner
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import TrustState
from cabledesk.services.drafts import DraftsService
from cabledesk.store._schema import LATEST_VERSION
from cabledesk.store.archive import Direction
from cabledesk.store.audit import Event
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import KeyFile
from cabledesk.store.vault import Vault
from tests import fake_rollup
from tests.vaultkit import PASSPHRASE, Clock

LEGACY = Path(__file__).parents[1] / "data" / "legacy"
# name: (trust state, whether its keys are the verified ones)
TRUST = {
    "Jane Doe": (TrustState.VERIFIED, True),
    "Ada Lovelace": (TrustState.VERIFIED, True),
    "Mallory Mole": (TrustState.UNVERIFIED, False),
    "Rex Revoked": (TrustState.REVOKED, False),
}


@pytest.fixture
def legacy(tmp_path: Path) -> VaultHome:
    folder = tmp_path / "vault-0.1"
    shutil.copytree(LEGACY / "vault-0.1", folder)
    return VaultHome(folder)


def _stored_cards(vault: Vault) -> dict[str, bytes]:
    return {name: bytes(card) for name, card in vault.db.query("SELECT name, card FROM contacts")}


def test_the_legacy_vault_migrates_and_keeps_every_trust(legacy: VaultHome) -> None:
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as vault:
        assert vault.db.user_version() == LATEST_VERSION
        contacts = {c.name: c for c in vault.contacts.all()}
        assert set(contacts) == set(TRUST)
        for name, (state, verified) in TRUST.items():
            contact = contacts[name]
            assert contact.trust.state is state, name
            assert contact.keys_verified is verified, name
            assert contact.verified_keys == (contact.card.key_set() if verified else None)
            assert contact.card.format_version == 1 and contact.card.sequence == 0
        assert contacts["Jane Doe"].trust.how and contacts["Rex Revoked"].trust.how == "laptop lost"
        assert contacts["Ada Lovelace"].card.self_certified is False
        assert contacts["Jane Doe"].card.to_bytes() == (LEGACY / "jane-v1.contact").read_bytes()
        group = vault.contacts.group("EU posts")
        assert group is not None and set(group.members) == {
            contacts["Jane Doe"].fingerprint,
            contacts["Ada Lovelace"].fingerprint,
        }
        assert vault.audit.check_chain().ok
        stored = _stored_cards(vault)
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as again:  # nothing changes twice
        assert _stored_cards(again) == stored
        assert {c.name: c.keys_verified for c in again.contacts.all()} == {
            name: verified for name, (_, verified) in TRUST.items()
        }


def test_the_legacy_identity_writes_a_v2_card_next(legacy: VaultHome) -> None:
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as vault:
        identity = vault.identities.active()
        assert identity.name == "Klaus Weber"
        assert (identity.card_sequence, identity.accesses) == (1, ())
        card = ContactCard.for_identity(identity)
        assert (card.format_version, card.sequence) == (2, 1)
        back = ContactCard.parse(card.to_bytes(), now=None)
        assert back == card and back.fingerprint == identity.fingerprint
        old = ContactCard.parse((LEGACY / "klaus-v1.contact").read_bytes(), now=None)
        assert old.fingerprint == card.fingerprint and old.key_set() == card.key_set()


# --- stored banners ----------------------------------------------------------------

SCHEMES = SchemeRegistry.load()
DRAFT = "027404ff-13ff-4e4d-9a5c-0de60a62f4bf"  # UNCLASSIFIED, saved twice (3 versions)
RECEIVED = "e4e39af7-c9e2-44b7-a2d8-c28cfcc35a25"  # sealed-v1.cable, SECRET//NOFORN
SENT = "c0a594f0-7b9d-4778-8af2-78d61f0b0031"  # the reply, CONFIDENTIAL


def test_the_legacy_banners_are_those_of_the_current_rules(legacy: VaultHome) -> None:
    """Whatever the current rules say: after the opening, every stored banner is the
    roll-up of its cable's portions under them, and says so."""
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as vault:
        for entry in vault.archive.entries():
            cable = vault.archive.cable(entry.id)
            banner = cable_banner(cable, SCHEMES[cable.scheme], rollup=rollup.ROLLUP_VERSION)
            assert (entry.banner, entry.level) == (banner.banner, banner.level.name)
        for summary in vault.drafts.summaries():
            cable = vault.drafts.load(summary.id)
            banner = cable_banner(cable, SCHEMES[cable.scheme], rollup=rollup.ROLLUP_VERSION)
            assert summary.banner == banner.banner
        versions = vault.db.query(
            "SELECT rollup_version FROM drafts UNION SELECT rollup_version FROM archive"
        )
        assert versions == [(rollup.ROLLUP_VERSION,)]
        assert DraftsService(vault, SCHEMES).rules_version(DRAFT) == 1  # made before versions
        assert vault.audit.check_chain().ok


def test_the_legacy_vault_follows_newer_rules(
    legacy: VaultHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_rollup.install(monkeypatch, 2)  # CONFIDENTIAL becomes SECRET
    clock = Clock()
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as vault:
        [recomputed] = [e for e in vault.audit.entries() if e.event == Event.BANNERS_RECOMPUTED]
        assert recomputed.details == {
            "rollup": 2,
            "drafts": 0,
            "archive": 1,
            "drafts_checked": 1,
            "archive_checked": 2,
        }
        sent = vault.archive.entry(SENT, Direction.SENT)
        assert sent is not None and (sent.banner, sent.level) == ("SECRET", "SECRET")
        [before] = vault.archive.banner_history(sent.id)
        assert (before.banner, before.rollup_version, before.replaced) == (
            "CONFIDENTIAL",
            1,
            clock(),
        )
        received = vault.archive.entry(RECEIVED, Direction.RECEIVED)
        assert received is not None and received.banner == "SECRET//NOFORN"
        assert received.verification is not None
        assert received.verification["banner"] == "SECRET//NOFORN"  # as the seal verified
        assert [v.number for v in DraftsService(vault, SCHEMES).history(DRAFT)] == [3, 2, 1]
        head, recorded = vault.audit.head(), KeyFile.load(legacy.key_file).audit
        assert head is not None and recorded is not None and recorded.seq == head[0]
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as again:  # recorded: no rollback alarm
        assert again.banner_upgrade is None
