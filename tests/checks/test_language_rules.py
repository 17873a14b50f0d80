"""The language rules (PL105-PL107, PL220-PL222, PL501-PL503) beyond their
specs' own examples: tenses, rewrites, document-level counting, options and
the hygiene of their word lists."""

from __future__ import annotations

import pytest
from support import lint_markdown

from plainlint.extract.markdown import parse_markdown
from plainlint.language.acronyms import find_acronyms
from plainlint.language.nominal import hidden_verb
from plainlint.registry import default_registry


def suggestions(findings):
    return [s.text for f in findings for s in f.suggestions]


# --- PL105 hidden verbs ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, matched, expected",
    [
        ("We make a decision every year.", "make a decision", "decide"),
        ("She makes decisions quickly.", "makes decisions", "decides"),
        ("We made a decision.", "made a decision", "decided"),
        ("They have made a decision.", "made a decision", "decided"),
        ("We are making a decision.", "making a decision", "deciding"),
        ("They conducted an analysis of the data.", "conducted an analysis of", "analyzed"),
        ("Staff gave consideration to the request.", "gave consideration to", "considered"),
        ("The rule is applicable to you.", "is applicable", "applies"),
        ("These rules are applicable to you.", "are applicable", "apply"),
        ("We reached a conclusion.", "reached a conclusion", "concluded"),
        ("We had a meeting with them.", "had a meeting", "met"),
        ("You can make a payment of $100.", "make a payment of", "pay"),
    ],
)
def test_hidden_verbs_match_lemmas_and_keep_the_tense(text, matched, expected):
    findings = lint_markdown(text, select=("PL105",))
    assert [f.matched for f in findings] == [matched]
    assert suggestions(findings) == [expected]


def test_hidden_verb_rewrite_is_safe_only_when_nothing_is_lost():
    """A swap that would drop a word ("made a quick decision" -> "decided")
    is advice in the message only: the review set judged such swaps bad."""
    [plain] = lint_markdown("We made a decision.", select=("PL105",))
    [modified] = lint_markdown("We made a quick decision.", select=("PL105",))
    [dangling] = lint_markdown("We made a decision about the case.", select=("PL105",))
    assert plain.suggestions[0].confidence == "safe"
    assert modified.suggestions == []
    assert "'quick'" in modified.message
    assert dangling.suggestions[0].confidence == "advisory"


def test_a_compound_noun_is_not_a_hidden_verb():
    assert lint_markdown("Make a payment plan with us.", select=("PL105",)) == []


def test_the_noun_of_is_a_suggestion_naming_the_gerund():
    [finding] = lint_markdown("We check the submission of forms.", select=("PL105",))
    assert finding.level.value == "suggestion"
    assert suggestions([finding]) == [] and '"submitting"' in finding.message


@pytest.mark.parametrize(
    "noun, verb",
    [
        ("provision", "provide"),
        ("decision", "decide"),
        ("submission", "submit"),
        ("application", "apply"),
        ("calculation", "calculate"),
        ("preparation", "prepare"),
        ("consideration", "consider"),
        ("registration", "register"),
        ("cancellation", "cancel"),
        ("referral", "refer"),
        ("approval", "approve"),
        ("denial", "deny"),
        ("compliance", "comply"),
        ("issuance", "issue"),
        ("payment", "pay"),
        ("description", "describe"),
        ("reduction", "reduce"),
        ("distribution", "distribute"),
        ("occurrence", "occur"),
    ],
)
def test_nominalisations_lead_back_to_listed_verbs(noun, verb):
    assert hidden_verb(noun, {verb}) == verb


def test_a_noun_whose_verb_is_not_listed_is_not_derived():
    assert hidden_verb("department", {"provide", "develop"}) is None
    assert hidden_verb("government", {"provide"}) is None


# --- PL106 and/or ---------------------------------------------------------------


def test_and_or_between_single_words_suggests_a_or_b_or_both():
    [finding] = lint_markdown("Bring your spouse and/or children.", select=("PL106",))
    assert finding.matched == "spouse and/or children"
    assert suggestions([finding])[0] == "spouse or children or both"


def test_and_or_before_a_longer_phrase_offers_or_and_and():
    [finding] = lint_markdown("Call and/or write to the office.", select=("PL106",))
    assert finding.matched == "and/or"
    assert suggestions([finding]) == ["or", "and"]


# --- PL107 address the reader ------------------------------------------------------


def test_address_the_reader_needs_repeated_mentions():
    one = "The applicant must sign the form."
    two = "The applicant must sign the form. We will send the applicant's refund."
    assert lint_markdown(one, select=("PL107",)) == []
    findings = lint_markdown(two, select=("PL107",))
    assert [f.matched for f in findings] == ["The applicant", "the applicant's"]
    assert suggestions(findings) == ["You", "your"]


def test_address_the_reader_counts_across_blocks_and_honours_min_uses():
    text = "# Apply\n\nThe applicant must sign.\n\n- The claimant may appeal.\n"
    assert len(lint_markdown(text, select=("PL107",))) == 2
    options = {"PL107": {"min-uses": 3}}
    assert lint_markdown(text, select=("PL107",), rule_options=options) == []


def test_third_party_roles_count_only_as_subject_of_a_modal():
    text = "The employee must sign. Give the employee a copy. The individual may appeal."
    findings = lint_markdown(text, select=("PL107",))
    assert [f.matched for f in findings] == ["The employee", "The individual"]


def test_a_definition_of_you_is_not_a_third_person_mention():
    text = "This guide tells you, the applicant, how to apply. If you are an applicant, sign here."
    assert lint_markdown(text, select=("PL107",), rule_options={"PL107": {"min-uses": 1}}) == []


# --- PL220 noun strings ------------------------------------------------------------


def test_noun_string_ignores_proper_names_and_adjectival_compounds():
    assert lint_markdown("The Social Security Administration office staff help.", select=("PL220",)) == []
    assert lint_markdown("Book the half-day training session room.", select=("PL220",)) == []
    [finding] = lint_markdown("Read the usability test session notes.", select=("PL220",))
    assert finding.matched == "usability test session notes"


def test_noun_string_limit_is_an_option():
    text = "Check the tax return form."
    assert lint_markdown(text, select=("PL220",)) == []
    assert len(lint_markdown(text, select=("PL220",), rule_options={"PL220": {"max-nouns": 2}})) == 1


# --- PL221 double negatives ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It doesn't seem unlikely.", "seems likely"),
        ("It did not seem unlikely.", "seemed likely"),
        ("We can't pay you unless you sign.", "can pay you only if"),
        ("We won't pay unless you sign.", "will pay only if"),
        ("The claim is not invalid.", "valid"),
        ("Not unlike the old form, it is long.", "Like"),
    ],
)
def test_double_negative_rewrites_drop_the_negation_and_keep_the_tense(text, expected):
    findings = lint_markdown(text, select=("PL221",))
    assert suggestions(findings) == [expected]


def test_never_and_no_are_reported_without_a_rewrite():
    [finding] = lint_markdown("No one may enter unless invited.", select=("PL221",))
    assert finding.suggestions == []


# --- PL222 stacked exceptions ---------------------------------------------------------


def test_stacked_exceptions_count_per_sentence():
    spread = "You may apply if you are 18. You may not apply unless you live here. Except for students, fees apply."
    assert lint_markdown(spread, select=("PL222",)) == []
    piled = "Except as noted, you may apply if you are 18, unless you live abroad."
    [finding] = lint_markdown(piled, select=("PL222",))
    assert '"except", "if", "unless"' in finding.message


# --- PL501-PL503 acronyms ----------------------------------------------------------


def acronyms_of(text: str):
    return find_acronyms(parse_markdown(text, "t.md").blocks)


@pytest.mark.parametrize(
    "text, key, long_form",
    [
        ("The Social Security Administration (SSA) pays.", "SSA", "Social Security Administration"),
        ("Call SSA (Social Security Administration) today.", "SSA", "Social Security Administration"),
        ("Ask the Department of Defense (DOD).", "DOD", "Department of Defense"),
        ("Read the Frequently Asked Questions (FAQs).", "FAQ", "Frequently Asked Questions"),
        ("Women, Infants, and Children (WIC) helps.", "WIC", "Women, Infants, and Children"),
        ("Ask U.S. Citizenship and Immigration Services (USCIS).", "USCIS",
         "U.S. Citizenship and Immigration Services"),
        ("Small-quantity handlers of universal wastes (SQHUW) must register.", "SQHUW",
         "Small-quantity handlers of universal wastes"),
        ("Write to the Fire and Police Employee Relations Act (“FPERA”) office.", "FPERA",
         "Fire and Police Employee Relations Act"),
        ("See the Quick Reference Handbook, or QRH, for steps.", "QRH", "Quick Reference Handbook"),
        ('Items marked "RC" (required for compliance) must be done.', "RC", "required for compliance"),
    ],
)
def test_acronym_definitions_in_either_order(text, key, long_form):
    definition = acronyms_of(text)[key].definition
    assert definition is not None and definition.long_form == long_form


def test_parentheses_that_do_not_spell_the_acronym_are_not_a_definition():
    assert acronyms_of("Read the rules (SSA) first.")["SSA"].definition is None
    assert acronyms_of("Call SSA (today or tomorrow).")["SSA"].definition is None


def test_acronyms_exclude_names_numerals_shouting_and_citations():
    assert acronyms_of("See Part III of form SF-424, 25 CFR 1.4 and GOV.UK for the rules.") == {}
    assert acronyms_of("SIGN HERE AND DATE THE FORM.") == {}
    assert acronyms_of("FEDERAL REGISTER\n\nINVOICE") == {}
    assert acronyms_of("Directive 2019–NM–035–AD and docket FAA-2020-0001 apply.") == {}


def test_undefined_acronym_reported_once_at_first_use_and_allow_list():
    text = "Call the VBA.\n\nThe VBA will reply."
    [finding] = lint_markdown(text, select=("PL501",))
    assert finding.location.line == 1
    assert lint_markdown(text, select=("PL501",), rule_options={"PL501": {"allow": ["VBA"]}}) == []


def test_acronym_defined_late_points_at_the_early_use_and_skips_headings():
    text = "# VBA\n\nCall the VBA.\n\nThe Veterans Benefits Administration (VBA) will reply."
    [finding] = lint_markdown(text, select=("PL502",))
    assert finding.location.line == 3
    assert "line 5" in finding.message
    assert suggestions([finding]) == ["Veterans Benefits Administration (VBA)"]


def test_acronym_used_once_counts_uses_across_blocks():
    defined = "The Veterans Benefits Administration (VBA) pays.\n\nThe VBA writes.\n\n"
    assert len(lint_markdown(defined, select=("PL503",))) == 1
    assert lint_markdown(defined + "Ask the VBA.", select=("PL503",)) == []


# --- word-list hygiene ------------------------------------------------------------------

LANGUAGE_RULES = ("PL105", "PL106", "PL107", "PL220", "PL221", "PL222", "PL501")


def entry_key(entry) -> tuple:
    if "light" in entry:
        return ("phrase", entry["light"], entry.get("noun") or entry["adjective"])
    if "verb" in entry:
        return ("verb", entry["verb"])
    return ("match", entry["match"].lower())


@pytest.mark.parametrize("code", LANGUAGE_RULES)
def test_word_lists_have_sources_and_are_sorted_without_duplicates(code):
    entries = default_registry().get(code).data.get("entries", [])
    assert all(entry.get("source") for entry in entries), f"{code}: every entry needs a source"
    keys = [entry_key(entry) for entry in entries]
    assert len(keys) == len(set(keys)), f"{code}: duplicate entries"
    for kind in {key[0] for key in keys}:
        group = [key for key in keys if key[0] == kind]
        assert group == sorted(group), f"{code}: {kind} entries are not sorted"


def test_double_negative_positives_are_not_negative():
    entries = default_registry().get("PL221").data["entries"]
    negatives = {e["match"] for e in entries if e.get("negative", True)}
    assert not [e for e in entries if e.get("use") in negatives]
