"""The language pass checks each passive draft by parsing it again: a draft
whose parse no longer has the actor doing the verb to the old subject is
dropped, and the finding keeps its hint. The sentences are the shapes the
review set found on real documents (a name cut in two, a clause taken for
the agent)."""

from __future__ import annotations

import pytest
from support import lint_markdown

from plainlint.language.nlp import ModelUnavailable, components_for, find_model, load
from plainlint.language.passive import WHO, find_passives
from plainlint.language.voice import holds


@pytest.fixture(scope="module")
def nlp():
    try:
        return load(find_model(None), components_for({"voice"}))
    except ModelUnavailable as problem:
        pytest.skip(str(problem))


def _only_passive(nlp, text):
    (passive,) = [p for sentence in nlp(text).sents for p in find_passives(sentence)]
    return passive


def test_a_good_draft_parses_as_the_clause_it_was_built_to_be(nlp):
    passive = _only_passive(nlp, "The form must be submitted by the applicant before June 1.")
    assert passive.shape == ("applicant", "submit", "form")
    assert holds(passive, nlp(passive.draft))


def test_a_draft_with_a_name_cut_in_two_fails_its_parse(nlp):
    passive = _only_passive(nlp, "Since AD 2018– 23–51 was issued, the agency has determined that action is necessary.")
    assert passive.draft.startswith(f"Since AD 2018– {WHO} issued 23–51")  # what the parse of the source allows
    assert not holds(passive, nlp(passive.draft.replace(WHO, "someone")))


def test_the_rule_offers_no_draft_that_failed_its_parse():
    (finding,) = lint_markdown(
        "Since AD 2018– 23–51 was issued, the agency has determined that action is necessary.",
        select=("PL210",),
        rule_options={"PL210": {"agentless": "all"}},
    )
    assert finding.message.endswith("Say who does it.")
    assert finding.suggestions == []


def test_a_clause_taken_for_the_agent_loses_its_rewrite_but_keeps_the_finding():
    text = (
        "This checklist would provide procedures to the flightcrew that would initially be driven by "
        "whether there is also an IAS DISAGREE alert."
    )
    (finding,) = [f for f in lint_markdown(text, select=("PL210",)) if "driven" in f.message]
    assert finding.suggestions == []
    assert "the subject" in finding.message


def test_drafts_that_hold_are_still_offered():
    (finding,) = lint_markdown("The form must be submitted by the applicant before June 1.", select=("PL210",))
    assert [s.text for s in finding.suggestions] == ["The applicant must submit the form before June 1."]
