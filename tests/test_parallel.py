"""--jobs: several processes give the report one process gives, in the same
order, and a worker that dies costs only the files it was checking."""

from __future__ import annotations

import json
import os
import signal

import pytest
from click.testing import CliRunner

from plainlint import engine
from plainlint.cli import main
from plainlint.language.nlp import LanguagePass

PARAGRAPHS = [
    "You shall submit the form in order to apply for the benefit.",
    "The application was reviewed by the office. The the fee is paid.",
    "Utilize the portal to facilitate the submission of your documents.",
]


def report(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def folder(tmp_path):
    for index in range(9):
        text = "\n\n".join(PARAGRAPHS[index % 3 :] + PARAGRAPHS[: index % 3])
        (tmp_path / f"page{index}.md").write_text(f"# Page {index}\n\n{text}\n")
    return tmp_path


def test_two_jobs_report_what_one_does(folder):
    flags = [] if LanguagePass().available else ["--no-model"]
    one, two = report("--jobs", "1", *flags, str(folder)), report("--jobs", "2", *flags, str(folder))
    assert len(one[1]["findings"]) > 9, "too few findings for the comparison to mean anything"
    assert one == two


def test_two_jobs_on_the_real_samples_report_what_one_does(shared):
    markdown = shared / "samples" / "markdown"
    flags = [] if LanguagePass().available else ["--no-model"]
    one, two = report("--jobs", "1", *flags, str(markdown)), report("--jobs", "2", *flags, str(markdown))
    assert len(one[1]["findings"]) > 100
    assert one == two


def test_a_worker_that_dies_costs_only_its_own_file(folder, monkeypatch):
    real_extract = engine.extract

    def extract_or_die(source):
        if source.path.endswith("page4.md") and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does a process out of memory
        return real_extract(source)

    parent = os.getpid()
    monkeypatch.setattr(engine, "extract", extract_or_die)
    code, result = report("--jobs", "2", "--no-model", str(folder))
    assert code == 3
    paths = {finding["location"]["path"] for finding in result["findings"]}
    assert paths == {str(folder / f"page{index}.md") for index in range(9) if index != 4}
    (failed,) = [file for file in result["files"] if file["error"]]
    assert failed["path"] == str(folder / "page4.md") and "stopped" in failed["error"]
    assert [file["path"] for file in result["files"]] == sorted(str(path) for path in folder.glob("*.md"))


def test_jobs_must_be_a_positive_number(folder):
    result = CliRunner().invoke(main, ["check", "--jobs", "0", str(folder)])
    assert result.exit_code == 2 and "--jobs" in result.output
