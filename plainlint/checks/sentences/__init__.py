"""Sentence and paragraph rules (PL2xx): length, passive voice, noun strings, double negatives, stacked exceptions."""
