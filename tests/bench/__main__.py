"""``make bench``: run every benchmark and print its figures."""

from __future__ import annotations

from tests.bench import bench_age, bench_sshsig

for bench in (bench_sshsig, bench_age):
    bench.main()
    print()
