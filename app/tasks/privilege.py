"""The privilege log, drafted: one row per document with what its load file says (Bates, date,
author, recipients, copies, type, family) and the model's draft of the privilege claimed and its
basis, each row marked as a draft for attorney review. Families stay together: a row sorts by its
family's first Bates number, then its own."""

from __future__ import annotations

import re

from app.context import ContextDocument
from app.tasks.rows import RowChecker, TaskRow, clean_output, strip_citations

DRAFT = "draft — attorney review"
PRIVILEGES = ("attorney-client", "work product", "both", "none")
_DATE_KEYS = ("doc_date", "date_sent", "date_created", "date_modified")


def privilege_row(output: str, document: ContextDocument, checker: RowChecker) -> TaskRow:
    meta = document.record.metadata
    said = next((line for line in clean_output(output).splitlines() if line.strip()), "")
    claim, _, basis = said.partition("|")
    fields = {
        "document": meta.get("bates") or f"{document.short_id} {document.record.name}",
        "family": meta.get("family", ""),
        "date": next((meta[key] for key in _DATE_KEYS if meta.get(key)), ""),
        "author": meta.get("from") or meta.get("author", ""),
        "recipients": meta.get("to", ""),
        "cc": meta.get("cc", ""),
        "type": meta.get("doc_type", ""),
        "privilege": _claim(strip_citations(claim)),
        "basis": strip_citations(basis) or strip_citations(claim if not basis else ""),
    }
    row = checker.check(fields, checker.citations(said))
    note = f"{DRAFT}; {row.note}" if row.note else DRAFT
    return TaskRow(row.fields, row.citations, row.check, note, row.cells)


def _claim(text: str) -> str:
    """The claim in the log's words; what the model wrote when it is none of them ("unclear: …")."""
    folded = text.casefold()
    for privilege in PRIVILEGES:
        if privilege in folded or privilege.replace("-", " ") in folded:
            return privilege
    if re.search(r"\bwork[- ]product\b", folded):
        return "work product"
    return f"unclear: {text}" if text else "unclear"


def family_order(row: TaskRow) -> tuple:
    """A family together, the parent first: by the family's first Bates number, then the row's."""
    return (row.fields.get("family") or row.fields["document"], row.fields["document"])
