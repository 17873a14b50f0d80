"""Shared fixtures: the real samples in ../shared (skipped when absent) and
the default registry."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support import SHARED

from plainlint.cache_folder import ENV_VAR
from plainlint.registry import default_registry


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def own_cache(cache_root, monkeypatch, request) -> Path:
    """Each test its own result cache (a folder made only when written):
    none writes to the user's, and a test that patches plainlint's code
    never reads findings another test cached."""
    folder = cache_root / hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:16]
    monkeypatch.setenv(ENV_VAR, str(folder))
    return folder


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
