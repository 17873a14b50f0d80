"""The language server (`plainlint lsp`) and what it tells the editor."""
