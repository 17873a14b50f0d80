"""CI plumbing between findings and output: baselines, changed lines from git, atomic writes."""
