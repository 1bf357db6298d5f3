"""The Authority menu: a security office's work, shown only when the vault holds its key.

Attest a card… (a ``.contact`` file, checked on a worker, then
:class:`~cabledesk.ui.authority_dialogs.AttestDialog`), Revoke…
(:class:`~cabledesk.ui.authority_dialogs.RevokeDialog`), Publish directory… and
Export anchor… (a save dialog, then the service on the writing worker; the save
dialog already asked whether to replace an existing file). Whether the vault holds
an authority key is asked on a worker when the window is built; the menu appears
once the answer is yes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from cabledesk.services.authority import Attested, CardToAttest, Published, Revoked
from cabledesk.ui.errors import show_error
from cabledesk.ui.places import documents_folder, suggested_path
from cabledesk.ui.plain import inform
from cabledesk.ui.workers import while_alive

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["build_authority_menu"]

translate = QCoreApplication.translate


def build_authority_menu(window: MainWindow) -> dict[str, QAction]:
    """Add the (hidden) Authority menu to ``window``'s menu bar; returns its actions by
    name. It is shown once a worker has found an authority key in the vault."""
    menu = QMenu(translate("AuthorityMenu", "&Authority"), window)
    menu.setObjectName("authorityMenu")
    entries: tuple[tuple[str, str, Callable[[MainWindow], None]], ...] = (
        ("attest", translate("AuthorityMenu", "Attest a Card…"), _attest),
        ("revoke", translate("AuthorityMenu", "Revoke a Key…"), _revoke),
        ("publish", translate("AuthorityMenu", "Publish Directory…"), _publish),
        ("export-anchor", translate("AuthorityMenu", "Export Anchor…"), _export_anchor),
    )
    actions: dict[str, QAction] = {}
    for name, text, slot in entries:
        action = QAction(text, window)
        action.setObjectName(f"authority-{name}")
        action.triggered.connect(lambda _=False, s=slot: s(window))
        menu.addAction(action)
        actions[f"authority-{name}"] = action
    window.menuBar().addMenu(menu)
    menu.menuAction().setVisible(False)
    actions["authority-menu"] = menu.menuAction()
    authority = window.session.authority
    window.workers.run(
        "is this a security office's vault",
        lambda ctx: authority.exists(),
        on_done=while_alive(menu, lambda held: menu.menuAction().setVisible(bool(held))),
    )
    return actions


def _run(window: MainWindow, name: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
    window.workers.run(
        name,
        lambda ctx: fn(),
        write=True,
        on_done=while_alive(window, done),
        on_failed=while_alive(window, lambda exc: show_error(window, exc)),
    )


def _attest(window: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(
        window,
        translate("AuthorityMenu", "Attest a card"),
        str(documents_folder()),
        translate("AuthorityMenu", "Contact cards (*.contact);;All files (*)"),
    )
    if not name:
        return
    path, authority = Path(name), window.session.authority

    def checked(card: CardToAttest) -> None:
        from cabledesk.ui.authority_dialogs import AttestDialog

        dialog = AttestDialog(window.session, window.workers, path, card, window)
        if dialog.exec() and dialog.attested is not None:
            _attested(window, dialog.attested)

    window.workers.run(
        "check a card to attest",
        lambda ctx: authority.card_to_attest(path),
        on_done=while_alive(window, checked),
        on_failed=while_alive(window, lambda exc: show_error(window, exc)),
    )


def _attested(window: MainWindow, done: Attested) -> None:
    text = (
        translate(
            "AuthorityMenu",
            "{0} ({1}) attested: {2} {3}, {4}. It is published with the next directory.",
        )
        if not done.replaced
        else translate(
            "AuthorityMenu",
            "{0} ({1}) attested again: {2} {3}, {4}; the earlier attestation is replaced. "
            "It is published with the next directory.",
        )
    )
    entry = done.entry
    window.statusBar().showMessage(
        text.format(done.name, done.fingerprint, entry.scheme, entry.clearance, entry.nationality),
        8000,
    )


def _revoke(window: MainWindow) -> None:
    from cabledesk.ui.authority_dialogs import RevokeDialog

    dialog = RevokeDialog(window.session, window.workers, window)
    if dialog.exec() and dialog.revoked is not None:
        done: Revoked = dialog.revoked
        window.statusBar().showMessage(
            translate(
                "AuthorityMenu", "{0} revoked ({1}). It is published with the next directory."
            ).format(done.fingerprint, done.reason),
            8000,
        )


def _publish(window: MainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window,
        translate("AuthorityMenu", "Publish the directory"),
        suggested_path("directory.cdir"),
        translate("AuthorityMenu", "Directories (*.cdir)"),
    )
    if not name:
        return
    path, authority = Path(name), window.session.authority

    def done(published: Published) -> None:
        inform(
            window,
            translate("AuthorityMenu", "Directory published"),
            translate(
                "AuthorityMenu",
                "Directory serial {0} written to {1}: {2} attested, {3} revoked. Next update "
                "by {4} UTC.",
            ).format(
                published.serial,
                path.name,
                published.entries,
                published.revocations,
                f"{published.next_update:%Y-%m-%d %H:%M}",
            ),
        )

    _run(window, "publish the directory", lambda: authority.publish(path, overwrite=True), done)


def _export_anchor(window: MainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window,
        translate("AuthorityMenu", "Export the anchor"),
        suggested_path("office.anchor"),
        translate("AuthorityMenu", "Anchors (*.anchor)"),
    )
    if not name:
        return
    path, authority = Path(name), window.session.authority

    def export() -> tuple[str, str]:
        authority.export_anchor(path, overwrite=True)
        status = authority.status()
        return status.fingerprint, status.safety_number

    def done(result: tuple[str, str]) -> None:
        fingerprint, safety_number = result
        inform(
            window,
            translate("AuthorityMenu", "Anchor exported"),
            translate(
                "AuthorityMenu",
                "The anchor was written to {0}.\n\nFingerprint: {1}\nSafety number: {2}\n\n"
                "Users compare this safety number with you before they trust the anchor.",
            ).format(path.name, fingerprint, safety_number),
        )

    _run(window, "export the anchor", export, done)
