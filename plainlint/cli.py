"""The `plainlint` command line."""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plainlint import __version__, formatters
from plainlint.document import Level
from plainlint.errors import ConfigError, InputError, PlainlintError
from plainlint.results import ExitCode, RunResult

# The rest is imported where a command needs it, so that `--version`,
# `--help` and `rules` do not pay for the engine, the extractors and the
# config reader.
if TYPE_CHECKING:
    from plainlint.config import ConfigResolver
    from plainlint.engine import Linter
    from plainlint.gate.baseline import Baseline

EXIT_CODES = """\b
Exit codes:
  0  no findings at or above --fail-on (default: warning)
  1  findings at or above --fail-on
  2  usage or configuration error
  3  one or more inputs could not be read (the others were still checked)
"""
LEVELS = click.Choice([level.value for level in Level])


class FormatChoice(click.Choice):
    """The built-in formats and, once an option is given, the installed
    plugins: looking plugins up costs more than the rest of start-up."""

    def __init__(self):
        super().__init__(formatters.BUILTIN)

    def convert(self, value, param, ctx):
        self.choices = tuple(formatters.available())
        return super().convert(value, param, ctx)
#: Show a progress bar on a terminal when a run has at least this many files.
PROGRESS_FROM = 20


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def _fail(message: str, code: int = ExitCode.USAGE) -> None:
    click.echo(f"plainlint: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, "-V", "--version", prog_name="plainlint")
def main() -> None:
    """Lint documents for plain language and form usability.

    Reads Markdown, text, HTML, PDF and DOCX, including their form fields,
    and reports what makes them hard to read or fill in (complex words,
    passive voice, long sentences, readability by section, unlabelled or
    unmarked form fields, missing OMB notices), each finding at its page,
    line or field with a plainer alternative where one exists. Fails a build
    on findings at or above a chosen level.
    """
    for stream in (sys.stdout, sys.stderr):
        _escape_unencodable(stream)


def _escape_unencodable(stream) -> None:
    """Write what the stream cannot encode as a backslash escape: a PDF's
    broken ToUnicode map yields lone surrogates, and so does a file name
    that is not UTF-8; neither may end the run with a traceback."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


#: Options that check, report and annotate share, defined once.
_config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                              help="Use this config file instead of searching for one.")
_select_option = click.option("--select", help="Comma-separated rule codes or prefixes to enable (replaces config).")
_ignore_option = click.option("--ignore", help="Comma-separated rule codes or prefixes to disable.")
_no_model_option = click.option("--no-model", is_flag=True,
                                help="Skip the rules that need a spaCy language model (faster).")


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1)
@_config_option
@_select_option
@_ignore_option
@click.option("--extend-select", help="Comma-separated codes or prefixes to enable as well.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching this .gitignore-style pattern (repeatable).")
@click.option("--fail-on", type=LEVELS, help="Lowest level that fails the run [config or warning].")
@click.option("--format", "output_format", type=FormatChoice(),
              help="Output format [text; github when GITHUB_ACTIONS=true].")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--statistics", is_flag=True, help="After the report, print the number of findings per rule.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Report (and fail on) only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Record today's findings in this file, to use later with --baseline.")
@click.option("--diff", "--changed-since", "diff_ref", metavar="REF",
              help="Only report findings on lines changed since this git ref (e.g. origin/main).")
@click.option("--stdin-filename", help="Name to report for standard input ('-'); its suffix picks the format.")
@_no_model_option
@click.option("--follow-links", is_flag=True,
              help="Read files that symbolic links in a checked folder point to outside it (not read by default).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Check files in N processes (default: one per core); the report is the same.")
@click.option("--no-cache", is_flag=True,
              help="Check every file afresh; neither read nor write the cache (config cache-dir, "
                   "PLAINLINT_CACHE_DIR).")
@click.option("--fix", is_flag=True,
              help="Apply every safe suggestion to Markdown, text and HTML files (atomically), then report what is "
                   "left. PDF and Word files are not changed: use 'plainlint annotate'.")
@click.option("--dry-run", is_flag=True, help="With --fix: print the changes as a unified diff and write nothing.")
def check(paths, config_path, select, ignore, extend_select, exclude, fail_on, output_format, output_path, color,
          statistics, baseline_path, write_baseline_path, diff_ref, stdin_filename, no_model, follow_links, jobs,
          no_cache, fix, dry_run):
    """Check files and folders (recursively; '-' reads standard input).

    Folders are searched for Markdown, text, HTML, PDF and DOCX files. With
    no PATHS, the current folder is checked.
    """
    from plainlint.config import ConfigResolver, Overrides
    from plainlint.engine import STDIN, Linter
    from plainlint.gate.baseline import load_baseline, write_baseline
    from plainlint.gate.gitdiff import changed_lines
    from plainlint.parallel import cores
    from plainlint.registry import default_registry

    registry = default_registry()
    overrides = Overrides(
        select=_codes(select) if select is not None else None,
        ignore=_codes(ignore),
        extend_select=_codes(extend_select),
        fail_on=Level(fail_on) if fail_on else None,
    )
    paths = list(paths) or ["."]
    if dry_run and not fix:
        _fail("--dry-run goes with --fix")
    if fix and STDIN in paths:
        _fail("--fix changes files; it cannot change standard input")
    try:
        if config_path is not None and not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        resolver = ConfigResolver(registry, overrides, config_path)
        known = load_baseline(baseline_path) if baseline_path else None
        changed = changed_lines(diff_ref, [p for p in paths if p != STDIN]) if diff_ref else None
        cache = None if no_cache else _open_cache(resolver)
        linter = Linter(registry, resolver, exclude, use_model=not no_model, follow_links=follow_links, cache=cache)
        named = (("--output", output_path), ("--write-baseline", write_baseline_path))
        writes = {option: path for option, path in named if path}
        result = _run(linter, paths, stdin_filename, writes, jobs or cores())
        if write_baseline_path:
            write_baseline(write_baseline_path, result.findings)
        _keep_new_findings(result, known, changed)
        if fix:
            result = _fixed(linter, result, dry_run, lambda run: _keep_new_findings(run, known, changed))
    except PlainlintError as error:
        _fail(str(error))
    if result.skipped_rules and not no_model:
        skipped = ", ".join(sorted(result.skipped_rules))
        click.echo(f"plainlint: note: {result.skip_reason}; skipped {skipped}", err=True)
    for failed in result.errors:
        click.echo(f"{failed.path}: error: {failed.error}", err=True)
    report = formatters.Report(result, registry, __version__)
    _write_report(report, output_format, output_path, color)
    if statistics:
        _print_statistics(result)
    if write_baseline_path:
        click.echo(f"plainlint: wrote {len(result.findings)} findings to baseline {write_baseline_path}", err=True)
        sys.exit(ExitCode.INPUT_ERROR if result.errors else ExitCode.OK)
    sys.exit(result.exit_code())


def _open_cache(resolver: ConfigResolver):
    """The result cache: PLAINLINT_CACHE_DIR, else the current folder's
    config `cache-dir`, else the user's cache folder."""
    from plainlint.cache import open_cache
    from plainlint.cache_folder import ENV_VAR, default_folder

    configured = resolver.for_path(None).cache_dir
    return open_cache(configured if configured and not os.environ.get(ENV_VAR) else default_folder())


def _fixed(linter: Linter, result: RunResult, dry_run: bool, keep_new) -> RunResult:
    """--fix: apply the safe fixes and return the run with the fixed files
    checked again; --dry-run: print them as a diff and exit (1 when there is
    something to fix)."""
    from plainlint.fix import COPY_FORMATS, file_format, fix_file, safe_fix

    done, copies = [], []
    for file in result.files:
        if file.error is not None or not any(safe_fix(f) is not None for f in file.findings):
            continue
        path = Path(file.path)
        try:
            data = path.read_bytes()
            if file_format(path, data) in COPY_FORMATS:
                copies.append(file.path)
            elif (fixed := fix_file(path, data, file.findings, write=not dry_run)) is not None:
                done.append(fixed)
        except (OSError, InputError) as error:
            click.echo(f"{file.path}: cannot fix: {getattr(error, 'strerror', None) or error}", err=True)
    if copies:
        click.echo(f"plainlint: PDF and Word files are not changed in place ({len(copies)} with safe fixes); "
                   "'plainlint annotate FILE --output COPY' writes a reviewed copy", err=True)
    count = sum(fixed.fixed for fixed in done)
    verb = "would fix" if dry_run else "fixed"
    click.echo(f"plainlint: {verb} {count} finding{'' if count == 1 else 's'} in {len(done)} "
               f"file{'' if len(done) == 1 else 's'}", err=True)
    if dry_run:
        sys.stdout.write("".join(fixed.diff() for fixed in done))
        sys.exit(ExitCode.FINDINGS if done else ExitCode.OK)
    if not done:
        return result
    again = linter.run(linter.targets([str(fixed.path) for fixed in done]))
    keep_new(again)
    fresh = {file.path: file for file in again.files}
    result.files = [fresh.get(file.path, file) for file in result.files]
    return result


def _keep_new_findings(result: RunResult, known: Baseline | None, changed: dict | None) -> None:
    """Drop findings the baseline already records, then those on lines the
    diff did not touch (baseline first: its fingerprints count duplicates in
    report order). Standard input has no git history, so --diff keeps it."""
    from plainlint.engine import STDIN
    from plainlint.gate.gitdiff import filter_changed

    for file in result.files:
        if known is not None:
            file.findings = known.filter_new(file.findings)
        if changed is not None and file.path != STDIN:
            file.findings = filter_changed(file.findings, changed)


def _write_report(report: formatters.Report, output_format: str | None, output_path: Path | None, color: str) -> None:
    if output_format is None:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true" and output_path is None
        output_format = "github" if in_actions else "text"
    if output_path is None:
        stream = sys.stdout
        formatters.render(output_format, report, stream, _use_color(color, stream))
        return
    from plainlint.gate.atomic import write_text_atomic

    buffer = io.StringIO()
    formatters.render(output_format, report, buffer, color == "always")
    try:
        write_text_atomic(output_path, buffer.getvalue())
    except OSError as error:
        _fail(f"{output_path}: cannot write report: {error.strerror or error}")


def _print_statistics(result: RunResult) -> None:
    counts = Counter((f.code, f.name, f.level.value) for f in result.findings)
    for (code, name, level), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        click.echo(f"{count:6d}  {code}  {name} [{level}]", err=True)


def _run(linter: Linter, paths: list[str], stdin_filename: str | None, writes: dict[str, Path], jobs: int) -> RunResult:
    """Check `paths`, after making sure that none of the files to be written
    (`writes`, by option) is one of them or anything but a plain file."""
    from plainlint.engine import STDIN, Target
    from plainlint.gate.atomic import refuse_unsafe

    stdin = sys.stdin.buffer if STDIN in paths else None
    items = list(linter.targets(paths, stdin_filename))
    inputs = [item.path for item in items if isinstance(item, Target) and item.path is not None]
    for option, path in writes.items():
        refuse_unsafe(path, option, inputs)
    if len(items) < PROGRESS_FROM or not sys.stderr.isatty():
        return linter.run(items, stdin, jobs=jobs)
    from rich.progress import Progress

    # No refresh thread: workers are forked during the run, and a fork must
    # not copy a lock another thread holds.
    with Progress(console=_stderr_console(), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("Checking", total=len(items))
        return linter.run(items, stdin, lambda: progress.update(task, advance=1, refresh=True), jobs)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@main.command("report", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1)
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("plainlint-report.html"), show_default=True, help="Where to write the HTML report (atomically).")
@_config_option
@_select_option
@_ignore_option
@_no_model_option
@click.option("--no-cache", is_flag=True, help="Check every file afresh; neither read nor write the cache.")
@click.pass_context
def report_command(ctx, paths, output_path, config_path, select, ignore, no_model, no_cache):
    """Write one self-contained HTML page for people to read: every document
    with its findings marked in its text, the rules that fire most, filters.

    Findings do not fail a report (exit 0); unreadable files still exit 3.
    """
    try:
        ctx.invoke(check, paths=paths, output_format="html", output_path=output_path, config_path=config_path,
                   select=select, ignore=ignore, no_model=no_model, no_cache=no_cache)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else ExitCode.USAGE
        if code != ExitCode.USAGE:  # the report is written, with any unreadable file in it
            click.echo(f"plainlint: wrote {output_path}", err=True)
        sys.exit(ExitCode.OK if code == ExitCode.FINDINGS else code)


@main.command("annotate", epilog=EXIT_CODES)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the annotated copy (atomically); never the input itself.")
@_config_option
@_select_option
@_ignore_option
@_no_model_option
@click.option("--no-changes", is_flag=True, help="Word only: comments, without safe rewrites as tracked changes.")
def annotate_command(path, output_path, config_path, select, ignore, no_model, no_changes):
    """Write a copy of a document with the findings on it, where its owners
    work. A Word document (.docx) gets each finding as a comment by
    "plainlint" on the words it is about and each safe rewrite as a tracked
    change to accept or reject; a PDF gets a highlight with a pop-up note on
    each finding's words or form field; any other file (HTML, Markdown,
    text) gets the HTML report for it. The input is not changed. Findings do
    not fail it (exit 0); an unreadable file exits 3.
    """
    from plainlint.config import ConfigResolver, Overrides
    from plainlint.engine import Linter
    from plainlint.gate.atomic import refuse_unsafe, write_bytes_atomic
    from plainlint.registry import default_registry

    registry = default_registry()
    overrides = Overrides(select=_codes(select) if select is not None else None, ignore=_codes(ignore))
    try:
        refuse_unsafe(output_path, "--output", [path])
        linter = Linter(registry, ConfigResolver(registry, overrides, config_path), use_model=not no_model)
        run = linter.run(linter.targets([str(path)]))
        (result,) = run.files
        if result.error is not None:
            _fail(f"{path}: {result.error}", ExitCode.INPUT_ERROR)
        written = _annotated(path, run, registry, changes=not no_changes)
        write_bytes_atomic(output_path, written if isinstance(written, bytes) else written.data)
    except InputError as error:
        _fail(f"{path}: {error}", ExitCode.INPUT_ERROR)
    except PlainlintError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{output_path}: cannot write: {error.strerror or error}", ExitCode.INPUT_ERROR)
    click.echo(f"plainlint: wrote {output_path}" + ("" if isinstance(written, bytes) else _tally(written)), err=True)


def _annotated(path: Path, run: RunResult, registry, changes: bool):
    """The annotated copy for the file's format: an `Annotated` for Word and
    PDF, the HTML report's bytes for anything else."""
    suffix = path.suffix.lower()
    (result,) = run.files
    if suffix == ".docx":
        from plainlint.report.annotate_docx import annotate_docx

        return annotate_docx(path.read_bytes(), result.findings, changes=changes)
    if suffix == ".pdf":
        from plainlint.report.annotate_pdf import annotate_pdf

        return annotate_pdf(path.read_bytes(), result.findings)
    buffer = io.StringIO()
    formatters.render("html", formatters.Report(run, registry, __version__), buffer, False)
    return buffer.getvalue().encode("utf-8")


def _tally(annotated) -> str:
    notes = "note" if annotated.placed == 1 else "notes"
    changes = "" if annotated.changed == 0 else f", {annotated.changed} tracked change{'' if annotated.changed == 1 else 's'}"
    apart = f", {annotated.apart} more in one note at the start" if annotated.apart else ""
    return f": {annotated.placed} {notes} on the text{apart}{changes}"


@main.command("lsp")
def lsp_command():
    """Run the language server on standard input and output, for editors.

    Markdown, text and HTML are checked as you type, PDF and Word files when
    opened and saved; quick fixes apply suggestions or disable a rule for a
    line. See the README for VS Code, Neovim, Emacs, Helix and Zed.
    """
    from plainlint.lsp.server import serve

    serve()


@main.command("extract")
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def extract_command(path, output_format):
    """Show what plainlint reads from a file: blocks, form fields, notices.

    Use it to understand a finding's location, or in a bug report.
    """
    from plainlint.engine import STDIN
    from plainlint.extract import (
        DEFAULT_MAX_BYTES,
        Source,
        extract,
        read_at_most,
        read_source,
    )
    from plainlint.inspect import document_dict, document_text

    try:
        if path == STDIN:
            data = read_at_most(sys.stdin.buffer, DEFAULT_MAX_BYTES, "standard input")
            document = extract(Source(STDIN, data, default_format="markdown"))
        else:
            document = extract(read_source(Path(path), path))
    except InputError as error:
        click.echo(f"{path}: error: {error}", err=True)
        sys.exit(ExitCode.INPUT_ERROR)
    if output_format == "json":
        click.echo(json.dumps(document_dict(document), indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(document_text(document))


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Show which rules this config enables (default: the config for the current folder).")
def list_rules(output_format, config_path):
    """List every rule: code, name, default level, enabled or not, what it checks."""
    from plainlint.config import ConfigResolver, Overrides
    from plainlint.registry import default_registry

    registry = default_registry()
    try:
        settings = ConfigResolver(registry, Overrides(), config_path).for_path(None)
    except PlainlintError as error:
        _fail(str(error))
    enabled = {rule.code for rule in settings.enabled_rules(registry)}
    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "level": settings.level_for(rule).value,
            "default_level": rule.level.value,
            "enabled": rule.code in enabled,
            "summary": rule.summary,
            "needs": sorted(rule.needs),
            "uses": sorted(rule.uses),
            "options": {name: option.default for name, option in rule.options.items()},
            "doc_url": rule.doc_url,
        }
        for rule in registry
    ]
    if output_format == "json":
        click.echo(json.dumps({"schema_version": "1.0", "rules": rows}, indent=2))
        return
    for row in rows:
        state = "on " if row["enabled"] else "off"
        click.echo(f"{row['code']}  {state}  {row['level']:<10}  {row['name']:<22}  {row['summary']}")


@main.command()
@click.argument("code")
def explain(code):
    """Explain a rule: what it does, why, an example and what to use instead.

    CODE is a rule code (PL101) or name (complex-words).
    """
    from plainlint.registry import default_registry

    registry = default_registry()
    rule = registry.get(code) or next((r for r in registry if r.name == code.lower()), None)
    if rule is None:
        _fail(f"unknown rule '{code}'; run 'plainlint rules' to list them")
    from plainlint.docs import explanation

    click.echo(explanation(rule))
