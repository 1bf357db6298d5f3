"""Smoke test of a built bundle: ``make dist-check`` (after ``make dist``).

    python3 packaging/dist_check.py dist/cabledesk-VERSION-linux-x86_64.tar.gz
    python packaging/dist_check.py --folder dist/cabledesk      # Windows, macOS: see below

Runs with any Python 3.11+ and the standard library only, and exercises nothing
but the archive's own binaries: it checks the archive against its ``.sha256``
and its reproducibility properties, unpacks it with ``tar`` into an empty
temporary folder, checks what is inside (resources, compiled translations,
the platform plugins, no unused Qt module), and there, with a temporary HOME,
no PYTHONPATH and the temporary folder as working directory:

1. ``cabledesk-cli --version`` prints the archive's version;
2. a full CLI workflow between two new vaults (``--home``,
   ``--passphrase-file``): init, export and import of contact cards, marking
   them verified, ``draft new`` and ``draft lint``, ``seal``, ``verify``,
   ``open --extract``, ``export --docx --sign`` of an unclassified release
   (below the export ceiling), ``verify`` of the signed document, ``search``,
   ``audit verify``; then both executables as the helper that reads a large
   directory's cards (``--cabledesk-card-worker``);
3. ``install.sh`` into a temporary prefix, the installed command, the desktop
   entry and the MIME database, then ``install.sh --uninstall``;
4. the GUI with ``CABLEDESK_SMOKE_TEST=1`` and ``CABLEDESK_HOME`` set to one of
   those vaults, until it reports "unlock window shown": under Xvfb
   (``xvfb-run``, the real xcb platform) with a private D-Bus session bus
   (``dbus-run-session``; the screen-lock watch connects to it), when those
   are present; and on the offscreen platform;
5. the shared libraries the bundle needs from the system (none missing for
   the core and the xcb/offscreen platforms) and the newest glibc version any
   bundled binary asks for.

With ``--folder`` (for Windows and macOS, where no archive is made here), only
steps 2 and 4 run, on the offscreen platform (on Windows the windowed
``cabledesk.exe`` has no stderr, so its exit code alone tells).

Exit 0 when every step passed; the first failure stops with 1 and its output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import marshal
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

PASSPHRASE = "correct horse battery staple dist-check"  # noqa: S105 (throwaway vaults)
BODY = "(U) Summary of the talks.\n\n(S//NF) The minister said yes to the proposal.\n"


# A session bus like a desktop's, but that starts no service on demand: on this
# machine it would start the system's gnome-keyring, whose unlock prompt nobody
# can answer under Xvfb (on a desktop, the user answers it).
SESSION_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class CheckFailed(Exception):
    pass


def step(title: str) -> None:
    print(f"--- {title}", flush=True)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class Bundle:
    """The unpacked bundle, run in a clean environment inside ``root``."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder
        self.root = root
        self.work = root / "work"
        self.work.mkdir()
        home = root / "home"
        home.mkdir()
        keep = ("PATH", "LANG", "LC_ALL", "TERM", "TZ", "DISPLAY", "XAUTHORITY")
        self.env = {k: v for k, v in os.environ.items() if k in keep}
        self.env.setdefault("LANG", "C.UTF-8")
        self.env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_RUNTIME_DIR=str(root / "run"),
        )
        (root / "run").mkdir(mode=0o700)

    def run(
        self,
        program: str,
        *args: str,
        expect: int = 0,
        env: dict[str, str] | None = None,
        timeout: float = 180,
        wrapper: tuple[str, ...] = (),
    ) -> subprocess.CompletedProcess[str]:
        command = [*wrapper, str(self.folder / program), *args]
        shown = " ".join([program, *args]).replace(str(self.root), "$TMP")
        started = time.monotonic()
        # A process group of its own, so that a timeout also ends Xvfb and the bus.
        with subprocess.Popen(  # noqa: S603 (the bundle's own binaries)
            command,
            cwd=self.work,
            env={**self.env, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        ) as process:
            try:
                out, err = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                if hasattr(os, "killpg"):
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
                out, err = process.communicate()
                raise CheckFailed(
                    f"{shown}: no answer within {timeout:.0f} s\nstdout:\n{out}\nstderr:\n{err}"
                ) from None
        done = subprocess.CompletedProcess(command, process.returncode, out, err)
        print(f"{done.returncode:>3}  {time.monotonic() - started:5.1f} s  {shown}", flush=True)
        if done.returncode != expect:
            raise CheckFailed(
                f"{shown}: exit {done.returncode}, expected {expect}\n"
                f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
            )
        return done

    def cli(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        return self.run("cabledesk-cli", *args, expect=expect)


def check_archive(archive: Path) -> str:
    """The .sha256 file matches; entries sorted, one mtime, owner 0. Returns the version."""
    step(f"archive {archive.name}")
    match = re.fullmatch(r"cabledesk-(.+)-linux-[a-z0-9_]+\.tar\.gz", archive.name)
    check(match is not None, f"unexpected archive name {archive.name}")
    assert match is not None
    sums = archive.with_name(archive.name + ".sha256")
    check(sums.is_file(), f"{sums.name} is missing")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    check(
        sums.read_text().split() == [digest, archive.name],
        f"{sums.name} does not match (sha256 {digest})",
    )
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    check(names == sorted(names, key=lambda n: n.split("/")), "archive entries are not sorted")
    check(len({m.mtime for m in members}) == 1, "archive entries have different mtimes")
    check(all(m.uid == 0 and m.gid == 0 for m in members), "archive entries not owned by 0")
    check(all(n == "cabledesk" or n.startswith("cabledesk/") for n in names), "stray entries")
    size = sum(m.size for m in members)
    print(
        f"sha256 {digest}; {len(members)} entries, {size / 2**20:.0f} MiB unpacked, "
        f"{archive.stat().st_size / 2**20:.0f} MiB packed, mtime {members[0].mtime}"
    )
    return match.group(1)


def check_cli(b: Bundle, version: str) -> tuple[Path, Path]:
    step("command line")
    out = b.cli("--version").stdout.strip()
    check(out == f"cabledesk-cli {version}", f"--version printed {out!r}")
    pp = b.root / "passphrase"
    pp.write_text(PASSPHRASE)
    jane, klaus = b.root / "vault-jane", b.root / "vault-klaus"
    j = ("--home", str(jane), "--passphrase-file", str(pp))
    k = ("--home", str(klaus), "--passphrase-file", str(pp))
    for v, name, post in (
        (j, "Jane Doe", "AMEMBASSY PARIS"),
        (k, "Klaus Weber", "AMEMBASSY BERLIN"),
    ):
        b.cli(*v, "init", "--name", name, "--post", post, "--clearance", "SECRET",
              "--nationality", "USA")  # fmt: skip
    fingerprints = {}
    for v, who in ((j, "jane"), (k, "klaus")):
        b.cli(*v, "identity", "export-card", "-o", str(b.work / f"{who}.contact"))
        fingerprints[who] = json.loads(b.cli(*v, "identity", "show", "--json").stdout)
    b.cli(*j, "contact", "import", str(b.work / "klaus.contact"))
    b.cli(*k, "contact", "import", str(b.work / "jane.contact"))
    b.cli(*j, "contact", "verify", _fingerprint(fingerprints["klaus"]), "--how", "dist-check")
    b.cli(*k, "contact", "verify", _fingerprint(fingerprints["jane"]), "--how", "dist-check")
    listed = json.loads(b.cli(*j, "contact", "list", "--json").stdout)
    check("Klaus Weber" in json.dumps(listed), "contact list misses Klaus Weber")

    (b.work / "body.txt").write_text(BODY)
    cable = b.work / "cable.json"
    b.cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "AMEMBASSY BERLIN",
          "--subject", "(U) FRANCE: TALKS ON THE SUMMIT", "--tags", "PREL,FR",
          "--classified-by", "Jane Doe, Ambassador", "--reason", "1.4(b)",
          "--declassify-on", "2036-01-01", "--body", str(b.work / "body.txt"),
          "--signature", "DOE", "--serial", "7", "-o", str(cable))  # fmt: skip
    b.cli("draft", "lint", str(cable))
    sealed = b.work / "talks.cable"
    b.cli(*j, "seal", str(cable), "--to", "Klaus Weber", "-o", str(sealed))
    check(sealed.read_bytes().startswith(b"age-encryption.org/v1\n"), "not an age v1 file")
    verdict = json.loads(b.cli(*k, "verify", str(sealed), "--json").stdout)
    check(verdict.get("verdict") == "valid", f"verify verdict {verdict.get('verdict')!r}")
    opened = b.cli(*k, "open", str(sealed), "--extract", str(b.work / "opened"))
    check("The minister said yes" in opened.stdout, "open did not print the cable")
    check((b.work / "opened" / "cable.docx").is_file(), "open --extract wrote no cable.docx")

    docx = b.work / "talks-unclassified.docx"
    b.cli(*j, "export", str(cable), "--docx", str(docx), "--sign", "--level", "UNCLASSIFIED")
    check(docx.with_name(docx.name + ".sig").is_file(), "export --sign wrote no .sig")
    b.cli(*k, "verify", str(docx))
    hits = json.loads(b.cli(*k, "search", "minister", "--json").stdout)
    check(len(hits) == 1 and hits[0]["direction"] == "received", f"search found {hits!r}")
    hits = json.loads(b.cli(*j, "search", "summit", "--json").stdout)
    check(len(hits) == 1 and hits[0]["direction"] == "sent", f"search found {hits!r}")
    for v in (j, k):
        b.cli(*v, "audit", "verify")
    damaged = b.work / "damaged.cable"
    data = bytearray(sealed.read_bytes())
    data[-100] ^= 1
    damaged.write_bytes(bytes(data))
    b.cli(*k, "verify", str(damaged), expect=1)
    return jane, pp


def check_card_worker(b: Bundle, programs: tuple[str, ...]) -> None:
    """Each executable, run with ``--cabledesk-card-worker``, is a helper of a large
    directory's import: it reads the cards it is given (a card exported above and
    a text that is no card) and answers with their facts, in one frame."""
    step("card-reading helper (directory import)")
    card = (b.work / "jane.contact").read_text(encoding="utf-8")
    for program in programs:
        done = subprocess.run(  # noqa: S603 (the bundle's own binaries)
            [str(b.folder / program), "--cabledesk-card-worker"],
            input=marshal.dumps((0, 2, [card, "no card"])),
            capture_output=True,
            cwd=b.work,
            env=b.env,
            timeout=60,
            check=False,
        )
        out = done.stdout
        check(done.returncode == 0, f"{program} helper: exit {done.returncode}\n{done.stderr!r}")
        size = int.from_bytes(out[:4], "big")
        check(len(out) == 4 + size, f"{program} helper: not one frame ({len(out)} bytes)")
        first, facts = marshal.loads(out[4:])  # noqa: S302 (the bundle's own output)
        check(first == 0 and len(facts) == 2, f"{program} helper answered {first!r}")
        check("Jane Doe" in facts[0] and facts[1] is None, f"{program} helper: {facts!r}")
        print(f"{program}: the helper read the card of Jane Doe and refused the other")


def _fingerprint(identity: dict[str, object]) -> str:
    text = json.dumps(identity)
    found = re.search(r"SHA256:[A-Za-z0-9+/]+", text)
    check(found is not None, f"no fingerprint in identity show --json: {text}")
    assert found is not None
    return found.group(0)


def check_install(b: Bundle, version: str) -> None:
    step("install.sh")
    prefix, bin_dir, data = b.root / "opt" / "cabledesk", b.root / "bin", b.root / "share"
    options = ("--prefix", str(prefix), "--bin", str(bin_dir), "--data", str(data))
    b.run("install.sh", *options)
    app_id = "org.cabledesk.CableDesk"
    desktop = data / "applications" / f"{app_id}.desktop"
    for path in (
        prefix / "cabledesk",
        prefix / "_internal",
        desktop,
        data / "metainfo" / f"{app_id}.metainfo.xml",
        data / "mime" / "packages" / "cabledesk-mime.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg",
    ):
        check(path.exists(), f"install.sh did not install {path}")
    exec_line = next(x for x in desktop.read_text().splitlines() if x.startswith("Exec="))
    check(exec_line == f'Exec="{prefix}/cabledesk" %F', f"desktop entry has {exec_line!r}")
    done = subprocess.run(  # noqa: S603 (the installed bundle)
        [str(bin_dir / "cabledesk-cli"), "--version"], capture_output=True, text=True, env=b.env
    )
    check(done.stdout.strip() == f"cabledesk-cli {version}", "installed cabledesk-cli fails")
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text()
        magic = (data / "mime" / "magic").read_bytes()
        check("application/x-cabledesk-cable:*.cable" in globs, "*.cable not in the MIME globs")
        check("application/x-cabledesk-contact:*.contact" in globs, "*.contact not in globs")
        check(b"age-encryption.org/v1" in magic, "age magic not in the MIME database")
        print("MIME database: *.cable, *.contact and the age magic registered")
    else:
        print("update-mime-database not installed: MIME database not checked")
    b.run("install.sh", *options, "--uninstall")
    check(not prefix.exists() and not desktop.exists(), "--uninstall left files behind")


def check_gui(b: Bundle, vault: Path, *, xvfb: bool) -> None:
    """The GUI up to its unlock window: under Xvfb on the xcb platform with a private
    D-Bus session bus (as on a desktop, where the screen-lock watch connects to it),
    and on the offscreen platform with no bus."""
    step("desktop application")
    env = {"CABLEDESK_SMOKE_TEST": "1", "CABLEDESK_HOME": str(vault)}
    runs: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
    if not xvfb:
        pass
    elif shutil.which("xvfb-run"):
        xvfb_run = ("xvfb-run", "-a", "-s", "-screen 0 1280x800x24")
        if shutil.which("dbus-run-session"):
            config = b.root / "session-bus.conf"
            config.write_text(SESSION_BUS_CONFIG.format(tmp=b.root / "run"))
            bus = ("dbus-run-session", f"--config-file={config}", "--")
            runs.append(
                ("xcb (Xvfb, D-Bus session)", {"QT_QPA_PLATFORM": "xcb"}, (*xvfb_run, *bus))
            )
        else:
            print("dbus-run-session not installed: the GUI is not checked with a session bus")
            runs.append(("xcb (Xvfb)", {"QT_QPA_PLATFORM": "xcb"}, xvfb_run))
    else:
        print("xvfb-run not installed: the xcb platform is not checked")
    runs.append(("offscreen", {"QT_QPA_PLATFORM": "offscreen"}, ()))
    for label, platform, wrapper in runs:
        done = b.run("cabledesk", env={**env, **platform}, wrapper=wrapper, timeout=90)
        if sys.platform == "win32":  # a windowed .exe has no stderr: its exit code tells
            print(f"{label}: exit 0 (the smoke test's message is not visible on Windows)")
            continue
        check("unlock window shown" in done.stderr, f"{label}: stderr was {done.stderr!r}")
        print(f"{label}: unlock window shown")


def check_contents(folder: Path) -> None:
    step("contents")
    resources = folder / "_internal" / "resources"
    schemes = sorted(p.stem for p in (resources / "schemes").glob("*.toml"))
    check(len(schemes) >= 6, f"schemes in the bundle: {schemes}")
    check((resources / "icons" / "cabledesk.svg").is_file(), "the icon is missing")
    catalogues = sorted(p.name for p in (resources / "translations").glob("*.qm"))
    check("cabledesk_fr.qm" in catalogues, f"translations in the bundle: {catalogues}")
    check(not list(resources.rglob("*.ts")), "translation sources in the bundle")
    plugins = folder / "_internal" / "PySide6" / "Qt" / "plugins"
    platforms = sorted(p.name for p in (plugins / "platforms").iterdir())
    for name in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        check(name in platforms, f"platform plugin {name} missing: {platforms}")
    check((plugins / "iconengines" / "libqsvgicon.so").is_file(), "the SVG icon engine is missing")
    unwanted = [
        p.name
        for p in (folder / "_internal").rglob("*")
        if re.search(r"Qt6?(WebEngine|Qml|Quick|3D|Multimedia|Pdf|Network)", p.name)
    ]
    check(not unwanted, f"Qt modules CableDesk does not use are bundled: {unwanted}")
    print(f"schemes {', '.join(schemes)}; translations {', '.join(catalogues)}; "
          f"platforms {', '.join(platforms)}")  # fmt: skip


def check_libraries(folder: Path) -> None:
    step("system libraries")
    missing: dict[str, set[str]] = {}
    newest = (0, 0)
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        head = path.read_bytes()
        if not head.startswith(b"\x7fELF"):
            continue
        for found in re.findall(rb"GLIBC_2\.(\d+)(?:\.(\d+))?", head):
            newest = max(newest, (int(found[0]), int(found[1] or 0)))
        done = subprocess.run(  # noqa: S603
            ["ldd", str(path)],  # noqa: S607 (the system's ldd, wherever it is)
            capture_output=True,
            text=True,
            check=False,
        )
        for line in done.stdout.splitlines():
            if "not found" in line:
                missing.setdefault(line.split()[0], set()).add(str(path.relative_to(folder)))
    core = re.compile(
        r"^(cabledesk|cabledesk-cli|_internal/lib(python|Qt6(Core|Gui|Widgets|Svg|DBus|XcbQpa))"
        r"|_internal/PySide6/Qt/plugins/(platforms/libq(xcb|offscreen)|iconengines|imageformats)"
        r"|_internal/PySide6/Qt(Core|Gui|Widgets)|_internal/(cryptography|sqlcipher3|lxml)/)"
    )
    broken = {lib: users for lib, users in missing.items() if any(core.match(u) for u in users)}
    for lib, users in sorted(missing.items()):
        print(f"not on this system: {lib} (for {', '.join(sorted(users))})")
    check(not broken, f"core parts miss system libraries: {sorted(broken)}")
    print(f"newest glibc symbol version asked for: GLIBC_2.{newest[0]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dist_check.py", description=__doc__.split("\n")[0])
    parser.add_argument("archive", nargs="?", type=Path, help="the .tar.gz that make dist wrote")
    parser.add_argument(
        "--folder",
        type=Path,
        help="check an already built bundle folder instead (Windows: dist\\cabledesk, macOS: "
        "dist/CableDesk.app/Contents/MacOS): the CLI workflow and the offscreen GUI only",
    )
    args = parser.parse_args(argv[1:])
    if (args.archive is None) == (args.folder is None):
        parser.error("give either the archive or --folder")
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="cabledesk-dist-check-") as tmp:
            root = Path(tmp)
            if args.folder is not None:
                folder = args.folder.resolve()
                b = Bundle(folder, root)
                out = b.cli("--version").stdout.strip()
                check(out.startswith("cabledesk-cli "), f"--version printed {out!r}")
                vault, _ = check_cli(b, out.split()[-1])
                check_card_worker(b, ("cabledesk-cli",))
                check_gui(b, vault, xvfb=False)
            else:
                archive = args.archive.resolve()
                if not archive.is_file():
                    print(
                        f"dist_check: {archive} is missing; run `make dist` first", file=sys.stderr
                    )
                    return 2
                version = check_archive(archive)
                unpacked = root / "unpacked"
                unpacked.mkdir()
                subprocess.run(  # noqa: S603
                    ["tar", "-xzf", str(archive), "-C", str(unpacked)],  # noqa: S607 (as users do)
                    check=True,
                )
                folder = unpacked / "cabledesk"
                check_contents(folder)
                b = Bundle(folder, root)
                vault, _ = check_cli(b, version)
                check_card_worker(b, ("cabledesk-cli", "cabledesk"))
                check_install(b, version)
                check_gui(b, vault, xvfb=True)
                check_libraries(folder)
    except CheckFailed as failure:
        print(f"dist-check FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"dist-check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
