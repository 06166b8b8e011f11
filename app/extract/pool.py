"""Reading and OCR in a pool of worker processes, each job with a time limit.

PyMuPDF is not thread-safe and a hostile file can make it spin, so every file is read in a
separate process (started fresh with "spawn", never forked from a process that holds the vault
or Qt threads). If a job runs past its limit, the pool is terminated — the only way to stop a
stuck C library — and rebuilt; the caller resubmits whatever else was in flight.

Jobs return plain data, never raise across the process boundary: a rejection comes back as a
``Rejected`` carrying the one-line reason.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from dataclasses import dataclass, replace
from multiprocessing.pool import AsyncResult
from pathlib import Path

from app.errors import IngestError, InputTooLarge, PasswordNeeded
from app.extract import ExtractedDocument, OcrJob, Source, extract
from app.extract.ocr import OcrText, ocr_page
from app.tokens import with_page_tokens
from inference.offline import SECRET_ENV, harden_process

FILE_TIMEOUT_S = 120.0
OCR_PAGE_TIMEOUT_S = 180.0


class JobTimeout(Exception):
    """A job ran past its time limit; the pool was restarted."""


@dataclass(frozen=True)
class Rejected:
    reason: str
    needs_password: bool = False
    kind: str = "unreadable"  # what the audit log records instead of the reason's words


def read_file(source: Source, tokenizer_dir: Path | None = None) -> ExtractedDocument | Rejected:
    """Read one file; with ``tokenizer_dir``, count each page's tokens here too (both cores work)."""
    try:
        document = extract(source)
        if tokenizer_dir is not None:
            document = replace(document, pages=tuple(with_page_tokens(tokenizer_dir, list(document.pages))))
        return document
    except IngestError as exc:
        return Rejected(exc.user_message, needs_password=isinstance(exc, PasswordNeeded),
                        kind="too_large" if isinstance(exc, InputTooLarge) else "unreadable")
    except MemoryError:
        return Rejected("The file is too large to read in the memory available.", kind="too_large")
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one file, never the batch
        return Rejected(f"The file could not be read ({type(exc).__name__}).", kind="reader_error")


def read_page_by_ocr(job: OcrJob) -> OcrText | Rejected:
    try:
        return ocr_page(job)
    except IngestError as exc:
        return Rejected(exc.user_message)
    except Exception as exc:  # noqa: BLE001 - one page's OCR failing costs that page only
        return Rejected(f"OCR failed ({type(exc).__name__}).")


def _quiet_child() -> None:
    """Tesseract and MuPDF print notes ("Image too small to scale!!") straight to fd 2; a reading
    process has nothing to tell the user that is not in its result, so its stderr goes nowhere.
    It never dumps core either: it holds document text."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    harden_process()


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


class ReadingPool:
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._pool = None

    def _ready(self):
        if self._pool is None:
            # Spawned children copy this process's environment: start them without the secrets.
            held = {name: os.environ.pop(name) for name in SECRET_ENV if name in os.environ}
            try:
                self._pool = multiprocessing.get_context("spawn").Pool(self.workers, initializer=_quiet_child)
            finally:
                os.environ.update(held)
        return self._pool

    def read(self, source: Source, tokenizer_dir: Path | None = None) -> AsyncResult:
        return self._ready().apply_async(read_file, (source, tokenizer_dir))

    def ocr(self, job: OcrJob) -> AsyncResult:
        return self._ready().apply_async(read_page_by_ocr, (job,))

    def wait(self, pending: AsyncResult, timeout: float):
        try:
            return pending.get(timeout)
        except multiprocessing.TimeoutError:
            self.restart()
            raise JobTimeout() from None

    def restart(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, exc_type, *rest) -> None:
        # On an error or a cancel, in-flight jobs are worthless: stop them at once.
        self.restart() if exc_type else self.close()


_shared: ReadingPool | None = None


def shared_pool() -> ReadingPool:
    """One pool for the life of the process: a second batch (the app adds files all day) does
    not pay the processes' start-up again. Closed at exit."""
    global _shared
    if _shared is None:
        _shared = ReadingPool()
        atexit.register(_shared.restart)  # at exit, stop: never wait on a stuck reading job
    return _shared
