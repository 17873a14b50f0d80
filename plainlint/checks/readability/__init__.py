"""Readability rules (PL3xx): reading grade by section and hard paragraphs."""
