"""Shared fixtures: the real samples in ../shared (skipped when absent) and
the default registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SHARED

from plainlint.registry import default_registry


@pytest.fixture(scope="session")
def shared() -> Path:
    """The real documents beside the project; tests using them skip cleanly
    on a fresh clone, where ../shared does not exist."""
    if not (SHARED / "samples").is_dir():
        pytest.skip("../shared (real sample documents) is not present")
    return SHARED


@pytest.fixture(scope="session")
def registry():
    return default_registry()
