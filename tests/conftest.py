"""Shared fixtures. Qt runs offscreen in every test run."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the developer's real keychain: the keyring library sees no
# backend unless a test passes its own (tests/vaultkit.py's MemoryKeyring) or
# starts a private Secret Service (tests/interop/test_secret_service.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def schemes() -> SchemeRegistry:
    return SchemeRegistry.load()


@pytest.fixture(scope="session")
def us(schemes: SchemeRegistry) -> ClassificationScheme:
    return schemes["us"]
