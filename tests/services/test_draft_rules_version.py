"""Rules that became errors apply to new drafts and show as warnings on drafts made before
them: the editor's findings, sealing and export all check a draft by its own rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.validation import RULES_VERSION, Severity, validate
from cabledesk.errors import ValidationError
from cabledesk.services.drafts import DraftsService
from cabledesk.services.exporting import ExportRequest
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.settings import EXPORT_CEILING
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES

# No subject TAG: an error for a draft made under the rules of version 2 (5 FAH-3 H-011),
# a warning for one made before them.
UNTAGGED = replace(CABLE, tags=())


def tag_findings(vault: Vault, cable_id: str) -> list[Severity]:
    """The severities of the tags findings, by the rules the editor and the services apply."""
    cable = replace(UNTAGGED, id=cable_id)
    rules = DraftsService(vault, SCHEMES).rules_for(cable_id)
    found = validate(cable, SCHEMES["us"], today=vault.now().date(), rules=rules)
    return [f.severity for f in found if f.field == "tags"]


def test_an_old_draft_is_warned_a_new_one_refused(vault: Vault) -> None:
    old = replace(UNTAGGED, id="00000000-0000-4000-8000-0000000000a1")
    vault.drafts.save(old, "SECRET//NOFORN", vault.now(), rules_version=1)
    drafts = DraftsService(vault, SCHEMES)
    new = drafts.new(scheme=UNTAGGED.scheme)
    assert drafts.rules_for(old.id) == 1 and drafts.rules_for(new.id) == RULES_VERSION == 2
    assert drafts.rules_for("not-a-draft") == RULES_VERSION  # a file: the current rules
    assert tag_findings(vault, old.id) == [Severity.WARNING]
    assert tag_findings(vault, new.id) == [Severity.ERROR]
    assert tag_findings(vault, "not-a-draft") == [Severity.ERROR]


def test_sealing_and_export_check_a_draft_by_its_own_rules(vault: Vault, tmp_path: Path) -> None:
    old = replace(UNTAGGED, id="00000000-0000-4000-8000-0000000000a2")
    vault.drafts.save(old, "SECRET//NOFORN", vault.now(), rules_version=1)
    seal = SealService(vault, SCHEMES)
    assert not any(f.severity is Severity.ERROR for f in seal.check(old, []).findings)
    fresh = replace(UNTAGGED, id="00000000-0000-4000-8000-0000000000a3")
    assert any(f.field == "tags" and f.severity is Severity.ERROR
               for f in seal.check(fresh, []).findings)  # fmt: skip
    vault.settings.set(EXPORT_CEILING, "off")
    service = VaultDocuments(vault, SCHEMES).service()
    with pytest.raises(ValidationError, match="tags"):
        service.export(fresh, ExportRequest(tmp_path / "fresh.docx"))
    assert not (tmp_path / "fresh.docx").exists()
    service.export(old, ExportRequest(tmp_path / "old.docx"))  # warned only: exported
    assert (tmp_path / "old.docx").exists()
