"""``make bench``: run every benchmark and print its figures."""

from __future__ import annotations

from tests.bench import (
    bench_age,
    bench_archive,
    bench_directory,
    bench_export,
    bench_pq,
    bench_seal,
    bench_sshsig,
    bench_startup,
    bench_vault,
)

for bench in (
    bench_startup,
    bench_sshsig,
    bench_age,
    bench_seal,
    bench_pq,
    bench_export,
    bench_archive,
    bench_vault,
    bench_directory,
):
    bench.main()
    print()
