"""The package as users get it: the wheel carries the rule specs, and the
installed console script works end to end."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest
from support import PROJECT


def test_built_wheel_contains_every_rule_spec(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(PROJECT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("plainlint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    specs = sorted(p.name for p in (PROJECT / "rules").glob("PL*.yml"))
    assert specs, "no rule specs in rules/"
    for spec in specs:
        assert f"plainlint/rules/{spec}" in names
    assert "plainlint/schemas/report-v1.schema.json" in names


def test_installed_console_script_checks_a_folder(tmp_path):
    script = shutil.which("plainlint")
    if script is None:
        pytest.skip("plainlint is not installed as a console script (pip install -e .)")
    (tmp_path / "a.md").write_text("You shall apply and/or write in order to get help.\n")
    (tmp_path / "b.txt").write_text("All good here.\n")
    done = subprocess.run([script, "check", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert f"{tmp_path / 'a.md'}:1:5: PL103 [suggestion]" in done.stdout
    assert f"{tmp_path / 'a.md'}:1:17: PL106 [warning]" in done.stdout
    assert done.stderr == ""
    assert "Checked 2 files" in done.stdout
