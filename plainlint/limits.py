"""Every limit that keeps a run bounded in time and memory, in one place.

An input over a limit costs only itself: the file gets an error line (exit
3), or the part over the limit gets a PL9xx notice and the rest is checked.
The first two can be set in config; the others are fixed, because no real
document comes near them and each guards against a known attack.
"""

from __future__ import annotations

MiB = 1024 * 1024

# --- set in config ([tool.plainlint]) ----------------------------------------
#: `max-file-size`: bytes read from one input (a file or standard input).
FILE_BYTES = 50 * MiB
#: `time-limit`: seconds one file may take to read, and again to check
#: (0: none). A long PDF takes seconds, a 50 MB one about a minute.
TIME_LIMIT_SECONDS = 120

# --- fixed -------------------------------------------------------------------
#: Bytes the result cache may hold; past it the entries used longest ago go.
CACHE_BYTES = 256 * MiB
#: A config file; a megabyte is not a config.
CONFIG_BYTES = 1 * MiB
#: The largest integer a size, count or option in config may be (1 TiB).
CONFIG_INT = 2**40
#: Characters in one exclude or per-file-ignores glob.
GLOB_CHARS = 1000
#: A zip (DOCX): bytes all its members may inflate to; the ratio to its own
#: size past which it is a bomb, with a small budget every file may use; and
#: its number of entries.
ZIP_UNPACKED_BYTES = 200 * MiB
ZIP_RATIO = 100
ZIP_MIN_BUDGET = 10 * MiB
ZIP_MEMBERS = 10_000
#: Bytes one PDF page's content may inflate to (PL910 past it): pdfium
#: spends about 50 bytes of memory per byte of text operators.
PDF_PAGE_CONTENT_BYTES = 16 * MiB
#: Form fields read from one file (PL910 past it): the largest real forms
#: have about 2,000; each field costs every form rule a look.
FORM_FIELDS = 5_000
#: Widget annotations read from one PDF: a field may have several (the
#: buttons of a radio group).
PDF_WIDGETS = 4 * FORM_FIELDS
#: Depth of a PDF's field tree.
PDF_FIELD_DEPTH = 64
#: Depth of HTML elements: libxml2's own limit with `huge_tree`, past which
#: it stops (PL908 says where).
HTML_DEPTH = 2048
#: Characters spaCy parses as one piece (a longer block is cut at sentence
#: ends and joined back), and in one batch: its memory grows with both.
PARSE_PIECE_CHARS = 20_000
PARSE_BATCH_CHARS = 100_000
#: Characters of one file the parser reads (PL910 past it; the rules that
#: need no model still read the rest). About 330,000 words, a 1,000-page
#: manual: at about 3,400 words/s, a minute and a half.
PARSE_FILE_CHARS = 2_000_000
#: Tokens in the longest sentence that gets an active-voice draft.
DRAFT_TOKENS = 100
