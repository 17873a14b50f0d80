"""Config discovery, layering, selection and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainlint.config import ConfigResolver, Overrides
from plainlint.document import Level
from plainlint.errors import ConfigError
from plainlint.registry import default_registry


def resolver(overrides=Overrides(), explicit=None) -> ConfigResolver:
    return ConfigResolver(default_registry(), overrides, explicit)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def enabled(settings, path=None) -> set[str]:
    return {rule.code for rule in settings.enabled_rules(default_registry(), path)}


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.plainlint]\nfail-on = 'error'\n")
    write(tmp_path / "docs" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "docs" / "guide" / ".plainlint.toml", "fail-on = 'suggestion'\n")
    found = resolver()
    assert found.for_path(tmp_path / "docs" / "a.md").fail_on is Level.ERROR
    assert found.for_path(tmp_path / "docs" / "guide" / "b.md").fail_on is Level.SUGGESTION


def test_dot_plainlint_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.plainlint]\nfail-on = 'error'\n")
    write(tmp_path / ".plainlint.toml", "fail-on = 'suggestion'\n")
    assert resolver().for_path(tmp_path / "a.md").fail_on is Level.SUGGESTION


def test_explicit_config_replaces_discovery_and_flags_override_everything(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.plainlint]\nfail-on = 'error'\n")
    other = write(tmp_path / "elsewhere.toml", "fail-on = 'suggestion'\nignore = ['PL103']\n")
    settings = resolver(Overrides(fail_on=Level.WARNING, select=("PL1",)), other).for_path(tmp_path / "a.md")
    assert settings.fail_on is Level.WARNING
    assert "PL103" not in enabled(settings)
    assert "PL201" not in enabled(settings)


def test_longest_prefix_wins(tmp_path):
    write(tmp_path / ".plainlint.toml", "select = ['PL1', 'PL103']\nignore = ['PL10']\n")
    codes = enabled(resolver().for_path(tmp_path / "a.md"))
    assert "PL103" in codes  # PL103 (select) is longer than PL10 (ignore)
    assert "PL201" not in codes


def test_extend_select_and_per_file_ignores(tmp_path):
    write(tmp_path / ".plainlint.toml", "select = ['PL2']\nextend-select = ['PL103']\n[per-file-ignores]\n'legal/*.md' = ['PL103']\n")
    settings = resolver().for_path(tmp_path / "a.md")
    assert {"PL103", "PL201"} <= enabled(settings, tmp_path / "a.md")
    assert "PL103" not in enabled(settings, tmp_path / "legal" / "act.md")


def test_rule_options_and_level_override(tmp_path):
    write(tmp_path / ".plainlint.toml", "[rules.PL201]\nmax-words = 35\nlevel = 'error'\n")
    settings = resolver().for_path(tmp_path / "a.md")
    rule = default_registry().get("PL201")
    assert settings.options_for(rule) == {"max-words": 35, "error-words": 40}
    assert settings.level_for(rule) is Level.ERROR


@pytest.mark.parametrize(
    "text, words",
    [
        ("selct = ['PL1']\n", ["unknown key 'selct'"]),
        ("select = ['PL999']\n", ["unknown rule code 'PL999'", "'select'"]),
        ("ignore = 'PL101'\n", ["'ignore' must be a list"]),
        ("fail-on = 'fatal'\n", ["'fail-on' must be one of"]),
        ("[rules.PL201]\nmax-words = 'many'\n", ["rules.PL201", "'max-words' must be of type int"]),
        ("[rules.PL201]\nmax-wrds = 3\n", ["unknown option 'max-wrds'"]),
        (
            "[rules.PL408]\nkinds = ['national-id', 'nationl-id']\n",
            ["rules.PL408", "'kinds' does not allow 'nationl-id'", "allowed: national-id, immigration-number"],
        ),
        ("[rules.PL301]\nmetric = 'fog'\n", ["rules.PL301", "'metric' does not allow 'fog'", "gunning-fog"]),
        ("[rules.PL401]\nreport = 'everything'\n", ["'report' does not allow 'everything'", "auto, field, page"]),
        ("[rules.PL777]\nlevel = 'error'\n", ["unknown rule code 'PL777'"]),
        ("select = [\n", ["invalid TOML"]),
    ],
)
def test_config_errors_name_the_key_and_the_file(tmp_path, text, words):
    config = write(tmp_path / ".plainlint.toml", text)
    with pytest.raises(ConfigError) as error:
        resolver().for_path(tmp_path / "a.md")
    assert str(config) in str(error.value)
    for word in words:
        assert word in str(error.value)


def test_excludes_are_relative_to_the_config_folder(tmp_path):
    write(tmp_path / ".plainlint.toml", "exclude = ['drafts/', '*.tmp.md']\n")
    settings = resolver().for_path(tmp_path / "a.md")
    assert settings.is_excluded(tmp_path / "drafts" / "x.md")
    assert settings.is_excluded(tmp_path / "docs" / "y.tmp.md")
    assert not settings.is_excluded(tmp_path / "docs" / "y.md")
    assert settings.is_excluded(tmp_path / "node_modules" / "pkg" / "README.md")


def test_licence_files_are_left_out_unless_a_pattern_brings_one_back(tmp_path):
    settings = resolver().for_path(tmp_path / "a.md")
    for name in ("LICENSE", "LICENSE.md", "docs/license.txt", "LICENCE.md", "COPYING"):
        assert settings.is_excluded(tmp_path / name), name
    for name in ("licensing-guide.md", "docs/licenses/apply.md", "README.md"):
        assert not settings.is_excluded(tmp_path / name), name
    write(tmp_path / ".plainlint.toml", "exclude = ['!LICENSE.md']\n")
    settings = resolver().for_path(tmp_path / "a.md")
    assert not settings.is_excluded(tmp_path / "LICENSE.md")
    assert settings.is_excluded(tmp_path / "COPYING")


def test_vocabulary_silences_the_terms_a_team_keeps(tmp_path):
    from support import lint_markdown

    text = "We maintained the FOIA log and will maintain it. We utilize it. The DMV keeps it.\n"
    before = {f.matched for f in lint_markdown(text, select=("PL101", "PL501"))}
    assert {"maintained", "maintain", "utilize", "FOIA", "DMV"} <= before
    after = {f.matched for f in lint_markdown(text, select=("PL101", "PL501"), vocabulary=("maintain", "FOIA"))}
    assert after == before - {"maintained", "maintain", "FOIA"}


def test_vocabulary_comes_from_the_config_and_must_be_strings(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.plainlint]\nvocabulary = ['FOIA', 'maintain']\n")
    assert resolver().for_path(tmp_path / "a.md").vocabulary == ("FOIA", "maintain")
    write(tmp_path / "pyproject.toml", "[tool.plainlint]\nvocabulary = 'FOIA'\n")
    with pytest.raises(ConfigError, match="'vocabulary' must be a list of strings"):
        resolver().for_path(tmp_path / "a.md")


def _config_error(tmp_path, data: bytes) -> str:
    path = tmp_path / ".plainlint.toml"
    path.write_bytes(data)
    with pytest.raises(ConfigError) as caught:
        resolver(explicit=path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and len(message) < 300, "one short line that names the file"
    return message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("fail-on = 'warn\xe9ing'\n".encode("latin-1"), "config is not UTF-8 text (byte 15: 0xe9)"),
        (bytes(range(256)) * 4, "config is not UTF-8 text"),
        (b"x = " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "nest too deeply"),
        (b"max-file-size = " + b"9" * 5_000 + b"\n", "a number has more than 4,300 digits"),
        (b"max-file-size = " + b"9" * 4_000 + b"\n", "'max-file-size' must be a positive integer up to"),
        (b"[rules.PL301]\ntarget-grade = nan\n", "option 'target-grade' must be a finite number, got nan"),
        (b"[rules.PL301]\ntarget-grade = -inf\n", "must be a finite number, got -inf"),
        (b"[rules.PL201]\nmax-words = " + b"9" * 100 + b"\n", "option 'max-words' must be at most"),
        (b"[rules.PL201]\nmax-words = -5\n", "option 'max-words' must not be negative, got -5"),
        (b"exclude = ['[z-a].md']\n", "bad pattern '[z-a].md' in 'exclude'"),
        (b"[per-file-ignores]\n'[z-a]*.md' = ['PL1']\n", "bad pattern '[z-a]*.md' in 'per-file-ignores'"),
        (b"exclude = ['" + b"a" * 2_000 + b"']\n", "2,000 characters long; the limit is 1,000"),
        (b"# " + b"x" * (1024 * 1024) + b"\n", "config file is over 1,048,576 bytes"),
    ],
    ids=["latin-1", "binary", "nested", "5000-digits", "4000-digits", "nan", "inf", "huge-option", "negative", "bad-range",
         "bad-range-per-file", "long-glob", "huge-file"],
)
def test_hostile_config_bytes_are_one_config_error(tmp_path, data, words):
    assert words in _config_error(tmp_path, data)


def test_globs_are_matched_in_linear_time(tmp_path):
    """'*a*a…*b' against a long name of a's backtracks for hours in Python's
    re; RE2 answers at once (a hang here would stop the test run)."""
    write(tmp_path / ".plainlint.toml", "exclude = ['" + "*a" * 25 + "*b']\n")
    settings = resolver().for_path(tmp_path / "x.md")
    assert not settings.is_excluded(tmp_path / ("a" * 200 + ".md"))
    assert settings.is_excluded(tmp_path / ("a" * 30 + "b"))
