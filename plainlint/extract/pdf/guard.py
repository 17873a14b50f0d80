"""Pages too big to hand to pdfium: a content stream that inflates past a
limit.

pdfium inflates and parses a page's content when the page is loaded, in C,
with no limit of its own: a 400 KB file whose content inflates to 256 MB of
text operators took 13 GB and did not finish. So each page's content streams
are measured first, by inflating them here in bounded steps (only their
size is kept), and a page over the limit is skipped with a notice. The rest
of the document is read as usual.
"""

from __future__ import annotations

import logging
import zlib
from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import ArrayObject, StreamObject

from plainlint.limits import PDF_PAGE_CONTENT_BYTES

#: A page of dense text is tens of kilobytes and a detailed vector drawing a
#: few megabytes; the limit (plainlint.limits) keeps a page under a gigabyte.
PAGE_CONTENT_BYTES = PDF_PAGE_CONTENT_BYTES
_STEP = 1024 * 1024
_FLATE = {"/FlateDecode", "/Fl"}


def oversized_pages(data: bytes, limit: int = PAGE_CONTENT_BYTES) -> dict[int, int]:
    """{page index: bytes measured, at least `limit`} for each page whose
    content streams inflate past `limit`. A file pypdf cannot read is left
    to pdfium, which reports damage its own way."""
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        pages = list(reader.pages)
    except Exception:  # noqa: BLE001 - any failure of a third-party parser on hostile bytes
        logging.getLogger(__name__).debug("pypdf could not read the page tree", exc_info=True)
        return {}
    oversized = {}
    for index, page in enumerate(pages):
        try:
            size = _content_size(page.get("/Contents"), limit)
        except Exception:  # noqa: BLE001 - a broken stream is pdfium's to report
            continue
        if size > limit:
            oversized[index] = size
    return oversized


def _content_size(contents, limit: int) -> int:
    contents = contents.get_object() if contents is not None else None
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for stream in streams:
        stream = stream.get_object() if stream is not None else None
        if isinstance(stream, StreamObject):
            total += _inflated_size(stream, limit - total + 1)
        if total > limit:
            break
    return total


def _inflated_size(stream: StreamObject, budget: int) -> int:
    """The size of `stream` after its first filter, counted up to `budget`.
    Flate is inflated in steps and thrown away; other data counts as stored."""
    raw = stream._data  # the stored bytes: get_data() would inflate them whole
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, ArrayObject) and filters else filters
    if first not in _FLATE:
        return len(raw)
    inflater = zlib.decompressobj()
    size, pending = 0, raw
    while pending and size <= budget:
        size += len(inflater.decompress(pending, _STEP))
        pending = inflater.unconsumed_tail
    return size
