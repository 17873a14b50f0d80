"""Form rules (PL4xx): field names and labels, required marking, groups, dates, sensitive data, federal notices, HTML and PDF specifics."""
