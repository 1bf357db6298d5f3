from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import Cable, Paragraph
from cabledesk.domain.frus import read_frus_jsonl
from cabledesk.errors import Cancelled, ValidationError
from cabledesk.services import archive as archive_module
from cabledesk.services.archive import ArchiveService
from cabledesk.store.archive import Direction
from cabledesk.store.search import SearchFilters
from cabledesk.store.vault import Vault
from tests.conftest import DATA
from tests.services.conftest import SCHEMES

FRUS = DATA / "frus" / "frus-telegrams.jsonl"


def _sample(n: int) -> list[Cable]:
    with FRUS.open("rb") as f:
        return list(itertools.islice(read_frus_jsonl(f, scheme=SCHEMES["us"]), n))


@pytest.fixture(scope="module")
def sample() -> list[Cable]:
    return _sample(300)


@pytest.mark.slow
def test_import_then_search_real_telegrams(vault: Vault, sample: list[Cable]) -> None:
    service = ArchiveService(vault, SCHEMES)
    seen: list[int] = []
    assert service.import_cables(sample, progress=seen.append) == len(sample)
    assert seen[-1] == len(sample) and service.count(Direction.IMPORTED) == len(sample)
    word = next(w for w in sample[7].subject.split() if len(w) > 5 and w.isalpha())
    hits = service.search(word)
    assert hits and any(h.cable_id == sample[7].id for h in hits)
    hit = next(h for h in hits if h.cable_id == sample[7].id)
    assert service.cable(hit.archive_id) == sample[7]
    secret = service.search("", SearchFilters(levels=("SECRET", "CONFIDENTIAL")))
    assert all(h.banner.startswith(("SECRET", "CONFIDENTIAL")) for h in secret)
    assert vault.audit.entries()[0].event == "cable imported"
    assert vault.audit.entries()[0].details["count"] == len(sample)


def test_import_in_batches_and_cancel(
    vault: Vault, sample: list[Cable], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_module, "IMPORT_BATCH", 50)
    calls = itertools.count()
    service = ArchiveService(vault, SCHEMES)
    with pytest.raises(Cancelled, match="after 120"):
        service.import_cables(sample, cancel=lambda: next(calls) >= 120)
    assert service.count() == 120  # what was read before the cancel is kept


def test_a_cable_whose_marks_do_not_parse_is_named(vault: Vault, sample: list[Cable]) -> None:
    bad = replace(sample[0], paragraphs=(Paragraph("(Q)", "text"),))
    with pytest.raises(ValidationError, match=bad.id):
        ArchiveService(vault, SCHEMES).import_cables([sample[1], bad])
    assert ArchiveService(vault, SCHEMES).count() == 0  # the batch was not written


def test_frus_file_is_here() -> None:
    assert Path(FRUS).stat().st_size > 1_000_000
