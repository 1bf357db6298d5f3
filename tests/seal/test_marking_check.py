"""The banner on a package is checked against the cable's portion marks, with the roll-up
rules version the manifest names (version 1 for cabledesk.seal/1): marking-mismatch."""

from __future__ import annotations

import json
from dataclasses import replace

from cabledesk.domain.cable import Paragraph
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.seal import Severity, Verdict
from tests.seal.kit import SCHEMES, Package, make_cable, open_bytes, seal_bytes


def test_a_banner_lower_than_the_text_is_a_failure() -> None:
    # The sender (or a writer with a bug) signs SECRET//NOFORN text as CONFIDENTIAL.
    v = open_bytes(seal_bytes(banner="CONFIDENTIAL"))
    assert v.verdict is Verdict.MARKING_MISMATCH and v.severity is Severity.FAILURE
    assert "does not match its text" in v.message
    assert "sealed it as CONFIDENTIAL" in v.message and "add up to SECRET//NOFORN" in v.message
    assert v.cable is None and v.banner == "CONFIDENTIAL" and v.signer is not None
    assert v.computed_banner == "SECRET//NOFORN"
    reported = json.loads(v.to_json())
    assert reported["verdict"] == "marking-mismatch"
    assert (reported["banner"], reported["computed_banner"]) == ("CONFIDENTIAL", "SECRET//NOFORN")


def test_a_banner_higher_than_the_text_is_a_failure_too() -> None:
    v = open_bytes(seal_bytes(banner="TOP SECRET//NOFORN"))
    assert v.verdict is Verdict.MARKING_MISMATCH


def test_portion_marks_that_cannot_be_read() -> None:
    broken = replace(make_cable(), paragraphs=(Paragraph("(Q//ZZ)", "Unknown mark."),))
    v = open_bytes(seal_bytes(cable=broken, banner="SECRET"))
    assert v.verdict is Verdict.MARKING_MISMATCH
    assert "portion marks cannot be read" in v.message and v.computed_banner is None


def test_a_v1_package_is_checked_with_the_rules_of_its_time() -> None:
    old = Package.of(seal_bytes()).as_v1()
    assert open_bytes(old.seal()).verdict is Verdict.VALID
    doc = old.manifest
    doc["banner"] = "UNCLASSIFIED"
    old.set_manifest(doc)
    v = open_bytes(old.seal())
    assert v.verdict is Verdict.MARKING_MISMATCH and v.format == "cabledesk.seal/1"
    assert v.rollup == 1 and v.severity is Severity.FAILURE


def test_an_unknown_scheme_cannot_be_checked_and_says_so() -> None:
    without_us = SchemeRegistry({k: v for k, v in SCHEMES.items() if k != "us"})
    v = open_bytes(seal_bytes(), schemes=without_us)
    assert v.verdict is Verdict.VALID
    assert v.warnings == (
        "Its marking could not be checked against its text: this CableDesk does not know "
        "the classification scheme 'us'.",
    )


def test_without_schemes_the_shipped_ones_check() -> None:
    v = open_bytes(seal_bytes(banner="CONFIDENTIAL"), schemes=None)
    assert v.verdict is Verdict.MARKING_MISMATCH


def test_a_cable_sealed_under_the_version_1_rules_still_opens() -> None:
    # (C//REL TO USA, GBR) beside (S): version 1 let the release list vanish (SECRET);
    # version 2 says SECRET//NOFORN. A cable sealed by CableDesk 0.2 recorded version 1
    # and its banner; a reader checks it with those rules, and flags the same banner
    # claimed under version 2.
    mixed = replace(
        make_cable(),
        paragraphs=(Paragraph("(C//REL TO USA, GBR)", "Shared."), Paragraph("(S)", "Ours.")),
    )
    package = Package.of(seal_bytes(cable=mixed))
    doc = package.manifest
    assert (doc["banner"], doc["rollup"]) == ("SECRET//NOFORN", 2)
    doc.update(banner="SECRET", rollup=1)
    package.set_manifest(doc)
    old = open_bytes(package.seal())
    assert old.verdict is Verdict.VALID and old.rollup == 1 and old.banner == "SECRET"
    doc.update(rollup=2)
    package.set_manifest(doc)
    v = open_bytes(package.seal())
    assert v.verdict is Verdict.MARKING_MISMATCH and v.computed_banner == "SECRET//NOFORN"
