"""The vault's own costs: unlock (key derivation excluded), an audited operation with
and without recording the audit head in vault.key, recomputing every stored banner at
the opening after a new version of the roll-up rules, and re-keying the database at a
change of passphrase.

Builds a vault holding BENCH_VAULT_CABLES generated cables (default 20,000, about a
twelfth of the Cablegate-sized archive of bench_archive: the re-key copies every
page, so its time grows with the database and the figure is given in MiB/s and
extrapolated to the 4.7 GB of 250,000 cables).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from cabledesk.domain import rollup
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.banner_upgrade import upgrade_banners
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.bench.bench_archive import generate, ingest, load_corpus
from tests.vaultkit import FAST

MIB = 1024 * 1024
CABLEGATE_BYTES = 4.7e9
AUDITED = 1000
RECOMPUTED = 2000  # archived banners recomputed per figure


def _audited(log: AuditLog) -> float:
    """Milliseconds per audited operation, over AUDITED appends."""
    start = time.perf_counter()
    for n in range(AUDITED):
        log.append(Event.CONTACT_VERIFIED, {"fingerprint": f"SHA256:{n}"})
    return (time.perf_counter() - start) * 1000 / AUDITED


def _recompute(vault: Vault, stored: str) -> float:
    """Microseconds per cable to bring RECOMPUTED archived banners to the current roll-up
    rules, all of them stored by older rules (``rollup_version = 0``). ``stored`` sets
    what else was stored: nothing (the same banner again), a banner that differs (kept
    in its history), or a banner and level that differ (the level facet rewritten too)."""
    old = {"same": "", "banner": "banner = 'OLD', ", "level": "banner = 'OLD', level = 'OLD', "}
    with vault.transaction():
        vault.db.execute(
            f"UPDATE archive SET {old[stored]}rollup_version = 0 WHERE id <= ?", (RECOMPUTED,)
        )
        vault.db.execute("DELETE FROM meta WHERE key = 'rollup_checked'")
    schemes = SchemeRegistry.load()
    start = time.perf_counter()
    upgrade_banners(vault.db, vault.audit, schemes.get_scheme, vault.now)
    elapsed = time.perf_counter() - start
    versions = vault.db.query("SELECT DISTINCT rollup_version FROM archive")
    assert versions == [(rollup.ROLLUP_VERSION,)]
    return elapsed * 1e6 / min(RECOMPUTED, vault.archive.count())


def main() -> None:
    count = int(os.environ.get("BENCH_VAULT_CABLES", "20000"))
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        home = VaultHome(Path(tmp) / "home")
        vault = Vault.create(home, "bench passphrase words", params=FAST)
        ingest(vault.db, generate(load_corpus(), count))
        key = bytearray(vault._key)
        vault.lock()
        unlocks = []
        for _ in range(20):
            start = time.perf_counter()
            vault = Vault.unlock_with_key(home, bytearray(key))
            unlocks.append((time.perf_counter() - start) * 1000)
            vault.lock()
        vault = Vault.unlock_with_key(home, bytearray(key))
        plain = _audited(AuditLog(vault.db, vault.now))  # the append alone
        recorded = _audited(vault.audit)  # and the head recorded in vault.key
        recomputed = {stored: _recompute(vault, stored) for stored in ("same", "banner", "level")}
        size = home.database.stat().st_size
        vault.lock()
        vault = Vault.unlock(home, "bench passphrase words")
        start = time.perf_counter()
        vault.change_passphrase("bench passphrase words", "another bench passphrase")
        rekey = time.perf_counter() - start
        vault.lock()
    rate = size / MIB / rekey
    print(f"bench_vault: {count} cables, database {size / MIB:.0f} MiB")
    print(f"  unlock, KDF excluded: median {statistics.median(unlocks):.1f} ms")
    print(
        f"  audited operation: {plain:.2f} ms without recording the head, {recorded:.2f} ms "
        f"with it (+{recorded - plain:.2f} ms; {AUDITED} operations)"
    )
    same, banner, level = recomputed["same"], recomputed["banner"], recomputed["level"]
    print(
        f"  banners recomputed after new roll-up rules ({RECOMPUTED} cables): "
        f"{same:.0f} µs a cable when it stays, {banner:.0f} µs when it changes (old one "
        f"kept), {level:.0f} µs when its level changes too (facet rewritten); "
        f"{count} such cables: {same * count / 1e6:.0f}–{level * count / 1e6:.0f} s"
    )
    print(
        f"  re-key at a change of passphrase: {rekey:.1f} s, {rate:.0f} MiB/s "
        f"(two key derivations included); 4.7 GB would take about "
        f"{CABLEGATE_BYTES / MIB / rate / 60:.1f} min"
    )


if __name__ == "__main__":
    main()
