"""Rules: their metadata, typed options and discovery.

Every built-in rule is a YAML spec in the top-level `rules/` folder (shipped in
the wheel as `plainlint/rules/`): code, name, level, docs, options, examples
and, for word-list rules, the words. Vocabulary that several rules share lives
in `rules/vocab/<name>.yml` and a spec names it under `vocab:`; every row of a
word list or vocabulary names its `source`. The spec's `check` names the
Python function that does the work; if the function's module defines
`prepare(data, options)`, its result (compiled patterns, say) is built once
per rule and options and passed to the check as a fourth argument. Plugins
add rules through the `plainlint.rules` entry point, whose object is a `Rule`
or an iterable of them.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module, resources
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path
from pkgutil import iter_modules
from typing import TYPE_CHECKING, Any

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
from plainlint.compiled import compiled, files_stamp
from plainlint.errors import ConfigError, brief
from plainlint.examples import EXAMPLE_FORMATS
from plainlint.limits import CONFIG_INT

if TYPE_CHECKING:
    from plainlint.language.text import Span

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
    #: The values allowed (for a list, its items); empty: any of the type.
    choices: tuple[Any, ...] = ()

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
                f"got {type(value).__name__} {brief(value)}"
            )
        if self.type == "float" and not math.isfinite(value):
            raise ConfigError(f"{where}: option '{self.name}' must be a finite number, got {value!r}")
        if self.type in ("int", "float") and value < 0:
            raise ConfigError(f"{where}: option '{self.name}' must not be negative, got {brief(value)}")
        if self.type == "int" and value > _LARGEST_INT:
            raise ConfigError(f"{where}: option '{self.name}' must be at most {_LARGEST_INT:,}, got {brief(value)}")
        wrong = [item for item in (value if self.type == "list" else [value]) if item not in self.choices]
        if self.choices and wrong:
            raise ConfigError(
                f"{where}: option '{self.name}' does not allow {', '.join(map(repr, wrong))}; "
                f"allowed: {', '.join(map(str, self.choices))}"
            )
        return value

    def kind(self, quote: str = "") -> str:
        """How docs name the option's type: "list, default ['S'], items one
        of S, R, C, A, W"; `quote` wraps the values (a backtick in Markdown)."""
        text = f"{self.type}, default {quote}{self.default!r}{quote}"
        if self.choices:
            values = ", ".join(f"{quote}{choice}{quote}" for choice in self.choices)
            text += f", {'items ' if self.type == 'list' else ''}one of {values}"
        return text


#: No count or size a rule takes comes near this; a larger one is a typo
#: or an attack, and would overflow where it is used as an index. (Every
#: number a rule takes is a count, size, grade or rate: none is negative.)
_LARGEST_INT = CONFIG_INT


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
    #: For fail examples, a hint that must be given (optional).
    hint: str | None = None


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
    #: Rule-specific data from the spec: its word list under "entries", the
    #: shared vocabularies it names under "vocab" (name -> rows).
    data: Mapping[str, Any] = field(default_factory=dict)
    #: The registry the rule is in, so a check can borrow another rule.
    registry: Registry | None = field(default=None, repr=False, compare=False)
    _prepared: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

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
        prepare = getattr(sys.modules.get(self.check_function.__module__), "prepare", None)
        if prepare is None:
            yield from self.check_function(document, self, options)
        else:
            yield from self.check_function(document, self, options, self._prepare(prepare, options))

    def cue(self, options: Mapping[str, Any]) -> Callable[[Block, Span], bool] | None:
        """The check module's `may_hold(block, sentence, options[, prepared])`
        bound to `options`: whether a sentence may hold what the rule looks
        for, so that the language pass tags or parses only such sentences.
        None when the module has none: every sentence may."""
        if isinstance(self.check_function, str):
            self.check_function = _load_check(self.check_function)
        module = sys.modules.get(self.check_function.__module__)
        may_hold = getattr(module, "may_hold", None)
        if may_hold is None:
            return None
        prepare = getattr(module, "prepare", None)
        extra = () if prepare is None else (self._prepare(prepare, options),)
        return lambda block, sentence: may_hold(block, sentence, options, *extra)

    def _prepare(self, prepare: Callable[[Mapping[str, Any], Mapping[str, Any]], Any], options: Mapping[str, Any]) -> Any:
        """The check module's `prepare(data, options)`, built once per options."""
        key = _hashable(options)
        if key not in self._prepared:
            self._prepared[key] = prepare(self.data, options)
        return self._prepared[key]

    def borrow(self, code: str) -> Rule | None:
        """Another rule of this rule's registry (PL402 runs the word rules'
        lists on field names); None if there is no such rule."""
        return self.registry.get(code) if self.registry else None

    def finding(
        self,
        block: Block,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[Suggestion] = (),
        level: Level | None = None,
        context: str = "",
        hints: Iterable[str] = (),
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
            hints=list(hints),
        )

    def finding_at(
        self,
        location: Location,
        message: str,
        suggestions: Iterable[Suggestion] = (),
        matched: str = "",
        hints: Iterable[str] = (),
    ) -> Finding:
        """A finding on a whole document, page or form field. `matched` names
        what it is about ("page 3"), so that its baseline fingerprint does not
        change when numbers in its message do; without it, the message is
        the fingerprint."""
        return Finding(self.code, self.name, self.level, message, location, list(suggestions), matched=matched,
                       hints=list(hints))

    def finding_on_field(
        self,
        form_field: FormField,
        message: str,
        suggestions: Iterable[Suggestion] = (),
        level: Level | None = None,
        hints: Iterable[str] = (),
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
            hints=list(hints),
        )


def _hashable(value: Any) -> Any:
    """Options as a cache key: lists become tuples, mappings sorted pairs."""
    if isinstance(value, Mapping):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_hashable(item) for item in value)
    return value


class Vocabularies:
    """The shared vocabulary files of a specs folder (`vocab/<name>.yml`,
    each a `rows:` list), read once however many rules name them."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._rows: dict[str, list[Mapping[str, Any]]] = {}

    def rows(self, name: str) -> list[Mapping[str, Any]]:
        if name not in self._rows:
            path = self.directory / f"{name}.yml"
            if not NAME_RE.match(name) or not path.is_file():
                raise ValueError(f"no vocabulary {name!r} in {self.directory}")
            rows = (read_yaml(path) or {}).get("rows")
            if not isinstance(rows, list) or not rows:
                raise ValueError(f"{path}: 'rows' must be a non-empty list")
            self._rows[name] = _sourced(rows, str(path))
        return self._rows[name]


def _sourced(rows: list[Any], where: str) -> list[Mapping[str, Any]]:
    """Rows of a word list or vocabulary, each a mapping naming its source."""
    for number, row in enumerate(rows, 1):
        if not isinstance(row, Mapping) or not isinstance(row.get("source"), str) or not row["source"].strip():
            raise ValueError(f"{where}: row {number} has no 'source': {row!r}")
    return rows


def _option(key: str, value: Mapping[str, Any], vocab: Vocabularies) -> Option:
    """An option from its spec; `choices-from: <vocab>` allows the `key` of
    each row of that vocabulary."""
    choices = value.get("choices") or ()
    if "choices-from" in value:
        choices = [row["key"] for row in vocab.rows(value["choices-from"])]
    return Option(key, value["type"], value["default"], value.get("description", ""), tuple(choices))


def rule_from_spec(spec: Mapping[str, Any], origin: str, vocab: Vocabularies | None = None) -> Rule:
    """Build a Rule from a parsed YAML spec, checking it thoroughly: a broken
    spec is a bug in plainlint or a plugin, reported with its file. Its
    `vocab:` names files of `vocab` (by default, the built-in ones)."""
    vocab = vocab or Vocabularies(builtin_specs_dir() / "vocab")
    try:
        code, name = spec["code"], spec["name"]
        if not CODE_RE.match(code) or not NAME_RE.match(name):
            raise ValueError(f"bad code or name: {code!r} {name!r}")
        options = {key: _option(key, value, vocab) for key, value in (spec.get("options") or {}).items()}
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
            data=_data(spec, origin, vocab),
        )
    except (KeyError, ValueError, TypeError, AttributeError, ImportError, ConfigError) as error:
        raise RuntimeError(f"invalid rule spec {origin}: {error!r}") from error


def _data(spec: Mapping[str, Any], origin: str, vocab: Vocabularies) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if "entries" in spec:
        data["entries"] = _sourced(spec["entries"], origin)
    if "vocab" in spec:
        data["vocab"] = {name: vocab.rows(name) for name in spec["vocab"]}
    return data


def _example(item: Mapping[str, Any]) -> Example:
    expect = "fail" if "fail" in item else "pass"
    example_format = item.get("format", "markdown")
    if example_format not in EXAMPLE_FORMATS:
        raise ValueError(f"example format {example_format!r} is not one of {EXAMPLE_FORMATS}")
    return Example(
        item[expect], expect, item.get("options") or {}, item.get("suggestion"), example_format, item.get("count"),
        item.get("hint"),
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
    rules, vocab = [], Vocabularies(directory / "vocab")
    for path in sorted(directory.glob("PL*.yml")):
        rules.append(rule_from_spec(read_yaml(path), str(path), vocab))
    return rules


def read_yaml(path: Path) -> Any:
    """A spec or vocabulary file, parsed; all the files of its folder are
    parsed together once and read back from `plainlint.compiled` while none
    of them changes (a fifth of start-up otherwise)."""
    return _folder_documents(path.parent)[path.name]


@cache
def _folder_documents(folder: Path) -> dict[str, Any]:
    """Every YAML file of `folder` by name, as it was when first asked for."""
    def parse() -> dict[str, Any]:
        documents = {}
        for path in sorted(folder.glob("*.yml")):
            with path.open(encoding="utf-8") as handle:
                documents[path.name] = yaml.load(handle, Loader=_Loader)  # noqa: S506 - a safe loader
        return documents

    return compiled("yaml", f"{folder.resolve()}\n{files_stamp(folder)}", parse)


#: libyaml's loader (in PyYAML's wheels) reads the specs about ten times as
#: fast as the pure-Python one; the same documents either way.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Registry:
    def __init__(self, rules: Iterable[Rule]):
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.code in self.rules:
                raise RuntimeError(f"rule code {rule.code} is defined twice")
            self.rules[rule.code] = rule
            rule.registry = self

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
