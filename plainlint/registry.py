"""Rules: their metadata, typed options and discovery.

Every built-in rule is a YAML spec in the top-level `rules/` folder (shipped in
the wheel as `plainlint/rules/`): code, name, level, docs, options, examples
and, for word-list rules, the words. The spec's `check` names the Python
function that does the work. Plugins add rules through the `plainlint.rules`
entry point, whose object is a `Rule` or an iterable of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import import_module, resources
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path
from pkgutil import iter_modules
from typing import Any

import yaml

from plainlint import checks as checks_package
from plainlint.document import (
    Block,
    Document,
    Finding,
    FormField,
    Level,
    Location,
    Suggestion,
)
from plainlint.errors import ConfigError
from plainlint.examples import EXAMPLE_FORMATS

CODE_RE = re.compile(r"^PL[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOCS_URL = "https://github.com/plainlint/plainlint/blob/main/docs/rules.md#{anchor}"
_TYPES: dict[str, type] = {"int": int, "float": float, "bool": bool, "str": str, "list": list}

#: A check receives the document, the rule (to build findings) and the
#: rule's resolved options, and yields findings. It does no I/O.
CheckFunction = Callable[[Document, "Rule", Mapping[str, Any]], Iterable[Finding]]


@dataclass(frozen=True)
class Option:
    name: str
    type: str
    default: Any
    description: str = ""

    def coerce(self, value: Any, where: str) -> Any:
        """Validate a configured value; ints are accepted where floats are."""
        expected = _TYPES[self.type]
        if self.type == "float" and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, bool) and expected is not bool:
            value_ok = False
        else:
            value_ok = isinstance(value, expected)
        if not value_ok:
            raise ConfigError(
                f"{where}: option '{self.name}' must be of type {self.type}, "
                f"got {type(value).__name__} {value!r}"
            )
        return value


@dataclass(frozen=True)
class Example:
    """One pass/fail example from a rule's spec; each runs as a test."""

    #: Markdown or HTML source, or a mapping describing a form (see
    #: `plainlint.examples`).
    text: str | Mapping[str, Any]
    expect: str  # "fail" or "pass"
    options: Mapping[str, Any] = field(default_factory=dict)
    #: For fail examples, a suggestion text that must be offered (optional).
    suggestion: str | None = None
    #: markdown (default), html or form.
    format: str = "markdown"
    #: For fail examples, how many findings are expected (optional).
    count: int | None = None


@dataclass(frozen=True)
class Docs:
    what: str
    why: str
    example: str
    use_instead: str
    guidance: str = ""


@dataclass
class Rule:
    code: str
    name: str
    level: Level
    summary: str
    docs: Docs
    #: The check itself, or its `package.module:function` reference, which is
    #: imported the first time the rule runs (so listing rules imports none).
    check_function: CheckFunction | str
    options: dict[str, Option] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    #: What the rule needs from the NLP pass, e.g. {"parse"}; empty: nothing.
    #: Without a model, a rule that needs something is skipped.
    needs: frozenset[str] = frozenset()
    #: What the rule uses when a model is there but can do without (it then
    #: runs with less context, e.g. word lists without part-of-speech checks).
    uses: frozenset[str] = frozenset()
    enabled_by_default: bool = True
    #: Rule-specific data from the spec (word lists and the like).
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def wants(self) -> frozenset[str]:
        """Everything the NLP pass should provide for this rule when it can."""
        return self.needs | self.uses

    @property
    def doc_url(self) -> str:
        return DOCS_URL.format(anchor=f"{self.code.lower()}-{self.name}")

    def defaults(self) -> dict[str, Any]:
        return {name: option.default for name, option in self.options.items()}

    def run(self, document: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if isinstance(self.check_function, str):
            self.check_function = _load_check(self.check_function)
        yield from self.check_function(document, self, options)

    def finding(
        self,
        block: Block,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[Suggestion] = (),
        level: Level | None = None,
        context: str = "",
    ) -> Finding:
        """A finding on `block.text[start:end]`."""
        return Finding(
            code=self.code,
            name=self.name,
            level=level or self.level,
            message=message,
            location=block.location(start, end),
            suggestions=list(suggestions),
            matched=block.text[start:end],
            context=context or block.text,
        )

    def finding_at(
        self, location: Location, message: str, suggestions: Iterable[Suggestion] = (), matched: str = ""
    ) -> Finding:
        """A finding on a whole document, page or form field. `matched` names
        what it is about ("page 3"), so that its baseline fingerprint does not
        change when numbers in its message do; without it, the message is
        the fingerprint."""
        return Finding(self.code, self.name, self.level, message, location, list(suggestions), matched=matched)

    def finding_on_field(
        self,
        form_field: FormField,
        message: str,
        suggestions: Iterable[Suggestion] = (),
        level: Level | None = None,
    ) -> Finding:
        """A finding on one form field; its name and label make the baseline
        fingerprint, so it survives fields added elsewhere on the form."""
        return Finding(
            self.code,
            self.name,
            level or self.level,
            message,
            form_field.location,
            list(suggestions),
            matched=form_field.name,
            context=form_field.label or "",
        )


def rule_from_spec(spec: Mapping[str, Any], origin: str) -> Rule:
    """Build a Rule from a parsed YAML spec, checking it thoroughly: a broken
    spec is a bug in plainlint or a plugin, reported with its file."""
    try:
        code, name = spec["code"], spec["name"]
        if not CODE_RE.match(code) or not NAME_RE.match(name):
            raise ValueError(f"bad code or name: {code!r} {name!r}")
        options = {
            key: Option(key, value["type"], value["default"], value.get("description", ""))
            for key, value in (spec.get("options") or {}).items()
        }
        for option in options.values():
            option.coerce(option.default, origin)
        examples = [_example(item) for item in spec.get("examples") or []]
        return Rule(
            code=code,
            name=name,
            level=Level(spec["level"]),
            summary=spec["summary"].strip(),
            docs=Docs(
                what=spec["what"].strip(),
                why=spec["why"].strip(),
                example=spec["example"].strip(),
                use_instead=spec["use-instead"].strip(),
                guidance=(spec.get("guidance") or "").strip(),
            ),
            check_function=_check_reference(spec["check"]),
            options=options,
            examples=examples,
            needs=frozenset(spec.get("needs") or ()),
            uses=frozenset(spec.get("uses") or ()),
            enabled_by_default=spec.get("enabled", True),
            data={k: v for k, v in spec.items() if k in ("entries",)},
        )
    except (KeyError, ValueError, TypeError, AttributeError, ImportError, ConfigError) as error:
        raise RuntimeError(f"invalid rule spec {origin}: {error!r}") from error


def _example(item: Mapping[str, Any]) -> Example:
    expect = "fail" if "fail" in item else "pass"
    example_format = item.get("format", "markdown")
    if example_format not in EXAMPLE_FORMATS:
        raise ValueError(f"example format {example_format!r} is not one of {EXAMPLE_FORMATS}")
    return Example(
        item[expect], expect, item.get("options") or {}, item.get("suggestion"), example_format, item.get("count")
    )


def _check_reference(reference: str) -> str:
    """Validate `package.module[:function]` (function `check` by default)
    without importing the module: a spec naming a missing module is broken.
    A bare module name (`substitution`) is a built-in check of any family,
    so plugins can reuse one with their own data."""
    module, _, function = reference.partition(":")
    if "." not in module:
        families = [info.name for info in iter_modules(checks_package.__path__) if info.ispkg]
        found = [f"plainlint.checks.{family}.{module}" for family in families]
        module = next((name for name in found if find_spec(name)), module)
    if find_spec(module) is None:
        raise ImportError(f"check module {module!r} not found")
    return f"{module}:{function or 'check'}"


def _load_check(reference: str) -> CheckFunction:
    module, _, function = reference.partition(":")
    return getattr(import_module(module), function)


def builtin_specs_dir() -> Path:
    """`plainlint/rules` in an installed wheel; the top-level `rules/` folder
    in a source checkout (an editable install)."""
    packaged = resources.files("plainlint") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def load_specs(directory: Path) -> list[Rule]:
    rules = []
    for path in sorted(directory.glob("PL*.yml")):
        with path.open(encoding="utf-8") as handle:
            rules.append(rule_from_spec(yaml.safe_load(handle), str(path)))
    return rules


class Registry:
    def __init__(self, rules: Iterable[Rule]):
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.code in self.rules:
                raise RuntimeError(f"rule code {rule.code} is defined twice")
            self.rules[rule.code] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code.upper())

    def matching(self, prefix: str) -> list[Rule]:
        return [rule for rule in self if rule.code.startswith(prefix)]


def _plugin_rules() -> Iterator[Rule]:
    for entry in entry_points(group="plainlint.rules"):
        loaded = entry.load()
        yield from ([loaded] if isinstance(loaded, Rule) else loaded)


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The built-in rules and every installed plugin, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Registry([*load_specs(builtin_specs_dir()), *_plugin_rules()])
    return _DEFAULT
