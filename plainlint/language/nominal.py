"""Which verb a nominalisation hides: "provision" -> "provide", "approval"
-> "approve".

English derivation is too irregular to guess ("department" does not hide
"depart", "government" is not an act of governing), so this module only
proposes candidates from a small table of suffixes; a candidate counts only
if it is on the caller's list of verbs, which is where the judgement of
"this noun really is a hidden verb" lives.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

#: Noun ending -> the verb endings it may come from, most specific first.
#: Every matching row is tried; the first candidate on the list wins.
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("isition", ("ire",)),  # acquisition -> acquire
    ("ication", ("y",)),  # application -> apply
    ("iance", ("y",)),  # compliance -> comply
    ("ption", ("be", "me", "pt")),  # description -> describe, assumption -> assume, exemption -> exempt
    ("ution", ("ute", "ve")),  # distribution -> distribute, resolution -> resolve
    ("ction", ("ct", "ce")),  # protection -> protect, reduction -> reduce
    ("ssion", ("ss", "t")),  # discussion -> discuss, submission -> submit
    ("ation", ("ate", "e", "")),  # calculation -> calculate, preparation -> prepare, consideration -> consider
    ("ition", ("", "e")),  # addition -> add, composition -> compose
    ("sion", ("de", "d", "se", "t")),  # decision -> decide, extension -> extend, revision -> revise
    ("tion", ("te", "t")),  # completion -> complete, prevention -> prevent
    ("ment", ("", "e")),  # payment -> pay, judgment -> judge
    ("ance", ("", "e")),  # acceptance -> accept, issuance -> issue
    ("ence", ("", "e")),  # reference -> refer, interference -> interfere
    ("ial", ("y",)),  # denial -> deny
    ("al", ("", "e")),  # renewal -> renew, approval -> approve
)


def hidden_verb(noun: str, verbs: Container[str]) -> str | None:
    """The verb in `verbs` that `noun` (a lowercase lemma) is made from, or
    None when no candidate is on the list."""
    for candidate in candidates(noun):
        if candidate in verbs:
            return candidate
    return None


def candidates(noun: str) -> Iterator[str]:
    """Possible source verbs of `noun`, most likely first. Also tries the
    stem with a doubled consonant undone ("cancellation" -> "cancel",
    "referral" -> "refer") and "-er" restored ("registration" -> "register")."""
    for suffix, endings in _SUFFIXES:
        if not noun.endswith(suffix) or len(noun) - len(suffix) < 2:
            continue
        stem = noun[: -len(suffix)]
        for ending in endings:
            verb = stem + ending
            yield verb
            if re.search(r"([^aeiou])\1$", verb):
                yield verb[:-1]
            if re.search(r"[^aeiou]r$", verb):
                yield verb[:-1] + "er"
