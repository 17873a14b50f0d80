"""Run the enabled rules over documents and decide the exit code.

Files are read and extracted a chunk at a time; an unreadable file becomes an
error for that file only and the run goes on. Each chunk then gets one NLP
pass (only if an enabled rule needs one) before the rules run, and findings
pass through inline suppressions and per-rule level overrides."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from plainlint.cache import ResultCache
from plainlint.config import ConfigResolver, Settings, glob_spec, matchable
from plainlint.deadline import TimeLimit, deadline
from plainlint.discovery import Refused, walk
from plainlint.document import Document, Finding
from plainlint.errors import InputError
from plainlint.extract import (
    Source,
    extract,
    read_at_most,
    read_source,
    supported_suffixes,
)
from plainlint.language.nlp import LanguagePass, Want
from plainlint.language.stats import document_stats
from plainlint.parallel import can_fork, run_in_workers
from plainlint.registry import Registry, Rule
from plainlint.results import FileResult, RunResult
from plainlint.suppression import apply_directives

STDIN = "-"
#: Files extracted and parsed together: large enough for efficient spaCy
#: batches, small enough that parsed documents do not pile up in memory.
CHUNK_FILES = 32


@dataclass(frozen=True)
class Target:
    """One input to check: its display path, real path (None for stdin),
    and for an editor's buffer the text it holds instead of the file's."""

    display: str
    path: Path | None
    data: bytes | None = None


@dataclass
class _Prepared:
    """A file read and extracted, waiting for the NLP pass and the rules."""

    result: FileResult
    document: Document
    settings: Settings
    path: Path | None
    rules: list[Rule]
    #: Where its findings go in the cache (None: not cached).
    cache_key: str | None = None


class Linter:
    def __init__(
        self,
        registry: Registry,
        resolver: ConfigResolver,
        cli_excludes: Iterable[str] = (),
        use_model: bool = True,
        follow_links: bool = False,
        cache: ResultCache | None = None,
        selective_parse: bool = True,
        keep_parses: int = 0,
    ):
        self.registry = registry
        self.resolver = resolver
        self.cli_excludes = glob_spec(cli_excludes, "--exclude", "command line")
        self.use_model = use_model
        self.follow_links = follow_links
        self.cache = cache
        #: Tag and parse only the sentences a rule's cue wants (see
        #: LanguagePass); False parses everything, for comparison.
        self.selective_parse = selective_parse
        #: Parsed sentences kept between runs (the language server's), so a
        #: page checked again parses only what changed.
        self.keep_parses = keep_parses
        self._passes: dict[str | None, LanguagePass] = {}
        self._run_stamps: dict[tuple[int, tuple[str, ...]], tuple[Settings, str]] = {}

    def targets(self, paths: Iterable[str], stdin_name: str | None = None) -> Iterator[Target | FileResult]:
        """Expand the paths the user named into files to check; a path that
        does not exist comes back as a FileResult with its error."""
        suffixes = supported_suffixes()
        for name in paths:
            if name == STDIN:
                yield Target(stdin_name or STDIN, None)
                continue
            path = Path(name)
            if path.is_dir():
                for found in walk(path, suffixes, self._excluded, self.follow_links):
                    if isinstance(found, Refused):
                        yield FileResult(str(found.path), error=found.reason)
                    else:
                        yield Target(str(found), found)
            elif path.exists() or path.is_symlink():
                if not self._excluded(path):
                    yield Target(name, path)
            else:
                yield FileResult(name, error="no such file or directory")

    def _excluded(self, path: Path) -> bool:
        if self.cli_excludes.match_file(matchable(path)):
            return True
        return self.resolver.for_path(path).is_excluded(path)

    def run(
        self,
        items: Iterable[Target | FileResult],
        stdin: BinaryIO | None = None,
        on_file: Callable[[], None] = lambda: None,
        jobs: int = 1,
    ) -> RunResult:
        """Check `items` in order, in `jobs` processes when there are files
        enough (standard input is always read here)."""
        items = list(items)
        reads_stdin = any(isinstance(item, Target) and item.path is None for item in items)
        parallel = jobs > 1 and not reads_stdin and can_fork()
        noted = RunResult()
        if parallel and self.cache:
            # Files the cache has cost a hash and a read here; only the
            # others go to the workers, and none start when none is left.
            items = [self._from_cache(item, noted) for item in items]
        if parallel and sum(isinstance(item, Target) for item in items) > 1:
            run = run_in_workers(self, items, jobs, CHUNK_FILES, on_file)
        else:
            run = self.check_here(items, stdin, on_file)
        run.skipped_rules |= noted.skipped_rules
        run.skip_reason = run.skip_reason or noted.skip_reason
        if self.cache:
            self.cache.prune()
        return run

    def check_here(
        self,
        items: Iterable[Target | FileResult],
        stdin: BinaryIO | None = None,
        on_file: Callable[[], None] = lambda: None,
    ) -> RunResult:
        """Check `items` in this process."""
        run = RunResult()
        for chunk in _chunks(items, CHUNK_FILES):
            prepared = []
            for item in chunk:
                ready = item if isinstance(item, FileResult) else self._prepare(item, stdin, run)
                if isinstance(ready, FileResult):
                    run.files.append(ready)
                    on_file()
                else:
                    prepared.append(ready)
            self._language_pass(prepared, run)
            for item in prepared:
                try:
                    with deadline(item.settings.time_limit, "checking the file"):
                        item.result.findings = check_document(item.document, item.settings, item.rules)
                except TimeLimit as error:
                    item.result.error = str(error)
                if self.cache and item.cache_key and item.result.error is None:
                    self.cache.put(item.cache_key, item.result.findings, item.result.words, item.result.stats)
                run.files.append(item.result)
                item.document = None  # let parsed blocks go before the next chunk
                on_file()
        return run

    def _prepare(self, target: Target, stdin: BinaryIO | None, run: RunResult) -> _Prepared | FileResult:
        settings = self.resolver.for_path(target.path)
        result = FileResult(target.display, fail_on=settings.fail_on)
        try:
            with deadline(settings.time_limit, "reading the file"):
                if target.data is not None:
                    source = Source(target.display, target.data, settings.max_file_size, "markdown")
                elif target.path is None:
                    # Standard input is Markdown unless --stdin-filename says otherwise.
                    data = read_at_most(stdin, settings.max_file_size, "standard input") if stdin else b""
                    source = Source(target.display, data, settings.max_file_size, "markdown")
                else:
                    source = read_source(target.path, target.display, settings.max_file_size)
                rules = settings.enabled_rules(self.registry, target.path)
                cache_key = self._cache_key(source, settings, rules)
                if self._cached(result, cache_key, settings, rules, run):
                    return result
                document = extract(source)
        except InputError as error:
            result.error = str(error)
            return result
        result.words = document.word_count()
        result.stats = document_stats(document)
        return _Prepared(result, document, settings, target.path, rules, cache_key)

    def _from_cache(self, item: Target | FileResult, run: RunResult) -> Target | FileResult:
        """The file's result from the cache, or the target itself (also when
        it cannot be read: checking it reports that)."""
        if not isinstance(item, Target) or item.path is None or item.data is not None:
            return item
        settings = self.resolver.for_path(item.path)
        try:
            with deadline(settings.time_limit, "reading the file"):
                source = read_source(item.path, item.display, settings.max_file_size)
        except InputError:
            return item
        rules = settings.enabled_rules(self.registry, item.path)
        result = FileResult(item.display, fail_on=settings.fail_on)
        return result if self._cached(result, self._cache_key(source, settings, rules), settings, rules, run) else item

    def _cached(self, result: FileResult, key: str | None, settings: Settings, rules: list[Rule], run: RunResult) -> bool:
        """Fill `result` from the cache entry `key`; False when there is none."""
        cached = self.cache.get(key, result.path) if key else None
        if not cached:
            return False
        result.findings, result.words, result.stats = cached
        self._drop_model_rules(rules, settings, run)
        return True

    def _cache_key(self, source: Source, settings: Settings, rules: list[Rule]) -> str | None:
        if self.cache is None:
            return None
        codes = tuple(rule.code for rule in rules)
        memo = (id(settings), codes)
        if memo not in self._run_stamps:
            self._run_stamps[memo] = (settings, self._run_stamp(settings, rules))
        return self.cache.key(source.data, source.path, source.default_format, self._run_stamps[memo][1])

    def _run_stamp(self, settings: Settings, rules: list[Rule]) -> str:
        """Everything but the file that its findings depend on: the rules
        with their levels and options, the vocabulary, and the model (for
        rules that need it or use it when it is there)."""
        model = None
        if any(rule.wants for rule in rules):
            language = self._language(settings.model)
            model = language.package if language.available else language.problem
        stamp = {
            "rules": {rule.code: [settings.level_for(rule), settings.options_for(rule)] for rule in rules},
            "vocabulary": settings.vocabulary,
            "model": model,
        }
        return json.dumps(stamp, sort_keys=True, default=repr)

    def _language(self, model: str | None) -> LanguagePass:
        return self._passes.setdefault(model, LanguagePass(model, self.use_model, self.selective_parse, self.keep_parses))

    def _drop_model_rules(self, rules: list[Rule], settings: Settings, run: RunResult) -> list[Rule]:
        """`rules` without those that need a model, when it is missing
        (noted in `run`)."""
        if not any(rule.needs for rule in rules):
            return rules
        language = self._language(settings.model)
        if language.available:
            return rules
        run.skip_reason = language.problem
        run.skipped_rules.update(rule.code for rule in rules if rule.needs)
        return [rule for rule in rules if not rule.needs]

    def _language_pass(self, prepared: list[_Prepared], run: RunResult) -> None:
        """Parse the chunk once per model, for the union of what its rules
        need; without a model, drop the rules that need one."""
        by_model: dict[str | None, list[_Prepared]] = {}
        for item in prepared:
            if any(rule.wants for rule in item.rules):
                by_model.setdefault(item.settings.model, []).append(item)
        for model, items in by_model.items():
            language = self._language(model)
            if language.available:
                language.annotate((item.document, _wants(item)) for item in items)
                continue
            for item in items:
                item.rules = self._drop_model_rules(item.rules, item.settings, run)


def _wants(item: _Prepared) -> list[Want]:
    """What each of the file's rules asks of the language pass, and where."""
    return [Want(rule.wants, rule.cue(item.settings.options_for(rule))) for rule in item.rules if rule.wants]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def check_document(document: Document, settings: Settings, rules: Iterable[Rule]) -> list[Finding]:
    """Run `rules` on one document with their options from `settings`; apply
    the author's suppression comments and configured levels; sort by
    position."""
    findings: list[Finding] = []
    for rule in rules:
        level = settings.level_for(rule)
        for finding in rule.run(document, settings.options_for(rule)):
            if finding.matched and settings.accepts(finding.matched):
                continue
            if level != rule.level and finding.level == rule.level:
                finding = replace(finding, level=level)
            findings.append(finding)
    findings = apply_directives(findings, document.directives)
    return sorted(findings, key=lambda f: (f.location.sort_key(), f.code))
