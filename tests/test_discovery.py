"""Walking a folder: a folder that cannot be listed is reported with the
reason, even where the tests run as root (who can list a mode-000 folder),
by making the listing itself fail."""

from __future__ import annotations

import os

from plainlint.discovery import Refused, walk


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_walked(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.md").write_text("x")
    (tmp_path / "open.md").write_text("x")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(walk(tmp_path, {".md"}, lambda path: False))
    assert found == [Refused(tmp_path / "locked", "cannot read folder: Permission denied"), tmp_path / "open.md"]


def test_only_wanted_suffixes_and_not_excluded_files_are_found(tmp_path):
    for name in ("a.md", "b.MD", "c.png", "skip.md"):
        (tmp_path / name).write_text("x")
    found = list(walk(tmp_path, {".md"}, lambda path: path.name == "skip.md"))
    assert found == [tmp_path / "a.md", tmp_path / "b.MD"]
