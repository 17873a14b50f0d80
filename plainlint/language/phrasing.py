"""Helpers for writing messages and suggestions that read well: a
replacement that keeps the original's case, a list in a sentence."""

from __future__ import annotations

from collections.abc import Iterable


def match_case(original: str, replacement: str) -> str:
    """Carry the original's capitalisation over to the replacement."""
    if not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def listing(items: Iterable[str], limit: int, quote: bool = False) -> str:
    """"a, b and c"; past `limit` items, "a, b, c and 12 more"; each item in
    single quotes with `quote`."""
    items = [f"'{item}'" if quote else item for item in items]
    shown, rest = items[:limit], len(items) - limit
    if rest > 0:
        return f"{', '.join(shown)} and {rest} more"
    if len(shown) > 1:
        return f"{', '.join(shown[:-1])} and {shown[-1]}"
    return "".join(shown)


#: Words whose spelling misleads the a/an choice.
_AN_DESPITE_CONSONANT = ("hour", "honest", "honor", "honour", "heir")
_A_DESPITE_VOWEL = ("one", "once", "use", "usual", "user", "uni", "euro", "eu")


def article_for(word: str) -> str:
    """"a" or "an" before `word`, by its sound as far as spelling shows it."""
    lower = word.lower()
    if lower.startswith(_AN_DESPITE_CONSONANT):
        return "an"
    if lower.startswith(_A_DESPITE_VOWEL):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"
