from __future__ import annotations

import subprocess
import sys

from tests.cli.conftest import Runner


def test_combine_portions(cli: Runner) -> None:
    r = cli("marking", "combine", "(C//REL TO USA, GBR)", "(S//REL TO USA, GBR, AUS)", "(U)")
    assert (r.code, r.out, r.err) == (0, "SECRET//REL TO USA, GBR\n", "")


def test_combine_banner_forms_and_portion_output(cli: Runner) -> None:
    r = cli("marking", "combine", "SECRET//NOFORN", "CONFIDENTIAL//ORCON", "--portion")
    assert (r.code, r.out) == (0, "SECRET//ORCON/NOFORN\n(S//OC/NF)\n")


def test_combine_other_scheme(cli: Runner) -> None:
    r = cli("marking", "combine", "--scheme", "uk", "(OS)", "(S//UKEO)")
    assert (r.code, r.out) == (0, "SECRET//UK EYES ONLY\n")


def test_bad_marking_exits_2_with_message_on_stderr(cli: Runner) -> None:
    r = cli("marking", "combine", "(S)", "(S//NOFORM)")
    assert r.code == 2 and r.out == ""
    assert "cabledesk-cli: 'NOFORM' is not a control" in r.err
    assert "hint: Known controls:" in r.err
    assert "Traceback" not in r.err


def test_unknown_scheme_exits_2(cli: Runner) -> None:
    r = cli("marking", "combine", "--scheme", "zz", "(S)")
    assert r.code == 2 and "no classification scheme called 'zz'" in r.err


def test_usage_error_exits_2(cli: Runner) -> None:
    assert cli("marking", "combine").code == 2
    assert cli("no-such-command").code == 2


def test_version_and_help(cli: Runner) -> None:
    from cabledesk import __version__

    r = cli("--version")
    assert (r.code, r.out) == (0, f"cabledesk-cli {__version__}\n")
    for args in (["--help"], ["marking", "--help"], ["marking", "combine", "--help"],
                 ["draft", "--help"], ["draft", "new", "--help"], ["draft", "lint", "--help"],
                 ["draft", "import-frus", "--help"], ["keygen", "--help"], ["encrypt", "--help"],
                 ["decrypt", "--help"], ["sign", "--help"], ["verify-signature", "--help"]):  # fmt: skip
        r = cli(*args)
        assert r.code == 0 and "usage:" in r.out


def test_installed_entry_point_runs() -> None:
    exe = f"{sys.prefix}/bin/cabledesk-cli"
    done = subprocess.run(
        [exe, "marking", "combine", "(S//NF)", "(C)"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, "SECRET//NOFORN\n")


def test_combine_reads_state_s_older_form(cli: Runner) -> None:
    r = cli("marking", "combine", "(S/NF)", "(C)")
    assert (r.code, r.out) == (0, "SECRET//NOFORN\n")


def test_combine_reads_native_forms_of_other_schemes(cli: Runner) -> None:
    r = cli("marking", "combine", "--scheme", "nato", "NSAT", "(NC)", "--portion")
    assert (r.code, r.out) == (0, "NATO SECRET//ATOMAL\n(NS//ATOMAL)\n")
    r = cli("marking", "combine", "--scheme", "fr", "CONFIDENTIEL DEFENSE", "(DR)")
    assert (r.code, r.out) == (0, "SECRET\n")
