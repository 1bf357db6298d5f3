"""docs/FORMAT.md's check of a key-rotation statement (Part V, section 3), run exactly as
written with ssh-keygen, jq and sha256sum on files CableDesk made: it passes, and fails for
another card, a changed statement, a signature made for another purpose, or a previous key
that is not the one the user verified."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from tests.crypto.dirkit import person
from tests.interop._tools import require_tool
from tests.interop.test_signed_text_standard_tools import _run

pytestmark = [pytest.mark.interop, pytest.mark.slow]
OLD, OTHER = person("Jane Doe"), person("Jean Martin", "FRA")
NEW = Identity.generate("Jane Doe", "AMEMBASSY PARIS")  # new keys, the same person
WHEN = datetime(2026, 12, 4, 10, tzinfo=UTC)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name in ("bash", "ssh-keygen", "jq", "sha256sum"):
        require_tool(name)
    card = ContactCard.for_identity(NEW)
    statement = RotationStatement.issue(OLD.signing_key, card, created=WHEN)
    (tmp_path / "new.contact").write_bytes(card.to_bytes())
    (tmp_path / "new.rotation").write_bytes(statement.to_bytes())
    (tmp_path / "other.contact").write_bytes(ContactCard.for_identity(OTHER).to_bytes())
    return tmp_path


def _check(folder: Path, rotation: str = "new.rotation", card: str = "new.contact",
           old_fp: str = OLD.fingerprint) -> int:  # fmt: skip
    done = _run(folder, "check-rotation", ROTATION=rotation, CARD=card, OLD_FP=old_fp)
    return done.returncode


def test_format_md_check_passes_on_a_statement_cabledesk_made(files: Path) -> None:
    assert _check(files) == 0


def test_format_md_check_fails_for_another_card(files: Path) -> None:
    assert _check(files, card="other.contact") != 0


def test_format_md_check_fails_for_another_previous_key(files: Path) -> None:
    assert _check(files, old_fp=OTHER.fingerprint) != 0


def test_format_md_check_fails_for_a_changed_statement(files: Path) -> None:
    data = (files / "new.rotation").read_bytes()
    (files / "changed.rotation").write_bytes(data.replace(b'"created":"2026', b'"created":"2027'))
    assert _check(files, rotation="changed.rotation") != 0


def test_format_md_check_fails_for_a_signature_of_another_purpose(files: Path) -> None:
    body = (files / "new.rotation").read_bytes().partition(b"\n")[0]
    other = body + b"\n" + sign(OLD.signing_key, CONTACT_NAMESPACE, body).encode("ascii")
    (files / "other.rotation").write_bytes(other)
    assert hashlib.sha256(other).digest() != hashlib.sha256(body).digest()
    assert _check(files, rotation="other.rotation") != 0
