from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cabledesk.errors import MarkingError, SchemeError, SettingError
from cabledesk.services.settings import (
    AUTO_LOCK_MINUTES,
    CLIPBOARD_CLEAR_SECONDS,
    EXPORT_CEILING,
    KEYS,
    LOCK_ON_SCREEN_LOCK,
    Safeguards,
    SettingsService,
)
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE

LEGACY = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1"


def test_every_key_is_shown_with_its_default_and_meaning(vault: Vault) -> None:
    views = SettingsService(vault, SCHEMES).show()
    assert [v.key for v in views] == list(KEYS)
    assert all(v.description and v.value == v.default for v in views)
    assert {v.key: v.value for v in views}["export-ceiling"] == "default"


@pytest.mark.parametrize(
    ("key", "typed", "stored", "shown"),
    [
        ("auto-lock-minutes", " 15 ", 15, "15"),
        ("auto-lock-minutes", "off", 0, "off"),
        ("auto-lock-minutes", "0", 0, "off"),
        ("lock-on-screen-lock", "Off", False, "off"),
        ("default-scheme", "NATO", "nato", "nato"),
        ("paper", "LETTER", "letter", "letter"),
        ("export-ceiling", "s", "SECRET", "SECRET"),
        ("export-ceiling", "off", "off", "off"),
        ("export-ceiling", "default", "", "default"),
        ("export-ceiling", "us = secret , uk=official", "uk=OFFICIAL, us=SECRET",
         "uk=OFFICIAL, us=SECRET"),
        ("language", "system", "", "system"),
        ("draft-history", "7", 7, "7"),
        ("clipboard-clear-seconds", "600", 600, "600"),
    ],
)  # fmt: skip
def test_typed_values_round_trip(
    vault: Vault, key: str, typed: str, stored: object, shown: str
) -> None:
    service = SettingsService(vault, SCHEMES)
    assert service.parse(key, typed) == stored
    view = service.set(key, typed)
    assert view.value == shown
    assert service.parse(key, shown) == stored  # what show prints, set takes back


@pytest.mark.parametrize(
    ("key", "typed", "error"),
    [
        ("no-such", "1", SettingError),
        ("auto-lock-minutes", "1441", SettingError),
        ("auto-lock-minutes", "½", SettingError),
        ("auto-lock-minutes", "99999999999", SettingError),
        ("lock-on-screen-lock", "true", SettingError),
        ("export-ceiling", "ULTRA", MarkingError),
        ("export-ceiling", "us=SECRET, nowhere", SettingError),
        ("export-ceiling", "mars=SECRET", SchemeError),
        ("default-scheme", "mars", SchemeError),
        ("paper", "a3", SettingError),
        ("draft-history", "0", SettingError),
    ],
)
def test_values_not_accepted(vault: Vault, key: str, typed: str, error: type) -> None:
    service = SettingsService(vault, SCHEMES)
    before = vault.audit.entries(limit=1)[0].seq
    with pytest.raises(error) as refused:
        service.set(key, typed)
    assert vault.audit.entries(limit=1)[0].seq == before
    if isinstance(refused.value, SettingError):  # in sentences the desktop translates
        phrase = refused.value.phrase
        assert phrase is not None and refused.value.hint_phrase is not None
        assert refused.value.message == phrase.render()


def test_the_safeguards_are_read_in_one_go(vault: Vault) -> None:
    service = SettingsService(vault, SCHEMES)
    assert service.safeguards() == Safeguards()
    service.set_many({"auto-lock-minutes": "off", "clipboard-clear-seconds": "45"})
    assert service.safeguards() == Safeguards(0, True, 45)
    assert service.get(AUTO_LOCK_MINUTES) == 0 and service.get(CLIPBOARD_CLEAR_SECONDS) == 45


def test_a_change_is_audited_and_no_change_is_not(vault: Vault) -> None:
    service = SettingsService(vault, SCHEMES)
    service.set("auto-lock-minutes", "5")
    entry = vault.audit.entries(limit=1)[0]
    assert entry.event == "setting changed"
    assert entry.details == {"setting": "auto-lock-minutes", "from": "10", "to": "5"}
    service.set("auto-lock-minutes", "5")
    assert vault.audit.entries(limit=1)[0].seq == entry.seq
    assert service.get(AUTO_LOCK_MINUTES) == 5


def test_several_at_once_all_or_none(vault: Vault) -> None:
    service = SettingsService(vault, SCHEMES)
    with pytest.raises(SettingError):
        service.set_many({"auto-lock-minutes": "5", "lock-on-screen-lock": "maybe"})
    assert service.get(AUTO_LOCK_MINUTES) == 10
    changed = service.set_many({"auto-lock-minutes": "5", "lock-on-screen-lock": "off"})
    assert changed == ["auto-lock-minutes", "lock-on-screen-lock"]
    assert service.get(LOCK_ON_SCREEN_LOCK) is False


def test_a_level_of_the_users_scheme_applies_to_the_others_by_tier(vault: Vault) -> None:
    service = SettingsService(vault, SCHEMES)
    assert service.user_scheme() == "us"
    service.set("export-ceiling", "SECRET")
    ceiling = service.export_ceiling()
    for scheme_id in SCHEMES:
        level = ceiling.level_for(SCHEMES[scheme_id])
        assert level is not None and level.tier <= 3
    assert ceiling.level_for(SCHEMES["us"]).name == "SECRET"  # type: ignore[union-attr]
    assert ceiling.level_for(SCHEMES["uk"]).name == "SECRET"  # type: ignore[union-attr]
    service.set("export-ceiling", "off")
    ceiling = service.export_ceiling()
    assert ceiling.level_for(SCHEMES["us"]) == SCHEMES["us"].levels[-1]
    service.set("export-ceiling", "default")
    assert service.export_ceiling().level_for(SCHEMES["us"]).name == "CONFIDENTIAL"  # type: ignore[union-attr]


def test_in_effect_reads_no_vault(vault: Vault) -> None:
    service = SettingsService(vault, SCHEMES)
    vault.lock()
    levels = dict(service.ceiling_in_effect("CONFIDENTIAL", "us"))
    assert levels["us"] == "CONFIDENTIAL"
    with pytest.raises(MarkingError):
        service.ceiling_in_effect("ULTRA", "us")


def test_a_vault_of_0_1_keeps_its_values(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    shutil.copytree(LEGACY, home)
    vault = Vault.unlock(VaultHome(home), PASSPHRASE)
    try:
        service = SettingsService(vault, SCHEMES)
        assert service.text("export-ceiling") == "CONFIDENTIAL"
        assert service.get(EXPORT_CEILING) == "CONFIDENTIAL"
        assert service.export_ceiling().level_for(SCHEMES["us"]).name == "CONFIDENTIAL"  # type: ignore[union-attr]
        service.set("export-ceiling", "SECRET")
        assert service.text("export-ceiling") == "SECRET"
    finally:
        vault.lock()
