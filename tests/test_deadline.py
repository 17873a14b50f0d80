"""The per-file time limit: a file that no other limit foresaw (markdown-it
is quadratic on a paragraph of a million "[") becomes that file's error
after `time-limit` seconds, and the other files' findings still print."""

from __future__ import annotations

import json
import os
import time

import pytest
from click.testing import CliRunner

from plainlint.cli import main
from plainlint.deadline import TimeLimit, deadline

posix_only = pytest.mark.skipif(os.name != "posix", reason="the limit uses SIGALRM")


@posix_only
def test_a_loop_past_the_deadline_is_stopped():
    started = time.monotonic()
    with pytest.raises(TimeLimit, match="took longer than 0.2 s"), deadline(0.2, "the loop"):
        while time.monotonic() - started < 5:
            pass
    assert time.monotonic() - started < 2


def test_no_limit_and_a_fast_block_pass():
    with deadline(0, "anything"):
        pass
    with deadline(5, "a fast block"):
        pass


@posix_only
def test_a_pathological_markdown_file_costs_only_itself(tmp_path):
    (tmp_path / "plainlint.toml").write_text("time-limit = 1\n")
    (tmp_path / "brackets.md").write_text("[" * 1_000_000)
    (tmp_path / "good.md").write_text("The form was signed by the the clerk.\n")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["check", "--no-model", "--format", "json", "--config", str(tmp_path / "plainlint.toml"), str(tmp_path)]
    )
    assert time.monotonic() - started < 30
    assert result.exit_code == 3
    assert f"{tmp_path / 'brackets.md'}: error: reading the file took longer than 1 s (time-limit)" in result.stderr
    paths = {finding["location"]["path"] for finding in json.loads(result.stdout)["findings"]}
    assert paths == {str(tmp_path / "good.md")}
