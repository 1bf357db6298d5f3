"""seal(post_quantum=True): every stanza mlkem768x25519, the manifest lists the age1pq1
keys, the verdict says post-quantum; someone without such a key is a caller's bug."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from cabledesk.crypto.age import HybridIdentity
from cabledesk.crypto.age._format import read_header
from cabledesk.seal import SealRecipient, Verdict, open_sealed, seal
from tests.seal.kit import BOB, CABLE, CABLE_JSON, JANE, MALLORY, NOW, SCHEMES, trusting

PQ_JANE = replace(JANE, pq_key=HybridIdentity.generate())
PQ_BOB = replace(BOB, pq_key=HybridIdentity.generate())
BANNER = "SECRET//NOFORN"


def _sealed(to: list[SealRecipient], *, sender: object = PQ_JANE) -> bytes:
    out = io.BytesIO()
    seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=sender,  # type: ignore[arg-type]
         recipients=to, output=out, now=NOW, post_quantum=True)  # fmt: skip
    return out.getvalue()


def _opened(data: bytes, keys: list[object]) -> Verdict:
    v = open_sealed(io.BytesIO(data), keys, trust_of=trusting(JANE), me={BOB.fingerprint},  # type: ignore[arg-type]
                    schemes=SCHEMES, now=NOW)  # fmt: skip
    assert v.post_quantum in (True, None)
    return v.verdict


def test_a_post_quantum_seal_has_hybrid_stanzas_only_and_says_so() -> None:
    bob = SealRecipient(PQ_BOB.name, PQ_BOB.public(), PQ_BOB.pq_recipient)
    data = _sealed([bob])
    header = read_header(io.BytesIO(data))
    assert [s.type for s in header.stanzas] == ["mlkem768x25519", "mlkem768x25519"]
    v = open_sealed(io.BytesIO(data), PQ_BOB.age_identities(), trust_of=trusting(JANE),
                    me={BOB.fingerprint}, schemes=SCHEMES, now=NOW)  # fmt: skip
    assert v.verdict is Verdict.VALID and v.post_quantum is True and v.addressed_to_you
    assert {r.age_recipient for r in v.recipients} == {PQ_JANE.pq_recipient, PQ_BOB.pq_recipient}
    assert _opened(data, [BOB.encryption_key]) is Verdict.NOT_DECRYPTABLE  # X25519 alone


def test_sealing_post_quantum_for_someone_without_a_key_is_a_bug_of_the_caller() -> None:
    with pytest.raises(ValueError, match="post-quantum"):
        _sealed([SealRecipient(MALLORY.name, MALLORY.public())])
    bob = SealRecipient(PQ_BOB.name, PQ_BOB.public(), PQ_BOB.pq_recipient)
    with pytest.raises(ValueError, match="post-quantum"):
        _sealed([bob], sender=JANE)  # the sender has none
    with pytest.raises(ValueError, match="not valid"):
        _sealed([replace(bob, pq_recipient="age1pq1" + "q" * 1952)])
