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
import stat
from collections.abc import Iterable
from pathlib import Path

from plainlint.errors import PlainlintError


class UnsafeOutput(PlainlintError):
    """A path plainlint was asked to write that it must not replace."""


def refuse_unsafe(path: Path, option: str, inputs: Iterable[Path] = ()) -> None:
    """Stop before writing `path` when replacing it would lose data or
    change something that is not a plain file: an input of this run (a
    report over the PDF it is about), a symbolic link (it would become a
    file, and the file it named would stay as it was), a device or FIFO
    (`/dev/null` would become a regular file), a folder, or a path whose
    folder does not exist (nothing is created outside the named path)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise UnsafeOutput(f"{option} {path}: the folder {path.parent} does not exist") from None
        return
    except OSError as error:
        raise UnsafeOutput(f"{option} {path}: cannot write: {error.strerror or error}") from None
    if stat.S_ISLNK(mode):
        raise UnsafeOutput(f"{option} {path}: is a symbolic link; name the file itself")
    if not stat.S_ISREG(mode):
        raise UnsafeOutput(f"{option} {path}: is not a regular file; plainlint writes only files")
    written = path.stat()
    for source in inputs:
        try:
            read = source.stat()
        except OSError:
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            raise UnsafeOutput(f"{option} {path}: is one of the files being checked; it would be overwritten")


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` (UTF-8, line endings as given)."""
    write_bytes_atomic(path, text.encode("utf-8", errors="backslashreplace"))  # lone surrogates, as on stdout


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data`.

    The new file gets the permissions a plain `open()` would give it (0666
    less the umask); nothing of the old file (mode, owner, a symlink) is kept.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # os.open with 0o666 lets the umask apply, unlike tempfile's fixed 0600.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
