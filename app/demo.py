"""The demo case: the fictional documents the README's screenshots show (a supply agreement, a
letter, a clinic note), added to a case of their own so a new user sees Casefile answer, cite and
check before loading anything real. The documents are written by the project
(``assets/demo``), rendered to PDF in a temporary folder that is gone once they are ingested."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app import cases
from app.ingest import ingest_paths
from storage.records import CaseRecord
from storage.vault import Vault

DEMO_CASE = "Demo case (fictional documents)"
DEMO_QUESTION = "What is the price of one box under the supply agreement?"


def open_demo_case(vault: Vault) -> CaseRecord:
    """The demo case, made on first use (its documents ingested, audited like any other)."""
    from assets.demo.make_demo_pdfs import render

    existing = next((c for c in cases.list_cases(vault) if c.name == DEMO_CASE), None)
    if existing is not None and cases.list_documents(vault, existing):
        return existing
    case = existing or cases.create_case(vault, DEMO_CASE)
    with tempfile.TemporaryDirectory(prefix="casefile-demo-") as folder:
        ingest_paths(vault, case, render(Path(folder)))
    return case
