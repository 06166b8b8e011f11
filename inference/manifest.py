"""The sha256 manifest of a model folder in the store (no torch: both processes use it).

``casefile-manifest.json`` lists every file with its size and sha256, plus the model id,
licence and source. ``weights_sha256`` is one hash over the sorted (name, sha256) pairs: it is
the identity recorded with every answer.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "casefile-manifest.json"
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def combined_hash(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class ModelManifest:
    model_id: str
    files: dict[str, str]
    sizes: dict[str, int]
    weights_sha256: str
    license: str
    source: str
    created: str

    @classmethod
    def read(cls, folder: Path) -> ModelManifest:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        return cls(**data)


def write_manifest(folder: Path, *, model_id: str, license_name: str, source: str) -> ModelManifest:
    files, sizes = {}, {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name != MANIFEST_NAME:
            files[path.name] = sha256_file(path)
            sizes[path.name] = path.stat().st_size
    manifest = ModelManifest(
        model_id=model_id, files=files, sizes=sizes, weights_sha256=combined_hash(files),
        license=license_name, source=source, created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest.__dict__, indent=2), encoding="utf-8")
    return manifest
