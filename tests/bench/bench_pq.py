"""Post-quantum hybrid (mlkem768x25519) recipients: per-recipient cost and size, and
sealed cables for 1 and 20 hybrid recipients.

Prints, in process, the best and median of BENCH_PQ_RUNS runs (default 200 for the
per-recipient figures, a tenth of that for cables):

- wrap (HPKE SealBase: ML-KEM-768 encapsulation, X25519, the key schedule) and unwrap
  (decapsulation, the weak-share check, OpenBase) of one file key, next to X25519's;
- the header bytes each recipient adds (a stanza: 1,120-byte encapsulated key in
  base64, the 32-byte body), next to X25519's;
- sealing and opening the typical cable of bench_seal (a 3-page FRUS telegram) for 1
  and for 20 hybrid recipients (the sender added), opened by the last one listed (the
  worst case: every stanza before its own is tried). Goal: under 30 ms for 20.

The payload is the same STREAM as for X25519 recipients: large files cost the same
(bench_age, bench_seal).
"""

from __future__ import annotations

import io
import json
import os
import statistics
import time
from collections.abc import Callable
from functools import partial

from cabledesk.crypto.age import HybridIdentity, Identity, Recipient, X25519Identity, encrypt
from cabledesk.crypto.age._format import read_header
from cabledesk.crypto.keys import Identity as Person
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import SealRecipient, Verdict, open_sealed, seal
from tests.bench.bench_seal import typical_cable

GOAL_CABLE_MS = 30.0
FILE_KEY = os.urandom(16)


def _times(call: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _line(name: str, times: list[float], goal: float | None = None) -> str:
    median = statistics.median(times)
    verdict = "" if goal is None else ("  ok" if median < goal else "  OVER GOAL")
    return f"  {name:<34} best {min(times):7.3f} ms, median {median:7.3f} ms{verdict}"


def bench_recipient(runs: int) -> None:
    print(f"bench_pq: one recipient, {runs} runs, in process")
    pairs: list[tuple[str, Identity, Recipient]] = []
    for identity in (HybridIdentity.generate(), X25519Identity.generate()):
        label = "mlkem768x25519" if isinstance(identity, HybridIdentity) else "X25519"
        pairs.append((label, identity, identity.recipient()))
    for label, key, recipient in pairs:
        stanzas = recipient.wrap(FILE_KEY)
        print(_line(f"{label} wrap", _times(partial(recipient.wrap, FILE_KEY), runs)))
        print(_line(f"{label} unwrap", _times(partial(key.unwrap, stanzas), runs)))
        print(f"  {label} header bytes per recipient: {len(stanzas[0].encode()):,}")
    out = io.BytesIO()
    encrypt(io.BytesIO(b""), out, [HybridIdentity.generate().recipient() for _ in range(20)])
    header = read_header(io.BytesIO(out.getvalue()))
    print(f"  header of a file for 20 hybrid recipients: {len(header.signed_bytes):,} bytes")


def _hybrid_person(i: int) -> Person:
    return Person.generate(f"Person {i}", f"POST {i}", pq_key=HybridIdentity.generate())


def bench_cable(count: int, runs: int) -> None:
    data = typical_cable()
    cable_id = json.loads(data)["id"]
    sender = _hybrid_person(0)
    others = [_hybrid_person(i) for i in range(1, count + 1)]
    recipients = [SealRecipient(p.name, p.public(), p.pq_recipient) for p in others]
    reader = others[-1]
    trust = {sender.fingerprint: Trust(TrustState.VERIFIED)}.get
    schemes = SchemeRegistry.load()
    seal_ms: list[float] = []
    open_ms: list[float] = []
    size = 0
    for _ in range(runs):
        out = io.BytesIO()
        start = time.perf_counter()
        seal(data, cable_id=cable_id, banner="UNCLASSIFIED", sender=sender,
             recipients=recipients, output=out, post_quantum=True)  # fmt: skip
        seal_ms.append((time.perf_counter() - start) * 1000)
        size = len(out.getvalue())
        start = time.perf_counter()
        v = open_sealed(io.BytesIO(out.getvalue()), reader.age_identities(), trust_of=trust,
                        me={reader.fingerprint}, schemes=schemes)  # fmt: skip
        open_ms.append((time.perf_counter() - start) * 1000)
        assert v.verdict is Verdict.VALID and v.post_quantum, v.message
    print(f"bench_pq: typical cable ({len(data):,} bytes of JSON) for {count} hybrid "
          f"recipient(s) and the sender, {runs} runs; sealed file {size:,} bytes; "
          f"goal < {GOAL_CABLE_MS:.0f} ms")  # fmt: skip
    print(_line("seal", seal_ms, GOAL_CABLE_MS))
    print(_line("open (by the last recipient)", open_ms, GOAL_CABLE_MS))


def main() -> None:
    runs = int(os.environ.get("BENCH_PQ_RUNS", "200"))
    bench_recipient(runs)
    for count in (1, 20):
        bench_cable(count, max(5, runs // 10))


if __name__ == "__main__":
    main()
