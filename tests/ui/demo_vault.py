"""A demo vault for GUI tests and screenshots: an identity, contacts and a group,
drafts with mixed portion marks, FRUS telegrams in the archive, a sealed and a
received cable."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph
from cabledesk.domain.frus import read_frus_jsonl
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.identity import IdentityRequest
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from tests.conftest import DATA
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

__all__ = ["DRAFT", "build_demo_vault", "correspondent"]

SCHEMES = SchemeRegistry.load()
DRAFT = Cable(
    id="d0c5d0c5-0000-4000-8000-000000000001",
    scheme="us",
    precedence="IMMEDIATE",
    originator="AMEMBASSY PARIS",
    action=(Addressee("SECSTATE WASHDC"),),
    info=(Addressee("USMISSION USNATO"), Addressee("AMEMBASSY BERLIN", "ROUTINE")),
    subject="FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
    subject_marking="(U)",
    paragraphs=(
        Paragraph("(C)", "SUMMARY: The Elysee previewed the summit agenda. END SUMMARY."),
        Paragraph("(S//NF)", "The diplomatic adviser said the communique would pass unchanged."),
        Paragraph("(C//REL TO USA, GBR)", "London was briefed the same day."),
        Paragraph("(U)", "Embassy comment: the summit should go smoothly."),
    ),
    tags=("PREL", "FR", "NATO"),
    references=("A. STATE 123456",),
    authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
    signature="DOE",
)


def correspondent(
    folder: Path, name: str, post: str, nationality: str, clearance: str = "SECRET"
) -> Session:
    """Another person's vault (to seal cables to the demo user or receive from them)."""
    access = VaultAccess(VaultHome(folder), SystemKeychain(MemoryKeyring()), kdf=FAST)
    vault = access.create(PASSPHRASE)
    session = Session(vault, SCHEMES)
    session.identity.create(
        IdentityRequest(name, post, clearance=clearance, nationality=nationality)
    )
    return session


def build_demo_vault(folder: Path, *, frus: int = 120, clock: Clock | None = None) -> Session:
    """The demo user's vault in ``folder/home``, unlocked; the passphrase is tests.vaultkit's."""
    access = VaultAccess(
        VaultHome(folder / "home"), SystemKeychain(MemoryKeyring()), kdf=FAST,
        **({"now": clock} if clock else {}),
    )  # fmt: skip
    session = Session(access.create(PASSPHRASE), SCHEMES)
    session.identity.create(
        IdentityRequest(
            "Jane Doe", "AMEMBASSY PARIS", role="Ambassador", clearance="SECRET", nationality="USA"
        )
    )
    people = [
        correspondent(folder / "berlin", "Klaus Weber", "AMEMBASSY BERLIN", "USA"),
        correspondent(folder / "london", "Mary Smith", "AMEMBASSY LONDON", "GBR"),
        correspondent(folder / "rome", "Paolo Rossi", "AMEMBASSY ROME", "ITA"),
        correspondent(folder / "geneva", "Sam Park", "USMISSION GENEVA", "USA"),
        correspondent(folder / "tokyo", "Ann Lee", "AMEMBASSY TOKYO", "USA", "CONFIDENTIAL"),
    ]
    for other in people:
        session.contacts.import_card(other.identity.card().to_bytes())
    session.contacts.verify("Klaus", "safety number read aloud on the phone")
    session.contacts.create_group("EU posts", "Embassies in EU capitals")
    session.contacts.add_to_group("EU posts", ["Klaus", "Paolo"])
    session.drafts.save(DRAFT)
    session.drafts.save(
        replace(
            DRAFT,
            id="d0c5d0c5-0000-4000-8000-000000000002",
            subject="GERMANY: COALITION TALKS",
            paragraphs=(Paragraph("(U)", "Talks resumed on the budget."),),
            authority=None,
        )
    )
    with (DATA / "frus" / "frus-telegrams.jsonl").open("rb") as f:
        cables = list(itertools.islice(read_frus_jsonl(f, scheme=SCHEMES["us"]), frus))
    session.archive.import_cables(cables)
    # a cable sealed to the demo user by Klaus, opened: archived as received
    klaus = people[0]
    klaus.contacts.import_card(ContactCard.for_identity(session.identity.active()).to_bytes())
    klaus.contacts.verify("Jane", "in person")
    sealed = folder / "from-berlin.cable"
    incoming = replace(DRAFT, id="d0c5d0c5-0000-4000-8000-000000000003",
                       originator="AMEMBASSY BERLIN", subject="GERMANY: VIEWS ON THE SUMMIT",
                       action=(Addressee("AMEMBASSY PARIS"),), info=(), signature="WEBER")  # fmt: skip
    klaus.sealing.seal(incoming, klaus.contacts.resolve(["Jane"]), sealed)
    session.opening.open(sealed)
    for other in people:
        other.lock()
    return session
