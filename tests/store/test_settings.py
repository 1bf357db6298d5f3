from __future__ import annotations

import pytest

from cabledesk.store.settings import AUTO_LOCK_MINUTES, LANGUAGE, PAPER, SETTINGS
from cabledesk.store.vault import Vault


def test_defaults_set_and_invalid_values(vault: Vault) -> None:
    settings = vault.settings
    assert settings.get(AUTO_LOCK_MINUTES) == 10 and settings.get(PAPER) == "a4"
    settings.set(AUTO_LOCK_MINUTES, 3)
    settings.set(LANGUAGE, "fr")
    assert settings.get(AUTO_LOCK_MINUTES) == 3 and settings.get(LANGUAGE) == "fr"
    with pytest.raises(ValueError):
        settings.set(PAPER, "a3")
    with pytest.raises(ValueError):
        settings.set(AUTO_LOCK_MINUTES, True)  # a bool is not a number of minutes
    vault.db.execute("UPDATE settings SET value = '\"soon\"' WHERE key = 'auto_lock_minutes'")
    assert settings.get(AUTO_LOCK_MINUTES) == 10  # unreadable: the default


def test_every_setting_accepts_its_default() -> None:
    assert all(s.accepts(s.default) for s in SETTINGS)
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)
