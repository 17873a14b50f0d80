"""Context-aware word-list entries: verbs found in every form and answered in
the same form, part-of-speech conditions and `unless` words."""

from __future__ import annotations

from support import lint_markdown

from plainlint.checks.words.substitution import entries_from_spec


def _suggestions(text: str, **settings) -> list[tuple[str, list[str]]]:
    return [
        (f.matched, [s.text for s in f.suggestions])
        for f in lint_markdown(text, select=("PL101",), **settings)
    ]


def test_lemma_entry_expands_to_every_verb_form():
    entries = entries_from_spec([{"lemma": "commence", "use": "begin", "source": "FPLG"}])
    phrases = {entry.phrase: entry for entry in entries}
    assert set(phrases) == {"commence", "commences", "commenced", "commencing"}
    assert phrases["commences"].replacements == ("begins",)
    assert phrases["commencing"].replacements == ("beginning",)
    # "commenced" is past tense or past participle: the tag decides.
    assert phrases["commenced"].replacements_for("VBD") == ("began",)
    assert phrases["commenced"].replacements_for("VBN") == ("begun",)
    assert phrases["commenced"].replacements_for(None) == ("began", "begun")


def test_phrasal_lemma_inflects_its_first_word():
    entries = entries_from_spec([{"lemma": "comply with", "use": "follow", "source": "FPLG"}])
    assert {(e.phrase, e.replacements) for e in entries} >= {
        ("complies with", ("follows",)),
        ("complied with", ("followed",)),
        ("complying with", ("following",)),
    }


def test_every_form_of_a_verb_gets_the_same_form_back():
    found = _suggestions("It commences today. It commenced in May. We are commencing work.\n")
    assert found == [("commences", ["starts"]), ("commenced", ["started"]), ("commencing", ["starting"])]


def test_part_of_speech_separates_the_verb_from_the_noun():
    found = _suggestions("The office will address your complaint. Write your address on the form.\n")
    assert found == [("address", ["deal with", "discuss"])]


def test_unless_words_in_the_same_sentence_mean_the_accepted_sense():
    assert _suggestions("The agenda for the meeting is attached.\n") == []
    found = _suggestions("The agenda is attached. The meeting starts at ten.\n")
    assert found == [("agenda", ["plan", "aims"])], "an 'unless' word in another sentence does not count"


def test_without_a_model_plain_entries_still_run_and_pos_entries_stay_quiet():
    from support import PROJECT

    from plainlint.config import Settings
    from plainlint.engine import check_document
    from plainlint.extract.markdown import parse_markdown
    from plainlint.registry import default_registry

    rules = Settings(root=PROJECT, select=("PL101",)).enabled_rules(default_registry())
    document = parse_markdown("We are commencing work. The office will address it.\n", "t.md")
    findings = check_document(document, Settings(root=PROJECT, select=("PL101",)), rules)
    assert [(f.matched, f.suggestions[0].text) for f in findings] == [("commencing", "starting")]


def test_a_long_block_of_shall_after_no_costs_one_look_each():
    """The negative-subject look-back is bounded: 4,000 "shall"s in one
    block used to rescan the block from its start for each."""
    text = "No person shall enter. " + "The applicant shall file " * 4000 + "\n"
    findings = lint_markdown(text, select=("PL103",))
    assert len(findings) == 4001
    assert [s.text for s in findings[0].suggestions] == ["may"]
    assert findings[1].suggestions[0].text == "must" and "may" not in findings[1].message
