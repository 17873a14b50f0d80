"""Language analysis shared by the rules (no rules here): sentences, words, quoted text, inflection, passives, readability, acronyms, and the spaCy pass."""
