"""The report's colours meet WCAG 2.2 AA contrast (4.5:1 for text): every
pair of text and background colour its stylesheet uses."""

from __future__ import annotations

import re
from importlib import resources

import pytest

CSS = resources.files("plainlint.report").joinpath("assets", "report.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", CSS))
WHITE, LINK = "#ffffff", "#005ea2"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


PAIRS = [
    ("ink", WHITE), ("muted", WHITE), (LINK, WHITE), (LINK, "#f0f0f0"),
    *((level, WHITE) for level in ("error", "warning", "suggestion")),
    *((text, f"{level}-bg") for level in ("error", "warning", "suggestion") for text in ("ink", level, LINK)),
]


@pytest.mark.parametrize("text, background", PAIRS)
def test_text_colours_reach_four_and_a_half_to_one(text, background):
    fore, back = COLOURS.get(text, text), COLOURS.get(background, background)
    assert contrast(fore, back) >= 4.5, f"{text} on {background}: {contrast(fore, back):.2f}"


def test_the_check_can_fail():
    assert contrast("#777777", WHITE) < 4.5
