"""The model's `attribute_ruler` matched from an index instead of spaCy's
Matcher, with the same result.

The attribute ruler maps each fine-grained tag to its part of speech and
morphology and applies some 180 exceptions ("gonna", "y'all", "it" as a
subject). spaCy runs every pattern at every token through its general
Matcher, which cost a quarter of plainlint's whole run on the Markdown
corpus (6.6 of 24 s). Here each pattern is filed under a value its first
token must have (its tag, its lower-case form, its dependency label), so a
token is checked only against the few patterns filed under its own values.
Only `match` is replaced: spaCy's own `set_annotations` applies the matches,
in the order spaCy sorts them, so the tokens end up exactly as they would.
A ruler with a pattern this index does not understand is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Token attributes a pattern may test, in the order of `Doc.to_array`; a
#: pattern is filed under the first of them its first token fixes.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")

Test = Callable[[tuple], bool]
#: Distinct token rows remembered before the memory is cleared.
_MAX_ROWS = 200_000


class Unsupported(Exception):
    """A pattern that uses something the index does not handle."""


def speed_up(nlp) -> bool:
    """Replace the pipeline's attribute ruler's matching with the index;
    False (and nothing changed) when it has none or a pattern is unsupported."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = _Index(ruler)
    except Unsupported:
        return False
    ruler.match = index.match
    return True


class _Index:
    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        #: A string's hash, and a hash's string.
        self.strings = strings.__getitem__
        self.filed: dict[tuple[int, int], list] = {}
        self.unfiled: list = []
        for number, rule in enumerate(ruler.patterns):
            key = strings[str(number)]
            for pattern in rule["patterns"]:
                tests = [self._token_test(spec) for spec in pattern]
                entry = (number, key, tests)
                places = self._places(pattern[0])
                if places is None:
                    self.unfiled.append(entry)
                for place in places or ():
                    self.filed.setdefault(place, []).append(entry)
        #: The patterns whose first token a row (the values of one token)
        #: passes. Rows repeat (common words), so each is worked out once.
        self.starting: dict[tuple, tuple] = {}

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """What `AttributeRuler.match` returns: (rule number, match key,
        start, end), sorted so that later rules take precedence."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        if len(self.starting) > _MAX_ROWS:
            self.starting.clear()
        starting = self.starting
        found = set()
        length = len(rows)
        for start, row in enumerate(rows):
            entries = starting.get(row)
            if entries is None:
                entries = starting[row] = self._starting(row)
            for number, key, rest in entries:
                end = start + 1 + len(rest)
                if not rest or (end <= length and all(test(rows[start + 1 + k]) for k, test in enumerate(rest))):
                    found.add((number, key, start, end))
        return sorted(found)

    def _starting(self, row: tuple) -> tuple:
        """(rule number, key, tests of the later tokens) of every pattern
        whose first token `row` passes."""
        candidates = [*self.unfiled]
        for column, value in enumerate(row):
            candidates += self.filed.get((column, value), ())
        return tuple((number, key, tests[1:]) for number, key, tests in candidates if tests[0](row))

    def _places(self, spec: dict) -> list[tuple[int, int]] | None:
        """The (column, value) places a pattern whose first token is `spec`
        is filed under: every value it allows in the first column it fixes."""
        for column, name in enumerate(_COLUMNS):
            value = spec.get(name)
            if isinstance(value, bool):
                return [(column, int(value))]
            if isinstance(value, str):
                return [(column, self.strings(value))]
            if isinstance(value, dict) and set(value) == {"IN"}:
                return [(column, self.strings(item)) for item in value["IN"]]
        return None

    def _token_test(self, spec: dict) -> Test:
        tests = [self._test(name, value) for name, value in spec.items()]
        return lambda row: all(test(row) for test in tests)

    def _test(self, name: str, value) -> Test:
        if name not in _COLUMNS:
            raise Unsupported(name)
        column = _COLUMNS.index(name)
        if isinstance(value, bool):
            return lambda row: bool(row[column]) == value
        if isinstance(value, str):
            wanted = self.strings(value)
            return lambda row: row[column] == wanted
        if not isinstance(value, dict) or len(value) != 1:
            raise Unsupported(f"{name}: {value!r}")
        ((operator, operand),) = value.items()
        if operator == "IN":
            allowed = frozenset(map(self.strings, operand))
            return lambda row: row[column] in allowed
        if operator == "NOT_IN":
            refused = frozenset(map(self.strings, operand))
            return lambda row: row[column] not in refused
        if operator == "REGEX" and name != "IS_SPACE":
            pattern, text = re.compile(operand), self.strings
            return lambda row: pattern.search(text(row[column])) is not None
        raise Unsupported(f"{name}: {operator}")
