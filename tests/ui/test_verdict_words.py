"""A sealed cable's verdict, worded in the UI: in English, the same sentences the core
writes (``cabledesk-cli open`` and the window agree); the core's own sentence for the
rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.services.session import Session
from cabledesk.ui.verdict_words import statement_words, verdict_words
from tests.ui.demo_vault import build_demo_vault
from tests.ui.test_translations import french  # noqa: F401  (a fixture)

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
        "Intact and signed by a key that is not among your contacts (SHA256:abc), which signs "
        f"as '{who}'."
    )
    message, hint = _words("not-addressed-to-you", recipients=[{"name": "Ann Lee"}])
    assert message == (
        f"This cable was re-encrypted to you by someone other than the signer: {who} sealed "
        "it for Ann Lee, not for you."
    )
    assert hint == "It is intact, but ask Klaus Weber whether you were meant to receive it."
    message, _ = _words("signer-revoked", trust={"state": "revoked", "how": "laptop lost"})
    assert message.endswith("which was revoked (laptop lost).")
    message, hint = _words(
        "signer-expired", signer_expires="2026-01-31T00:00:00Z", created="2026-02-03T09:00:00Z"
    )
    assert message == (
        f"This cable is signed with the key of {who}, which expired on 2026-01-31, before the "
        "cable says it was sealed (2026-02-03)."
    )
    assert hint.endswith("Ask Klaus Weber for a fresh copy sealed with their current key.")
    message, _ = _words("file-changed", changed_file="attachments/notes.txt")
    assert message == "attachments/notes.txt was altered after Klaus Weber signed this cable."


def test_impersonation_by_name_in_the_verdict_words() -> None:
    # the file says Klaus Weber; the user's contact record names the key Mallory Moore
    known = {"known_as": {"name": "Mallory Moore", "post": "AMEMBASSY ROME"}}
    message, _ = _words("valid", **known)
    assert (
        message
        == "Intact and signed by Mallory Moore (AMEMBASSY ROME), a verified contact, for you."
    )
    message, _ = _words("marking-mismatch", banner="SECRET", computed_banner="TOP SECRET", **known)
    assert "Klaus" not in message and "Mallory Moore sealed it as SECRET" in message
    changed = {"known_as": {"name": "Klaus Weber", "post": "", "keys_changed": True}}
    message, hint = _words("signer-unverified", **changed)
    assert message.endswith("whose keys changed since you verified them.")
    assert hint.startswith("Do not trust it yet")


def test_not_addressed_is_worded_by_the_rules_of_its_format() -> None:
    who = "Klaus Weber (AMEMBASSY BERLIN)"
    ann = {"recipients": [{"name": "Ann Lee"}]}
    old = _words("not-addressed-to-you", format="cabledesk.seal/1", **ann)
    assert old == _words("not-addressed-to-you", **ann)  # a record of before /2: the /1 words
    assert old[1] == "It is intact, but ask Klaus Weber whether you were meant to receive it."
    assert _words("not-addressed-to-you", format="cabledesk.seal/2", **ann) == (
        f"This cable was not sealed for you: {who} sealed it for Ann Lee, and someone "
        "re-encrypted it to you.",
        "Do not rely on it. Ask Klaus Weber to seal it for you if you are meant to receive it.",
    )


def test_marking_mismatch_has_words_of_its_own() -> None:
    message, hint = _words(
        "marking-mismatch", banner="CONFIDENTIAL", computed_banner="SECRET//NOFORN"
    )
    assert message == (
        "The marking on this cable does not match its text: Klaus Weber sealed it as "
        "CONFIDENTIAL, but its portion marks add up to SECRET//NOFORN."
    )
    assert hint.startswith("Handle it as the higher of the two markings")
    message, hint = _words("marking-mismatch", banner="SECRET", computed_banner=None)
    assert message.endswith("sealed it as SECRET, but its portion marks cannot be read.")
    assert hint.startswith("Do not rely on its marking or its content")


def test_a_statement_in_words() -> None:
    report = {
        "path": "statements/1.statement", "role": "returned", "signer_name": "Ann Lee",
        "fingerprint": "SHA256:abc", "office": "", "comment": "See para 2.",
        "signature_valid": False, "matches_cable": True, "problem": "…",
    }  # fmt: skip
    assert statement_words(report) == (
        "Returned for changes by Ann Lee (as the statement names the signer), key SHA256:abc: "
        "the signature does NOT hold, made on this text.\nComment: See para 2."
    )
    unreadable = {"path": "statements/2.statement", "role": None, "problem": "Not JSON."}
    assert statement_words(unreadable) == (
        "A statement that cannot be read (statements/2.statement): Not JSON."
    )


@pytest.mark.usefixtures("french")
def test_the_new_words_read_in_french() -> None:
    message, hint = _words(
        "not-addressed-to-you", format="cabledesk.seal/2", recipients=[{"name": "Ann Lee"}]
    )
    assert message.startswith("Ce télégramme n’a pas été scellé pour vous")
    assert hint.startswith("Ne vous y fiez pas.")
    message, _ = _words("marking-mismatch", banner="CONFIDENTIAL", computed_banner="SECRET")
    assert message.startswith("Le marquage de ce télégramme ne correspond pas à son texte")
    report = {"role": "cleared", "signer_name": "Ann Lee", "fingerprint": "SHA256:abc",
              "signature_valid": True, "matches_cable": True}  # fmt: skip
    assert statement_words(report).startswith("Visé par Ann Lee")


@pytest.mark.usefixtures("french")
def test_the_document_and_signature_verdicts_read_in_french() -> None:
    """Issue 15, points 9 and 10: the verdicts of the document check and of a package
    whose signature was stripped are worded in the user's language too."""
    message, hint = _words("document-mismatch")
    assert message.startswith("Le document de ce paquet (cable.docx) n’est pas ce télégramme")
    assert "Klaus Weber" in message and hint.startswith("N’utilisez pas le document")
    message, hint = _words("document-not-checked")
    assert message.startswith("Intact et signé par Klaus Weber (AMEMBASSY BERLIN)")
    assert hint.startswith("Utilisez le texte du télégramme")
    unsigned = {
        "verdict": "unsigned",
        "message": "This sealed cable carries no signature: its manifest or its signature "
        "(manifest.sig) was removed, so nothing says who sent it or that it is intact.",
        "hint": "Do not trust any part of it; ask the sender for a fresh copy.",
    }
    message, _ = verdict_words(unsigned)
    assert message.startswith("Ce télégramme scellé ne porte aucune signature")
    message, hint = _words(
        "signer-expired", signer_expires="2026-01-31T00:00:00Z", created="2026-02-03T09:00:00Z"
    )
    assert message.startswith("Ce télégramme est signé avec la clé de Klaus Weber")
    assert "2026-01-31" in message and "2026-02-03" in message
    assert hint.startswith("Ne vous y fiez pas")


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


def test_a_previous_key_of_a_contact_is_named_so_in_the_verdict_words() -> None:
    # issue 16, key rotation: the same sentences as the core (cabledesk/seal/_judge.py)
    previous = {"name": "Klaus Weber", "post": "AMEMBASSY BERLIN", "keys_changed": False,
                "previous_key": True}  # fmt: skip
    who = "the previous key of Klaus Weber (AMEMBASSY BERLIN)"
    assert _words("valid", known_as=previous) == (
        f"Intact and signed by {who}, a verified contact, for you.",
        "",
    )
    message, hint = _words(
        "signer-revoked",
        known_as=previous,
        created="2026-12-05T09:00:00Z",
        trust={"state": "verified", "how": "", "superseded": "2026-12-04T10:00:00Z"},
    )
    assert message == (
        f"This cable is signed with {who}, which Klaus Weber replaced with a new key on "
        "2026-12-04, before the cable says it was sealed (2026-12-05)."
    )
    assert hint.startswith("Do not trust it, even though it is intact: Klaus Weber no longer")
