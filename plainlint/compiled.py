"""Data that takes longer to build than to read back, built once per
version and kept in the cache folder (`PLAINLINT_CACHE_DIR`, else the
user's cache folder; `--no-cache` leaves it alone, as it does .pyc files).

Stored with `marshal` (plain dicts, lists and strings, read back in a
fraction of the time it takes to build them). A missing, damaged or
unwritable file only means the data is built again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plainlint.cache_folder import default_folder


def files_stamp(*folders: Path) -> str:
    """The path, size and time of every file under `folders` (no
    __pycache__): what changes when any of them is edited."""
    lines = []
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                info = os.stat(os.path.join(root, name))
                lines.append(f"{root}/{name} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(lines)


def compiled(name: str, version: str, build: Callable[[], Any], kind: type = dict) -> Any:
    """`build()`, or what it returned last time for this `name` and `version`."""
    folder = default_folder() / "compiled"
    path = folder / f"{name}-{hashlib.sha256(version.encode()).hexdigest()[:16]}.marshal"
    try:
        value = marshal.loads(path.read_bytes())
        if isinstance(value, kind):
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            temporary.unlink(missing_ok=True)
        except (OSError, ValueError):
            pass
    return value
