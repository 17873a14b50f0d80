"""Inline suppression comments in Markdown."""

from support import lint_markdown

TEXT_WITH_SHALL = "You shall apply.\n"


def codes(findings):
    return [(f.code, f.location.line) for f in findings]


def test_disable_next_line_silences_only_that_line():
    text = "<!-- plainlint-disable-next-line PL103 -->\nYou shall apply.\n\nYou shall pay.\n"
    assert codes(lint_markdown(text, select=("PL103",))) == [("PL103", 4)]


def test_disable_enable_range_and_prefixes():
    text = (
        "You shall one.\n\n<!-- plainlint-disable PL1 -->\n\nYou shall two.\n\n"
        "<!-- plainlint-enable PL1 -->\n\nYou shall three.\n"
    )
    assert codes(lint_markdown(text, select=("PL103",))) == [("PL103", 1), ("PL103", 9)]


def test_disable_without_codes_silences_every_rule_until_enable():
    text = "<!-- plainlint-disable -->\n\nYou shall one.\n\n<!-- plainlint-enable -->\n\nYou shall two.\n"
    assert codes(lint_markdown(text, select=("PL103",))) == [("PL103", 7)]


def test_disable_file():
    assert lint_markdown("<!-- plainlint-disable-file -->\n\nYou shall go.\n", select=("PL103",)) == []
    text = "<!-- plainlint-disable-file PL201 -->\n\nYou shall go.\n"
    assert codes(lint_markdown(text, select=("PL103",))) == [("PL103", 3)]


def test_other_codes_are_not_silenced():
    text = "<!-- plainlint-disable-next-line PL201 -->\nYou shall apply.\n"
    assert codes(lint_markdown(text, select=("PL103",))) == [("PL103", 2)]
