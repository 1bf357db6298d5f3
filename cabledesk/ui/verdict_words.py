"""A sealed cable's verdict in the user's language.

The core explains each verdict in an English sentence that names the signer
(``Verification.message``); a sentence with a name in it cannot be looked up
in a catalogue. Here the verdicts a user meets every day, and the failures
that have a clear cause, are worded again from the verification's fields, with
``tr()``; any other verdict keeps the core's sentence (translated when it is a
constant one). Works on the verification's dictionary form (``to_dict()``), which
is also what the archive keeps, so the open dialog and the reader show the same
words. :func:`statement_words` words a clearance statement the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from cabledesk.ui.phrases import translated

__all__ = [
    "VERDICT_COLOURS",
    "chain_words",
    "claimed_name",
    "keys_changed",
    "statement_words",
    "verdict_words",
]

# The verdict's colours by severity: (background, text). Fixed, not the palette's, so that
# they read the same in a light and a dark theme; each pair has a WCAG contrast of at
# least 4.5:1 (tests/ui/test_colours.py), and the verdict is always said in words too.
VERDICT_COLOURS = {
    "ok": ("#1e7b34", "#ffffff"),
    "warning": ("#f2c94c", "#000000"),
    "failure": ("#b00020", "#ffffff"),
}


# Written translate("Verdict", …) in full, so that lupdate finds the sentences.
translate = QCoreApplication.translate


def _who(record: Mapping[str, object]) -> tuple[str, str, str]:
    """The signer as "Name (POST)", their name alone, and their key's fingerprint — named
    as the user's own contact record names them (``known_as``), never by the name the
    file claims, which is only the signer's claim (:func:`claimed_name`)."""
    signer = record.get("signer")
    if not isinstance(signer, Mapping):
        return "", "", ""
    known = record.get("known_as")
    source = known if isinstance(known, Mapping) else signer
    name = str(source.get("name") or "")
    post = str(source.get("post") or "")
    who = f"{name} ({post})" if post else name
    if isinstance(known, Mapping) and known.get("previous_key"):  # a key rotated out
        who = translate("Verdict", "the previous key of {0}").format(who)
    return who, name, str(signer.get("fingerprint") or "")


def claimed_name(record: Mapping[str, object]) -> str:
    """The name and post the file claims for its signer ("" without a signer)."""
    signer = record.get("signer")
    if not isinstance(signer, Mapping):
        return ""
    name, post = str(signer.get("name") or ""), str(signer.get("post") or "")
    return f"{name} ({post})" if post else name


def keys_changed(record: Mapping[str, object]) -> bool:
    """Whether the signer's contact is flagged "keys changed since you verified them"."""
    known = record.get("known_as")
    return isinstance(known, Mapping) and bool(known.get("keys_changed"))


def _day(moment: object) -> str:
    """The day (YYYY-MM-DD) of a time as the record writes it."""
    return str(moment)[:10]


def _trust(record: Mapping[str, object]) -> Mapping[str, object]:
    trust = record.get("trust")
    return trust if isinstance(trust, Mapping) else {}


def verdict_words(record: Mapping[str, object]) -> tuple[str, str]:
    """The verdict's sentence and its advice ("" when there is none), translated."""
    verdict = str(record.get("verdict") or "")
    who, name, key = _who(record)
    if not name:
        return _fallback(record)
    if verdict == "valid":
        return translate(
            "Verdict", "Intact and signed by {0}, a verified contact, for you."
        ).format(who), ""
    if verdict == "document-not-checked":
        return (
            translate(
                "Verdict",
                "Intact and signed by {0}, a verified contact, for you. Its document "
                "(cable.docx) was not checked against the cable.",
            ).format(who),
            translate(
                "Verdict",
                "Use the cable's text; the document was made by another version of "
                "CableDesk, and may not say the same.",
            ),
        )
    if verdict == "document-mismatch":
        return (
            translate(
                "Verdict",
                "The document in this package (cable.docx) is not this cable: {0} included a "
                "document whose content differs from the cable's text.",
            ).format(name),
            translate(
                "Verdict",
                "Do not use the document; read the cable's text, and ask the sender to seal "
                "it again.",
            ),
        )
    if verdict == "signer-unverified" and keys_changed(record):
        return (
            translate(
                "Verdict", "Intact and signed by {0}, whose keys changed since you verified them."
            ).format(who),
            translate(
                "Verdict",
                "Do not trust it yet: whoever holds these keys may not be the {0} you verified. "
                "Compare the safety number with them through another channel.",
            ).format(name),
        )
    if verdict == "signer-unverified":
        return (
            translate(
                "Verdict", "Intact and signed by {0}, whose key you have not verified yet."
            ).format(who),
            translate(
                "Verdict",
                "Compare the safety number with {0} through another channel, then mark the "
                "contact verified.",
            ).format(name),
        )
    if verdict == "signer-unknown":
        return (
            translate(
                "Verdict",
                "Intact and signed by a key that is not among your contacts ({0}), which signs "
                "as '{1}'.",
            ).format(key, who),
            translate(
                "Verdict",
                "Import the sender's contact card from this cable and compare its safety number "
                "with them through another channel before trusting it.",
            ),
        )
    if verdict == "not-addressed-to-you":
        return _not_addressed(record, who, name)
    if verdict == "marking-mismatch":
        return _marking_mismatch(record, name)
    if verdict == "signer-expired" and record.get("signer_expires") and record.get("created"):
        return (
            translate(
                "Verdict",
                "This cable is signed with the key of {0}, which expired on {1}, before the "
                "cable says it was sealed ({2}).",
            ).format(who, _day(record["signer_expires"]), _day(record["created"])),
            translate(
                "Verdict",
                "Do not trust it, even though it is intact: an expired key may be in other "
                "hands. Ask {0} for a fresh copy sealed with their current key.",
            ).format(name),
        )
    superseded = _trust(record).get("superseded")
    if verdict == "signer-revoked" and superseded:  # a previous key, used after a rotation
        return (
            translate(
                "Verdict",
                "This cable is signed with {0}, which {1} replaced with a new key on {2}, "
                "before the cable says it was sealed ({3}).",
            ).format(who, name, _day(superseded), _day(record.get("created"))),
            translate(
                "Verdict",
                "Do not trust it, even though it is intact: {0} no longer signs with that "
                "key, and whoever holds it may not be {0}. Ask {0} for a copy sealed with "
                "their new key.",
            ).format(name),
        )
    if verdict == "signer-revoked":
        how = str(_trust(record).get("how") or "")
        message = (
            translate(
                "Verdict", "This cable is signed with the key of {0}, which was revoked ({1})."
            ).format(who, how)
            if how
            else translate(
                "Verdict", "This cable is signed with the key of {0}, which was revoked."
            ).format(who)
        )
        return (
            message,
            translate(
                "Verdict",
                "Do not trust it, even though it is intact: whoever holds that key may not be {0}.",
            ).format(name),
        )
    if verdict == "file-changed" and record.get("changed_file"):
        return (
            translate("Verdict", "{0} was altered after {1} signed this cable.").format(
                record["changed_file"], name
            ),
            translate("Verdict", "Do not trust any part of it; ask the sender for a fresh copy."),
        )
    return _fallback(record)


def _not_addressed(record: Mapping[str, object], who: str, name: str) -> tuple[str, str]:
    recipients = record.get("recipients")
    listed = recipients if isinstance(recipients, list) else []
    names = ", ".join(str(r.get("name")) for r in listed if isinstance(r, Mapping))
    if record.get("format") in (None, "cabledesk.seal/1"):  # a warning in /1
        return (
            translate(
                "Verdict",
                "This cable was re-encrypted to you by someone other than the signer: {0} "
                "sealed it for {1}, not for you.",
            ).format(who, names),
            translate(
                "Verdict", "It is intact, but ask {0} whether you were meant to receive it."
            ).format(name),
        )
    return (
        translate(
            "Verdict",
            "This cable was not sealed for you: {0} sealed it for {1}, and someone "
            "re-encrypted it to you.",
        ).format(who, names),
        translate(
            "Verdict",
            "Do not rely on it. Ask {0} to seal it for you if you are meant to receive it.",
        ).format(name),
    )


def _marking_mismatch(record: Mapping[str, object], name: str) -> tuple[str, str]:
    banner = str(record.get("banner") or "")
    computed = record.get("computed_banner")
    if not computed:
        return (
            translate(
                "Verdict",
                "The marking on this cable does not match its text: {0} sealed it as {1}, but "
                "its portion marks cannot be read.",
            ).format(name, banner),
            translate(
                "Verdict",
                "Do not rely on its marking or its content; ask the sender to check the marks "
                "and seal it again (or update CableDesk, if the sender's scheme is newer).",
            ),
        )
    return (
        translate(
            "Verdict",
            "The marking on this cable does not match its text: {0} sealed it as {1}, but its "
            "portion marks add up to {2}.",
        ).format(name, banner, computed),
        translate(
            "Verdict",
            "Handle it as the higher of the two markings, do not rely on its content, and ask "
            "the sender to seal it again.",
        ),
    )


def statement_words(report: Mapping[str, object]) -> str:
    """One clearance statement (an item of the dictionary form's ``statements``), in
    words: who says what (as the statement names its signer), and what it is worth."""
    role = str(report.get("role") or "")
    if not role:
        return translate("Verdict", "A statement that cannot be read ({0}): {1}").format(
            report.get("path"), translated(str(report.get("problem") or ""))
        )
    roles = {
        "drafted": translate("Verdict", "Drafted"),
        "cleared": translate("Verdict", "Cleared"),
        "approved": translate("Verdict", "Approved"),
        "returned": translate("Verdict", "Returned for changes"),
        "declined": translate("Verdict", "Declined"),
    }
    holds = (
        translate("Verdict", "the signature holds")
        if report.get("signature_valid")
        else translate("Verdict", "the signature does NOT hold")
    )
    covers = (
        translate("Verdict", "made on this text")
        if report.get("matches_cable")
        else translate("Verdict", "NOT made on this text")
    )
    line = translate(
        "Verdict", "{0} by {1} (as the statement names the signer), key {2}: {3}, {4}."
    ).format(roles.get(role, role), report.get("signer_name"), report.get("fingerprint"),
             holds, covers)  # fmt: skip
    office, comment = str(report.get("office") or ""), str(report.get("comment") or "")
    if office:
        line += "\n" + translate("Verdict", "Office: {0}").format(office)
    if comment:
        line += "\n" + translate("Verdict", "Comment: {0}").format(comment)
    return line


# --- issue 18: drafted, cleared, approved ---------------------------------------------


def chain_words(record: Mapping[str, object]) -> list[str]:
    """The cable's chain (``drafted_by``, ``cleared_by``, ``approved_by`` of the dictionary
    form), a line per signer: named by the user's own contact record (a stranger by the
    name the statement claims), with what the statement is worth."""
    states = {
        "verified": translate("Verdict", "verified"),
        "unverified": translate("Verdict", "key not verified"),
        "unknown-key": translate("Verdict", "by a key not among your contacts"),
        "keys-changed": translate("Verdict", "KEYS CHANGED since you verified them"),
        "revoked": translate("Verdict", "KEY REVOKED"),
        "forged": translate("Verdict", "SIGNATURE DOES NOT HOLD"),
        "other-text": translate("Verdict", "ABOUT ANOTHER TEXT: does not count for this one"),
        "no-release-authority": translate(
            "Verdict", "NO RELEASE AUTHORITY attested by a directory you trust"
        ),
    }
    labels = (
        ("drafted_by", translate("Verdict", "Drafted by {0}: {1}")),
        ("cleared_by", translate("Verdict", "Cleared by {0}: {1}")),
        ("approved_by", translate("Verdict", "Approved by {0}: {1}")),
    )
    lines: list[str] = []
    for key, template in labels:
        value = record.get(key)
        links = [value] if isinstance(value, Mapping) else value if isinstance(value, list) else []
        for link in links:
            if not isinstance(link, Mapping):
                continue
            claimed = translate("Verdict", "'{0}' (as the statement names the signer)")
            name = link.get("name") or claimed.format(link.get("signs_as"))
            state = str(link.get("state") or "")
            lines.append(template.format(name, states.get(state, state)))
    return lines


# --- end of issue 18 --------------------------------------------------------------------


def _fallback(record: Mapping[str, object]) -> tuple[str, str]:
    message = str(record.get("message") or record.get("verdict") or "")
    hint = str(record.get("hint") or "")
    return translated(message), translated(hint) if hint else ""
