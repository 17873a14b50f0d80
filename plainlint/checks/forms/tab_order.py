"""PL430: a PDF page with form fields whose tab order is not the document
structure. The extractor records each page's /Tabs in metadata["page_tabs"]
and whether there is a structure tree to follow ("tagged", or
"structure_tree" for a tree without the /MarkInfo flag); only pages where a
person tabs between two or more fields to fill in are judged (a read-only
signature stamp on a notice has no order to get wrong)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from plainlint.document import Document, Finding, Level
from plainlint.forms.fields import fillable_fields
from plainlint.forms.naming import page_finding

_ORDERS = {
    None: "no tab order is set (no /Tabs), so each PDF reader picks its own",
    "R": "its tab order is row order (/Tabs /R: across the page, whatever its columns)",
    "C": "its tab order is column order (/Tabs /C: down the page, column by column)",
    "W": "its tab order is widget order (/Tabs /W: the order the fields are listed in the file)",
    "A": "its tab order is annotation order (/Tabs /A: the order the fields are listed in the file)",
}
_TAGGED_FIX = "Acrobat: Page Thumbnails > Page Properties > Tab Order > Use Document Structure"
_UNTAGGED_FIX = (
    "this PDF has no tags, so there is no structure to follow yet: tag it (Acrobat: Accessibility > "
    "Autotag Document), check the reading order, then set Tab Order to Use Document Structure"
)


def check(document: Document, rule, options: Mapping[str, Any]) -> Iterator[Finding]:
    tabs = document.metadata.get("page_tabs")
    if document.format != "pdf" or not isinstance(tabs, Mapping):
        return
    accepted = set(options["accept"])
    fields_on = Counter(field.location.page for field in fillable_fields(document) if field.location.page is not None)
    tagged = bool(document.metadata.get("tagged") or document.metadata.get("structure_tree"))
    for page in sorted(page for page, count in fields_on.items() if count > 1):
        order = tabs.get(page, tabs.get(str(page)))
        if order in accepted:
            continue
        described = _ORDERS.get(order, f"its tab order is /Tabs /{order}")
        if order is not None:
            described += ", not the document structure"
        count = fields_on[page]
        message = (
            f"page {page} has {count} form field{'s' if count != 1 else ''}, and {described}: people using a "
            "keyboard or screen reader may meet the fields out of reading order; set the tab order to the "
            "document structure (/Tabs /S)"
        )
        fix = _TAGGED_FIX if tagged else _UNTAGGED_FIX
        finding = page_finding(rule, document, page, message, [fix])
        # Untagged, the fix is the larger job of tagging: advice, not a one-click warning.
        yield finding if tagged else replace(finding, level=Level.SUGGESTION)
