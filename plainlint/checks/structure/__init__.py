"""Document-structure rules (PL5xx): acronyms defined, defined late, used once."""
