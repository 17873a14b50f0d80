"""Word-choice rules (PL1xx): complex words, wordy phrases, shall, legalese, hidden verbs, and/or, addressing the reader."""
