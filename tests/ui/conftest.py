"""Fixtures for the screens: a real vault in a temp folder (fast key derivation),
a session over it, synchronous workers, and correspondents to import.

The cyclic garbage collector stays off while a screen test runs and its
events are dispatched: pytest-qt keeps only weak references to the widgets a
test made, so a window caught in a reference cycle would otherwise be freed by
whichever allocation triggers a collection, possibly while Qt is delivering
an event to it (a segmentation fault, seen in CI). Windows are collected
between tests, once pytest-qt has closed them and no event is on its way.
Before a screen test, what is still alive is frozen (``gc.freeze``), so that
those collections look only at what the test made: over the whole heap of
the session each took a tenth of a second, as long as many a test.
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from cabledesk.ui import open_cable as open_cable_module
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

SCHEMES = SchemeRegistry.load()
HERE = Path(__file__).parent
ROOT = HERE.parents[1]

ChildT = TypeVar("ChildT", bound=QObject)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    if HERE not in item.path.parents:  # a hook in a conftest sees every test
        return (yield)
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        return (yield)
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message box nobody expected fails the test with its text, rather than waiting
    offscreen for a click that never comes (a hung suite). A test that expects one
    replaces ``QMessageBox.exec`` itself, which overrides this; a test marked
    ``modal_boxes`` answers the real ones."""
    if request.node.get_closest_marker("modal_boxes") is not None:
        return

    def unexpected(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.text()} {box.informativeText()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The French catalogue installed for the test (the built one: ``make translations``)."""
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "cabledesk_fr.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def keychain(keyring_backend: MemoryKeyring) -> SystemKeychain:
    return SystemKeychain(keyring_backend)


@pytest.fixture
def vault_access(tmp_path: Path, clock: Clock, keychain: SystemKeychain) -> VaultAccess:
    return VaultAccess(VaultHome(tmp_path / "home"), keychain, now=clock, kdf=FAST)


@pytest.fixture
def vault(vault_access: VaultAccess) -> Iterator[Vault]:
    v = vault_access.create(PASSPHRASE)
    IdentityService(v, SCHEMES).create(
        IdentityRequest(
            name="Jane Doe", post="AMEMBASSY PARIS", clearance="SECRET", nationality="USA"
        )
    )
    yield v
    v.lock()


@pytest.fixture
def session(vault: Vault, keychain: SystemKeychain) -> Session:
    return Session(vault, SCHEMES, keychain=keychain)


@pytest.fixture
def workers() -> Workers:
    return Workers(synchronous=True)


def person(name: str, post: str = "AMEMBASSY BERLIN", **details: object) -> Identity:
    """A correspondent with keys of their own (the test holds their private half)."""
    details.setdefault("nationality", "DEU")
    details.setdefault("clearance", "SECRET")
    return Identity.generate(name, post, **details)


def card_file(folder: Path, who: Identity) -> Path:
    """``who``'s self-signed ``.contact`` file in ``folder``."""
    path = folder / f"{who.name.split()[0].lower()}.contact"
    path.write_bytes(ContactCard.for_identity(who).to_bytes())
    return path


def child(parent: QObject, kind: type[ChildT], name: str | None = None) -> ChildT:
    """The descendant of ``parent`` of type ``kind`` (and named ``name``, if given);
    the test fails if there is none."""
    found = parent.findChild(kind) if name is None else parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def shown_verification(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> open_cable_module.VerificationDialog:
    """Open ``path`` as the user does; the verification dialog it shows (not run modal)."""
    shown: list[open_cable_module.VerificationDialog] = []

    def exec_(dialog: open_cable_module.VerificationDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(open_cable_module.VerificationDialog, "exec", exec_)
    window.open_files([path])
    [dialog] = shown
    return dialog
