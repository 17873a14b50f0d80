"""Turn a rule's spec example into the `Document` the rule is run on.

Most examples are Markdown strings. Form rules need forms, so an example may
say `format: html` (its text is an HTML page) or `format: form`: a mapping
that describes a form directly, for what no text format can express (a PDF
page's tab order, a field without a tooltip). A `form` example looks like::

    fail:
      source-format: pdf          # the format the document claims; default pdf
      metadata: {page_tabs: {1: null}}
      blocks:                     # page text, as paragraphs (strings) or
        - OMB No. 1545-0074       # {text, kind, page}
      fields:
        - {name: f1_01, kind: text, page: 1, tooltip: First name}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plainlint.document import Block, BlockKind, Document, FormField, Location, Segment

EXAMPLE_FORMATS = ("markdown", "html", "form")
_FIELD_KEYS = frozenset(FormField.__dataclass_fields__) - {"location"}


def example_document(text: str | Mapping[str, Any], example_format: str = "markdown") -> Document:
    """The Document for one example; a broken example is a bug in its spec."""
    # Imported here: the registry reads EXAMPLE_FORMATS, and must not pull in
    # every extractor's parser to do so. Examples go the way files go, block
    # kinds (contents, bad examples...) included.
    from plainlint.extract import Source, extract

    if example_format in ("markdown", "html"):
        suffix = "md" if example_format == "markdown" else "html"
        return extract(Source(f"example.{suffix}", text.encode("utf-8"), default_format=example_format))
    if example_format == "form":
        return _form_document(text)
    raise ValueError(f"unknown example format {example_format!r}; expected one of {EXAMPLE_FORMATS}")


def _form_document(spec: Mapping[str, Any]) -> Document:
    source_format = spec.get("source-format", "pdf")
    path = f"example.{source_format}"
    document = Document(path, source_format, metadata=dict(spec.get("metadata") or {}))
    for index, item in enumerate(spec.get("blocks") or []):
        item = {"text": item} if isinstance(item, str) else dict(item)
        page = item.get("page", 1 if source_format == "pdf" else None)
        line = item.get("line", index + 1)
        document.blocks.append(
            Block(BlockKind(item.get("kind", "paragraph")), item["text"], path, [Segment(0, line, 1, page)])
        )
    for item in spec.get("fields") or []:
        unknown = set(item) - _FIELD_KEYS - {"page", "line"}
        if unknown:
            raise ValueError(f"unknown field keys in example: {sorted(unknown)}")
        values = {key: value for key, value in item.items() if key in _FIELD_KEYS}
        if "rect" in values:
            values["rect"] = tuple(values["rect"])
        location = Location(path, line=item.get("line"), page=item.get("page"), field=item["name"])
        document.fields.append(FormField(location=location, **values))
    return document
