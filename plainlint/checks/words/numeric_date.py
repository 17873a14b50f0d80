"""PL111: a date written in numbers that reads two ways ("12/2/06" is
2 December in most of the world and 12 February elsewhere)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from plainlint.document import Document, Finding, Suggestion

_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)")
#: "Form I-765 03/11/16", "Rev. 10/11/12": a form's edition date, printed
#: as the agency prints it everywhere.
_EDITION = re.compile(r"(?:\bForm\s+[A-Z0-9][\w-]*|\bRev\.?|\b[Rr]evision|\bEd\.|\b[Ee]dition)\s*\(?$")
_MONTHS = "January February March April May June July August September October November December".split()


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    for block in document.language_blocks():
        for match in _NUMERIC_DATE.finditer(block.text):
            if _EDITION.search(block.text[max(match.start() - 30, 0) : match.start()]):
                continue
            first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
            readings = _readings(first, second, _full_year(year))
            if len(readings) < 2:
                continue
            month_first, day_first = readings
            yield rule.finding(
                block,
                match.start(),
                match.end(),
                f'"{match.group()}" can be read as {month_first} or as {day_first}; write the month as a word',
                [Suggestion(month_first, "advisory"), Suggestion(day_first, "advisory")],
            )


def _full_year(year: str) -> int:
    """A two-digit year as most forms mean it: 00-69 is 20xx, 70-99 is 19xx."""
    value = int(year)
    if len(year) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _readings(first: int, second: int, year: int) -> list[str]:
    """The dates the numbers can stand for, month first then day first; one
    when they are the same day or only one order is a real date."""
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        readings.append(f"{_MONTHS[when.month - 1]} {when.day}, {when.year}" if month == first else
                        f"{when.day} {_MONTHS[when.month - 1]} {when.year}")
    return readings if first != second else readings[:1]
