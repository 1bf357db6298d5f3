"""Round trips with the real ``age`` binary, in both directions."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cabledesk.crypto.age import X25519Identity, X25519Recipient, decrypt_file, encrypt_file
from tests.interop._tools import require_tool, run_with_terminal

pytestmark = pytest.mark.interop
SIZES = [0, 1, 65535, 65536, 65537, 131072, 131073, 3 * 1024 * 1024 + 7]


@pytest.fixture(scope="module")
def age() -> str:
    return require_tool("age")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[X25519Identity], Path]:
    identities = [X25519Identity.generate() for _ in range(3)]
    folder = tmp_path_factory.mktemp("keys")
    key_file = folder / "identities.txt"
    key_file.write_text("# test keys\n" + "".join(f"{i}\n" for i in identities))
    return identities, key_file


def _plain(tmp_path: Path, size: int) -> Path:
    path = tmp_path / f"plain-{size}"
    path.write_bytes(os.urandom(size))
    return path


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
@pytest.mark.parametrize("count", [1, 3])
def test_age_opens_ours(
    age: str,
    keys: tuple[list[X25519Identity], Path],
    tmp_path: Path,
    size: int,
    armor: bool,
    count: int,
) -> None:
    identities, _ = keys
    plain = _plain(tmp_path, size)
    sealed = tmp_path / "sealed.age"
    encrypt_file(plain, sealed, [i.recipient() for i in identities[:count]], armor=armor)
    key = tmp_path / "key.txt"
    key.write_text(f"{identities[count - 1]}\n")
    done = subprocess.run([age, "-d", "-i", str(key), str(sealed)], capture_output=True, check=True)
    assert done.stdout == plain.read_bytes()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
@pytest.mark.parametrize("count", [1, 3])
def test_we_open_ages(
    age: str,
    keys: tuple[list[X25519Identity], Path],
    tmp_path: Path,
    size: int,
    armor: bool,
    count: int,
) -> None:
    identities, _ = keys
    plain = _plain(tmp_path, size)
    sealed = tmp_path / "sealed.age"
    args = [age, "-e", *(["-a"] if armor else []), "-o", str(sealed)]
    for identity in identities[:count]:
        args += ["-r", str(identity.recipient())]
    subprocess.run([*args, str(plain)], check=True)
    out = tmp_path / "out"
    decrypt_file(sealed, out, [identities[count - 1]])
    assert out.read_bytes() == plain.read_bytes()


def test_recipients_and_identity_files_of_age_keygen(age: str, tmp_path: Path) -> None:
    keygen = require_tool("age-keygen")
    key = tmp_path / "key.txt"
    subprocess.run([keygen, "-o", str(key)], check=True, capture_output=True)
    from cabledesk.crypto.age import parse_identity_file

    (identity,) = parse_identity_file(key.read_text())
    public = subprocess.run([keygen, "-y", str(key)], capture_output=True, text=True, check=True)
    assert str(identity.recipient()) == public.stdout.strip()
    assert X25519Recipient.parse(public.stdout) == identity.recipient()
    assert str(X25519Identity.parse(str(identity))) == str(identity)


def test_age_opens_our_passphrase_file(age: str, tmp_path: Path) -> None:
    from cabledesk.crypto.age import ScryptRecipient

    plain = _plain(tmp_path, 70_000)
    sealed = tmp_path / "sealed.age"
    encrypt_file(plain, sealed, [ScryptRecipient("correct horse battery", work_factor=12)])
    out = tmp_path / "out"
    code = run_with_terminal([age, "-d", "-o", str(out), str(sealed)], [b"correct horse battery"])
    assert code == 0 and out.read_bytes() == plain.read_bytes()


@pytest.mark.slow
def test_we_open_ages_passphrase_file(age: str, tmp_path: Path) -> None:
    from cabledesk.crypto.age import ScryptIdentity

    plain = _plain(tmp_path, 70_000)
    sealed = tmp_path / "sealed.age"
    pw = b"correct horse battery"
    code = run_with_terminal([age, "-p", "-a", "-o", str(sealed), str(plain)], [pw, pw])
    assert code == 0
    out = tmp_path / "out"
    decrypt_file(sealed, out, [ScryptIdentity(pw.decode())])
    assert out.read_bytes() == plain.read_bytes()


def test_age_uses_our_passphrase_protected_identity_file(age: str, tmp_path: Path) -> None:
    """What 'cabledesk-cli identity export-secret' writes, 'age -d -i' reads."""
    import io

    from cabledesk.crypto.age import ScryptRecipient, encrypt

    identity = X25519Identity.generate()
    key_file = tmp_path / "key.age"
    with key_file.open("wb") as f:
        data = f"# exported\n{identity}\n".encode()
        encrypt(io.BytesIO(data), f, [ScryptRecipient("key words", work_factor=12)], armor=True)
    plain = _plain(tmp_path, 1000)
    sealed = tmp_path / "sealed.age"
    encrypt_file(plain, sealed, [identity.recipient()])
    out = tmp_path / "out"
    code = run_with_terminal(
        [age, "-d", "-i", str(key_file), "-o", str(out), str(sealed)], [b"key words"]
    )
    assert code == 0 and out.read_bytes() == plain.read_bytes()
