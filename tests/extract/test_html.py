"""HTML extraction: what is linted, exact positions, form fields and their
accessible names, hostile input, and the real pages in ../shared."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainlint.document import PLACEHOLDER, BlockKind, Directive, Document
from plainlint.errors import InputError
from plainlint.extract import Source
from plainlint.extract.html.reader import DEPTH_LIMIT, extract, parse_html, sniff


def parse(html: str) -> Document:
    return parse_html(html, "t.html")


def texts(html: str) -> list[str]:
    return [block.text for block in parse(html).blocks]


def field(html: str, name: str):
    return next(f for f in parse(html).fields if f.name == name)


def assert_positions_exact(text: str, document: Document) -> None:
    """Every located character of every block is that character in the
    source (or the "&" of the character reference it came from)."""
    lines = text.split("\n")
    for block in document.blocks:
        for offset, char in enumerate(block.text):
            position = block.position(offset)
            if char in (" ", PLACEHOLDER):
                continue
            assert position.column is not None, (block.text, offset)
            assert lines[position.line - 1][position.column - 1] in (char, "&"), (block.text, offset)


# -- sniffing ---------------------------------------------------------------

@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html>\n<html>",
        b"  \n<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
        b"<html lang=en>",
        b"<HEAD><title>x</title>",
        b"<body>",
        b"\xef\xbb\xbf<html>",
        "\ufeff<html>".encode("utf-16-le"),
        b"<!-- generated -->\n<!-- twice --><!DOCTYPE html>",
    ],
)
def test_sniff_accepts_html(head):
    assert sniff(head)


@pytest.mark.parametrize(
    "head",
    [
        b"<!-- markdownlint-disable -->\n# Title\n",
        b"# Title\n<html>",
        b"<htmlish>",
        b"<div>fragment</div>",
        b"<!-- never closed <html>",
        b"<?xml version='1.0'?><svg/>",
        b"",
    ],
)
def test_sniff_rejects_other_data(head):
    assert not sniff(head)


# -- what is linted, and where ----------------------------------------------

PAGE = """\
<!DOCTYPE html>
<html lang="en-GB">
<head><title>Apply  for a licence</title>
<style>p { color: red }</style><script>var hidden = "Apply";</script></head>
<body>
<!-- plainlint-disable PL101 -->
<h2 class="x">Before you &amp; start</h2>
<p>Read the <a href="https://example.gov/utilize">guidance notes</a> and run <code>utilize --now</code> first.
   Visit https://www.gov.uk/apply today.</p>
<div>Intro text <p>Inner paragraph</p> closing words</div>
<ul><li>First item<li>Second <ul><li>Nested item</li></ul></ul>
<table><tr><th>Fee</th><td>Fifty&nbsp;pounds</td></tr></table>
<blockquote><p>Quoted words</p></blockquote>
<p hidden>hidden attribute</p><p aria-hidden="true">aria hidden</p>
<div style="display: none">display none</div><template><p>template</p></template>
<noscript>Turn on JavaScript</noscript><pre>preformatted code</pre>
<form><textarea>typed words</textarea><select><option>Option words</option></select><input type="hidden" value="x"></form>
<svg><title>Drawing title</title><text>svg words</text></svg>
<p>Line one<br>line two <img src="a.png" alt="a map"> end</p>
</body>
</html>
"""


def test_only_visible_prose_becomes_blocks():
    assert texts(PAGE) == [
        "Apply for a licence",
        "Before you & start",
        f"Read the guidance notes and run {PLACEHOLDER} first. Visit {PLACEHOLDER} today.",
        "Intro text",
        "Inner paragraph",
        "closing words",
        "First item",
        "Second",
        "Nested item",
        "Fee",
        "Fifty pounds",
        "Quoted words",
        f"Line one line two {PLACEHOLDER} end",
    ]


def test_block_kinds_and_attrs():
    blocks = parse(PAGE).blocks
    kinds = [(b.kind, b.attrs) for b in blocks]
    assert kinds[0] == (BlockKind.TITLE, {})
    assert kinds[1] == (BlockKind.HEADING, {"level": 2})
    assert [k for k, _ in kinds[2:6]] == [BlockKind.PARAGRAPH] * 4
    assert [k for k, _ in kinds[6:9]] == [BlockKind.LIST_ITEM] * 3
    assert kinds[9:11] == [
        (BlockKind.TABLE_CELL, {"header": True, "table": 1, "row": 1, "cell": 1}),
        (BlockKind.TABLE_CELL, {"header": False, "table": 1, "row": 1, "cell": 2}),
    ]
    assert kinds[11][0] is BlockKind.QUOTE


def test_every_character_maps_to_its_exact_line_and_column():
    document = parse(PAGE)
    assert_positions_exact(PAGE, document)
    heading, paragraph = document.blocks[1], document.blocks[2]
    location = heading.location()
    assert (location.line, location.column, location.end_line, location.end_column) == (7, 15, 7, 37)
    # "&" of "&amp;" points at the reference itself
    assert heading.position(heading.text.index("&")).column == 26
    link = paragraph.text.index("guidance")
    assert (paragraph.position(link).line, paragraph.position(link).column) == (8, 51)
    code = paragraph.text.index(PLACEHOLDER)
    assert (paragraph.position(code).line, paragraph.position(code).column) == (8, 84)
    visit = paragraph.text.index("Visit")
    assert (paragraph.position(visit).line, paragraph.position(visit).column) == (9, 4)


def test_metadata_and_directives():
    document = parse(PAGE)
    assert document.format == "html"
    assert document.metadata["title"] == "Apply for a licence"
    assert document.metadata["lang"] == "en-GB"
    assert document.directives == [Directive("disable", 6, ("PL101",))]


def test_directives_anywhere_in_the_page():
    html = "<html><body>\n<p>a</p>\n<!-- plainlint-disable-next-line PL201, PL202 -->\n<p>b</p>\n</body></html>"
    assert parse(html).directives == [Directive("disable-next-line", 3, ("PL201", "PL202"))]


def test_positions_survive_multi_line_tags_and_entities():
    html = '<p\n  class="a">Caf&eacute; &lt;b&gt;\n   <span\n title="x">au lait</span></p>'
    document = parse(html)
    assert [b.text for b in document.blocks] == ["Café <b> au lait"]
    assert_positions_exact(html, document)
    block = document.blocks[0]
    start = block.position(block.text.index("au"))
    assert (start.line, start.column) == (4, 12)


# -- forms ------------------------------------------------------------------

NAMES = """\
<html><body><form>
<span id="lb1">Your</span> <span id="lb2">surname</span>
<label for="a">Ignored label</label>
<input id="a" name="by-labelledby" aria-labelledby="lb1 lb2">
<label for="b">Ignored label</label>
<input id="b" name="by-aria-label" aria-label=" Family  name ">
<label for="c">Email <abbr title="required">*</abbr></label>
<input id="c" name="by-for" type="email" title="not used">
<label>Phone <input name="by-wrapping" type="tel"></label>
<input name="by-title" title="Postcode" placeholder="not used">
<input name="by-placeholder" placeholder="Search the site">
<input name="unnamed">
<textarea name="area" placeholder="Tell us more"></textarea>
<button name="by-content" type="button">Show <b>password</b></button>
<input name="by-value" type="submit" value="Send application">
<input name="by-default" type="reset">
<input name="by-alt" type="image" alt="Go" src="go.png">
<input type="hidden" name="token" value="x">
</form></body></html>
"""


@pytest.mark.parametrize(
    ("name", "label", "source"),
    [
        ("by-labelledby", "Your surname", "aria-labelledby"),
        ("by-aria-label", "Family name", "aria-label"),
        ("by-for", "Email *", "label-for"),
        ("by-wrapping", "Phone", "wrapping-label"),
        ("by-title", "Postcode", "title"),
        ("by-placeholder", "Search the site", "placeholder"),
        ("unnamed", None, None),
        ("area", "Tell us more", "placeholder"),
        ("by-content", "Show password", "content"),
        ("by-value", "Send application", "value"),
        ("by-default", "Reset", "default"),
        ("by-alt", "Go", "alt"),
    ],
)
def test_accessible_name_sources_in_browser_order(name, label, source):
    found = field(NAMES, name)
    assert (found.label, found.label_source) == (label, source)


def test_controls_kinds_and_hidden_inputs():
    fields = parse(NAMES).fields
    assert "token" not in [f.name for f in fields]
    kinds = {f.name: f.kind for f in fields}
    assert kinds["by-for"] == "email" and kinds["unnamed"] == "text" and kinds["area"] == "textarea"
    assert kinds["by-content"] == "button" and kinds["by-value"] == "submit" and kinds["by-alt"] == "image"
    assert field(NAMES, "by-content").attrs["tag"] == "button"


def test_field_location_points_at_the_control():
    html = '<html><body>\n<label for="x">Name</label>\n  <input\n    id="x" name="full-name"></body></html>'
    location = field(html, "full-name").location
    assert (location.line, location.column, location.end_line, location.field) == (3, 3, 4, "full-name")


def test_controls_past_the_limit_are_not_read_and_a_notice_says_so(monkeypatch):
    from plainlint.extract.html import forms

    monkeypatch.setattr(forms, "FORM_FIELDS", 2)
    radios = "".join(f'<label for="r{i}">Option {i}</label><input type="radio" name="c" id="r{i}">' for i in range(5))
    document = parse(f"<html><body><form><fieldset><legend>Pick one</legend>{radios}</fieldset></form></body></html>")
    assert [f.location.field for f in document.fields] == ["c", "c"]
    assert [(n.code, n.message) for n in document.notices] == [
        ("PL910", "only the first 2 form fields were read; the other 3 were not checked")
    ]


GROUP = """\
<html><body><form>
<fieldset aria-describedby="when-hint">
  <legend><h1>When did you <em>move</em>?</h1></legend>
  <div id="when-hint">For example, 27 3 2024</div>
  <label for="day">Day</label>
  <input id="day" name="move-day" inputmode="numeric" pattern="[0-9]*" maxlength="2"
         aria-describedby="day-hint day-error" aria-required="true">
  <p id="day-hint">Between 1 and 31</p>
  <span id="day-error">Enter a day</span>
  <label for="month">Month</label> <input id="month" name="move-month" required autocomplete="bday-month">
</fieldset>
<label for="colour">Colour</label>
<select id="colour" name="colour"><option>Red</option><option label="Dark blue">blue</option>
<optgroup label="More"><option>  Forest
 green </option></optgroup></select>
</form></body></html>
"""


def test_group_hint_required_and_constraints():
    day = field(GROUP, "move-day")
    assert day.group == "When did you move?"
    assert day.hint == "Between 1 and 31 Enter a day"
    assert day.attrs["describedby"] == ["day-hint", "day-error"]
    assert day.attrs["group_hint"] == "For example, 27 3 2024"
    assert day.required and day.max_length == 2
    assert (day.attrs["inputmode"], day.attrs["pattern"], day.attrs["maxlength"]) == ("numeric", "[0-9]*", "2")
    month = field(GROUP, "move-month")
    assert month.required and month.autocomplete == "bday-month" and month.hint is None
    colour = field(GROUP, "colour")
    assert colour.kind == "select" and colour.group is None
    assert colour.options == ["Red", "Dark blue", "Forest green"]


def test_labels_legends_and_hints_are_blocks_naming_their_field():
    blocks = [(b.kind, b.text, b.field_name, b.attrs.get("form_role")) for b in parse(GROUP).blocks]
    assert blocks == [
        (BlockKind.HEADING, "When did you move?", "move-day", "legend"),
        (BlockKind.HELP_TEXT, "For example, 27 3 2024", "move-day", "hint"),
        (BlockKind.FORM_LABEL, "Day", "move-day", "label"),
        (BlockKind.HELP_TEXT, "Between 1 and 31", "move-day", "hint"),
        (BlockKind.HELP_TEXT, "Enter a day", "move-day", "hint"),
        (BlockKind.FORM_LABEL, "Month", "move-month", "label"),
        (BlockKind.FORM_LABEL, "Colour", "colour", "label"),
    ]
    assert parse(GROUP).blocks[2].location().field == "move-day"


def test_label_inside_heading_is_one_block():
    html = '<html><body><h1><label for="n">What is your name?</label></h1><input id="n" name="name"></body></html>'
    [block] = parse(html).blocks
    assert (block.kind, block.field_name, block.attrs) == (BlockKind.HEADING, "name", {"level": 1, "form_role": "label"})


BROKEN = """\
<html><body><form>
<label for="e-mail">Email</label>
<input id="email" name="email" aria-labelledby="gone" aria-describedby="also-gone">
<div id="note">A note</div>
<label for="note">Not a control</label>
<label for="note"><input name="wrapped"></label>
<input name="last" aria-labelledby="">
<label for="nothing-after">Trailing</label>
</form></body></html>
"""


def test_broken_references_are_recorded_not_fatal():
    email = field(BROKEN, "email")
    assert email.label is None
    assert email.attrs["broken_refs"] == [
        {"attribute": "for", "id": "e-mail", "problem": "missing", "label": "Email"},
        {"attribute": "aria-labelledby", "id": "gone", "problem": "missing"},
        {"attribute": "aria-describedby", "id": "also-gone", "problem": "missing"},
    ]
    wrapped = field(BROKEN, "wrapped")
    assert wrapped.label is None  # a label with a wrong `for` labels nothing, even what it wraps
    assert [r["problem"] for r in wrapped.attrs["broken_refs"]] == ["not-a-control", "not-a-control"]
    last = field(BROKEN, "last")
    assert [r["id"] for r in last.attrs["broken_refs"]] == ["nothing-after"]


MORE_BROKEN = """\
<html><body><form>
<label for="dup">First</label><input id="dup" name="first" aria-describedby="dup-hint">
<label for="dup">Last</label><input id="dup" name="last">
<p id="dup-hint">One</p><p id="dup-hint">Two</p>
<fieldset aria-describedby="no-such-hint"><legend>Contact</legend>
<label for="a">A</label><input id="a" name="a"><label for="b">B</label><input id="b" name="b">
</fieldset>
</form></body></html>
"""


def test_shared_ids_and_broken_fieldset_references_are_recorded():
    first = field(MORE_BROKEN, "first")
    assert first.label == "First Last"  # as in browsers, both labels tie to the first "dup"
    assert [(r["attribute"], r["problem"]) for r in first.attrs["broken_refs"]] == [
        ("for", "duplicate-id"),
        ("aria-describedby", "duplicate-id"),
    ]
    last = field(MORE_BROKEN, "last")
    assert last.label is None and last.attrs["broken_refs"][0]["problem"] == "duplicate-id"
    assert field(MORE_BROKEN, "a").attrs["broken_refs"] == [
        {"attribute": "aria-describedby", "id": "no-such-hint", "problem": "missing", "on": "fieldset"}
    ]
    assert "broken_refs" not in field(MORE_BROKEN, "b").attrs  # reported once, on the group's first control


def test_a_for_naming_a_non_control_records_its_tag():
    [ref] = field(BROKEN, "wrapped").attrs["broken_refs"][:1]
    assert ref["tag"] == "div"


HINTS = """\
<html><body><form>
<div class="govuk-form-group"><h1 class="govuk-label-wrapper"><label for="nino">NI number</label></h1>
<div class="govuk-hint">For example, QQ 12 34 56 C</div><input id="nino" name="nino"></div>
<label for="e">Email</label><input id="e" name="email"><small id="e-help">Never shared</small>
<label for="pw">Password</label><p>At least 12 characters</p><div><input id="pw" name="pw"></div>
<label for="c">City <abbr class="usa-hint usa-hint--required">*</abbr></label><input id="c" name="city">
<input type="checkbox" id="t" name="t"><label for="t">Truth <span class="x-description">Writer</span></label>
<fieldset aria-describedby="when-hint"><legend>When did you move?</legend>
<span class="usa-hint" id="when-hint">For example, 27 3 2024</span>
<label for="d">Day</label><div class="usa-hint" id="d-hint">1 to 31</div><input id="d" name="day">
<label for="m">Month</label><input id="m" name="month">
</fieldset>
<label for="s">Name <span aria-hidden="true">*</span><span class="govuk-visually-hidden">(required)</span></label>
<input id="s" name="s">
</form></body></html>
"""


def _hints(name: str) -> list[tuple]:
    return [(h["text"], h["id"], h["near"]) for h in field(HINTS, name).attrs.get("adjacent_hints", [])]


def test_hint_text_beside_a_control_is_recorded_with_where_it_sits():
    assert _hints("nino") == [("For example, QQ 12 34 56 C", None, "label")]
    assert _hints("email") == [("Never shared", "e-help", "control")]
    assert _hints("pw") == [("At least 12 characters", None, "label")]
    assert field(HINTS, "nino").attrs["adjacent_hints"][0]["line"] == 3


def test_label_text_and_markers_are_not_hints():
    assert _hints("city") == [] and _hints("t") == []


def test_group_hints_belong_to_every_control_in_the_fieldset():
    assert _hints("day") == [("1 to 31", "d-hint", "label"), ("For example, 27 3 2024", "when-hint", "legend")]
    assert _hints("month") == [("For example, 27 3 2024", "when-hint", "legend")]
    assert field(HINTS, "month").attrs["group_describedby"] == ["when-hint"]


def test_visible_label_keeps_what_the_eye_sees():
    control = field(HINTS, "s")
    assert control.label == "Name (required)"  # what a screen reader says
    assert control.attrs["visible_label"] == "Name *"  # what a sighted person reads
    assert "visible_label" not in field(HINTS, "email").attrs  # the same for both: not recorded


def test_hint_search_stays_near_the_control_on_a_huge_page():
    filler = "<span class='help'>x</span>" * 5000
    html = f"<html><body><label for='a'>A</label>{filler}<input id='a' name='a'></body></html>"
    assert len(field(html, "a").attrs["adjacent_hints"]) < 50


# -- hostile and awkward input ----------------------------------------------

def test_deep_nesting_stops_with_a_notice_not_a_crash():
    depth = 100_000
    html = "<html><body><p>Before the pit.</p>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>"
    document = extract(Source("deep.html", html.encode()))
    assert [b.text for b in document.blocks] == ["Before the pit."]
    [notice] = document.notices
    assert notice.code == "PL908" and str(DEPTH_LIMIT) in notice.message and notice.location.line == 1


def test_huge_attributes_and_unterminated_tags():
    big = "x" * 2_000_000
    html = f'<html><body><p title="{big}">Short text</p><input name="q" value="{big}" aria-label="Query"><p class="{big}'
    document = parse(html)
    assert [b.text for b in document.blocks] == ["Short text"]
    assert document.fields[0].label == "Query"


def test_script_hiding_an_end_tag_in_a_comment():
    html = '<html><body><script><!-- document.write("<script></script>"); --></script><p>After</p></body></html>'
    document = parse(html)
    assert [b.text for b in document.blocks] == ["After"]
    assert document.blocks[0].location().column == html.index("After") + 1


def test_entities_are_never_expanded_from_a_dtd():
    html = (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c SYSTEM "file:///etc/passwd">]><html><body><p>&b; &c; &amp;</p></body></html>'
    )
    assert texts(html)[-1] == "&b; &c; &"


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"<html>\x00\x01\x02\x03" * 50, b"%PDF-1.7\n"],
)
def test_binary_data_is_an_input_error(data):
    with pytest.raises(InputError, match="binary"):
        extract(Source("really-binary.html", data))


def test_undeclared_non_utf8_reads_as_windows_1252_with_a_notice():
    data = "<html><body>\n<p>Café crème</p></body></html>".encode("cp1252")
    document = extract(Source("legacy.html", data))
    assert [b.text for b in document.blocks] == ["Café crème"]
    [notice] = document.notices
    assert notice.code == "PL909" and notice.location.line == 2 and "0xe9" in notice.message


def test_declared_charset_and_bom_are_honoured():
    meta = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет</p>'
    document = extract(Source("ru.html", meta.encode("cp1251")))
    assert document.blocks[0].text == "Привет" and not document.notices
    assert document.metadata["encoding"] == "cp1251"
    utf16 = codecs.BOM_UTF16_LE + "<html><body><p>Grüße</p>".encode("utf-16-le")
    assert extract(Source("de.html", utf16)).blocks[0].text == "Grüße"


def test_bad_bytes_in_declared_utf8_are_replaced_not_fatal():
    data = b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9 ok</p></body></html>'
    document = extract(Source("bad.html", data))
    assert document.blocks[0].text == "caf\ufffd ok"
    assert [n.code for n in document.notices] == ["PL909"]


@pytest.mark.parametrize("label", ["rot-13", "base64", "zlib", "bz2", "hex", "uu", "quopri", "undefined", "punycode", "utf-7"])
@pytest.mark.parametrize("declared_in", ["meta", "xml"])
def test_a_codec_that_is_not_a_web_text_encoding_is_unknown(label, declared_in):
    """Python's codecs also name byte transforms ("zlib") and oddities that
    fail on any input ("undefined"); a page naming one is read as UTF-8."""
    head = f'<?xml version="1.0" encoding="{label}"?><html>' if declared_in == "xml" else f'<html><head><meta charset="{label}"></head>'
    document = extract(Source("odd.html", (head + "<body><p>Grüße</p></body></html>").encode()))
    assert document.blocks[-1].text == "Grüße"
    [notice] = document.notices
    assert notice.code == "PL909" and f'unknown charset "{label}"' in notice.message


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_a_wide_byte_order_mark_decides_the_encoding(codec):
    bom = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
           "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    document = extract(Source("wide.html", bom + "<html><body><p>Grüße</p></body></html>".encode(codec)))
    assert [b.text for b in document.blocks] == ["Grüße"] and not document.notices


def test_unknown_charset_falls_back_to_utf8():
    data = '<html><head><meta charset="x-klingon"></head><body><p>naïve</p>'.encode()
    document = extract(Source("k.html", data))
    assert document.blocks[0].text == "naïve"
    assert "x-klingon" in document.notices[0].message


def test_comment_only_page_has_directives_and_no_blocks():
    document = parse("<!-- plainlint-disable-file -->")
    assert document.blocks == [] and document.directives == [Directive("disable-file", 1, ())]


def test_lines_past_65535_keep_exact_positions():
    html = "<html><body><p>x</p>" + "\n" * 70_001 + '<label for="a">Last</label> <input id="a" name="a"></body></html>'
    document = parse(html)
    label = document.blocks[-1].location()
    assert (label.line, label.column) == (70_002, 16)
    assert (document.fields[0].location.line, document.fields[0].location.column) == (70_002, 29)


_PIECES = st.sampled_from(
    list("<>/=\"'&;#! \n\tabp") + ["<p>", "</p>", "<div>", "<!--", "-->", "&amp;", "&notit;", "&#x41;",
    "<label for=a>", "<input id=a>", "<code>", "<br>", "<script>", "</script>", "<title>", "<td>", "é",
    "http://x.org/a ", "<b>", "</b>"]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=60))
def test_positions_stay_exact_on_random_markup(pieces):
    html = "".join(pieces)
    assert_positions_exact(html, parse(html))


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from([b"", b"<!doctype html><body>", b"\xff\xfe", b"<meta charset=latin1>"]),
       body=st.binary(max_size=1024))
def test_random_bytes_give_a_document_or_an_input_error(prefix, body):
    try:
        document = extract(Source("fuzz.html", prefix + body))
    except InputError as error:
        assert str(error)
    else:
        assert isinstance(document, Document)


# -- the real pages in ../shared --------------------------------------------

def _sample(shared: Path, relative: str) -> Document:
    path = shared / "samples" / "html" / relative
    return extract(Source(str(path), path.read_bytes()))


def _samples(shared: Path, folder: str) -> list[Path]:
    return sorted((shared / "samples" / "html" / folder).glob("*.html"))


BUTTONS = {"submit", "reset", "button", "image"}


def test_w3c_before_survey_labels_no_control(shared):
    fields = _sample(shared, "w3c-wai-before-after/before/survey.html").fields
    inputs = [f for f in fields if f.kind not in BUTTONS]
    assert len(inputs) == 13
    assert all(f.label is None for f in inputs)
    assert [(f.label, f.label_source) for f in fields if f.kind in BUTTONS] == [("submit", "value")]


def test_w3c_after_survey_labels_every_control(shared):
    fields = _sample(shared, "w3c-wai-before-after/after/survey.html").fields
    assert len(fields) == 15
    assert all(f.label and f.label_source != "placeholder" for f in fields)
    assert [f.group for f in fields if f.name == "res"] == ["Favorite Park"] * 6


@pytest.mark.parametrize("folder", ["uswds", "govuk"])
def test_design_system_pages_label_every_control(shared, folder):
    pages = _samples(shared, folder)
    assert pages
    for page in pages:
        document = extract(Source(str(page), page.read_bytes()))
        for found in document.fields:
            assert found.label and found.label_source != "placeholder", (page.name, found.name)
            assert "broken_refs" not in found.attrs, (page.name, found.name)
            assert found.location.column is not None


def test_real_pages_map_every_character_exactly(shared):
    for page in sorted((shared / "samples" / "html").rglob("*.html")):
        data = page.read_bytes()
        assert sniff(data[:4096]), page.name
        document = extract(Source(str(page), data))
        assert document.blocks and not document.notices, page.name
        assert_positions_exact(data.decode("utf-8"), document)
