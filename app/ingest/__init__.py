"""Ingest: files, folders and production volumes into a case, one outcome per file.

``batch.Ingest`` schedules a batch: paths are split into production volumes and files
(``paths``), files are read in the process pool (``app.extract.pool``), scans go through the OCR
step (``ocr_step``), each file is committed by the store step (``store``) with its page token
counts (``page_tokens``), and volumes go through their load files (``production``). The window
and the command line use the names below, never the modules.
"""

from app.ingest.batch import Ingest, ingest_paths
from app.ingest.outcome import IngestOutcome, IngestProgress, IngestReport, IngestStatus
from app.ingest.page_tokens import preload_tokenizer, refresh_page_tokens
from app.ingest.store import keep_original

__all__ = ["Ingest", "IngestOutcome", "IngestProgress", "IngestReport", "IngestStatus", "ingest_paths",
           "keep_original", "preload_tokenizer", "refresh_page_tokens"]
