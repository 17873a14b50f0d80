"""Generate docs/rules.md, the page every finding's doc link points at.

Run `python -m plainlint.docs > docs/rules.md`; a test keeps it current."""

from __future__ import annotations

from plainlint.registry import Registry, Rule, default_registry


def explanation(rule: Rule) -> str:
    """`plainlint explain`: a rule's documentation as plain text (also an
    editor's hover)."""
    docs = rule.docs
    sections = [
        f"{rule.code} {rule.name} (default level: {rule.level.value})",
        rule.summary,
        f"What it does\n{_indent(docs.what)}",
        f"Why is this bad\n{_indent(docs.why)}",
        f"Example\n{_indent(docs.example)}",
        f"Use instead\n{_indent(docs.use_instead)}",
    ]
    if rule.options:
        lines = [
            f"  {name} ({option.kind()}): {option.description}"
            for name, option in rule.options.items()
        ]
        sections.append("Options ([tool.plainlint.rules.%s])\n%s" % (rule.code, "\n".join(lines)))
    if docs.guidance:
        sections.append(f"Guidance\n{_indent(docs.guidance)}")
    sections.append(f"More: {rule.doc_url}")
    return "\n\n".join(sections)


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


def rules_markdown(registry: Registry) -> str:
    lines = [
        "# plainlint rules",
        "",
        "Generated from the rule specs in `rules/` by `python -m plainlint.docs`.",
        "",
        "| code | name | default level | what it checks |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.code} | {r.name} | {r.level.value} | {r.summary} |" for r in registry]
    for rule in registry:
        docs = rule.docs
        lines += ["", f"## {rule.code} {rule.name}", "", f"Default level: {rule.level.value}.", ""]
        lines += ["### What it does", "", docs.what, "", "### Why is this bad", "", docs.why, ""]
        lines += ["### Example", "", _quote(docs.example), "", "### Use instead", "", _quote(docs.use_instead)]
        if rule.options:
            lines += ["", "### Options", ""]
            lines += [f"- `{name}` ({o.kind('`')}): {o.description}" for name, o in rule.options.items()]
        if docs.guidance:
            lines += ["", f"Guidance: {docs.guidance}"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


if __name__ == "__main__":
    print(rules_markdown(default_registry()), end="")
