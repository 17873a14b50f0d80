"""Rule implementations: pure functions of a Document, its rule and options."""
