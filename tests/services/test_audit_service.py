"""The audit log as the faces read it: pages of entries, and the check of the chain."""

from __future__ import annotations

from cabledesk.services.audit import AuditService, Event
from cabledesk.store.vault import Vault


def test_entries_page_newest_first_and_the_chain_is_checked(vault: Vault) -> None:
    audit = AuditService(vault)
    for i in range(5):
        vault.audit.append(Event.DRAFT_CREATED, {"draft": f"d{i}"})
    newest = audit.entries(limit=3)
    assert [e.details.get("draft") for e in newest] == ["d4", "d3", "d2"]
    older = audit.entries(limit=3, before=newest[-1].seq)
    assert [e.details.get("draft") for e in older][:2] == ["d1", "d0"]
    report = audit.check_chain()
    assert report.ok and report.entries == newest[0].seq
    vault.db.execute("DROP TRIGGER audit_no_update")
    vault.db.execute(
        'UPDATE audit SET details = \'{"draft":"dX"}\' WHERE seq = ?', (newest[1].seq,)
    )
    broken = audit.check_chain()
    assert not broken.ok and broken.first_broken == newest[1].seq
