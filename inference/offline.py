"""Environment that keeps every library offline; set before torch, transformers or hub import.

huggingface_hub and transformers read these variables at import time, so both processes (the
app and the worker) call ``apply_offline_env`` first thing. Nothing here imports those
libraries.
"""

from __future__ import annotations

import os
from pathlib import Path

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_offline_env(data_home: Path | None = None) -> None:
    """Force offline mode; point the hub cache inside the data folder so nothing lands elsewhere."""
    os.environ.update(OFFLINE_ENV)
    if data_home is not None:
        os.environ["HF_HOME"] = str(Path(data_home) / "hf-cache")
