"""The archive at Cablegate size: SQLCipher against plain SQLite FTS5, same data, same run.

Generates BENCH_ARCHIVE_CABLES cables (default 250,000) by recombining the
paragraphs and subjects of the real FRUS telegrams in tests/data (varied
dates, posts, TAGS, markings, precedences and directions), ingests them into a
CableDesk vault (SQLCipher) and into a plain SQLite file with the same schema
(the same SQLite build, no key), then runs 200 mixed queries against both:
single words of rare, medium and common frequency, phrases, prefixes, and
queries with filters. Prints ingest time, database size, query latency
(median and p99) and the unlock time (key derivation excluded).

Before each database's queries its files are read once through the operating
system, so that both start with the same page cache (SQLite's own cache is
cold in both): on a machine whose page cache holds only one of the two
databases (4.7 GB each), whichever was read last would otherwise be favoured
and the comparison would measure the disk, not the encryption. The first 20
queries are run once before the measured ones. The queries run in
BENCH_ARCHIVE_ROUNDS rounds (default 3), each on a fresh connection; the table
gives the median over the rounds of each figure, and per kind of query the
median and the maximum of all rounds.

Goals (issue 4): median < 10 ms and p99 < 50 ms at 250,000 cables; SQLCipher
within 1.5x of plain SQLite on every figure; unlock < 100 ms.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cabledesk.domain.cable import Addressee, Cable, Paragraph, cable_banner
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.store.archive import ArchiveStore, Direction
from cabledesk.store.database import Database
from cabledesk.store.home import VaultHome
from cabledesk.store.search import SearchFilters, search
from cabledesk.store.vault import Vault
from tests.conftest import DATA
from tests.vaultkit import FAST

FRUS = DATA / "frus" / "frus-telegrams.jsonl"
BATCH = 2000
QUERIES = 200
ROUNDS = int(os.environ.get("BENCH_ARCHIVE_ROUNDS", "3"))
POSTS = [
    "AMEMBASSY PARIS", "AMEMBASSY LONDON", "AMEMBASSY BERLIN", "AMEMBASSY ROME",
    "AMEMBASSY MADRID", "AMEMBASSY MOSCOW", "AMEMBASSY BEIJING", "AMEMBASSY TOKYO",
    "AMEMBASSY CAIRO", "AMEMBASSY NEW DELHI", "AMEMBASSY BRASILIA", "AMEMBASSY OTTAWA",
    "AMEMBASSY WARSAW", "AMEMBASSY ANKARA", "AMEMBASSY NAIROBI", "AMEMBASSY CANBERRA",
    "USMISSION GENEVA", "USMISSION USNATO", "USMISSION USUN NEW YORK", "SECSTATE WASHDC",
]  # fmt: skip
TAGS = ["PREL", "PGOV", "ECON", "ETRD", "MARR", "PHUM", "KNNP", "ENRG", "SENV", "CASC",
        "FR", "UK", "GM", "IT", "SP", "RS", "CH", "JA", "EG", "IN"]  # fmt: skip
MARKS = ["(U)", "(U)", "(SBU)", "(C)", "(C)", "(S)", "(S//NF)", "(C//REL TO USA, GBR)"]
PRECEDENCES = ["ROUTINE", "ROUTINE", "ROUTINE", "PRIORITY", "IMMEDIATE", "FLASH"]
_WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class Corpus:
    subjects: list[str]
    paragraphs: list[str]


def load_corpus() -> Corpus:
    subjects, paragraphs = [], []
    with FRUS.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            subjects.append(" ".join(str(record.get("title") or "").split())[:120].upper())
            body = str(record.get("body") or "")
            paragraphs += [" ".join(p.split()) for p in body.split("\n\n") if len(p) > 40]
    return Corpus([s for s in subjects if s], paragraphs)


def generate(corpus: Corpus, count: int, seed: int = 2026) -> Iterator[Cable]:
    rng = random.Random(seed)
    start = datetime(2016, 1, 1, tzinfo=UTC)
    for n in range(count):
        paras = tuple(
            Paragraph(rng.choice(MARKS), rng.choice(corpus.paragraphs))
            for _ in range(rng.randint(2, 7))
        )
        yield Cable(
            id=f"00000000-0000-4000-8000-{n:012d}",
            scheme="us",
            precedence=rng.choice(PRECEDENCES),
            originator=rng.choice(POSTS),
            action=(Addressee(rng.choice(POSTS)),),
            info=tuple(Addressee(p) for p in rng.sample(POSTS, rng.randint(0, 3))),
            subject=rng.choice(corpus.subjects),
            subject_marking="(U)",
            paragraphs=paras,
            dtg=start + timedelta(minutes=rng.randrange(10 * 365 * 24 * 60)),
            tags=tuple(rng.sample(TAGS, rng.randint(1, 4))),
            references=tuple(
                f"{rng.randint(16, 26)} STATE {rng.randint(1, 99999)}"
                for _ in range(rng.randint(0, 2))
            ),
        )


def ingest(db: Any, cables: Iterator[Cable]) -> float:
    us = SchemeRegistry.load()["us"]
    store = ArchiveStore(db)
    stored = datetime.now(UTC)
    start = time.perf_counter()
    batch: list[Cable] = []
    for cable in cables:
        batch.append(cable)
        if len(batch) == BATCH:
            _write(db, store, batch, us, stored)
            batch = []
    _write(db, store, batch, us, stored)
    store.maintain_index(optimize=True)  # what ArchiveService does after a large import
    return time.perf_counter() - start


def _write(db: Any, store: ArchiveStore, batch: list[Cable], us: Any, stored: datetime) -> None:
    with db.transaction():
        for i, cable in enumerate(batch):
            direction = (Direction.RECEIVED, Direction.SENT, Direction.IMPORTED)[i % 3]
            store.add(cable, direction, cable_banner(cable, us), stored)


def make_queries(corpus: Corpus, seed: int = 7) -> list[tuple[str, str, SearchFilters | None]]:
    rng = random.Random(seed)
    counts = Counter(w.lower() for p in corpus.paragraphs for w in _WORD.findall(p))
    ranked = [w for w, _ in counts.most_common()]
    common, medium, rare = ranked[:200], ranked[200:3000], ranked[3000:]
    queries: list[tuple[str, str, SearchFilters | None]] = []
    for i in range(QUERIES):
        kind = i % 8
        if kind in (0, 1):
            queries.append(("word (rare)", rng.choice(rare), None))
        elif kind == 2:
            queries.append(("word (medium)", rng.choice(medium), None))
        elif kind == 3:
            queries.append(("word (common)", rng.choice(common), None))
        elif kind == 4:
            words = _WORD.findall(rng.choice(corpus.paragraphs))
            k = rng.randrange(max(1, len(words) - 2))
            queries.append(("phrase", '"' + " ".join(words[k : k + 2]) + '"', None))
        elif kind == 5:
            queries.append(("prefix", rng.choice(medium)[:4] + "*", None))
        elif kind == 6:
            first = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
            filters = SearchFilters(date_from=first, date_to=first + timedelta(days=365),
                                    direction=Direction.RECEIVED)  # fmt: skip
            queries.append(("word + filters", rng.choice(medium), filters))
        else:
            filters = SearchFilters(levels=("SECRET",), tags=(rng.choice(TAGS),))
            queries.append(("word + filters", rng.choice(common + medium), filters))
    return queries


def run_queries(db: Any, queries: list[tuple[str, str, SearchFilters | None]]) -> list[float]:
    times = []
    for _, text, filters in queries:
        start = time.perf_counter()
        search(db, text, filters, limit=20)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(
    connect: Callable[[], Any], path: Path, queries: list[tuple[str, str, SearchFilters | None]]
) -> list[list[float]]:
    """Query times of ROUNDS rounds, each from the same start for either database
    (module docstring) on a fresh connection, so with SQLite's cache cold."""
    rounds = []
    for _ in range(ROUNDS):
        for part in sorted(path.parent.glob(path.name + "*")):
            with part.open("rb") as f:
                while f.read(16 * 2**20):
                    pass
        db = connect()
        run_queries(db, queries[:20])
        rounds.append(run_queries(db, queries))
        db.close()
    return rounds


def typical(rounds: list[list[float]], figure: Callable[[list[float]], float]) -> float:
    """The median over the rounds of ``figure`` (p99 of 200 is the second-slowest
    query: one round alone swings with the machine)."""
    return statistics.median(figure(r) for r in rounds)


def p99(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.99) - 1)]


def size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


def main() -> None:
    count = int(os.environ.get("BENCH_ARCHIVE_CABLES", "250000"))
    corpus = load_corpus()
    queries = make_queries(corpus)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        home = VaultHome(Path(tmp) / "home")
        vault = Vault.create(home, "bench passphrase words", params=FAST)
        key = bytearray(vault._key)  # for the unlock timing below, KDF excluded
        enc_ingest = ingest(vault.db, generate(corpus, count))
        vault.lock()
        plain_path = Path(tmp) / "plain.db"
        plain = Database.unencrypted(plain_path)
        plain_ingest = ingest(plain, generate(corpus, count))
        plain.close()
        unlocks = []
        for _ in range(5):
            start = time.perf_counter()
            vault = Vault.unlock_with_key(home, bytearray(key))
            unlocks.append((time.perf_counter() - start) * 1000)
            vault.lock()
        enc = measure(lambda: Vault.unlock_with_key(home, bytearray(key)).db,
                      home.database, queries)  # fmt: skip
        ref = measure(lambda: Database.unencrypted(plain_path), plain_path, queries)
        enc_size, ref_size = size_mib(home.database), size_mib(plain_path)
    print(f"bench_archive: {count} cables, {QUERIES} queries (limit 20), "
          f"median of {ROUNDS} cold rounds")  # fmt: skip
    print(f"{'figure':<24}{'SQLCipher':>12}{'plain SQLite':>14}{'ratio':>8}")
    rows = [
        ("ingest (s)", enc_ingest, plain_ingest),
        ("database size (MiB)", enc_size, ref_size),
        ("query median (ms)", typical(enc, statistics.median), typical(ref, statistics.median)),
        ("query p99 (ms)", typical(enc, p99), typical(ref, p99)),
    ]
    for name, a, b in rows:
        print(f"{name:<24}{a:>12.1f}{b:>14.1f}{a / b:>8.2f}")
    print(f"{'unlock, KDF excluded':<24}{statistics.median(unlocks):>10.1f} ms")
    kinds = sorted({k for k, _, _ in queries})
    for kind in kinds:
        idx = [i for i, q in enumerate(queries) if q[0] == kind]
        e = [times[i] for times in enc for i in idx]
        r = [times[i] for times in ref for i in idx]
        print(f"  {kind:<22}median {statistics.median(e):6.1f} / {statistics.median(r):6.1f} ms"
              f"   max {max(e):6.1f} / {max(r):6.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
