"""Transcripts (depositions, hearings, trials): pages of numbered lines, cited by page and line.
``lines`` reads page texts into transcript pages and selects cited lines; ``pdf_pages`` gets
them out of full-page and condensed PDFs. ``app.extract.transcript`` applies them on ingest."""
