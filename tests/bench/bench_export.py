"""Export: a 30-page cable to .docx in process, and the 3,918 FRUS telegrams in one batch.

Goal: the 30-page cable under 150 ms. The batch goes through the export service
(render, write atomically, fsync) into a temporary folder (``BENCH_DIR`` to
choose where), with the export ceiling raised to TOP SECRET so that every
telegram is written; it prints its progress, the total, the per-document
median, and the resident memory at the start, the middle and the end (it must
stay flat: nothing accumulates from one document to the next).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.docx import render_docx
from cabledesk.services.exporting import ExportRequest, ExportService
from tests.export.samples import frus_cables, long_cable

GOAL_MS = 150.0
RUNS = 15
PROGRESS_EVERY = 500


def _rss_mib() -> float:
    """The current resident set size (Linux); elsewhere the peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _long_cable() -> None:
    schemes = SchemeRegistry.load()
    cable = long_cable(30)
    render_docx(cable, schemes["us"])  # warm up: imports, the base package
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        data = render_docx(cable, schemes["us"])
        times.append((time.perf_counter() - start) * 1000)
    verdict = "OK" if min(times) < GOAL_MS else "ABOVE GOAL"
    print(
        f"bench_export: 30-page cable ({len(cable.paragraphs)} paragraphs, {len(data) // 1024} KiB)"
        f" to .docx: best {min(times):.0f} ms, median {statistics.median(times):.0f} ms "
        f"(goal < {GOAL_MS:.0f} ms: {verdict})"
    )


def _frus_batch() -> None:
    schemes = SchemeRegistry.load()
    service = ExportService(
        schemes, ceiling=ExportCeiling.from_settings({"us": "TOP SECRET"}, schemes)
    )
    cables = frus_cables(schemes["us"])
    times: list[float] = []
    rss = {"start": _rss_mib()}
    middle = 3918 // 2
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        start = time.perf_counter()
        for n, cable in enumerate(cables, start=1):
            began = time.perf_counter()
            service.export(cable, ExportRequest(Path(tmp) / f"{n:04d}.docx"))
            times.append(time.perf_counter() - began)
            if n == middle:
                rss["middle"] = _rss_mib()
            if n % PROGRESS_EVERY == 0:
                print(
                    f"  {n} documents, {time.perf_counter() - start:.1f} s, "
                    f"RSS {_rss_mib():.0f} MiB",
                    flush=True,
                )
        total = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    rss["end"] = _rss_mib()
    print(
        f"bench_export: {len(times)} FRUS telegrams to .docx in {total:.1f} s "
        f"({size / 1024 / 1024:.1f} MiB written); per document median "
        f"{statistics.median(times) * 1000:.1f} ms, slowest {max(times) * 1000:.0f} ms"
    )
    print("  RSS start {start:.0f} MiB, middle {middle:.0f} MiB, end {end:.0f} MiB".format(**rss))


def main() -> None:
    _long_cable()
    _frus_batch()


if __name__ == "__main__":
    main()
