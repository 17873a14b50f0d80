"""Odd paths in and out: FIFOs, devices, endless standard input, symbolic
links out of a checked folder, loops, and outputs that would replace an
input, a link or a device. Each gets one line and its exit code; the good
files' findings still print, and nothing but the requested file is written."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainlint.cli import main

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks as POSIX has them")
GOOD = "The form was signed by the the clerk.\n"  # PL110: "the" twice
SECRET = "The secret-marker was signed by the the clerk.\n"  # stands in for /etc/passwd


def run(*args, input=None):
    return CliRunner().invoke(main, ["check", "--no-model", "--format", "json", *map(str, args)], input=input)


def _paths_with_findings(result) -> set[str]:
    return {finding["location"]["path"] for finding in json.loads(result.stdout)["findings"]}


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(GOOD)
    return path


@posix_only
def test_a_named_fifo_is_refused_without_blocking_and_the_good_file_still_counts(tmp_path, good):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run(fifo, good)
    assert result.exit_code == 3
    assert f"{fifo}: error: is not a regular file (it is a FIFO)" in result.stderr
    assert _paths_with_findings(result) == {str(good)}


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_a_byte_is_read(good):
    result = run("/dev/zero", good)
    assert result.exit_code == 3
    assert "/dev/zero: error: is not a regular file (it is a device)" in result.stderr
    assert _paths_with_findings(result) == {str(good)}


def test_standard_input_stops_at_the_size_limit(tmp_path):
    config = tmp_path / "plainlint.toml"
    config.write_text("max-file-size = 100\n")
    result = run("--config", config, "-", input=b"word " * 1000)
    assert result.exit_code == 3
    assert "-: error: standard input is over the 100-byte limit (max-file-size)" in result.stderr


@posix_only
def test_a_link_out_of_the_folder_is_reported_not_read(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(SECRET)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD)
    (folder / "passwd.md").symlink_to(outside)
    result = run(folder)
    assert result.exit_code == 3
    assert f"{folder / 'passwd.md'}: error: symbolic link to {outside.resolve()}, outside" in result.stderr
    assert "secret-marker" not in result.stdout + result.stderr
    assert _paths_with_findings(result) == {str(folder / "good.md")}
    followed = run("--follow-links", folder)
    assert followed.exit_code == 0
    assert _paths_with_findings(followed) == {str(folder / "good.md"), str(folder / "passwd.md")}


@posix_only
def test_a_link_inside_the_folder_is_read(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD)
    (folder / "again.md").symlink_to("good.md")
    assert _paths_with_findings(run(folder)) == {str(folder / "good.md"), str(folder / "again.md")}


@posix_only
def test_loops_dangling_links_and_linked_folders_each_get_a_line(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD)
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "gone.md").symlink_to("nothing-here.md")
    (folder / "elsewhere").symlink_to(tmp_path)
    result = run(folder)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{folder / 'loop.md'}: error: symbolic link that cannot be followed") for line in lines)
    assert f"{folder / 'gone.md'}: error: symbolic link to nothing" in lines
    assert any(line.startswith(f"{folder / 'elsewhere'}: error: symbolic link to the folder") for line in lines)
    assert _paths_with_findings(result) == {str(folder / "good.md")}


@posix_only
@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a folder with mode 000")
def test_an_unreadable_folder_is_reported(tmp_path, good):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text(GOOD)
    locked.chmod(0)
    try:
        result = run(tmp_path)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 3
    assert f"{locked}: error: cannot read folder: Permission denied" in result.stderr


def test_output_onto_an_input_is_refused_and_the_input_kept(good):
    result = run(good, "--output", good)
    assert result.exit_code == 2
    assert f"--output {good}: is one of the files being checked" in result.stderr
    assert good.read_text() == GOOD


def test_output_onto_an_input_found_in_a_folder_is_refused(tmp_path, good):
    result = run(tmp_path, "--output", good)
    assert result.exit_code == 2
    assert good.read_text() == GOOD


@posix_only
def test_output_through_a_symlink_is_refused_and_the_link_kept(tmp_path, good):
    target = tmp_path / "report.json"
    target.write_text("old report\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run(good, "--output", link)
    assert result.exit_code == 2
    assert "is a symbolic link" in result.stderr
    assert link.is_symlink()
    assert target.read_text() == "old report\n"


@posix_only
@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_onto_a_device_is_refused_and_the_device_kept(good):
    result = run(good, "--output", "/dev/null")
    assert result.exit_code == 2
    assert "--output /dev/null: is not a regular file" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_baseline_into_a_missing_folder_is_refused_and_nothing_created(tmp_path, good):
    baseline = tmp_path / "missing" / "baseline.json"
    result = run(good, "--write-baseline", baseline)
    assert result.exit_code == 2
    assert f"the folder {baseline.parent} does not exist" in result.stderr
    assert not baseline.parent.exists()


def test_a_bad_exclude_on_the_command_line_is_a_usage_error(good):
    result = run("--exclude", "[z-a]", good)
    assert result.exit_code == 2
    assert "bad pattern '[z-a]' in '--exclude'" in result.stderr
