"""Where plainlint keeps what it caches: `PLAINLINT_CACHE_DIR`, else the
user's cache folder (`~/.cache/plainlint` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "PLAINLINT_CACHE_DIR"


def default_folder() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("plainlint", appauthor=False))
