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


# Secrets a parent may hold in its environment; child processes (the worker, the reading pool,
# the model converter) never need them, and a process's environment is readable in /proc.
SECRET_ENV = ("CASEFILE_PASSPHRASE", "CASEFILE_RECOVERY_KEY", "CASEFILE_NEW_PASSPHRASE",
              "CASEFILE_PDF_PASSWORD")


def without_secrets(env: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in env.items() if name not in SECRET_ENV}


def harden_process() -> None:
    """No core dumps: a crash must not leave the prompt or the documents in a file on disk."""
    import resource
    import sys

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        # PR_SET_DUMPABLE = 4: also keeps other processes of this user from reading our memory
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)
