"""Every setting Casefile reads from its environment, with its default, in one place.

``CASEFILE_HOME``      the data folder (vault, audit log, kept caches); default: the OS's per-user
                       data folder (platformdirs)
``CASEFILE_MODELS``    the model store; default: ``models`` inside the data folder, so several data
                       folders or test runs can share one converted copy of a model
``CASEFILE_PASSPHRASE``, ``CASEFILE_RECOVERY_KEY``, ``CASEFILE_NEW_PASSPHRASE``
                       for scripts and tests: unlock, recover, or change the passphrase without a
                       prompt (never passed on to the worker: ``inference.offline.SECRET_ENV``)
``CASEFILE_PDF_PASSWORD``  a password for protected PDFs in a headless ingest
``CASEFILE_STARTUP_PROBE``  ``make bench``: the window quits once its cases are on screen
``CASEFILE_LANGUAGE``  the window's language (de, fr, es, en, or en_XA: the pseudo-locale for
                       checking layouts), over the system's and the Settings choice
``CASEFILE_PRECISION`` ``exact`` makes the worker compute in fp32 on the CPU (the reference
                       path, e.g. to reproduce an answer bit for bit); default ``auto``

The worker process reads ``CASEFILE_HOME`` itself (``inference/worker.py``: it imports nothing of
``app``); the client passes it the data folder this module chose. Defaults that are preferences,
not environment (auto-lock, OCR quality, the cache budget), live in ``app.settings.Preferences``.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from app.errors import UserFacingError

APP_NAME = "Casefile"
PRECISIONS = ("auto", "exact")


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def data_home() -> Path:
    override = _env("CASEFILE_HOME")
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, appauthor=False))


def models_home() -> Path:
    override = _env("CASEFILE_MODELS")
    return Path(override).expanduser() if override else data_home() / "models"


def script_passphrase() -> str | None:
    return _env("CASEFILE_PASSPHRASE")


def script_recovery_key() -> str | None:
    return _env("CASEFILE_RECOVERY_KEY")


def script_new_passphrase() -> str | None:
    return _env("CASEFILE_NEW_PASSPHRASE")


def pdf_password() -> str | None:
    return _env("CASEFILE_PDF_PASSWORD")


def startup_probe() -> bool:
    return _env("CASEFILE_STARTUP_PROBE") is not None


def precision() -> str:
    wanted = (_env("CASEFILE_PRECISION") or "auto").strip().lower()
    if wanted not in PRECISIONS:
        raise UserFacingError(f"CASEFILE_PRECISION is auto or exact, not {wanted!r}.")
    return wanted


def language_override() -> str | None:
    return _env("CASEFILE_LANGUAGE")
