"""Word (DOCX) reader: a guarded zip, the OOXML parts, styles, stories and form controls."""
