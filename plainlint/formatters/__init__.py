"""Output formats. Each module has `render(report, stream, color)`; plugins
add formats through the `plainlint.formatters` entry point (a module or object
with the same `render`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

# `import json` would be shadowed by the `json` formatter, a submodule.
from json import dumps as dumps_json
from typing import TYPE_CHECKING, Any, TextIO

from plainlint.document import Location
from plainlint.results import RunResult

if TYPE_CHECKING:
    from plainlint.registry import Registry

BUILTIN = {
    **{name: f"plainlint.formatters.{name}" for name in ("text", "json", "github", "sarif", "junit")},
    "html": "plainlint.report.html",
}


@dataclass(frozen=True)
class Report:
    """What every formatter gets: the run's results and the rules it used."""

    result: RunResult
    registry: Registry
    version: str


def _plugins():
    """Installed formatter plugins; importlib.metadata is read only when a
    run asks (it costs more than the rest of start-up)."""
    from importlib.metadata import entry_points

    return entry_points(group="plainlint.formatters")


def available() -> list[str]:
    return [*BUILTIN, *(e.name for e in _plugins() if e.name not in BUILTIN)]


def get(name: str) -> Any:
    if name in BUILTIN:
        return import_module(BUILTIN[name])
    for entry in _plugins():
        if entry.name == name:
            return entry.load()
    raise KeyError(name)


def format_location(location: Location) -> str:
    """`path:line:col` for text files; `path:p3:l12` where there are pages;
    `path:p1` or plain `path` for findings on a page or a whole file."""
    parts = [location.path]
    if location.page is not None:
        parts.append(f"p{location.page}")
        if location.line is not None:
            parts.append(f"l{location.line}")
    elif location.line is not None:
        parts.extend([str(location.line), str(location.column or 1)])
    return ":".join(parts)


class Lazy:
    """A list in a report that is written item by item as it is made: a
    report of 100,000 findings never exists whole, as dicts or as one
    string (that took 700 MB on a 5 MB page)."""

    def __init__(self, items: Iterable[Any]):
        self.items = items


#: Characters gathered before a write: one write per finding is slow.
_WRITE_CHARS = 1 << 20
_INDENT = "  "


def write_json(data: Any, stream: TextIO) -> None:
    """How the machine formats (JSON, SARIF) are written: indented by two,
    UTF-8 as it is, a newline at the end; the same text as `json.dumps(data,
    indent=2)` would give with every `Lazy` a list."""
    parts: list[str] = []
    size = 0

    def write(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)
        if size >= _WRITE_CHARS:
            stream.write("".join(parts))
            parts.clear()
            size = 0

    _write_value(data, write, 0)
    write("\n")
    stream.write("".join(parts))


def _write_value(value: Any, write: Callable[[str], None], level: int) -> None:
    if not _holds_lazy(value):
        write(dumps_json(value, indent=2, ensure_ascii=False).replace("\n", "\n" + _INDENT * level))
        return
    inner = "\n" + _INDENT * (level + 1)
    if isinstance(value, dict):
        items: Iterable[Any] = value.items()
        opening, closing = "{", "}"
    else:
        items = ((None, item) for item in (value.items if isinstance(value, Lazy) else value))
        opening, closing = "[", "]"
    write(opening)
    empty = True
    for key, item in items:
        write(inner if empty else "," + inner)
        empty = False
        if key is not None:
            write(dumps_json(key, ensure_ascii=False) + ": ")
        _write_value(item, write, level + 1)
    write(closing if empty else "\n" + _INDENT * level + closing)


def _holds_lazy(value: Any) -> bool:
    if isinstance(value, Lazy):
        return True
    if isinstance(value, dict):
        return any(_holds_lazy(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_lazy(item) for item in value)
    return False


def render(name: str, report: Report, stream: TextIO, color: bool = False) -> None:
    get(name).render(report, stream, color)
