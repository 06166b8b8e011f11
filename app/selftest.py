"""``python main.py selftest``: the checks an IT admin runs after installing, with a report to keep.

Each check runs on its own and reports pass or fail with a sentence; nothing touches the user's
vault (a throw-away vault in a temporary folder is created, used and deleted).
"""

from __future__ import annotations

import getpass
import logging
import os
import platform
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import __version__


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float

    def as_json(self) -> dict:
        return self.__dict__.copy()


def _vault_round_trip() -> str:
    from storage.vault import Vault

    with tempfile.TemporaryDirectory(prefix="casefile-selftest-") as folder:
        vault, _recovery = Vault.create(Path(folder), "selftest-passphrase", use_keyring=False)
        with vault.write() as session:
            vault.audit(session, "selftest.write")
        vault.lock()
        reopened = Vault.unlock(Path(folder), "selftest-passphrase")
        check = reopened.verify_audit()
        reopened.lock()
        if not check.ok:
            raise RuntimeError(f"the audit chain did not verify: {check.reason}")
        return f"created, written, reopened and verified ({check.events} audit events); SQLCipher encrypted"


def _ocr() -> str:
    import pymupdf

    from app.extract import OcrJob, Source
    from app.extract.ocr import installed_languages, ocr_page, tesseract_available

    if not tesseract_available():
        raise RuntimeError("Tesseract is not installed: scanned pages cannot be read "
                           "(Debian/Ubuntu: apt-get install tesseract-ocr)")
    document = pymupdf.open()
    page = document.new_page(width=400, height=120)
    page.insert_text((20, 60), "Casefile self test 4815", fontsize=22)
    scan = pymupdf.open()  # the page as an image only: what a scanner produces
    image_page = scan.new_page(width=400, height=120)
    image_page.insert_image(image_page.rect, pixmap=page.get_pixmap(dpi=200))
    text = ocr_page(OcrJob(Source(name="selftest.pdf", data=scan.tobytes()), 0)).text
    if "4815" not in text:
        raise RuntimeError(f"OCR read {text.strip()[:60]!r} instead of the test line")
    return f"Tesseract read a scanned test line; languages: {', '.join(installed_languages())}"


def _old_office_formats() -> str:
    from app.extract import Source
    from app.extract.legacy import extract_legacy, soffice_program

    rtf = rb"{\rtf1\ansi{\fonttbl{\f0 Times;}}\f0 Casefile self test 6173 in an RTF file.\par}"
    read = extract_legacy(Source(name="selftest.rtf", data=rtf))
    if "6173" not in read.pages[0].text:
        raise RuntimeError(f"LibreOffice's conversion read {read.pages[0].text.strip()[:60]!r}")
    return (f"LibreOffice ({soffice_program()}) converted a test file: .doc, .wpd, .rtf, .odt and "
            "spreadsheets are read")


def _model_and_restart() -> str:
    from app.models.session import ModelSession
    from app.models.store import get_model
    from inference import protocol as p

    session = ModelSession(get_model())
    try:
        messages = [{"role": "user", "content": "Reply with the word ready."}]
        params = p.GenerationParams(max_new_tokens=8, temperature=0.0)
        started = time.monotonic()
        first = session.generate(messages, params)
        load_answer_s = time.monotonic() - started
        ready, first_pid = session.ready, session.worker_pid
        os.kill(first_pid, 9)  # a crash, as the user would meet it
        time.sleep(0.5)
        again = session.generate(messages, params)
        if not first.text.strip() or not again.text.strip():
            raise RuntimeError("the model gave an empty answer")
        if session.worker_pid == first_pid:
            raise RuntimeError("the killed worker was not replaced")
        return (f"{session.model.model_id} on {ready.device} ({ready.dtype}) answered in "
                f"{load_answer_s:.1f} s (load included); after the worker was killed, a fresh one answered")
    finally:
        session.close()


def _network() -> str:
    from inference.offline import guard_network

    guard_network()
    guard_log = logging.getLogger("casefile.network")
    level = guard_log.level
    guard_log.setLevel(logging.ERROR)  # this refusal is the test, not news for the log
    try:
        socket.getaddrinfo("selftest.casefile.invalid", 443)
    except PermissionError:
        return "outside connections are refused in this process (loopback and a configured server only)"
    finally:
        guard_log.setLevel(level)
    raise RuntimeError("a name lookup was not refused: the network guard is not active")


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("Encrypted vault", _vault_round_trip),
    ("OCR", _ocr),
    ("Old office formats", _old_office_formats),
    ("Model and worker restart", _model_and_restart),
    ("Network", _network),
]


def run_selftest() -> list[Check]:
    results = []
    for name, check in CHECKS:
        started = time.monotonic()
        try:
            results.append(Check(name, True, check(), time.monotonic() - started))
        except Exception as exc:  # noqa: BLE001 - every failure becomes a line of the report
            detail = getattr(exc, "user_message", None) or str(exc) or type(exc).__name__
            results.append(Check(name, False, detail, time.monotonic() - started))
    return results


def report_header() -> str:
    return (f"Casefile {__version__} self-test · {time.strftime('%Y-%m-%d %H:%M:%S %Z')} · "
            f"{platform.node()} ({platform.platform()}) · Python {sys.version.split()[0]} · "
            f"run by {getpass.getuser()}")
