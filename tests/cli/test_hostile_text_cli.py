"""Hostile text through every command that shows it (issue 15, point 4).

A name, a subject, a paragraph, a file name or an attachment name from outside is
data: whatever a command prints, on standard output or standard error, in text or
JSON, holds no raw control character (ESC, CR, C1), no bidi override or isolate
and no zero-width character — each is shown as a ``\\uXXXX`` escape. Markup
(``<b>``, ``<a href>``) is printable and stays as it is: a terminal does not
render it.
"""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.domain.cable import Attachment, Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.seal import SealRecipient, seal
from cabledesk.services.drafts import DraftsService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from tests.cli.conftest import Result, Runner, Vault
from tests.seal.kit import CABLE, NOW, PEOPLE, SCHEMES
from tests.vaultkit import PASSPHRASE, MemoryKeyring

CAROL = PEOPLE["carol"]
# A screen drawn by escape sequences: cleared, then a green "VALID" line.
FAKE_VALID = (
    "\x1b[2J\x1b[H\x1b[32mVALID: Intact and signed by Alice Adams, a verified contact\x1b[0m"
)
HTML = "<b>Alice</b> <a href='https://x.example'>Adams</a> <img src='x'>"
BIDI = "TALKS \u202eDENIALS\u202c \u2066ok\u2069"
ZERO_WIDTH = "Ali\u200dce\u200b Ada\ufeffms"
HOSTILE_CABLE = replace(
    CABLE,
    subject=f"{FAKE_VALID} {BIDI}",
    paragraphs=(Paragraph("(S//NF)", f"{HTML} {ZERO_WIDTH}\n{FAKE_VALID}\rCR \x9b31m C1"),),
    attachments=(Attachment("invoice\u202efdp.exe"), Attachment("two\nlines.txt")),
    signature=f"DOE{FAKE_VALID}",
)
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def assert_shown_as_data(r: Result) -> None:
    """Nothing hidden in what was printed: every control or invisible character is
    escaped (line breaks of the output itself aside)."""
    for stream, text in (("stdout", r.out), ("stderr", r.err)):
        raw = sorted({f"U+{ord(c):04X}" for c in text if c != "\n" and
                      unicodedata.category(c) in _HIDDEN})  # fmt: skip
        assert raw == [], f"raw {raw} in {stream}: {text!r}"


@pytest.fixture
def hostile_cable(cli: Runner, jane: Vault, tmp_path: Path) -> Path:
    """Carol's cable for Jane, its subject, paragraph, signature and attachment list
    hostile, sealed by a tool of her own with an attachment named with a bidi override
    (CableDesk refuses such a name when it seals; a forger's tool need not)."""
    card_file = tmp_path / "jane.contact"
    assert cli(*jane.options, "identity", "export-card", "-o", str(card_file)).code == 0
    card = ContactCard.parse(card_file.read_bytes(), now=None)
    annex = tmp_path / "invoice\u202efdp.exe"
    annex.write_bytes(b"MZ")
    out = io.BytesIO()
    seal(
        encode_cable(HOSTILE_CABLE), cable_id=HOSTILE_CABLE.id, sender=CAROL,
        banner=cable_banner(HOSTILE_CABLE, SCHEMES["us"]).banner, attachments=[annex],
        recipients=[SealRecipient.from_card(card)], output=out, now=NOW,
    )  # fmt: skip
    path = tmp_path / "from-carol.cable"
    path.write_bytes(out.getvalue())
    return path


def test_escape_sequences_draw_a_fake_valid_in_verify_and_open(
    cli: Runner, jane: Vault, hostile_cable: Path
) -> None:
    for command in ("verify", "open"):
        for json_output in ((), ("--json",)):
            r = cli(*jane.options, command, str(hostile_cable), *json_output)
            assert r.code in (0, 1), r.err
            assert_shown_as_data(r)
            if json_output:  # escaped as JSON escapes them: the same text, read back
                assert json.loads(r.out)["cable"]["subject"] == HOSTILE_CABLE.subject
    r = cli(*jane.options, "open", str(hostile_cable))
    assert "\\u001b[2J\\u001b[H\\u001b[32mVALID: Intact" in r.out  # seen for what it is
    assert "\\u202eDENIALS" in r.out


def test_escape_sequences_in_a_file_name_draw_nothing(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    # The name of a file received from outside is quoted in the error message.
    crafted = tmp_path / f"{FAKE_VALID}.cable"
    crafted.write_bytes(b"not a sealed cable")
    for command in ("verify", "open"):
        r = cli(*jane.options, command, str(crafted))
        assert r.code != 0
        assert_shown_as_data(r)
    r = cli(*jane.options, "verify", str(tmp_path / f"{BIDI}.cable"))  # no such file
    assert r.code == 2 and "\\u202eDENIALS" in r.err
    assert_shown_as_data(r)


def test_extracting_shows_hostile_attachment_names_escaped(
    cli: Runner, jane: Vault, hostile_cable: Path, tmp_path: Path
) -> None:
    r = cli(*jane.options, "open", str(hostile_cable), "--extract", str(tmp_path / "out"))
    assert_shown_as_data(r)
    assert "invoice\\u202efdp.exe" in r.out + r.err


def test_archived_cables_are_shown_as_data_in_search(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    source = tmp_path / "hostile.json"
    source.write_bytes(encode_cable(HOSTILE_CABLE))
    r = cli(*jane.options, "import-cable", str(source))
    assert r.code == 0, r.err
    assert_shown_as_data(r)
    for query in (("DENIALS",), ("Alice",), ("DENIALS", "--json")):
        r = cli(*jane.options, "search", *query)
        assert r.code == 0, r.err
        assert_shown_as_data(r)
    assert "DENIALS" in r.out


def test_drafts_with_hostile_subjects_are_listed_as_data(
    cli: Runner, jane: Vault, tmp_path: Path
) -> None:
    vault = VaultAccess(VaultHome(jane.home), SystemKeychain(MemoryKeyring())).unlock(PASSPHRASE)
    with vault:
        drafts = DraftsService(vault, SchemeRegistry.load())
        draft = replace(drafts.new(), subject=HOSTILE_CABLE.subject,
                        paragraphs=HOSTILE_CABLE.paragraphs)  # fmt: skip
        drafts.save(draft)
        drafts.save(replace(draft, subject=f"{draft.subject} {ZERO_WIDTH}"))
    for args in (("list",), ("list", "--json"), ("history", draft.id[:8]),
                 ("history", draft.id[:8], "--json")):  # fmt: skip
        r = cli(*jane.options, "draft", *args)
        assert r.code == 0, r.err
        assert_shown_as_data(r)
    source = tmp_path / "hostile.json"
    source.write_bytes(encode_cable(HOSTILE_CABLE))
    for json_output in ((), ("--json",)):
        r = cli("draft", "lint", str(source), *json_output)
        assert_shown_as_data(r)


def _card(name: str, post: str, *, v1: bool) -> bytes:
    person = Identity.generate("Alice Adams", "AMEMBASSY PARIS")
    doc = json.loads(ContactCard.for_identity(person).body()) | {"name": name, "post": post}
    if v1:
        for field in ("sequence", "accesses", "pq_recipient"):
            del doc[field]
        doc["format"] = "cabledesk.contact/1"
    body = canonical_json(doc)
    return body + b"\n" + sign(person.signing_key, CONTACT_NAMESPACE, body).encode()


@pytest.mark.parametrize("v1", [False, True], ids=["contact/2", "contact/1"])
def test_a_card_whose_name_draws_a_fake_valid_is_refused(
    cli: Runner, jane: Vault, tmp_path: Path, v1: bool
) -> None:
    path = tmp_path / "alice.contact"
    path.write_bytes(_card(FAKE_VALID, "AMEMBASSY PARIS", v1=v1))
    r = cli(*jane.options, "contact", "import", str(path))
    assert r.code == 2 and "invisible or control character (U+001B)" in r.err
    assert_shown_as_data(r)
    path.write_bytes(_card("Alice Adams", f"AMEMBASSY {BIDI}", v1=v1))
    r = cli(*jane.options, "contact", "import", str(path))
    assert r.code == 2 and "invisible or control character (U+202E)" in r.err


def test_html_in_a_card_name_is_printed_as_it_is(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    path = tmp_path / "alice.contact"
    path.write_bytes(_card(HTML, "AMEMBASSY PARIS", v1=False))
    r = cli(*jane.options, "contact", "import", str(path))
    assert r.code == 0, r.err
    for args in (("list",), ("list", "--json"), ("show", HTML), ("show", HTML, "--json")):
        r = cli(*jane.options, "contact", *args)
        assert r.code == 0, r.err
        assert_shown_as_data(r)
        assert HTML in r.out or json.dumps(HTML, ensure_ascii=False) in r.out


def test_the_audit_log_is_shown_as_data(
    cli: Runner, jane: Vault, hostile_cable: Path, tmp_path: Path
) -> None:
    assert cli(*jane.options, "open", str(hostile_cable)).code in (0, 1)
    source = tmp_path / "hostile.json"
    source.write_bytes(encode_cable(HOSTILE_CABLE))
    assert cli(*jane.options, "import-cable", str(source)).code == 0
    for json_output in ((), ("--json",)):
        r = cli(*jane.options, "audit", "show", *json_output)
        assert r.code == 0, r.err
        assert_shown_as_data(r)


def test_the_program_s_own_controls_still_reach_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sys

    from cabledesk.cli._terminal import shown_visibly, write_controls

    with shown_visibly():
        print(f"name: {FAKE_VALID}")
        write_controls("\x1b[1m", file=sys.stdout)
        print("bold", file=sys.stderr)
    out, err = capsys.readouterr()
    assert out == "name: \\u001b[2J\\u001b[H\\u001b[32mVALID: Intact and signed by Alice Adams, " \
        "a verified contact\\u001b[0m\n\x1b[1m"  # fmt: skip
    assert err == "bold\n"
