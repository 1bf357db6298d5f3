"""Sentences that reach ``tr()`` as variables, listed for ``pyside6-lupdate``.

Not imported by CableDesk. lupdate only sees string literals inside ``tr()`` /
``translate()``; the texts below are shown translated but come from elsewhere:

- the exact, constant messages and hints of the core's errors, which
  ``cabledesk/ui/errors.py`` looks up in the context ``errors`` (a message
  with a variable part stays in English);
- the templates of the core's :class:`~cabledesk.phrase.Phrase` sentences (context
  ``core``), among them the passphrase-strength words of
  ``cabledesk/services/passwords.py``, which the desktop and the command line share.

``make update-translations`` reads this file with ``cabledesk/ui``;
``tests/ui/test_translations.py`` checks that every entry still exists in the
sources, so a reworded message is noticed.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_ERRORS = (
    QT_TRANSLATE_NOOP("errors", "Choose another name, or remove the existing file first."),
    QT_TRANSLATE_NOOP(
        "errors", "Check that you chose the right key, or ask the sender to encrypt it to you."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "This file is not a valid age-encrypted file: a passphrase stanza must be alone."
    ),
    QT_TRANSLATE_NOOP("errors", "It may be damaged or crafted."),
    QT_TRANSLATE_NOOP("errors", "This file is not a valid age-encrypted file: bad file key size."),
    QT_TRANSLATE_NOOP("errors", "This file's header was altered after it was encrypted."),
    QT_TRANSLATE_NOOP("errors", "Do not trust it; ask the sender for a fresh copy."),
    QT_TRANSLATE_NOOP(
        "errors", "This file is not a valid age-encrypted file: it ends right after its header."
    ),
    QT_TRANSLATE_NOOP("errors", "It was probably cut short in transit."),
    QT_TRANSLATE_NOOP("errors", "It may be damaged, truncated, or not an encrypted file at all."),
    QT_TRANSLATE_NOOP(
        "errors", "This file was encrypted with a version of age that CableDesk does not know."
    ),
    QT_TRANSLATE_NOOP("errors", "Ask the sender to use age v1, or open it with a newer tool."),
    QT_TRANSLATE_NOOP(
        "errors", "Ask the sender for a fresh copy; do not trust any part of this file."
    ),
    QT_TRANSLATE_NOOP("errors", "The operation was cancelled."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This sealed cable carries no signature: its manifest or its signature "
        "(manifest.sig) was removed, so nothing says who sent it or that it is intact.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "It may have been changed in transit (e.g. by a mail program); ask for the file "
        "as an attachment.",
    ),
    QT_TRANSLATE_NOOP("errors", "Ask the sender to encrypt it again with the standard settings."),
    QT_TRANSLATE_NOOP("errors", "This contact card is far too large to be one."),
    QT_TRANSLATE_NOOP("errors", "Ask the person for their current card."),
    QT_TRANSLATE_NOOP("errors", "Do not import it; ask the person for their card again."),
    QT_TRANSLATE_NOOP("errors", "This is not an OpenSSH Ed25519 public key."),
    QT_TRANSLATE_NOOP(
        "errors", "It should be one line starting with ssh-ed25519 (from a .pub file)."
    ),
    QT_TRANSLATE_NOOP("errors", "This OpenSSH private key is not an Ed25519 key."),
    QT_TRANSLATE_NOOP("errors", "This OpenSSH Ed25519 public key is damaged."),
    QT_TRANSLATE_NOOP("errors", "Copy the whole .pub line again."),
    QT_TRANSLATE_NOOP("errors", "This is not an unencrypted OpenSSH private key."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This OpenSSH private key is of a kind CableDesk cannot read (it reads "
        "unencrypted Ed25519 keys).",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "A signature made for one purpose must not be accepted for another."
    ),
    QT_TRANSLATE_NOOP("errors", "Check who really signed it before trusting it."),
    QT_TRANSLATE_NOOP("errors", "Check that the file is complete and the medium is readable."),
    QT_TRANSLATE_NOOP(
        "errors", "The data was changed after it was signed (or the signature is forged)."
    ),
    QT_TRANSLATE_NOOP("errors", "Do not trust this content; ask the sender for a fresh copy."),
    QT_TRANSLATE_NOOP(
        "errors", "Fix the file; the format is described in resources/schemes/README.md."
    ),
    QT_TRANSLATE_NOOP("errors", "Attachments travel beside the cable, not inside its JSON."),
    QT_TRANSLATE_NOOP(
        "errors", "Open a cable saved by CableDesk, or create one with 'cabledesk-cli draft new'."
    ),
    QT_TRANSLATE_NOOP("errors", "Open it with a newer version of CableDesk."),
    QT_TRANSLATE_NOOP("errors", "A FRUS record has no 'id'."),
    QT_TRANSLATE_NOOP("errors", "The file must hold one JSON object per line."),
    QT_TRANSLATE_NOOP("errors", "Write it in Zulu time, e.g. 151230Z MAR 24 or 2024-03-15T12:30Z."),
    QT_TRANSLATE_NOOP("errors", "An addressee is empty."),
    QT_TRANSLATE_NOOP("errors", "Write a post, e.g. AMEMBASSY PARIS."),
    QT_TRANSLATE_NOOP("errors", "No classification reason given."),
    QT_TRANSLATE_NOOP("errors", "For example: 1.4(b),(d)."),
    QT_TRANSLATE_NOOP(
        "errors", "Write reasons as E.O. 13526 section 1.4 letters, e.g. 1.4(b),(d)."
    ),
    QT_TRANSLATE_NOOP("errors", "Write it as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP("errors", "The marking is empty."),
    QT_TRANSLATE_NOOP("errors", "Write portion marks like (S//NF)."),
    QT_TRANSLATE_NOOP("errors", "Remove the extra '//'."),
    QT_TRANSLATE_NOOP("errors", "Remove the extra '/'."),
    QT_TRANSLATE_NOOP("errors", "Separate country codes with a comma and a space."),
    QT_TRANSLATE_NOOP("errors", "Write each control once."),
    QT_TRANSLATE_NOOP("errors", "Mark every portion of a cable in the cable's own scheme."),
    QT_TRANSLATE_NOOP("errors", "Choose a higher level, or write a releasable paragraph first."),
    QT_TRANSLATE_NOOP(
        "errors", "Fix the line named above; the format is in resources/schemes/README.md."
    ),
    QT_TRANSLATE_NOOP("errors", "Give each scheme file its own id."),
    QT_TRANSLATE_NOOP("errors", "Fix the file; its format is described at its top."),
    QT_TRANSLATE_NOOP("errors", "Update CableDesk to check it."),
    QT_TRANSLATE_NOOP("errors", "LibreOffice did not write a PDF file."),
    QT_TRANSLATE_NOOP(
        "errors", "The PDF written by LibreOffice carries metadata CableDesk cannot clean."
    ),
    QT_TRANSLATE_NOOP("errors", "The PDF written by LibreOffice has no identifier."),
    QT_TRANSLATE_NOOP("errors", "The PDF's identifier is unexpectedly long."),
    QT_TRANSLATE_NOOP(
        "errors", "PDF export needs LibreOffice, which is not installed on this computer."
    ),
    QT_TRANSLATE_NOOP("errors", "Try again; if it persists, export a .docx instead."),
    QT_TRANSLATE_NOOP("errors", "LibreOffice wrote an unexpectedly large PDF."),
    QT_TRANSLATE_NOOP("errors", "LibreOffice did not produce a PDF."),
    QT_TRANSLATE_NOOP("errors", "Check that LibreOffice Writer is installed completely."),
    QT_TRANSLATE_NOOP("errors", "Ask the sender for it again."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Ask the sender for the .sig file or the .zip bundle; an unsigned document "
        "cannot be checked.",
    ),
    QT_TRANSLATE_NOOP("errors", "Copy or download it again, completely."),
    QT_TRANSLATE_NOOP("errors", "This package's manifest has no format field."),
    QT_TRANSLATE_NOOP("errors", "In this manifest, the field recipients is empty."),
    QT_TRANSLATE_NOOP("errors", "Ask the sender for a fresh copy."),
    QT_TRANSLATE_NOOP("errors", "It was not made by CableDesk or as docs/FORMAT.md describes."),
    QT_TRANSLATE_NOOP(
        "errors", "Create a new identity and send your new contact card to your correspondents."
    ),
    QT_TRANSLATE_NOOP("errors", "Put the files in an archive of their own and attach that."),
    QT_TRANSLATE_NOOP("errors", "Attach files only."),
    QT_TRANSLATE_NOOP("errors", "Rename one of them before sealing."),
    QT_TRANSLATE_NOOP("errors", "Send the largest files separately."),
    QT_TRANSLATE_NOOP("errors", "Close any program that is writing it, then seal again."),
    QT_TRANSLATE_NOOP(
        "errors", "Extract into an empty folder, or move the existing file away first."
    ),
    QT_TRANSLATE_NOOP("errors", "Choose an existing folder."),
    QT_TRANSLATE_NOOP(
        "errors", "This file opens with your key, but it does not hold a sealed cable."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "It may be another kind of age-encrypted file: open it with 'cabledesk-cli "
        "decrypt' or the age tool.",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "Ask the sender to seal it again with CableDesk, or as docs/FORMAT.md describes."
    ),
    QT_TRANSLATE_NOOP("errors", "Correct its portion marks first ('cabledesk-cli draft lint')."),
    QT_TRANSLATE_NOOP(
        "errors", "Choose another folder with --home, or move the existing vault away."
    ),
    QT_TRANSLATE_NOOP("errors", "A newer CableDesk may read it."),
    QT_TRANSLATE_NOOP("errors", "This is your own contact card."),
    QT_TRANSLATE_NOOP("errors", "Send it to others instead."),
    QT_TRANSLATE_NOOP("errors", "A contact needs a name."),
    QT_TRANSLATE_NOOP("errors", "See 'cabledesk-cli contact list'."),
    QT_TRANSLATE_NOOP("errors", "Give more of the fingerprint."),
    QT_TRANSLATE_NOOP("errors", "Import their new contact card."),
    QT_TRANSLATE_NOOP(
        "errors", "A reason or declassification instruction was given without 'classified by'."
    ),
    QT_TRANSLATE_NOOP("errors", "Name the classifier too (--classified-by)."),
    QT_TRANSLATE_NOOP(
        "errors", "Give the reason for lowering it; it is recorded in the audit log."
    ),
    QT_TRANSLATE_NOOP("errors", "Name the document .docx or .pdf."),
    QT_TRANSLATE_NOOP("errors", "Fix them first ('cabledesk-cli draft lint' lists them all)."),
    QT_TRANSLATE_NOOP("errors", "Choose another name, or allow overwriting (--force)."),
    QT_TRANSLATE_NOOP("errors", "For example USA, FRA, DEU, GBR."),
    QT_TRANSLATE_NOOP("errors", "Your identity needs a name."),
    QT_TRANSLATE_NOOP("errors", "This cable carries no contact card of its sender."),
    QT_TRANSLATE_NOOP("errors", "Fix the errors listed in the findings first."),
    QT_TRANSLATE_NOOP("errors", "Choose at least one recipient to seal the cable for."),
    QT_TRANSLATE_NOOP("errors", "Give at least four characters of the cable's id."),
    QT_TRANSLATE_NOOP(
        "errors", "Give the path of a CABLE.json file, or see 'cabledesk-cli search'."
    ),
    QT_TRANSLATE_NOOP("errors", "Remove it and search again."),
    QT_TRANSLATE_NOOP("errors", "This search is too long."),
    QT_TRANSLATE_NOOP("errors", "Use fewer words."),
    QT_TRANSLATE_NOOP("errors", "Type it again, or set the terminal to UTF-8."),
    QT_TRANSLATE_NOOP("errors", "Fields: subject, body, tags, to, ref."),
    QT_TRANSLATE_NOOP("errors", "Install the newer CableDesk to open it."),
    QT_TRANSLATE_NOOP("errors", "A group needs a name."),
    QT_TRANSLATE_NOOP(
        "errors", "The keychain may remember an older vault: unlock with your passphrase."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault is busy in another CableDesk window or command."),
    QT_TRANSLATE_NOOP("errors", "Wait for it to finish, or close it, and try again."),
    QT_TRANSLATE_NOOP("errors", "Free some disk space."),
    QT_TRANSLATE_NOOP("errors", "A stored cable is damaged and cannot be read."),
    QT_TRANSLATE_NOOP("errors", "This vault has no identity yet."),
    QT_TRANSLATE_NOOP("errors", "Create one with 'cabledesk-cli init' or the first-run assistant."),
    QT_TRANSLATE_NOOP("errors", "This identity is already in the vault."),
    QT_TRANSLATE_NOOP("errors", "Unlock the keychain (it may be locked), or use your passphrase."),
    QT_TRANSLATE_NOOP("errors", "The passphrase is wrong."),
    QT_TRANSLATE_NOOP("errors", "Check the keyboard layout and Caps Lock."),
    QT_TRANSLATE_NOOP("errors", "This search could not be understood."),
    QT_TRANSLATE_NOOP("errors", "Unlock it, or choose another folder with --home."),
    QT_TRANSLATE_NOOP("errors", "Restore the vault from a backup."),
    QT_TRANSLATE_NOOP("errors", "The vault key file does not belong to this vault database."),
    QT_TRANSLATE_NOOP("errors", "Put back the vault.key that was made with this vault.db."),
    QT_TRANSLATE_NOOP("errors", "The vault is locked."),
    QT_TRANSLATE_NOOP("errors", "Unlock it with your passphrase."),
    QT_TRANSLATE_NOOP("errors", "This file is protected by a passphrase."),
    QT_TRANSLATE_NOOP("errors", "The output would replace the file being read."),
    QT_TRANSLATE_NOOP("errors", "Choose another name."),
    QT_TRANSLATE_NOOP(
        "errors", "The signature file may be damaged or be something else; ask for it again."
    ),
    QT_TRANSLATE_NOOP("errors", "A CableDesk bundle is the .zip written by 'export --bundle'."),
    QT_TRANSLATE_NOOP("errors", "Ask the sender for the bundle again."),
    QT_TRANSLATE_NOOP("errors", "Export a .docx instead, and report this to your support desk."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Install LibreOffice (Debian and Ubuntu: apt install libreoffice-writer), or "
        "export a .docx instead.",
    ),
    QT_TRANSLATE_NOOP("errors", "Do not trust any part of it; ask the sender for a fresh copy."),
    QT_TRANSLATE_NOOP(
        "errors", "Restore vault.key from your backup; without it the vault cannot be opened."
    ),
    QT_TRANSLATE_NOOP(
        "errors", 'Use words, "quoted phrases", prefix*, AND, OR, NOT and parentheses.'
    ),
    # not an error: why the keychain cannot be used (KeychainStatus.reason)
    QT_TRANSLATE_NOOP(
        "errors",
        "This computer has no usable keychain (such as GNOME Keyring, KWallet, the macOS "
        "Keychain or the Windows Credential Locker), so CableDesk cannot remember the vault "
        "here; you will type your passphrase each time.",
    ),
)

# Phrase templates (cabledesk.phrase.Phrase) of the core: the release policy's reasons,
# the drafting findings, the marking parser's errors. Rendered in the context "core";
# tests/ui/test_translations.py checks this list against every Phrase.of in cabledesk/.
CORE_PHRASES = (
    # cabledesk/domain/_policy_reasons.py
    QT_TRANSLATE_NOOP("core", "{label} may not receive this cable"),
    QT_TRANSLATE_NOOP("core", "a clearance of at least {level}"),
    QT_TRANSLATE_NOOP("core", "nationals of {group} (CableDesk has no member list for {group})"),
    QT_TRANSLATE_NOOP(
        "core", "their nationality {value} is not an ISO 3166 three-letter country code"
    ),
    QT_TRANSLATE_NOOP("core", "it is releasable only to nationals of {first} and {last}"),
    QT_TRANSLATE_NOOP("core", "{label} may not receive this {what} cable"),
    QT_TRANSLATE_NOOP("core", "{refusal}: their keys were revoked."),
    QT_TRANSLATE_NOOP("core", "{refusal}: their keys expired on {moment} UTC."),
    QT_TRANSLATE_NOOP("core", "(none given)"),
    QT_TRANSLATE_NOOP(
        "core",
        "{label} is an unverified contact: seal to them only once you have confirmed "
        "that the fingerprint {fingerprint} is theirs.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{label} is not one of your contacts: seal to them only once you have confirmed "
        "that the fingerprint {fingerprint} is theirs.",
    ),
    QT_TRANSLATE_NOOP("core", "a clearance of at least {level} in the {scheme} scheme"),
    QT_TRANSLATE_NOOP("core", "{refusal}: it needs {wants}, and none is on record for them."),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: their clearance {clearance} belongs to a classification scheme "
        "CableDesk does not know ({scheme}).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: the {scheme} scheme of their clearance has no level high enough to protect it.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: it needs {wants}, and their clearance {clearance} is not a level of "
        "that scheme.",
    ),
    QT_TRANSLATE_NOOP("core", "{refusal}: it needs {wants}, and theirs is {held}."),
    QT_TRANSLATE_NOOP("core", "{country} nationals"),
    QT_TRANSLATE_NOOP("core", "nationals of the {group} countries"),
    QT_TRANSLATE_NOOP("core", "their nationality is not on record"),
    QT_TRANSLATE_NOOP("core", "{refusal}: it is for {nationals} only, and {problem}."),
    QT_TRANSLATE_NOOP("core", "{refusal}: it is for {nationals} only."),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: classified information without a release marking ({control}) is for "
        "{nationals} only.",
    ),
    QT_TRANSLATE_NOOP(
        "core", "{refusal}: it is releasable only to the nationalities it lists, and {problem}."
    ),
    QT_TRANSLATE_NOOP("core", "it names no one it may be released to"),
    QT_TRANSLATE_NOOP("core", "it is releasable only to nationals of {first}"),
    QT_TRANSLATE_NOOP("core", "{refusal}: {whom} (CableDesk has no member list for {unknown})."),
    QT_TRANSLATE_NOOP("core", "{refusal}: {whom}."),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: it goes only to holders of the posts it is addressed to, and no post "
        "is on record for them.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: it goes only to holders of the posts it is addressed to, and their "
        "post, {post}, is not among them.",
    ),
    QT_TRANSLATE_NOOP("core", "{refusal}: their keys were revoked ({why})."),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: classified information without a release marking ({control}) is for "
        "{nationals} only, and {problem}.",
    ),
    QT_TRANSLATE_NOOP("core", "the {group} countries"),
    QT_TRANSLATE_NOOP("core", "a security clearance"),
    # cabledesk/domain/marking.py
    QT_TRANSLATE_NOOP("core", "{control} cannot be used on {level} information."),
    QT_TRANSLATE_NOOP("core", "The marking is empty."),
    QT_TRANSLATE_NOOP("core", "{token} is not a classification level of the {scheme} scheme."),
    QT_TRANSLATE_NOOP("core", "{token} is not a control of the {scheme} scheme."),
    QT_TRANSLATE_NOOP("core", "{control} needs a list of countries."),
    QT_TRANSLATE_NOOP("core", "The portion mark {mark} has no closing parenthesis."),
    QT_TRANSLATE_NOOP("core", "Write a level such as {level}."),
    QT_TRANSLATE_NOOP("core", "Levels of this scheme: {levels}."),
    QT_TRANSLATE_NOOP("core", "The marking {marking} has an empty part between '//' separators."),
    QT_TRANSLATE_NOOP("core", "The marking {marking} has an empty control between '/' separators."),
    QT_TRANSLATE_NOOP("core", "Known controls: {controls}."),
    QT_TRANSLATE_NOOP("core", "For example: {control} {country}, GBR."),
    QT_TRANSLATE_NOOP("core", "The {control} list {text} has an empty entry."),
    QT_TRANSLATE_NOOP("core", "{code} in the {control} list is not a known country code."),
    QT_TRANSLATE_NOOP("core", "{code} appears twice in the {control} list."),
    QT_TRANSLATE_NOOP("core", "A release list needs its REL TO control, and REL TO needs a list."),
    QT_TRANSLATE_NOOP("core", "{control} needs a list of countries, and a list needs {control}."),
    QT_TRANSLATE_NOOP(
        "core", "The {control} list must include {country}, the originating country."
    ),
    QT_TRANSLATE_NOOP("core", "{control} {country} alone releases to no one else."),
    QT_TRANSLATE_NOOP("core", "Write portion marks like (S//NF)."),
    QT_TRANSLATE_NOOP("core", "Remove the extra '//'."),
    QT_TRANSLATE_NOOP("core", "{control} appears twice in the marking {marking}."),
    QT_TRANSLATE_NOOP("core", "Remove the extra '/'."),
    QT_TRANSLATE_NOOP("core", "Separate country codes with a comma and a space."),
    QT_TRANSLATE_NOOP("core", "Use ISO 3166 three-letter codes (GBR, FRA, DEU) or {tetragraphs}."),
    QT_TRANSLATE_NOOP("core", "{control} and {other} contradict each other in one marking."),
    QT_TRANSLATE_NOOP("core", "{control} needs at least {level}."),
    QT_TRANSLATE_NOOP("core", "{control} applies only up to {level}."),
    QT_TRANSLATE_NOOP("core", "Write {control} {country}, {others}."),
    QT_TRANSLATE_NOOP("core", "Write each control once."),
    QT_TRANSLATE_NOOP("core", "{control} already restricts more than {other}; keep only one."),
    QT_TRANSLATE_NOOP("core", "Mark it {control} instead."),
    QT_TRANSLATE_NOOP("core", "Name the countries it may be released to."),
    # cabledesk/domain/native_forms.py (the note is the scheme file's text)
    QT_TRANSLATE_NOOP("core", "{written} is read as {current}. {note}"),
    # cabledesk/domain/validation.py
    QT_TRANSLATE_NOOP(
        "core",
        "The date-time group {dtg} lies more than a day in the future; a DTG is the time "
        "of release, in Zulu.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name} is addressed {value}, above the cable's precedence {cable}; raise the "
        "cable's precedence to {value}, or lower the addressee's.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The text starts with its portion mark {typed} typed again; remove it from the text.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The text starts with the portion mark {typed}, but the portion is marked {mark}."
        " Make {typed} its mark (if that is its classification) and remove it from the "
        "text.",
    ),
    # cabledesk/domain/_authority_rules.py
    QT_TRANSLATE_NOOP(
        "core",
        "'Derived from: Multiple Sources' needs the list of the sources; name each one.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "A list of sources goes with 'Derived from: Multiple Sources'; write that in "
        "'Derived from', or name the one source there.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "A {level} cable can be downgraded only to a lower classified level of the "
        "{scheme} scheme ({allowed}); to declassify it, use 'Declassify on'.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "An exemption's date may lie at most {limit} years after the cable (E.O. 13526 "
        "section 3.3); choose {latest} or earlier.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Classification reasons of E.O. 13526 section 1.4 ({reasons}) belong to US "
        "classification; the {scheme} scheme has none. Remove them.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Only one source is listed: name it in 'Derived from' instead.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Source {number} is empty. Name it or remove it.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The downgrade date {date} must come after the cable's date.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The downgrade date {date} must come before the declassification date {declassify}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Write the downgrade instruction as a level and a date, e.g. '{example} on 2030-01-01'.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{code} exempts from automatic declassification at 25 years only through an "
        "agency declassification guide approved by ISCAP (E.O. 13526 section 3.3): cite "
        "the guide in 'Derived from', or give a date.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{code} is an exemption of E.O. 13526 (US classification); the {scheme} scheme "
        "has no exemptions. Give a date or an event.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{code} is no longer allowed in 'Declassify on' (ended by {since}); E.O. 13526 "
        "section 1.5 requires a date or event no more than {limit} years away, or an "
        "exemption.",
    ),
    # cabledesk/domain/_caption_rules.py
    QT_TRANSLATE_NOOP(
        "core",
        "The caption {caption} restricts nothing: no portion is marked {portion}. Mark "
        "the portions it covers, e.g. ({example}).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The captions {caption} and {other} contradict each other: {caption} already "
        "restricts more. Keep only {caption}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{caption} is not a caption of the {scheme} scheme; use one of: {allowed}.",
    ),
    # cabledesk/domain/validation.py (the rules of the first release)
    QT_TRANSLATE_NOOP("core", "{message} {hint}"),
    QT_TRANSLATE_NOOP("core", "The cable has no originator (FM). Name the sending post."),
    QT_TRANSLATE_NOOP("core", "The cable has no action addressee (TO). Add at least one."),
    QT_TRANSLATE_NOOP("core", "The cable has no subject. Write a one-line subject."),
    QT_TRANSLATE_NOOP("core", "{name} is both an action and an info addressee; keep one."),
    QT_TRANSLATE_NOOP(
        "core", "A cable can carry only one channel caption, not {count} ({captions}). Keep one."
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "A NIACT IMMEDIATE cable must justify the night action (say why the addressee "
        "must be woken) in paragraph 1; when paragraph 1 is the summary, in the summary "
        "or in the first paragraph after END SUMMARY.",
    ),
    QT_TRANSLATE_NOOP("core", "Two attachments have the same name. Rename one."),
    QT_TRANSLATE_NOOP(
        "core", "{value} is not a precedence of the {scheme} scheme. Use one of: {allowed}."
    ),
    QT_TRANSLATE_NOOP("core", "The cable has no text. Write at least one paragraph."),
    QT_TRANSLATE_NOOP(
        "core",
        "A cable of more than three pages needs a summary: begin paragraph 1 with "
        "'SUMMARY:' and end it with 'END SUMMARY.' On a NIACT IMMEDIATE cable, the night-"
        "action justification may then be in the summary or in the first paragraph after "
        "it.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The stated classification {declared} is lower than a portion of the cable; the "
        "portions add up to {banner}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "A {level} cable needs a classification authority block: 'Classified by' (name "
        "and title), the reason, and 'Declassify on'.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Give the reason for classification (e.g. 1.4(b), 1.4(d)) or the source it is "
        "derived from.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Say when the cable may be declassified: a date, an event or an exemption such as 25X1.",
    ),
    QT_TRANSLATE_NOOP("core", "{code} is not a known exemption code."),
    QT_TRANSLATE_NOOP("core", "The declassification date {date} has already passed."),
    QT_TRANSLATE_NOOP(
        "core",
        "The cable has no subject TAG (such as PREL or ECON); every cable needs at least one.",
    ),
    QT_TRANSLATE_NOOP("core", "This portion has no portion mark. Mark it, e.g. {example}."),
    QT_TRANSLATE_NOOP(
        "core", "{value} is no longer an authorized precedence; use IMMEDIATE or ROUTINE."
    ),
    QT_TRANSLATE_NOOP("core", "Paragraph {number} is empty. Write it or remove it."),
    QT_TRANSLATE_NOOP(
        "core",
        "The stated classification {declared} differs from what the portions add up to ({banner}).",
    ),
    QT_TRANSLATE_NOOP(
        "core", "An unclassified cable needs no classification authority block; remove it."
    ),
    QT_TRANSLATE_NOOP("core", "{reason} is not a classification reason; use {allowed}."),
    QT_TRANSLATE_NOOP("core", "The exemption {code} needs a date, e.g. '{code}, 2069-12-31'."),
    QT_TRANSLATE_NOOP("core", "{value} is not a valid date; write it as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP(
        "core",
        "The declassification date {date} is more than {limit} years after the cable; "
        "choose {latest} or earlier, or an exemption.",
    ),
    QT_TRANSLATE_NOOP(
        "core", "{tag} is not a known TAGS code; check it against the TAGS handbook."
    ),
    QT_TRANSLATE_NOOP("core", "{name} is listed twice as action addressee."),
    QT_TRANSLATE_NOOP("core", "{name} is listed twice as info addressee."),
    QT_TRANSLATE_NOOP(
        "core",
        "Paragraph {number} starts with a typed number; paragraphs are numbered "
        "automatically, so remove it.",
    ),
    # cabledesk/services/passwords.py: the one passphrase-strength rule
    QT_TRANSLATE_NOOP("core", "Very weak: it would be guessed almost at once."),
    QT_TRANSLATE_NOOP("core", "Weak: a common password or pattern, quickly guessed."),
    QT_TRANSLATE_NOOP("core", "Fair, but far too easy to guess for what it protects."),
    QT_TRANSLATE_NOOP("core", "Nearly strong enough: add another word."),
    QT_TRANSLATE_NOOP("core", "Strong."),
    QT_TRANSLATE_NOOP(
        "core",
        "Use four or more unrelated words; names, dates, places and well-known phrases are "
        "easy to guess.",
    ),
    QT_TRANSLATE_NOOP("core", "This passphrase is too easy to guess. {strength}"),
    # cabledesk/services/settings.py, _ceiling_setting.py: a setting's value refused
    QT_TRANSLATE_NOOP("core", "There is no setting called {key}."),
    QT_TRANSLATE_NOOP("core", "Settings: {keys}."),
    QT_TRANSLATE_NOOP("core", "{key} cannot be {value}."),
    QT_TRANSLATE_NOOP("core", "{key} takes {accepted}."),
    QT_TRANSLATE_NOOP("core", "a number of minutes from 0 to 1440, or off"),
    QT_TRANSLATE_NOOP("core", "on or off"),
    QT_TRANSLATE_NOOP("core", "the id of a classification scheme, such as us or uk"),
    QT_TRANSLATE_NOOP("core", "a4 or letter"),
    QT_TRANSLATE_NOOP("core", "a level of your scheme, off, or default"),
    QT_TRANSLATE_NOOP("core", "system, en or fr"),
    QT_TRANSLATE_NOOP("core", "a number of versions from 1 to 1000"),
    QT_TRANSLATE_NOOP("core", "a number of seconds from 5 to 600"),
    QT_TRANSLATE_NOOP(
        "core",
        "The export ceiling {value} is not a level, 'off', or of the form "
        "'us=SECRET, uk=OFFICIAL'.",
    ),
    QT_TRANSLATE_NOOP("core", "Give a level of your scheme, such as CONFIDENTIAL, or 'off'."),
    # cabledesk/domain/marking.py, _policy_reasons.py: foreign government information, release
    # lists, special access
    QT_TRANSLATE_NOOP("core", "A country appears twice after FGI in {marking}."),
    QT_TRANSLATE_NOOP("core", "Foreign levels: {levels}."),
    QT_TRANSLATE_NOOP("core", "Mark the portion in the {scheme} scheme."),
    QT_TRANSLATE_NOOP(
        "core",
        "The {scheme} scheme has no marks for foreign government information ({marking}).",
    ),
    QT_TRANSLATE_NOOP("core", "Write FGI and the originators' codes, e.g. FGI DEU GBR."),
    QT_TRANSLATE_NOOP(
        "core",
        "{code} after FGI in {marking} is not a foreign country or organisation.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{control} lists only those beyond {country}'s members; remove {country}.",
    ),
    QT_TRANSLATE_NOOP("core", "{reason}, and {problem}."),
    QT_TRANSLATE_NOOP("core", "{reason}."),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: foreign government information goes only to {holder} nationals and back "
        "to its originators ({originators}) unless they release it further",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: foreign government information of a concealed source goes only to "
        "{holder} nationals",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: it is {control} information, and no {control} briefing is on record for them.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{token} is not a foreign classification: write the originator's code and its "
        "level, e.g. //GBR S.",
    ),
    # cabledesk/domain/marking.py: NATO and EU release lists
    QT_TRANSLATE_NOOP(
        "core",
        "{control} names only those beyond the members of {country}: remove {codes}.",
    ),
    # cabledesk/domain/sanitize.py: a sanitized version refused
    QT_TRANSLATE_NOOP(
        "core",
        "Nothing in this cable can be released at {level}: every paragraph is above that "
        "level or restricted.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Nothing in this cable can be released at {level} to {countries}: every paragraph is "
        "above that level or restricted.",
    ),
    QT_TRANSLATE_NOOP("core", "Choose a higher level, or write a releasable paragraph first."),
    QT_TRANSLATE_NOOP("core", "The subject of this cable may not be released at this level."),
    QT_TRANSLATE_NOOP("core", "Withhold it, or give a releasable subject instead."),
    # Encryption of a file to contacts (services/_file_release.py)
    QT_TRANSLATE_NOOP(
        "core",
        "The release policy does not allow {file} ({banner}) to be encrypted to "
        "these recipients:{reasons}",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Remove the recipients named above; confirm unverified recipients only if "
        "you trust their keys.",
    ),
    QT_TRANSLATE_NOOP("core", "Remove the recipients named above."),
    QT_TRANSLATE_NOOP(
        "core",
        "State its marking, a level of your scheme such as CONFIDENTIAL: --marking on the "
        "command line, or the marking choice in the desktop.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{file} looks classified ({markings}): state its marking before encrypting it to contacts.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{file} is not a CableDesk cable or document: state its marking before "
        "encrypting it to contacts.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "CableDesk cannot read the marking of {file} (a sealed cable keeps it inside "
        "its encryption): state it before encrypting it to contacts.",
    ),
    # cabledesk/services/_card_rules.py: the trust model of contact cards
    QT_TRANSLATE_NOOP(
        "core",
        "This contact card is not signed by its owner's key: nothing binds its keys to "
        "that person, so it is refused.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Ask the person for a card made by CableDesk. For someone who uses age and "
        "ssh-keygen, add their public keys by hand and verify both keys with them.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This card of {name} is not newer than the one you have ({offered}; yours: "
        "{held}): an older or equal card cannot replace it.",
    ),
    QT_TRANSLATE_NOOP(
        "core", "Someone may be replaying an old card. Ask {name} for their current card."
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The safety number you compared is not {name}'s: their keys changed "
        "meanwhile. Nothing was marked verified.",
    ),
    QT_TRANSLATE_NOOP("core", "Compare the safety number shown now."),
    QT_TRANSLATE_NOOP(
        "core",
        "The age recipient you compared is not the one stored for {name}: do not "
        "mark the contact verified.",
    ),
    QT_TRANSLATE_NOOP(
        "core", "Compare both keys with them again; if theirs differ, add their new keys."
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name} was added from raw public keys, which no signature binds together: "
        "the age recipient must be compared too.",
    ),
    QT_TRANSLATE_NOOP(
        "core", "Give the age recipient you compared with them (--age-recipient age1...)."
    ),
    # cabledesk/services/_attachments.py: an attachment name that would not read as itself
    QT_TRANSLATE_NOOP(
        "core",
        "The name of the attachment {name} holds a line break, a control character or an "
        "invisible character (such as one that reverses the text after it): shown to the "
        "recipient, it would not read as what it is.",
    ),
    # the ministry directory: a security office's key (authority side)
    QT_TRANSLATE_NOOP("core", "A directory is valid for 1 to {limit} days, not {days}."),
    QT_TRANSLATE_NOOP("core", "A fingerprint is SHA256: followed by 43 characters."),
    QT_TRANSLATE_NOOP(
        "core",
        "A security office creates one once with 'cabledesk-cli authority init --name NAME'.",
    ),
    QT_TRANSLATE_NOOP("core", "A vault holds one security office; use another vault."),
    QT_TRANSLATE_NOOP(
        "core",
        "An attestation cannot expire on {date}, which is not in the future.",
    ),
    QT_TRANSLATE_NOOP("core", "Ask the person for a card with new keys, and attest that one."),
    QT_TRANSLATE_NOOP("core", "Ask the person for their current card."),
    QT_TRANSLATE_NOOP("core", "Attest only a card made by CableDesk, received from its owner."),
    QT_TRANSLATE_NOOP("core", "Cannot read the card {file}: {reason}."),
    QT_TRANSLATE_NOOP("core", "Choose another file name, or allow replacing it."),
    QT_TRANSLATE_NOOP("core", "Do not attest it; ask the person for their card again."),
    QT_TRANSLATE_NOOP("core", "For example USA, FRA, DEU, GBR."),
    QT_TRANSLATE_NOOP(
        "core",
        "The explanation of a revocation must be plain text of at most {limit} characters.",
    ),
    QT_TRANSLATE_NOOP("core", "The file {file} is far too large to be a card."),
    QT_TRANSLATE_NOOP(
        "core",
        "The key {fingerprint} was revoked on {date} ({reason}); a revoked key is not "
        "attested again.",
    ),
    QT_TRANSLATE_NOOP("core", "The security office needs a name."),
    QT_TRANSLATE_NOOP("core", "The security office of that nationality attests its own people."),
    QT_TRANSLATE_NOOP(
        "core",
        "This card carries no self-signature: nothing binds its details to its keys.",
    ),
    QT_TRANSLATE_NOOP("core", "This card is forged or altered: {problem}"),
    QT_TRANSLATE_NOOP("core", "This contact card expired on {date}."),
    QT_TRANSLATE_NOOP("core", "This vault already holds an authority key."),
    QT_TRANSLATE_NOOP(
        "core",
        "This vault holds no authority key: it is not a security office's vault.",
    ),
    QT_TRANSLATE_NOOP("core", "any"),
    QT_TRANSLATE_NOOP("core", "{file} already exists."),
    QT_TRANSLATE_NOOP(
        "core",
        "{office} may not attest a person of nationality {nationality} under the scheme "
        "{scheme}: that is outside its scope (nationalities: {nationalities}; schemes: "
        "{schemes}).",
    ),
    QT_TRANSLATE_NOOP("core", "{value} is not a key fingerprint."),
    QT_TRANSLATE_NOOP(
        "core",
        "{value} is not a reason for a revocation; the reasons are {reasons}.",
    ),
    QT_TRANSLATE_NOOP("core", "{value} is not a role; the roles are {roles}."),
    QT_TRANSLATE_NOOP(
        "core",
        "{value} is not a special-access category (capitals, digits and hyphens, such as ATOMAL).",
    ),
    QT_TRANSLATE_NOOP("core", "{value} is not an ISO 3166 three-letter country code."),
    # post-quantum sealing (issue 17)
    QT_TRANSLATE_NOOP(
        "core",
        "Add one to your identity with 'cabledesk-cli identity upgrade' and send your newer "
        "contact card to your correspondents.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Ask them to add one ('cabledesk-cli identity upgrade') and send you their newer "
        "contact card; or lower the setting post-quantum-from.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Not sealed post-quantum: there is no post-quantum key for {names}, so it is "
        "encrypted with X25519 for everyone (a future quantum computer could open it).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This is {level}: from {threshold} up, CableDesk seals only for post-quantum keys, "
        "and there is none for {names}.",
    ),
    QT_TRANSLATE_NOOP("core", "a level of your scheme, or off"),
    # the ministry directory (user side)
    QT_TRANSLATE_NOOP("core", "Ask the security office for its latest directory."),
    QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."),
    QT_TRANSLATE_NOOP("core", "No trusted anchor matches {text}."),
    QT_TRANSLATE_NOOP("core", "See 'cabledesk-cli directory status'."),
    QT_TRANSLATE_NOOP("core", "Several trusted anchors match {text}."),
    QT_TRANSLATE_NOOP(
        "core",
        "The whole directory is refused; ask the security office for a correct one.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This directory attests {fingerprint} (nationality {nationality}, scheme {scheme}), "
        "outside the scope of its anchor {anchor}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This directory is signed by {fingerprint}, which is not an anchor you trust.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This directory of {anchor} expired on {date}: it was to be replaced by then.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This directory of {anchor} has serial {serial}, not newer than the one you "
        "imported (serial {last}): an older directory is refused.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Trust the anchor of the security office that published it first (compare its "
        "fingerprint with the office).",
    ),
    # the ministry directory (user side): attested attributes
    QT_TRANSLATE_NOOP("core", "clearance"),
    QT_TRANSLATE_NOOP("core", "clearance {value}"),
    QT_TRANSLATE_NOOP("core", "nationality"),
    QT_TRANSLATE_NOOP("core", "nationality {value}"),
    QT_TRANSLATE_NOOP("core", "special accesses {value}"),
    QT_TRANSLATE_NOOP("core", "{attribute} {value}"),
    QT_TRANSLATE_NOOP(
        "core",
        "{refusal}: their {attributes} are only self-declared, and from {threshold} on your "
        "setting attested-from asks for attributes attested by a security office you trust. "
        "Import the directory that attests them, or change attested-from.",
    ),
    QT_TRANSLATE_NOOP("core", "{what}, attested by {anchor} on {date}"),
    QT_TRANSLATE_NOOP("core", "{what}, self-declared"),
    # clearance: release authority from the directory (branch clearcore)
    QT_TRANSLATE_NOOP(
        "core",
        "Designate as approver someone the directory lists with the role release-authority, "
        "or import the office's latest directory (cabledesk-cli directory import) if it "
        "attests them now.",
    ),
    QT_TRANSLATE_NOOP("core", "Nothing was recorded."),
    QT_TRANSLATE_NOOP(
        "core",
        "This approval does not count: {problem} You trust a security office's directory, "
        "so only approvals by someone it attests with release authority count.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name} ({fingerprint}) has no release authority: no directory you trust attests "
        "them with the role release-authority.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name} ({fingerprint}) has no release authority: the directory you trust attests "
        "them only as {roles}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name} ({fingerprint}) has no release authority: their key was revoked {how}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{problem} You trust a security office's directory, so only an approver it attests "
        "with release authority can approve a cable.",
    ),
    # clearance: attachments cleared and sealed (branch clearcore)
    QT_TRANSLATE_NOOP(
        "core",
        "Attach the files that were cleared, or send the draft for clearance again with "
        "these attachments (cabledesk-cli clearance request … --attach).",
    ),
    QT_TRANSLATE_NOOP("core", "Give each file with --attach FILE (or remove it from the draft)."),
    QT_TRANSLATE_NOOP(
        "core",
        "The attachments are not those cleared and approved: {changes}. A clearance covers "
        "the attachments too, so this cable is no longer approved.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This draft lists attachments ({names}): a clearance request carries their files, "
        "so that the clearers read what they clear.",
    ),
    QT_TRANSLATE_NOOP("core", "the attachments are in another order"),
    QT_TRANSLATE_NOOP("core", "{name} is described or marked otherwise"),
    QT_TRANSLATE_NOOP("core", "{name} is not the file cleared (its content changed)"),
    QT_TRANSLATE_NOOP("core", "{name} was added"),
    QT_TRANSLATE_NOOP("core", "{name} was removed"),
    QT_TRANSLATE_NOOP("core", "{old} was renamed {new}"),
    # clearance: what release lacks (branch clearcore)
    QT_TRANSLATE_NOOP("core", "an approval of the current text by an approver you designated"),
    QT_TRANSLATE_NOOP(
        "core",
        "an approval of the current text by an approver you designated whom the directory "
        "you trust attests with release authority",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{count} more approval(s) of the current text, by two different approvers other "
        "than the drafter",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{count} more approval(s) of the current text, by two different approvers other "
        "than the drafter whom the directory you trust attests with release authority",
    ),
    # issue 19 (point 11): the overwrite error, the export ceiling's refusal
    QT_TRANSLATE_NOOP(
        "core",
        "Seal the cable for its recipients instead, or export a sanitized version at "
        "{ceiling} or below (--level {ceiling}). Your security officer sets the ceiling.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This cable is {banner}. CableDesk does not export cables above {ceiling} as "
        "unencrypted documents (the export ceiling of the {scheme} scheme).",
    ),
    QT_TRANSLATE_NOOP("core", "{file} already exists; CableDesk does not overwrite it."),
    # key rotation signed by the previous key (issue 16)
    QT_TRANSLATE_NOOP("core", "Ask the person about it through another channel."),
    QT_TRANSLATE_NOOP("core", "Ask the person for their new card and its statement together."),
    QT_TRANSLATE_NOOP(
        "core",
        "Import the card without the statement and compare its safety number with {name} "
        "through another channel.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Import the card without the statement: it starts a new, unverified contact, whose "
        "safety number you compare with its owner.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Someone may be replaying old files. Ask the person for their current card.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The key this statement replaces was replaced already, on {date}: an old "
        "key-rotation statement cannot be used again. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The new key of this key-rotation statement is already the key of your contact "
        "{name}: it cannot continue another contact. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The new key of this key-rotation statement was replaced already by a later "
        "rotation: an old statement cannot bring it back. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This card's key is a previous key of {name}, replaced on {date} by a key rotation: "
        "an old card cannot come back. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This key-rotation statement is about another card than this one: it was signed for "
        "other card bytes or another key. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "This key-rotation statement is signed by {fingerprint}, which is not the key of "
        "any of your contacts: it cannot continue a contact. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "{name}'s key, which signed this key-rotation statement, is revoked ({why}): a "
        "revoked key cannot vouch for a new one. Nothing was changed.",
    ),
    # own key revoked by a directory (issue 16)
    QT_TRANSLATE_NOOP(
        "core",
        "Get a new key attested: make one with 'cabledesk-cli identity rotate -o "
        "NEW.contact' and give the card to {anchor}, which attests it in its next "
        "directory.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Your own key was revoked by {anchor} on {date} ({why}): CableDesk no longer seals "
        "with it, and your correspondents would not trust what it signs.",
    ),
    # clearance: an approver without release authority, on their own side
    QT_TRANSLATE_NOOP(
        "core",
        "Ask your security office to attest your key with the role release-authority, and "
        "import its latest directory; or clear the cable instead.",
    ),
    QT_TRANSLATE_NOOP("core", "{problem} The drafter's CableDesk would refuse your approval."),
    # a received cable's verdict: its warnings, and what became of it in the archive
    QT_TRANSLATE_NOOP(
        "core",
        "Already received on {when}; it is in your archive and was not stored again.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "It claims to have been sealed in the future ({when} UTC): the sender's clock may "
        "be wrong.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "It replaces the copy of this cable from the same signer received on {when}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "It signs as '{claimed}'; your contact record names this key {label}. The name in a "
        "cable is only its sender's claim.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Its marking could not be checked against its text: this CableDesk does not know "
        "the classification scheme {scheme}.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Not archived: your archive already holds a cable with this id, received on {when} "
        "from {who}. A cable signed by someone else never replaces it.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The cable's list of attachments differs from the files sealed with it.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The document in this package (cable.docx) was not checked against the cable: it "
        "was made by another version of CableDesk. Use the cable's text.",
    ),
    QT_TRANSLATE_NOOP("core", "The sender's key has expired since ({date})."),
    QT_TRANSLATE_NOOP(
        "core",
        "This copy was encrypted to {copies} keys, while the sender sealed it for {sealed}: "
        "it was re-encrypted after sealing.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Your archive keeps this cable as you sealed it on {when}; this copy was not stored again.",
    ),
    QT_TRANSLATE_NOOP("core", "another signer"),
    QT_TRANSLATE_NOOP("core", "{name} (key {fingerprint})"),
    # key rotation: an expired key cannot vouch
    QT_TRANSLATE_NOOP(
        "core",
        "{name}'s key, which signed this key-rotation statement, expired on {date}: an "
        "expired key may be in other hands, and cannot vouch for a new one. Nothing was "
        "changed.",
    ),
)
