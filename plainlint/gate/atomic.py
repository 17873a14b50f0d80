"""Write a file so that readers see the old content or the new, never half.

A report or baseline written in place can be left truncated by a crash or a
full disk, and a CI step reading it meanwhile would see a broken file. So the
text goes to a temporary file beside the target (same folder, hence the same
file system, so the rename is atomic), is flushed to disk, and then replaces
the target in one `os.replace`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` (UTF-8, line endings as given).

    The new file gets the permissions a plain `open()` would give it (0666
    less the umask); nothing of the old file (mode, owner, a symlink) is kept.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # os.open with 0o666 lets the umask apply, unlike tempfile's fixed 0600.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; only POSIX can open a folder for this."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
