"""Configuration: `[tool.plainlint]` in pyproject.toml or a `.plainlint.toml`,
found by walking up from each checked file (the nearest wins), replaced by
`--config`, and overridden by command-line flags. Unknown keys, unknown rule
codes and options of the wrong type are errors that name the key and file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import pathspec

from plainlint.document import Level
from plainlint.errors import ConfigError, brief
from plainlint.extract import DEFAULT_MAX_BYTES
from plainlint.extract.encoding import without_surrogates
from plainlint.language.inflect import word_forms
from plainlint.limits import CONFIG_BYTES, CONFIG_INT, GLOB_CHARS, TIME_LIMIT_SECONDS
from plainlint.registry import Registry, Rule

CONFIG_FILES = (".plainlint.toml", "pyproject.toml")
#: Folders no content team wants linted, and licence files: legal text a
#: project adopts word for word and cannot rewrite (in the review set every
#: finding on a LICENSE file was judged not worth an editor's time). A
#: `!LICENSE.md` pattern in `exclude` checks one again.
DEFAULT_EXCLUDES = (
    ".git/", ".hg/", ".svn/", ".venv/", "venv/", "node_modules/", "__pycache__/",
    ".tox/", ".nox/", "site-packages/", ".mypy_cache/", ".pytest_cache/",
    "[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]", "[Ll][Ii][Cc][Ee][Nn][CcSs][Ee].*",
    "[Cc][Oo][Pp][Yy][Ii][Nn][Gg]", "[Cc][Oo][Pp][Yy][Ii][Nn][Gg].*",
)
_LIST_KEYS = ("select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude", "vocabulary")
DEFAULT_TIME_LIMIT = TIME_LIMIT_SECONDS

KNOWN_KEYS = (*_LIST_KEYS, "per-file-ignores", "fail-on", "rules", "max-file-size", "time-limit", "model",
              "cache-dir")


@dataclass(frozen=True)
class Settings:
    """Resolved settings for the files under one config file."""

    #: Directory that relative globs (exclude, per-file-ignores) start from.
    root: Path
    #: The config file these came from ("defaults" when there is none).
    source: str = "defaults"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Level = Level.WARNING
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_levels: Mapping[str, Level] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_BYTES
    #: Seconds one file may take to read, and again to check (0: no limit).
    time_limit: int = DEFAULT_TIME_LIMIT
    #: spaCy model package; None tries en_core_web_sm, then its repackaged copy.
    model: str | None = None
    #: Terms and acronyms the team has decided to keep: findings about them
    #: are not reported ("maintain" also covers "maintained").
    vocabulary: tuple[str, ...] = ()
    #: Where results are cached between runs (None: PLAINLINT_CACHE_DIR, else
    #: the user's cache folder); relative to the config file's folder.
    cache_dir: Path | None = None

    def accepts(self, matched: str) -> bool:
        """Whether a finding's matched text is a term in `vocabulary`."""
        flat = " ".join(matched.split())
        return flat in self._accepted or flat.lower() in self._accepted_lower

    def enabled_rules(self, registry: Registry, path: Path | None = None) -> list[Rule]:
        selected = self._selected_rules(registry)
        if path is None or not self._per_file_specs:
            return list(selected)
        ignored_here = self._per_file_ignores(path)
        return [rule for rule in selected if not _longest_prefix(rule.code, ignored_here)]

    def _selected_rules(self, registry: Registry) -> tuple[Rule, ...]:
        """The rules select/ignore enable, worked out once per set of rules
        (a run asks for every file)."""
        rules = tuple(registry)
        memo = self.__dict__.setdefault("_selected_memo", {})
        key = tuple(map(id, rules))
        if key not in memo:
            memo[key] = tuple(rule for rule in rules if self._selected(rule))
        return memo[key]

    def options_for(self, rule: Rule) -> dict[str, Any]:
        return {**rule.defaults(), **self.rule_options.get(rule.code, {})}

    def level_for(self, rule: Rule) -> Level:
        return self.rule_levels.get(rule.code, rule.level)

    def is_excluded(self, path: Path) -> bool:
        return self._exclude_spec.match_file(_relative(path, self.root))

    @cached_property
    def _accepted(self) -> frozenset[str]:
        """Terms with capitals ("FOIA", "Medicaid") as written."""
        return frozenset(term for term in self._terms if term != term.lower())

    @cached_property
    def _accepted_lower(self) -> frozenset[str]:
        """Lower-case terms in any case, and each single word in its other
        forms: "maintain" also accepts "maintains", "maintained", "maintaining"."""
        lower = [term for term in self._terms if term == term.lower()]
        forms = {form for term in lower if " " not in term for form in word_forms(term)}
        return frozenset(lower) | forms

    @cached_property
    def _terms(self) -> tuple[str, ...]:
        return tuple(" ".join(term.split()) for term in self.vocabulary if term.strip())

    @cached_property
    def _exclude_spec(self) -> pathspec.GitIgnoreSpec:
        return glob_spec([*DEFAULT_EXCLUDES, *self.exclude], "exclude", self.source)

    def _selected(self, rule: Rule) -> bool:
        chosen = (*(self.select or ()), *self.extend_select)
        selected = _longest_prefix(rule.code, chosen)
        ignored = _longest_prefix(rule.code, self.ignore)
        if not selected:
            return rule.enabled_by_default and self.select is None and not ignored
        return len(selected) > len(ignored)

    def _per_file_ignores(self, path: Path | None) -> tuple[str, ...]:
        if path is None:
            return ()
        relative = _relative(path, self.root)
        codes: list[str] = []
        for spec, ignored in self._per_file_specs:
            if spec.match_file(relative):
                codes.extend(ignored)
        return tuple(codes)

    @cached_property
    def _per_file_specs(self) -> list[tuple[pathspec.GitIgnoreSpec, tuple[str, ...]]]:
        return [
            (glob_spec([pattern], "per-file-ignores", self.source), codes)
            for pattern, codes in self.per_file_ignores
        ]


MAX_GLOB_CHARS = GLOB_CHARS


def glob_spec(patterns: Iterable[str], key: str, source: str) -> pathspec.GitIgnoreSpec:
    """Gitignore-style `patterns`, matched by RE2 (pathspec's re2 backend):
    in time linear in the path, where Python's backtracking `re` takes hours
    on "*a*a*a…*b" against a long name. A pattern that is too long or does
    not compile is a config error naming it."""
    patterns = list(patterns)
    for pattern in patterns:
        if len(pattern) > MAX_GLOB_CHARS:
            raise ConfigError(f"{source}: a pattern in '{key}' is {len(pattern):,} characters long; the limit is {MAX_GLOB_CHARS:,}")
    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns, backend="re2")
    except (re.error, ValueError) as error:
        bad = next((p for p in patterns if not _compiles(p)), patterns)
        raise ConfigError(f"{source}: bad pattern {bad!r} in '{key}': {error}") from None


def _compiles(pattern: str) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([pattern], backend="re2")
    except (re.error, ValueError):
        return False
    return True


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> str:
    return max((p for p in prefixes if code.startswith(p)), key=len, default="")


def _relative(path: Path, root: Path) -> str:
    """Where `path` is, relative to `root`: a symbolic link is matched where
    it is, not where it points."""
    absolute = _resolved(path.parent) / path.name
    try:
        return matchable(absolute.relative_to(_resolved(root)))
    except ValueError:
        return matchable(absolute)


@lru_cache(maxsize=1024)
def _resolved(folder: Path) -> Path:
    """A folder's real path; a run asks again for every file in it."""
    return folder.resolve()


def matchable(path: Path) -> str:
    """A path as globs are matched against it: RE2 takes only UTF-8, so the
    undecodable bytes of a file name (surrogate escapes) become U+FFFD."""
    return without_surrogates(path.as_posix())


@dataclass(frozen=True)
class Overrides:
    """Command-line flags: they override every config file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Level | None = None

    def apply(self, settings: Settings, registry: Registry) -> Settings:
        for key, codes in (("--select", self.select or ()), ("--ignore", self.ignore), ("--extend-select", self.extend_select)):
            _check_codes(codes, registry, key, "the command line")
        return replace(
            settings,
            select=self.select if self.select is not None else settings.select,
            ignore=(*settings.ignore, *self.ignore),
            extend_select=(*settings.extend_select, *self.extend_select),
            fail_on=self.fail_on or settings.fail_on,
        )


MAX_CONFIG_BYTES = CONFIG_BYTES


def read_config_file(path: Path) -> Mapping[str, Any] | None:
    """The plainlint table of a config file, or None when a pyproject.toml has
    no `[tool.plainlint]` (so discovery keeps walking up)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: config file is over {MAX_CONFIG_BYTES:,} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: config is not UTF-8 text (byte {error.start}: {raw[error.start]:#04x})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nest too deeply") from None
    except ValueError:  # Python refuses to read an integer of over 4,300 digits
        raise ConfigError(f"{path}: invalid TOML: a number has more than 4,300 digits") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("plainlint")
    return data


def settings_from_table(table: Mapping[str, Any], root: Path, source: str, registry: Registry) -> Settings:
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(
            f"{source}: unknown key '{unknown[0]}' (known keys: {', '.join(KNOWN_KEYS)})"
        )
    lists = {key: _string_list(table, key, source) for key in _LIST_KEYS}
    for key in ("select", "ignore", "extend-select", "extend-ignore"):
        _check_codes(lists[key] or (), registry, key, source)
    options, levels = _rule_tables(table.get("rules", {}), registry, source)
    for key in ("exclude", "extend-exclude"):
        glob_spec(lists[key] or (), key, source)
    return Settings(
        root=root,
        source=source,
        select=lists["select"],
        ignore=(*(lists["ignore"] or ()), *(lists["extend-ignore"] or ())),
        extend_select=lists["extend-select"] or (),
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), registry, source),
        exclude=(*(lists["exclude"] or ()), *(lists["extend-exclude"] or ())),
        fail_on=_level(table.get("fail-on", "warning"), "fail-on", source),
        rule_options=options,
        rule_levels=levels,
        max_file_size=_positive_int(table.get("max-file-size", DEFAULT_MAX_BYTES), "max-file-size", source),
        time_limit=_seconds(table.get("time-limit", DEFAULT_TIME_LIMIT), "time-limit", source),
        model=_optional_string(table.get("model"), "model", source),
        vocabulary=lists["vocabulary"] or (),
        cache_dir=_folder(table.get("cache-dir"), root, "cache-dir", source),
    )


def _folder(value: Any, root: Path, key: str, source: str) -> Path | None:
    text = _optional_string(value, key, source)
    return None if text is None else root / Path(text).expanduser()


def _string_list(table: Mapping[str, Any], key: str, source: str) -> tuple[str, ...] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings, got {brief(value)}")
    return tuple(value)


def _check_codes(codes, registry: Registry, key: str, source: str) -> None:
    for code in codes:
        if not registry.matching(code):
            raise ConfigError(f"{source}: unknown rule code '{code}' in '{key}'")


def _level(value: Any, key: str, source: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        raise ConfigError(
            f"{source}: '{key}' must be one of suggestion, warning, error; got {brief(value)}"
        ) from None


def _optional_string(value: Any, key: str, source: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{source}: '{key}' must be a string, got {brief(value)}")
    return value


MAX_CONFIG_INT = CONFIG_INT


def _positive_int(value: Any, key: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_CONFIG_INT:
        raise ConfigError(f"{source}: '{key}' must be a positive integer up to {MAX_CONFIG_INT:,}, got {brief(value)}")
    return value


def _seconds(value: Any, key: str, source: str) -> int:
    if value == 0 and not isinstance(value, bool):
        return 0
    return _positive_int(value, key, source)


def _rule_tables(tables: Any, registry: Registry, source: str):
    if not isinstance(tables, dict):
        raise ConfigError(f"{source}: 'rules' must be a table of rule codes")
    options: dict[str, dict[str, Any]] = {}
    levels: dict[str, Level] = {}
    for code, values in tables.items():
        rule = registry.get(code)
        where = f"{source}: rules.{code}"
        if rule is None:
            raise ConfigError(f"{source}: unknown rule code '{code}' in 'rules'")
        if not isinstance(values, dict):
            raise ConfigError(f"{where} must be a table of options")
        for name, value in values.items():
            if name == "level":
                levels[rule.code] = _level(value, f"rules.{code}.level", source)
            elif name not in rule.options:
                known = ", ".join(["level", *rule.options]) or "level"
                raise ConfigError(f"{where}: unknown option '{name}' (known: {known})")
            else:
                options.setdefault(rule.code, {})[name] = rule.options[name].coerce(value, where)
    return options, levels


def _per_file_ignores(table: Any, registry: Registry, source: str):
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: 'per-file-ignores' must be a table of glob = [codes]")
    result = []
    for pattern, codes in table.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{source}: per-file-ignores '{pattern}' must be a list of codes")
        _check_codes(codes, registry, f"per-file-ignores.{pattern}", source)
        glob_spec([pattern], "per-file-ignores", source)
        result.append((pattern, tuple(codes)))
    return tuple(result)


class ConfigResolver:
    """Finds and caches the settings that apply to each checked file."""

    def __init__(self, registry: Registry, overrides: Overrides, explicit: Path | None = None):
        self.registry = registry
        self.overrides = overrides
        self._by_directory: dict[Path, Settings] = {}
        self._explicit: Settings | None = None
        if explicit is not None:
            self._explicit = self._load(explicit)
            if self._explicit is None:
                raise ConfigError(f"{explicit}: no [tool.plainlint] table in this file")

    def for_path(self, path: Path | None) -> Settings:
        """Settings for a file (None: standard input, from the current folder)."""
        if self._explicit is not None:
            return self._explicit
        return self._for_directory(_resolved(path.parent if path is not None else Path.cwd()))

    def _for_directory(self, directory: Path) -> Settings:
        if directory in self._by_directory:
            return self._by_directory[directory]
        settings = None
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                settings = self._load(candidate)
                if settings is not None:
                    break
        if settings is None:
            parent = directory.parent
            if parent == directory:
                settings = self.overrides.apply(Settings(root=Path.cwd()), self.registry)
            else:
                settings = self._for_directory(parent)
        self._by_directory[directory] = settings
        return settings

    def _load(self, path: Path) -> Settings | None:
        table = read_config_file(path)
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.plainlint] must be a table")
        settings = settings_from_table(table, path.parent.resolve(), str(path), self.registry)
        return self.overrides.apply(settings, self.registry)
