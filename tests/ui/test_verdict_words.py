"""A sealed cable's verdict, worded in the UI: in English, the same sentences the core
writes (``cabledesk-cli open`` and the window agree); the core's own sentence for the
rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.services.session import Session
from cabledesk.ui.verdict_words import verdict_words
from tests.ui.demo_vault import build_demo_vault

KLAUS = {"name": "Klaus Weber", "post": "AMEMBASSY BERLIN", "fingerprint": "SHA256:abc"}


def _words(verdict: str, **fields: object) -> tuple[str, str]:
    return verdict_words({"verdict": verdict, "signer": KLAUS, **fields})


def test_the_everyday_verdicts_name_the_signer() -> None:
    who = "Klaus Weber (AMEMBASSY BERLIN)"
    assert _words("valid") == (f"Intact and signed by {who}, a verified contact, for you.", "")
    message, hint = _words("signer-unverified")
    assert message == f"Intact and signed by {who}, whose key you have not verified yet."
    assert hint.startswith("Compare the safety number with Klaus Weber")
    message, _ = _words("signer-unknown")
    assert message == (
        f"Intact and signed by {who}, who is not among your contacts (key SHA256:abc)."
    )
    message, hint = _words("not-addressed-to-you", recipients=[{"name": "Ann Lee"}])
    assert message == (
        f"This cable was re-encrypted to you by someone other than the signer: {who} sealed "
        "it for Ann Lee, not for you."
    )
    assert hint == "It is intact, but ask Klaus Weber whether you were meant to receive it."
    message, _ = _words("signer-revoked", trust={"state": "revoked", "how": "laptop lost"})
    assert message.endswith("which was revoked (laptop lost).")
    message, _ = _words("file-changed", changed_file="attachments/notes.txt")
    assert message == "attachments/notes.txt was altered after Klaus Weber signed this cable."


def test_other_verdicts_keep_the_core_sentence() -> None:
    record = {"verdict": "not-decryptable", "message": "None of your keys…", "hint": "Check."}
    assert verdict_words(record) == ("None of your keys…", "Check.")


@pytest.mark.slow
def test_the_window_and_the_core_agree_in_english(tmp_path: Path) -> None:
    session: Session = build_demo_vault(tmp_path, frus=0)
    try:
        result, _ = session.opening.open(tmp_path / "from-berlin.cable", store=False)
        assert str(result.verdict) == "valid"
        assert verdict_words(result.to_dict()) == (result.message, "")
    finally:
        session.lock()
