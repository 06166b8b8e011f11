"""Write an export file the user asked for, safely, and audit it.

The file is written beside its destination under a temporary name and renamed into place, so an
interrupted export (a full disk, a crash) never leaves a half-written file under the chosen name;
the temporary file is removed on failure. The audit event records what was exported and the
file's sha256 and size — not its path, which may name a client.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.answer.citecheck import CiteCheck
from app.cases import of_case
from app.errors import ExportError, UserFacingError
from app.exports.render import csv_bytes, docx_bytes, write_pdf_report
from app.exports.report import Report, chat_report, citecheck_report, task_report, task_table
from app.tasks.templates import template
from storage import repositories as repo
from storage.records import CaseRecord
from storage.vault import Vault

FORMATS = {".pdf": "pdf", ".docx": "docx", ".csv": "csv", ".xlsx": "xlsx"}


@dataclass(frozen=True)
class ExportedFile:
    path: Path
    format: str
    bytes: int
    sha256: str


def check_destination(out: Path, allowed: tuple[str, ...]) -> str:
    """The format the file name asks for, if allowed, and a folder that exists; else a reason."""
    fmt = FORMATS.get(out.suffix.lower())
    if fmt not in allowed:
        raise UserFacingError(f"Export to a file ending in {', '.join('.' + a for a in allowed)} "
                              f"(not “{out.suffix or out.name}”).")
    if not out.parent.is_dir():
        raise UserFacingError(f"The folder {out.parent} does not exist.")
    return fmt


def write_atomically(out: Path, fmt: str, data: bytes | Callable[[Path], None]) -> ExportedFile:
    """``data``: the file's bytes, or a function that writes the file at the path it is given."""
    partial = out.with_name(f".{out.name}.partial")
    try:
        if callable(data):
            data(partial)
        else:
            partial.write_bytes(data)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise ExportError(f"The disk holding {out.parent} is full: nothing was exported.") from exc
        raise ExportError(f"Could not write {out}: {exc.strerror or exc}.") from exc
    except Exception as exc:  # MuPDF's own errors when writing a PDF are not OSErrors
        partial.unlink(missing_ok=True)
        raise ExportError(f"Could not write {out.name}: {exc}.") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    written = out.read_bytes()
    return ExportedFile(out, fmt, len(written), hashlib.sha256(written).hexdigest())


def _write(out: Path, fmt: str, report: Report, csv_data: bytes | None = None) -> ExportedFile:
    if fmt == "pdf":
        return write_atomically(out, fmt, lambda partial: write_pdf_report(report, partial))
    return write_atomically(out, fmt, docx_bytes(report) if fmt == "docx" else csv_data)


def audit_export(vault: Vault, case: CaseRecord, action: str, key: str, ident: int,
                 done: ExportedFile) -> None:
    with vault.write() as session:
        vault.audit(session, action, case_id=case.id,
                    objects={key: ident, "format": done.format, "bytes": done.bytes, "sha256": done.sha256})


def export_chat(vault: Vault, case: CaseRecord, chat_id: int, out: Path) -> ExportedFile:
    fmt = check_destination(out, ("pdf", "docx"))
    with vault.read() as session:
        chat = of_case(case, repo.find_chat_session(session, chat_id), "chat", chat_id)
        messages = repo.list_messages(session, chat_id)
    done = _write(out, fmt, chat_report(case, chat, messages))
    audit_export(vault, case, "export.chat", "session_id", chat_id, done)
    return done


def export_task(vault: Vault, case: CaseRecord, task_id: int, out: Path) -> ExportedFile:
    fmt = check_destination(out, ("pdf", "docx", "csv"))
    with vault.read() as session:
        task = of_case(case, repo.find_task(session, task_id), "task", task_id)
    spec = template(task.kind)
    done = _write(out, fmt, task_report(case, task, spec), csv_bytes(task_table(task, spec)))
    audit_export(vault, case, "export.task", "task_id", task_id, done)
    return done


def export_citecheck(vault: Vault, case: CaseRecord, result: CiteCheck, out: Path) -> ExportedFile:
    fmt = check_destination(out, ("pdf", "docx"))
    done = _write(out, fmt, citecheck_report(case, result))
    with vault.write() as session:
        vault.audit(session, "export.citecheck", case_id=case.id,
                    objects={"format": done.format, "bytes": done.bytes,
                             "sha256": done.sha256})
    return done
