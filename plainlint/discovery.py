"""Which files a folder holds for a run: regular files with a supported
suffix, found without following a symbolic link out of the folder.

A link inside a checked folder that points elsewhere (`notes.md ->
/etc/passwd`) would put that file's text into findings and CI logs, so it
is reported, not read, unless links may be followed. A folder that cannot
be listed, and a link that loops or leads nowhere a file can be, is
reported too: nothing is skipped without a line saying so. FIFOs, devices
and sockets found in a folder are passed over (a named one is refused by
`read_source`)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Refused:
    """Something in the folder that is not read, and why."""

    path: Path
    reason: str


def walk(
    root: Path,
    suffixes: set[str],
    excluded: Callable[[Path], bool],
    follow_links: bool = False,
) -> Iterator[Path | Refused]:
    """Every file under `root` with one of `suffixes` (lower case) that is
    not `excluded`, sorted by path, and every problem met on the way."""
    real_root = root.resolve()
    problems: list[Refused] = []
    met: list[Path | Refused] = []

    def unreadable(error: OSError) -> None:
        problems.append(Refused(Path(error.filename), f"cannot read folder: {error.strerror or error}"))

    for folder, folders, files in os.walk(root, onerror=unreadable, followlinks=False):
        folders.sort()
        base = Path(folder)
        for name in folders:
            path = base / name
            if path.is_symlink() and not excluded(path):
                outcome = _linked_folder(path, real_root)
                if outcome is not None:
                    met.append(outcome)
        for name in files:
            path = base / name
            if path.suffix.lower() in suffixes and not excluded(path):
                outcome = _file(path, real_root, follow_links)
                if outcome is not None:
                    met.append(outcome)
    met.extend(problems)
    return iter(sorted(met, key=lambda item: str(getattr(item, "path", item))))


def _file(path: Path, real_root: Path, follow_links: bool) -> Path | Refused | None:
    try:
        mode = path.lstat().st_mode
    except OSError as error:
        return Refused(path, f"cannot read: {error.strerror or error}")
    if stat.S_ISREG(mode):
        return path
    if not stat.S_ISLNK(mode):
        return None  # a FIFO, device or socket in the folder: not a document
    real = _target(path)
    if isinstance(real, Refused):
        return real
    if not real.is_file():
        return None if real.exists() else Refused(path, "symbolic link to nothing")
    if not follow_links and not real.is_relative_to(real_root):
        return Refused(path, f"symbolic link to {real}, outside {real_root}; not followed (--follow-links reads it)")
    return path


def _linked_folder(path: Path, real_root: Path) -> Refused | None:
    """A link to a folder is never walked into (its files are reached where
    they really are, or not at all); say so when it leads out of the tree."""
    real = _target(path)
    if isinstance(real, Refused):
        return real
    if real.is_relative_to(real_root):
        return None
    return Refused(path, f"symbolic link to the folder {real}, outside {real_root}; links to folders are not followed")


def _target(path: Path) -> Path | Refused:
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        return Refused(path, "symbolic link to nothing")
    except (RuntimeError, OSError) as error:  # a loop: RuntimeError before 3.13, OSError(ELOOP) after
        return Refused(path, f"symbolic link that cannot be followed: {getattr(error, 'strerror', None) or error}")
