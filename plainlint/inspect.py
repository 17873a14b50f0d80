"""What plainlint read from a file: the blocks in order with kind and
location, the form fields with their properties, notices and metadata. Backs
`plainlint extract`, which users need to understand a finding."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from plainlint.document import Document
from plainlint.formatters import format_location


def document_dict(document: Document) -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "path": document.path,
        "format": document.format,
        "metadata": document.metadata,
        "blocks": [
            {
                "kind": block.kind.value,
                "text": block.text,
                "location": asdict(block.location()),
                "attrs": block.attrs,
            }
            for block in document.blocks
        ],
        "fields": [asdict(field) for field in document.fields],
        "notices": [asdict(notice) for notice in document.notices],
    }


def document_text(document: Document) -> str:
    lines = [f"{document.path}: {document.format}, {len(document.blocks)} blocks, "
             f"{document.word_count()} words, {len(document.fields)} form fields"]
    for key, value in document.metadata.items():
        lines.append(f"  {key}: {value}")
    for block in document.blocks:
        where = format_location(block.location())
        extra = f" [{block.region}]" if block.region else ""
        lines.append(f"{where}: {block.kind.value}{extra}: {block.text}")
    for field in document.fields:
        where = format_location(field.location)
        flags = [flag for flag, on in (("required", field.required), ("read-only", field.read_only)) if on]
        label = f"{field.label!r} (from {field.label_source})" if field.label else "NO ACCESSIBLE NAME"
        lines.append(f"{where}: field {field.name!r} {field.kind}{' ' + ','.join(flags) if flags else ''}: {label}")
        for name in ("tooltip", "hint", "group", "nearby_text", "autocomplete", "options", "max_length"):
            value = getattr(field, name)
            if value:
                lines.append(f"    {name}: {value}")
    for notice in document.notices:
        lines.append(f"{format_location(notice.location)}: {notice.code}: {notice.message}")
    return "\n".join(lines)
