"""Output formats. Each module has `render(report, stream, color)`; plugins
add formats through the `plainlint.formatters` entry point (a module or object
with the same `render`)."""

from __future__ import annotations

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
    name: f"plainlint.formatters.{name}" for name in ("text", "json", "github", "sarif", "junit")
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


def write_json(data: Any, stream: TextIO) -> None:
    """How the machine formats (JSON, SARIF) are written: indented, UTF-8
    as it is, a newline at the end."""
    stream.write(dumps_json(data, indent=2, ensure_ascii=False) + "\n")  # one write: a big report makes 500,000


def render(name: str, report: Report, stream: TextIO, color: bool = False) -> None:
    get(name).render(report, stream, color)
