"""Target: anchors (``anchor.Anchor.parse``).

The input is an ``.anchor`` file. It is parsed as it is; then its line 1 is
signed by the test anchor's key (namespace ``cabledesk-anchor-v1``) and parsed
again, so the checks after a good self-signature (name, scope, successor) see
hostile content too. An anchor that parses must serialise back to the same bytes.
"""

from __future__ import annotations

from cabledesk.crypto.anchor import Anchor, AnchorScope
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, sign
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, NOW, OTHER_KEY
from tests.fuzz._harness import attempt


def _check(data: bytes) -> None:
    anchor = Anchor.parse(data)
    assert anchor.to_bytes() == data and Anchor.parse(anchor.to_bytes()) == anchor
    anchor.covers("FRA", "us")


def run(data: bytes) -> None:
    attempt(lambda: _check(data))
    body = data.partition(b"\n")[0]
    _check(body + b"\n" + sign(ANCHOR_KEY, ANCHOR_NAMESPACE, body).encode())


def seeds() -> dict[str, bytes]:
    reissued = Anchor.issue(
        ANCHOR_KEY, name="MFA SECURITY OFFICE", created=NOW,
        scope=AnchorScope((), ("nato", "us")), successor=OTHER_KEY.public_key(),
    )  # fmt: skip
    return {"anchor": ANCHOR.to_bytes(), "reissued": reissued.to_bytes()}
