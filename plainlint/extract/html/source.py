"""HTML source handling that lxml does not offer: decoding bytes the way a
browser does, and pinning the text lxml hands back to exact lines and columns.

lxml reports only a line per element (and none past 65,535), so the source is
tokenized here a second time, HTML5-style but without building a tree: every
run of character data (entities decoded) goes into one string, `data`, with a
map back to source offsets, and every start tag and comment is listed. lxml's
text nodes come in document order, which is source order, so each is found in
`data` just after the previous one.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import html
import re
from array import array
from dataclasses import dataclass

from plainlint.errors import InputError
from plainlint.extract.encoding import BOMS, WIDE_BOMS, looks_binary

_XML_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
#: How far a browser looks for <meta charset> before giving up (WHATWG).
_PRESCAN_BYTES = 1024
#: Labels that browsers read as another encoding (WHATWG Encoding Standard).
_WHATWG_ALIASES = dict.fromkeys(
    ("ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819"), "cp1252"
)
#: The codecs a web page may declare: those of the WHATWG Encoding Standard
#: that Python has, by Python's name. Python also accepts labels such as
#: "rot-13", "base64" or "zlib", which are not text encodings at all.
_WEB_CODECS = frozenset(
    "utf-8 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 iso8859-10 "
    "iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u mac-roman cp874 cp1250 cp1251 cp1252 "
    "cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 mac-cyrillic gbk gb18030 big5 euc_jp iso2022_jp "
    "shift_jis euc_kr utf-16-le utf-16-be".split()
)
#: Control characters other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

_MARKUP = re.compile(r"<[!?/A-Za-z]")
#: A start tag, its attributes and its closing `>`. Quotes only matter right
#: after `=`, as in HTML5; possessive quantifiers keep hostile attributes linear.
_ATTRIBUTES = r"""(?:[^>"'=]++|=[\t\n\f\r ]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))|[="'])*+>"""
_START_TAG = re.compile(r"<([^\s/>]++)" + _ATTRIBUTES)
_END_TAG = re.compile(r"</[^\s/>]++" + _ATTRIBUTES)
_COMMENT_END = re.compile(r"--!?>")
_CHAR_REF = re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
#: Elements whose content is text up to the matching end tag (HTML5 raw text
#: and escapable raw text), and the one whose content runs to the end.
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_ESCAPABLE_RAW_TEXT = frozenset({"title", "textarea"})
_SCRIPT_TOKENS = re.compile(r"<!--|-->|</?script[\t\n\f\r />]", re.I)

WHITESPACE = " \t\n\f\r"
#: (offset in a text node, source offset or None): from that offset on, the
#: node's characters map one for one onto the source.
Piece = tuple[int, int | None]


@dataclass(frozen=True)
class DecodedHtml:
    text: str
    encoding: str
    #: Why decoding was not clean (for a PL909 notice), and where.
    problem: str | None = None
    problem_line: int = 1


def decode_html(data: bytes) -> DecodedHtml:
    """Decode as a browser would: byte-order mark, then an XML declaration or
    <meta charset> in the first kilobyte, then UTF-8 (windows-1252 when the
    bytes are not UTF-8). Bad bytes become U+FFFD and a notice, never a crash;
    data that is not text at all is an InputError."""
    _reject_binary(data)
    encoding, body, declared = _choose_encoding(data)
    problem = None
    if encoding is None:
        problem, encoding = f'unknown charset "{declared}"; read as UTF-8', "utf-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        return _decode_with_replacement(body, encoding, declared, error, problem)
    return DecodedHtml(_normalise(text), encoding, problem)


def _reject_binary(data: bytes) -> None:
    """Text holds almost no control bytes; more than 2% of them (or a NUL, or
    a known file signature) means the file is something else."""
    head = data[:4096]
    if head.startswith(tuple(bom for bom, _ in WIDE_BOMS)):
        return
    controls = len(_CONTROL_BYTES.findall(head))
    if looks_binary(head) or controls > max(8, len(head) // 50):
        raise InputError("binary file, not HTML (is the file name's extension wrong?)")


def _choose_encoding(data: bytes) -> tuple[str | None, bytes, str]:
    """(codec or None if the declared label is unknown, bytes to decode, label)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):], encoding
    match = _XML_DECLARATION.match(data) or _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not match:
        return "utf-8", data, ""
    label = match.group(1).decode("ascii").lower()
    return _codec_for(label), data, label


def _codec_for(label: str) -> str | None:
    if label in _WHATWG_ALIASES:
        return _WHATWG_ALIASES[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name not in _WEB_CODECS:
        return None
    # A <meta> that says UTF-16 was itself read as ASCII, so it is wrong.
    return "utf-8" if name.startswith("utf-16") else name


def _decode_with_replacement(
    body: bytes, encoding: str, declared: str, error: UnicodeDecodeError, problem: str | None
) -> DecodedHtml:
    line = body[: error.start].count(b"\n") + 1
    byte = f"byte 0x{body[error.start]:02x} on line {line}"
    if not declared and encoding == "utf-8":
        encoding = "cp1252"  # the web's default for undeclared legacy pages
        problem = f"not valid UTF-8 ({byte}) and no charset is declared; read as windows-1252"
    else:
        problem = problem or f"not valid {declared or encoding} ({byte}); bad bytes replaced with U+FFFD"
    text = body.decode(encoding, errors="replace")
    return DecodedHtml(_normalise(text), encoding, problem, line)


def _normalise(text: str) -> str:
    """Line breaks as the HTML parser sees them, and no NUL that could cut a
    C string short; neither changes a visible character's line or column."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


class SourceIndex:
    """The tokenized source: character data with its source offsets, start
    tags and comments, in source order."""

    def __init__(self, text: str):
        self.text = text
        self._parts: list[str] = []
        self._length = 0
        #: Parallel arrays: a run of `data` starting at run_data[i] was copied
        #: from the source at run_source[i], one character for one character.
        self.run_data = array("q")
        self.run_source = array("q")
        self._next_source = -1
        #: (lower-cased name, offset of "<", offset after ">") per start tag.
        self.tags: list[tuple[str, int, int]] = []
        #: (offset of "<!--", offset after the comment) per comment.
        self.comments: list[tuple[int, int]] = []
        self._tokenize()
        self.data = "".join(self._parts)
        del self._parts

    def to_source(self, data_offset: int) -> int:
        index = max(bisect.bisect_right(self.run_data, data_offset) - 1, 0)
        return self.run_source[index] + (data_offset - self.run_data[index])

    def to_data(self, source_offset: int) -> int:
        """The first data offset whose source is at or after `source_offset`."""
        index = bisect.bisect_right(self.run_source, source_offset) - 1
        if index >= 0:
            run_end = self.run_data[index + 1] if index + 1 < len(self.run_data) else len(self.data)
            inside = self.run_data[index] + (source_offset - self.run_source[index])
            if inside < run_end:
                return inside
        return self.run_data[index + 1] if index + 1 < len(self.run_data) else len(self.data)

    def _tokenize(self) -> None:
        text, position = self.text, 0
        while position < len(text):
            found = _MARKUP.search(text, position)
            if not found:
                break
            self._add_text(position, found.start())
            position = self._markup(found.start())
        self._add_text(position, len(text))

    def _markup(self, start: int) -> int:
        """Consume the markup at `start` (a "<" followed by !, ?, / or a
        letter) and return the offset after it and any raw text it opens."""
        text = self.text
        if text.startswith("<!--", start):
            return self._comment(start)
        if text[start + 1] in "!?":
            return _past(text, ">", start)
        if text[start + 1] == "/":
            if text.startswith("</>", start):
                return start + 3
            if start + 2 == len(text):
                self._add_raw(start, start + 2)  # "</" at the end is text
                return start + 2
            if not (text[start + 2].isascii() and text[start + 2].isalpha()):
                return _past(text, ">", start)  # a bogus comment
            tag = _END_TAG.match(text, start)
            return tag.end() if tag else len(text)
        tag = _START_TAG.match(text, start)
        if not tag:
            return len(text)  # HTML5 drops a tag cut short by the end of file
        name = tag.group(1).lower()
        self.tags.append((name, start, tag.end()))
        return self._element_content(name, tag.end())

    def _comment(self, start: int) -> int:
        text = self.text
        if text.startswith(">", start + 4) or text.startswith("->", start + 4):
            end = start + (5 if text[start + 4] == ">" else 6)
        else:
            close = _COMMENT_END.search(text, start + 4)
            end = close.end() if close else len(text)
        self.comments.append((start, end))
        return end

    def _element_content(self, name: str, start: int) -> int:
        """Raw text elements hold text up to their end tag, not markup."""
        if name == "plaintext":
            self._add_raw(start, len(self.text))
            return len(self.text)
        if name not in _RAW_TEXT and name not in _ESCAPABLE_RAW_TEXT:
            return start
        if name == "script":
            end = _script_end(self.text, start)
        else:
            close = re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.I).search(self.text, start)
            end = close.start() if close else len(self.text)
        if name in _RAW_TEXT:
            self._add_raw(start, end)
        else:
            self._add_text(start, end)
        return end

    def _add_text(self, start: int, end: int) -> None:
        """Character data, with character references decoded; each decoded
        reference maps to the offset of its "&"."""
        text = self.text
        position = start
        for ref in _CHAR_REF.finditer(text, start, end):
            decoded, kept = _decode_reference(ref.group())
            if not decoded:
                continue
            self._add_raw(position, ref.start())
            self._add(decoded, ref.start())
            position = ref.end() - kept
        self._add_raw(position, end)

    def _add_raw(self, start: int, end: int) -> None:
        if end > start:
            self._add(self.text[start:end], start)

    def _add(self, piece: str, source: int) -> None:
        if not piece:
            return
        if source != self._next_source:
            self.run_data.append(self._length)
            self.run_source.append(source)
        self._parts.append(piece)
        self._length += len(piece)
        self._next_source = source + len(piece)


def _script_end(text: str, start: int) -> int:
    """Where a script's text ends. As in HTML5, "</script>" does not end it
    inside "<!-- <script> ... -->" (old pages hide document.write that way)."""
    state = "data"  # or "escaped" after <!--, "double" after <!-- <script>
    for token in _SCRIPT_TOKENS.finditer(text, start):
        kind = token.group().lower()[:4]
        if kind == "</sc":
            if state != "double":
                return token.start()
            state = "escaped"
        elif kind == "<!--" and state == "data":
            state = "escaped"
        elif kind == "-->":
            state = "data"
        elif kind == "<scr" and state == "escaped":
            state = "double"
    return len(text)


def _past(text: str, needle: str, start: int) -> int:
    found = text.find(needle, start)
    return len(text) if found < 0 else found + len(needle)


@functools.lru_cache(maxsize=1024)
def _decode_reference(reference: str) -> tuple[str, int]:
    """A character reference's text ("" if it is none) and how many of its
    trailing characters are literal: html.unescape("&notit;") is "¬it;",
    and the "it;" was never part of the reference."""
    decoded = html.unescape(reference)
    if decoded == reference:
        return "", 0
    kept = 0
    while kept < min(len(decoded), len(reference) - 1) and decoded[-1 - kept] == reference[-1 - kept]:
        kept += 1
    return decoded[: len(decoded) - kept], kept


class Aligner:
    """Finds lxml's text nodes, in document order, in the tokenized source."""

    #: How far past the expected place a text node is looked for.
    SLACK = 2048
    #: How far ahead each character is looked for when a node differs from
    #: the source (a parser that decodes entities differently, say).
    NEARBY = 12

    def __init__(self, index: SourceIndex):
        self.index = index
        self.cursor = 0

    def skip_to(self, source_offset: int) -> None:
        """Text that follows a start tag in the tree follows it in the source."""
        self.cursor = max(self.cursor, self.index.to_data(source_offset))

    def align(self, node_text: str) -> list[Piece]:
        """Where `node_text`'s characters are in the source, as pieces."""
        core = node_text.strip(WHITESPACE)
        if not core:
            return []
        lead = len(node_text) - len(node_text.lstrip(WHITESPACE))
        data = self.index.data
        found = data.find(core, self.cursor, self.cursor + len(core) + self.SLACK)
        if found < 0:
            return self._align_by_character(node_text, lead, len(core))
        self.cursor = found + len(core)
        return self._pieces(lead, found, len(core))

    def _pieces(self, text_offset: int, data_offset: int, length: int) -> list[Piece]:
        run_data, run_source = self.index.run_data, self.index.run_source
        run = max(bisect.bisect_right(run_data, data_offset) - 1, 0)
        pieces: list[Piece] = [(text_offset, run_source[run] + data_offset - run_data[run])]
        for run in range(run + 1, len(run_data)):
            if run_data[run] >= data_offset + length:
                break
            pieces.append((text_offset + run_data[run] - data_offset, run_source[run]))
        return pieces

    def _align_by_character(self, node_text: str, lead: int, length: int) -> list[Piece]:
        data, pieces = self.index.data, []
        expected: int | None = None  # the source offset that would continue the last piece
        for offset in range(lead, lead + length):
            found = data.find(node_text[offset], self.cursor, self.cursor + self.NEARBY)
            source = self.index.to_source(found) if found >= 0 else None
            if source is None or source != expected:
                if source is not None or not pieces or pieces[-1][1] is not None:
                    pieces.append((offset, source))
            if found >= 0:
                self.cursor = found + 1
            expected = None if source is None else source + 1
        return pieces
