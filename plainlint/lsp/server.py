"""`plainlint lsp`: findings in the editor as the writer types, over the
Language Server Protocol on standard input and output (pygls).

Markdown, text and HTML buffers are checked from the editor's text on open,
change and save; PDF and Word files from the disk on open and save. Each
file gets the settings its folder's `pyproject.toml` or `.plainlint.toml`
gives it, as on the command line. The language model loads in the
background: until it is ready the rules that need none report, and then
every open document is checked again with all of them. After an edit the
page is checked again, but only the sentences that changed are parsed.

Code actions: a quick fix per suggestion (the safe one preferred), "disable
this rule for this line", and "fix all safe findings in this file". A hover
on a finding shows `plainlint explain` for its rule.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from plainlint import __version__
from plainlint.config import ConfigResolver, Overrides
from plainlint.docs import explanation
from plainlint.engine import Linter, Target
from plainlint.errors import PlainlintError
from plainlint.fix import COPY_FORMATS, file_format
from plainlint.lsp.findings import Placed, diagnostic, fix_all, overlaps, place, quick_fixes
from plainlint.registry import default_registry

#: Parsed sentences kept between checks: after an edit only the sentences
#: that changed are parsed again.
KEPT_SENTENCES = 20_000
#: Checked once in the background to load the model the rules will ask for.
_WARM_UP = b"The form must be signed by the applicant before it is sent.\n"

logger = logging.getLogger(__name__)


class PlainlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("plainlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.registry = default_registry()
        self.resolver = ConfigResolver(self.registry, Overrides(), None)
        #: Without the rules that need the model, until `full` has loaded it.
        self.quick = Linter(self.registry, self.resolver, use_model=False)
        self.full: Linter | None = None
        #: uri -> (text the findings were placed in, its format, findings).
        self.checked: dict[str, tuple[str, str, list[Placed]]] = {}

    def linter(self) -> Linter:
        return self.full or self.quick

    def check(self, uri: str) -> None:
        """Check the document and publish its diagnostics."""
        path = _path(uri)
        document = self.workspace.get_text_document(uri)
        text = document.source
        try:
            data = path.read_bytes() if _read_from_disk(path) else text.encode("utf-8")
            kind = file_format(path, data)
            if kind in COPY_FORMATS:
                text = ""
            (result,) = self.linter().run([Target(str(path), path, data)]).files
        except (OSError, PlainlintError) as error:
            self._publish_problem(uri, document.version, str(error))
            return
        if result.error is not None:
            self._publish_problem(uri, document.version, result.error)
            return
        placed = place(result.findings, text)
        self.checked[uri] = (text, kind, placed)
        diagnostics = [diagnostic(item, self._doc_url(item.finding.code)) for item in placed]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics)
        )

    def _publish_problem(self, uri: str, version: int | None, message: str) -> None:
        start = types.Position(0, 0)
        problem = types.Diagnostic(types.Range(start, start), f"plainlint cannot check this file: {message}",
                                   severity=types.DiagnosticSeverity.Error, source="plainlint")
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [problem], version=version))

    def _doc_url(self, code: str) -> str | None:
        rule = self.registry.get(code)
        return rule.doc_url if rule else None

    async def load_model(self) -> None:
        """Load the model off the event loop, then check every open document
        again with all the rules."""
        full = Linter(self.registry, self.resolver, keep_parses=KEPT_SENTENCES)
        target = Target("warm-up.md", Path("warm-up.md"), _WARM_UP)
        try:
            await asyncio.get_running_loop().run_in_executor(None, full.run, [target])
        except Exception:  # noqa: BLE001 - without a model the quick rules go on reporting
            logger.exception("the language model could not be loaded")
            return
        self.full = full
        for uri in list(self.checked):
            self.check(uri)


def _path(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri)


def _read_from_disk(path: Path) -> bool:
    """PDF and Word files are checked as saved; an editor's text of them is not the file."""
    return path.suffix.lower() in (".pdf", ".docx")


server = PlainlintServer()


@server.feature(types.INITIALIZED)
async def initialized(ls: PlainlintServer, params: types.InitializedParams) -> None:
    asyncio.get_running_loop().create_task(ls.load_model())


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PlainlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PlainlintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if not _read_from_disk(_path(uri)):
        ls.check(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PlainlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PlainlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.checked.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
def code_action(ls: PlainlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    if uri not in ls.checked:
        return []
    text, kind, placed = ls.checked[uri]
    actions = [action for item in placed if overlaps(item.range, params.range)
               for action in quick_fixes(uri, item, text, kind)]
    everything = fix_all(uri, [item.finding for item in placed], text) if text else None
    return actions + ([everything] if everything else [])


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: PlainlintServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    if uri not in ls.checked:
        return None
    point = types.Range(params.position, params.position)
    codes = dict.fromkeys(item.finding.code for item in ls.checked[uri][2] if overlaps(item.range, point))
    rules = [rule for code in codes if (rule := ls.registry.get(code))]
    if not rules:
        return None
    text = "\n\n---\n\n".join(explanation(rule) for rule in rules)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=text))


def serve() -> None:
    server.start_io()
