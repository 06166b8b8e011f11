"""Exports of answers and task results: one neutral report, rendered to PDF, DOCX or CSV."""
