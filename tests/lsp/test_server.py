"""`plainlint lsp` as an editor meets it: the server started as a
subprocess and driven over stdio by pygls's own LSP client. Diagnostics on
open and change (from the buffer, not the disk), a quick fix per suggestion
with the safe one preferred, "disable for this line", "fix all", a hover
with the rule's explanation, and one clear diagnostic for a file it cannot
read."""

from __future__ import annotations

import asyncio
import sys

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

PAGE = "# Apply\n\nYou can utilize the portal in order to apply.\n"


class Client:
    """A language client that keeps each published diagnostics list."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("plainlint-test", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.arrived.set()

    async def start(self, root) -> None:
        await self.lsp.start_io(sys.executable, "-m", "plainlint", "lsp", cwd=str(root))
        await self.lsp.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(), process_id=None))
        self.lsp.initialized(types.InitializedParams())

    async def diagnostics(self, uri: str, version: int, timeout: float = 60) -> list[types.Diagnostic]:
        """The diagnostics published for this version of the document."""
        async def wait():
            while not any(p.version == version for p in self.published.get(uri, [])):
                self.arrived.clear()
                await self.arrived.wait()
        await asyncio.wait_for(wait(), timeout)
        return [p for p in self.published[uri] if p.version == version][-1].diagnostics

    async def stop(self) -> None:
        await self.lsp.shutdown_async(None)
        self.lsp.exit(None)
        await self.lsp.stop()


def _open(client: Client, uri: str, text: str, language: str = "markdown") -> None:
    client.lsp.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))


def test_diagnostics_fixes_and_hover(tmp_path):
    async def session():
        client = Client()
        await client.start(tmp_path)
        uri = (tmp_path / "apply.md").as_uri()  # never written: the buffer is what is checked
        _open(client, uri, PAGE)
        found = await client.diagnostics(uri, 1)
        utilize = next(d for d in found if d.code == "PL101")
        assert (utilize.range.start.line, utilize.range.start.character, utilize.range.end.character) == (2, 8, 15)
        assert utilize.source == "plainlint" and utilize.code_description.href.endswith("#pl101-complex-words")
        assert {d.code for d in found} >= {"PL101", "PL102"}

        actions = await client.lsp.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), utilize.range, types.CodeActionContext(diagnostics=[utilize])))
        titles = {action.title: action for action in actions}
        fix = titles['PL101: replace with "use"']
        assert fix.is_preferred and fix.edit.changes[uri][0].new_text == "use"
        assert "Disable PL101 for this line" in titles
        disable = titles["Disable PL101 for this line"].edit.changes[uri][0]
        assert disable.new_text == "<!-- plainlint-disable-next-line PL101 -->\n" and disable.range.start.line == 2
        everything = next(a for a in actions if a.kind == types.CodeActionKind.SourceFixAll)
        assert sorted(edit.new_text for edit in everything.edit.changes[uri]) == ["to", "use"]

        shown = await client.lsp.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(2, 10)))
        assert "PL101 complex-words" in shown.contents.value and "Use instead" in shown.contents.value

        client.lsp.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text="# Apply\n\nYou can use the portal to apply.\n")]))
        assert [d.code for d in await client.diagnostics(uri, 2) if d.code in ("PL101", "PL102")] == []
        await client.stop()

    asyncio.run(session())


def test_a_file_it_cannot_read_gets_one_diagnostic(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")

    async def session():
        client = Client()
        await client.start(tmp_path)
        _open(client, broken.as_uri(), "", "pdf")
        [problem] = await client.diagnostics(broken.as_uri(), 1)
        assert problem.severity == types.DiagnosticSeverity.Error and "cannot check" in problem.message
        await client.stop()

    asyncio.run(session())


@pytest.mark.parametrize("setting", ['[tool.plainlint]\nignore = ["PL101"]\n'])
def test_the_folders_config_is_honoured(tmp_path, setting):
    (tmp_path / "pyproject.toml").write_text(setting)

    async def session():
        client = Client()
        await client.start(tmp_path)
        uri = (tmp_path / "apply.md").as_uri()
        _open(client, uri, PAGE)
        codes = {d.code for d in await client.diagnostics(uri, 1)}
        assert "PL101" not in codes and "PL102" in codes
        await client.stop()

    asyncio.run(session())


def test_the_rules_that_need_the_model_report_once_it_has_loaded(tmp_path):
    from plainlint.language.nlp import LanguagePass

    language = LanguagePass()
    if not language.available:
        pytest.skip(language.problem)

    async def session():
        client = Client()
        await client.start(tmp_path)
        uri = (tmp_path / "form.md").as_uri()
        _open(client, uri, "# Sign\n\nThe form must be signed by the applicant.\n")

        async def passive_reported():
            while not any(d.code == "PL210" for p in client.published.get(uri, []) for d in p.diagnostics):
                client.arrived.clear()
                await client.arrived.wait()
        await asyncio.wait_for(passive_reported(), 120)
        await client.stop()

    asyncio.run(session())
