from __future__ import annotations

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.errors import FieldError, MarkingError, SchemeError
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES


def test_info_and_card(vault: Vault) -> None:
    service = IdentityService(vault, SCHEMES)
    info = service.info()
    assert (info.name, info.post, info.clearance, info.nationality) == (
        "Jane Doe", "AMEMBASSY PARIS", "SECRET", "USA",
    )  # fmt: skip
    assert info.fingerprint.startswith("SHA256:") and len(info.safety_number) == 71
    assert info.age_recipient.startswith("age1") and info.ssh_key.startswith("ssh-ed25519 ")
    assert "AGE-SECRET-KEY" not in str(info.to_json())
    card = ContactCard.parse(service.card().to_bytes(), now=vault.now())
    assert card.fingerprint == info.fingerprint and card.self_certified
    assert [e.event for e in vault.audit.entries()][:1] == ["identity created"]


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"clearance": "ULTRA"}, MarkingError, "not a classification level"),
        ({"nationality": "France"}, FieldError, "three-letter"),
        ({"scheme": "atlantis"}, SchemeError, "atlantis"),
        ({"name": "  "}, FieldError, "needs a name"),
    ],
)
def test_bad_requests(vault: Vault, change: dict[str, str], error: type, words: str) -> None:
    fields = {"name": "Jean", "post": "AMEMBASSY BERLIN", **change}
    request = IdentityRequest(**fields)  # type: ignore[arg-type]
    with pytest.raises(error, match=words):
        IdentityService(vault, SCHEMES).create(request)


def test_clearance_is_normalised_to_the_level_name(vault: Vault) -> None:
    identity = IdentityService(vault, SCHEMES).create(
        IdentityRequest(name="Jean", post="P", scheme="fr", clearance="dr", nationality="fra")
    )
    assert identity.clearance == "DIFFUSION RESTREINTE" and identity.nationality == "FRA"
