"""PL221 on a set of negation cases: a rewrite only where both negatives sit
on one clause, so that none says the opposite of the sentence."""

from __future__ import annotations

import pytest
from support import lint_markdown

#: (sentence, the rewrite offered or None). Every case is flagged; the ones
#: with None get a hint, because dropping the negation would change the
#: meaning or no rewrite is known.
CASES = [
    # clause negation with "unless" on the same verb: "not X unless Y" = "X only if Y"
    ("You may not apply unless you are 18.", "apply only if"),
    ("Don't apply unless you are 18.", "Apply only if"),
    ("An application does not become void unless the applicant fails to reply.", "becomes void only if"),
    ("The rule does not apply to you unless you are a veteran.", "applies to you only if"),
    ("Do not include income not taxed in the state unless you lived there all year.", "Include income not taxed in the state only if"),
    # phrase negation: the "not" belongs to a phrase, the "unless" to the clause
    ("Enter the part not covered on line 9 unless the exception applies.", None),
    ("A form not signed is void unless the office accepts it.", None),
    # the negatives in different clauses
    ("We will not pay the claim, and you may appeal unless the deadline has passed.", None),
    # "no ... without", "never ... except": no mechanical rewrite
    ("No person may enter the site without a permit.", None),
    ("You can never file except in person.", None),
    # word scope
    ("It is not uncommon.", "common"),
    ("The amount is not insufficient.", "sufficient"),
    # ...but not an adjective on a noun: "not an unsafe condition" denies there
    # is one, "a safe condition" would claim there is (the review judged it so)
    ("It is not an unsafe design.", None),
]


@pytest.mark.parametrize("text, rewrite", CASES)
def test_rewrites_only_where_the_scope_is_one_clause(text, rewrite):
    (finding,) = lint_markdown(text + "\n", select=("PL221",))
    assert [s.text for s in finding.suggestions] == ([rewrite] if rewrite else [])


def test_negatives_in_different_parts_say_so():
    (finding,) = lint_markdown("Enter the part not covered on line 9 unless the exception applies.\n", select=("PL221",))
    assert "different parts of the sentence" in finding.message
