"""PDF reader: pdfium text with positions, page layout into blocks, and AcroForm fields."""
