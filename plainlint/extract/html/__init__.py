"""HTML reader: source positions, visible text blocks, and form controls with their accessible names and hints."""
