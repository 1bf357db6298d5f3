"""Real telegrams: a sample of the FRUS records (every classified one, and every 250th)
exports, and reads back with its banner, marks and page numbering. The full run of all
3,918 is in tests/bench/bench_export.py."""

from __future__ import annotations

import pytest

from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.export.docx import render_docx
from cabledesk.export.settings import ExportSettings, Paper
from tests.export.docx_reading import custom_properties, read
from tests.export.samples import frus_cables

US = SchemeRegistry.load()["us"]
SAMPLE = list(frus_cables(US, every=250))


def test_the_sample_covers_every_level() -> None:
    assert {cable_banner(c, US).banner for c in SAMPLE} == {
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
    }
    assert len(SAMPLE) > 70


@pytest.mark.slow
@pytest.mark.parametrize("paper", list(Paper))
def test_frus_telegrams_export_and_read_back(paper: Paper, us: ClassificationScheme) -> None:
    for cable in SAMPLE:
        _check(cable, render_docx(cable, us, ExportSettings(paper=paper)), us)


def _check(cable: Cable, data: bytes, us: ClassificationScheme) -> None:
    banner = cable_banner(cable, us)
    reading = read(data)
    assert reading.first_header == [banner.banner], cable.id
    assert reading.header[0] == banner.banner
    name = f"{cable.serial}" if cable.serial else f"CABLE {cable.id}"
    assert reading.header[1].endswith(f" {name} \u2014 Page 1 of 1")
    assert reading.footer[-1] == banner.banner
    assert reading.fields == ["PAGE", "NUMPAGES"]
    mark = f"({banner.level.portion})"
    assert reading.numbered == [(i, mark) for i in range(1, len(cable.paragraphs) + 1)]
    assert custom_properties(data)["CableId"] == cable.id
    assert cable.provenance is not None
    assert f"SOURCE:\tFRUS {cable.provenance.record_id}" in reading.body
