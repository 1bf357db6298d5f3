"""A security office's side of the directory (issue 16): init → attest → revoke → publish,
and the published file verifies against the exported anchor as every user's import does.
Each refusal the issue names is a test of its own."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Directory
from cabledesk.crypto.keys import Identity
from cabledesk.errors import (
    ContactError,
    FieldError,
    InputError,
    MarkingError,
    PolicyRefusal,
    SchemeError,
    SignatureInvalid,
    VaultError,
)
from cabledesk.services.authority import REASONS, AttestRequest, AuthorityService
from cabledesk.store.authority import AuthorityStore
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import person
from tests.services.conftest import SCHEMES
from tests.vaultkit import Clock

JANE = ContactCard.for_identity(person("Jane Doe", "USA"))
JEAN = ContactCard.for_identity(person("Jean Dupont", "FRA", "AMBAFRANCE WASHINGTON"))
SECRET_USA = AttestRequest(clearance="SECRET", nationality="USA")


@pytest.fixture
def office(vault: Vault) -> AuthorityService:
    service = AuthorityService(vault, SCHEMES)
    service.init("MFA  SECURITY OFFICE", nationalities=("usa", "FRA"), schemes=("us", "nato"))
    return service


def _events(vault: Vault) -> list[tuple[str, dict[str, object]]]:
    return [(e.event, e.details) for e in reversed(vault.audit.entries())]


def test_round_trip_init_attest_revoke_publish_verifies_against_the_anchor(
    office: AuthorityService, vault: Vault, tmp_path: Path, clock: Clock
) -> None:
    office.export_anchor(tmp_path / "mfa.anchor")
    done = office.attest(
        JANE.to_bytes(),
        AttestRequest("secret", "usa", accesses=("atomal",), roles=("clearer", "registry"),
                      expires=datetime(2027, 12, 31, tzinfo=UTC)),
    )  # fmt: skip
    assert (done.fingerprint, done.name, done.replaced) == (JANE.fingerprint, "Jane Doe", False)
    office.attest(JEAN.to_bytes(), AttestRequest("CONFIDENTIAL", "FRA", scheme="us"))
    office.revoke(JEAN.fingerprint, "left the service", "retired 2026-11-30")
    lost = "SHA256:" + "B" * 43
    office.revoke(lost, "key-compromise")
    clock.advance(minutes=5)
    published = office.publish(tmp_path / "mfa.cdir", valid_days=7)

    anchor = Anchor.parse((tmp_path / "mfa.anchor").read_bytes())
    assert anchor.name == "MFA SECURITY OFFICE"
    assert anchor.scope.nationalities == ("FRA", "USA") and anchor.scope.schemes == ("nato", "us")
    directory = Directory.read((tmp_path / "mfa.cdir").read_bytes(), anchor)
    assert directory.serial == published.serial == 1
    assert directory.issued == clock.now.replace(microsecond=0)
    assert directory.next_update == directory.issued + timedelta(days=7)
    (entry,) = directory.entries
    assert entry.fingerprint == JANE.fingerprint
    assert entry.card.encode() == JANE.to_bytes()  # the card's exact bytes, so its exact keys
    assert entry.contact_card().key_set() == JANE.key_set()
    assert (entry.clearance, entry.scheme, entry.nationality) == ("SECRET", "us", "USA")
    assert (entry.accesses, entry.roles) == (("ATOMAL",), ("clearer", "registry"))
    assert entry.expires == datetime(2027, 12, 31, tzinfo=UTC)
    assert [(r.fingerprint, r.reason, r.text) for r in directory.revocations] == sorted(
        [(JEAN.fingerprint, "left-service", "retired 2026-11-30"), (lost, "key-compromise", "")]
    )
    events = [event for event, _ in _events(vault)]
    assert events[-6:] == [
        "anchor exported", "key attested", "key attested", "attested key revoked",
        "attested key revoked", "directory published",
    ]  # fmt: skip
    assert _events(vault)[-1][1]["serial"] == 1
    status = office.status()
    assert (status.attested, status.revoked, status.serial) == (1, 2, 1)
    assert status.fingerprint == anchor.fingerprint and status.safety_number == anchor.safety_number


def test_init_is_audited_and_happens_once(office: AuthorityService, vault: Vault) -> None:
    _, details = next(e for e in _events(vault) if e[0] == "authority key created")
    assert details["name"] == "MFA SECURITY OFFICE"
    assert details["fingerprint"] == office.status().fingerprint
    with pytest.raises(VaultError, match="already holds an authority key"):
        office.init("ANOTHER OFFICE")


def test_init_refuses_a_bad_scope(vault: Vault) -> None:
    service = AuthorityService(vault, SCHEMES)
    with pytest.raises(FieldError, match="country code"):
        service.init("MFA", nationalities=("France",))
    with pytest.raises(SchemeError):
        service.init("MFA", schemes=("klingon",))
    with pytest.raises(FieldError, match="needs a name"):
        service.init("   ")
    assert not service.exists()


def test_serial_strictly_increases_across_publishes(
    office: AuthorityService, tmp_path: Path, clock: Clock
) -> None:
    anchor = office.anchor()
    serials = []
    for i in range(3):
        clock.advance(seconds=1)
        office.publish(tmp_path / f"d{i}.cdir")
        serials.append(Directory.read((tmp_path / f"d{i}.cdir").read_bytes(), anchor).serial)
    assert serials == [1, 2, 3]
    # the same file name again is refused (nothing burnt), then replaced when allowed
    with pytest.raises(InputError, match="already exists"):
        office.publish(tmp_path / "d2.cdir")
    assert office.publish(tmp_path / "d2.cdir", overwrite=True).serial == 4


def test_a_directory_lost_on_the_way_leaves_a_gap_never_a_repeated_serial(
    office: AuthorityService, tmp_path: Path
) -> None:
    office.publish(tmp_path / "d1.cdir")
    with pytest.raises(InputError):
        office.publish(tmp_path / "no such folder" / "d2.cdir")
    assert office.publish(tmp_path / "d3.cdir").serial == 3


def test_publish_refuses_a_validity_out_of_range(office: AuthorityService, tmp_path: Path) -> None:
    for days in (0, 367):
        with pytest.raises(FieldError, match="1 to 366 days"):
            office.publish(tmp_path / "d.cdir", valid_days=days)
    assert office.status().serial == 0


def test_re_attesting_the_same_fingerprint_replaces_the_earlier_attestation(
    office: AuthorityService, vault: Vault
) -> None:
    office.attest(JANE.to_bytes(), SECRET_USA)
    again = office.attest(JANE.to_bytes(), AttestRequest("TOP SECRET", "USA", roles=("clearer",)))
    assert again.replaced
    (entry,) = office.attestations()
    assert (entry.clearance, entry.roles) == ("TOP SECRET", ("clearer",))
    assert _events(vault)[-1][1]["replaced"] is True


def test_attest_refuses_an_unsigned_card(office: AuthorityService) -> None:
    raw = ContactCard.from_public_keys(
        name="Ada Lovelace", age_recipient=str(JANE.keys.encryption), ssh_key=JANE.keys.ssh_line()
    )
    with pytest.raises(SignatureInvalid, match="no self-signature"):
        office.attest(raw.to_bytes(), SECRET_USA)
    assert office.attestations() == []


def test_attest_refuses_a_forged_card(office: AuthorityService) -> None:
    forged = JANE.to_bytes().replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"')
    assert forged != JANE.to_bytes()
    with pytest.raises(SignatureInvalid, match="forged or altered"):
        office.attest(forged, SECRET_USA)
    # a card signed by another key than its own
    klaus = ContactCard.for_identity(person("Klaus Weber", "DEU")).to_bytes()
    swapped = JANE.to_bytes().split(b"\n", 1)[0] + b"\n" + klaus.split(b"\n", 1)[1]
    with pytest.raises(SignatureInvalid):
        office.attest(swapped, SECRET_USA)
    assert office.attestations() == []


def test_attest_refuses_an_unreadable_or_expired_card(
    office: AuthorityService, clock: Clock
) -> None:
    with pytest.raises(ContactError):
        office.attest(b"not a card", SECRET_USA)
    old = Identity.generate(
        "Old Card", "AMEMBASSY ROME", created=clock.now - timedelta(days=20),
        expires=clock.now - timedelta(days=1),
    )  # fmt: skip
    with pytest.raises(ContactError, match="expired on"):
        office.attest(ContactCard.for_identity(old).to_bytes(), SECRET_USA)


def test_attest_refuses_an_out_of_scope_nationality(office: AuthorityService) -> None:
    with pytest.raises(PolicyRefusal, match=r"nationality GBR .* outside its scope"):
        office.attest(JANE.to_bytes(), AttestRequest("SECRET", "GBR"))
    assert office.attestations() == []


def test_attest_refuses_an_out_of_scope_scheme(office: AuthorityService) -> None:
    with pytest.raises(PolicyRefusal, match="scheme uk"):
        office.attest(JANE.to_bytes(), AttestRequest("SECRET", "USA", scheme="uk"))


def test_attest_refuses_an_unknown_level(office: AuthorityService) -> None:
    with pytest.raises(MarkingError, match="BOGUS"):
        office.attest(JANE.to_bytes(), AttestRequest("BOGUS", "USA"))
    with pytest.raises(SchemeError):
        office.attest(JANE.to_bytes(), AttestRequest("SECRET", "USA", scheme="klingon"))


@pytest.mark.parametrize(
    ("request_", "problem"),
    [
        (AttestRequest("SECRET", "XXX"), "country code"),
        (AttestRequest("SECRET", "USA", accesses=("NO WAY",)), "special-access category"),
        (AttestRequest("SECRET", "USA", roles=("ambassador",)), "is not a role"),
        (AttestRequest("SECRET", "USA", expires=datetime(2020, 1, 1, tzinfo=UTC)), "future"),
    ],
    ids=["nationality", "access", "role", "expiry"],
)
def test_attest_refuses_malformed_attributes(
    office: AuthorityService, request_: AttestRequest, problem: str
) -> None:
    with pytest.raises(FieldError, match=problem):
        office.attest(JANE.to_bytes(), request_)


def test_a_revoked_key_is_not_attested_again(office: AuthorityService) -> None:
    office.attest(JANE.to_bytes(), SECRET_USA)
    revoked = office.revoke(JANE.fingerprint, "clearance withdrawn")
    assert (revoked.reason, revoked.was_attested) == ("clearance-withdrawn", True)
    assert office.attestations() == []
    with pytest.raises(PolicyRefusal, match="was revoked on"):
        office.attest(JANE.to_bytes(), SECRET_USA)


# The issue's words for a revocation (issue 16: "key compromise, left the service,
# clearance withdrawn") and the format's reasons (docs/FORMAT.md Part III, REASONS).
@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("key compromise", "key-compromise"),
        ("left the service", "left-service"),
        ("Clearance withdrawn", "clearance-withdrawn"),
        *[(r, r) for r in REASONS],
    ],
    ids=["key-compromise-words", "left-service-words", "withdrawn-words", *REASONS],
)
def test_revocation_reasons(office: AuthorityService, typed: str, reason: str) -> None:
    assert office.revoke(JANE.fingerprint, typed).reason == reason


def test_revoke_refuses_bad_input(office: AuthorityService) -> None:
    with pytest.raises(FieldError, match="not a reason"):
        office.revoke(JANE.fingerprint, "bored")
    with pytest.raises(FieldError, match="not a key fingerprint"):
        office.revoke("SHA256:short", "superseded")
    with pytest.raises(FieldError, match="plain text"):
        office.revoke(JANE.fingerprint, "superseded", "x\u202ey")
    assert office.status().revoked == 0


def test_authority_commands_refuse_without_an_authority_key(vault: Vault, tmp_path: Path) -> None:
    service = AuthorityService(vault, SCHEMES)
    assert not service.exists()
    calls: list[Callable[[], object]] = [
        service.status,
        service.anchor,
        service.attestations,
        lambda: service.export_anchor(tmp_path / "a.anchor"),
        lambda: service.attest(JANE.to_bytes(), SECRET_USA),
        lambda: service.revoke(JANE.fingerprint, "superseded"),
        lambda: service.publish(tmp_path / "d.cdir"),
    ]
    for call in calls:
        with pytest.raises(VaultError, match="holds no authority key"):
            call()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_the_key_never_appears_in_any_exported_file(
    office: AuthorityService, vault: Vault, tmp_path: Path
) -> None:
    office.attest(JANE.to_bytes(), SECRET_USA)
    office.export_anchor(tmp_path / "mfa.anchor")
    office.publish(tmp_path / "mfa.cdir")
    raw = AuthorityStore(vault.db).get().signing_key.private_bytes_raw()
    needles = [raw, raw.hex().encode(), base64.b64encode(raw), base64.b64encode(raw)[:-2]]
    for name in ("mfa.anchor", "mfa.cdir"):
        data = (tmp_path / name).read_bytes()
        assert not any(n in data for n in needles), name
    shown = repr(office.status().to_json()).encode()
    assert not any(n in shown for n in needles)
    assert all(str(raw.hex()) not in repr(e.details) for e in vault.audit.entries())
