"""Form analysis shared by the form rules (no rules here): field words, naming, purpose, federal notices and sensitive data."""
