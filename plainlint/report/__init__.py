"""Reports people look at: the HTML report (`plainlint report`), which
shows each document's text with its findings marked where they are."""
