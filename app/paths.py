"""Where Casefile keeps things. All state lives under the data folder.

``CASEFILE_HOME`` overrides the data folder; ``CASEFILE_MODELS`` the model store (default: a
``models`` folder inside the data folder), so several data folders or test runs can share one
converted copy of a model.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Casefile"


def data_home() -> Path:
    override = os.environ.get("CASEFILE_HOME")
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, appauthor=False))


def models_home() -> Path:
    override = os.environ.get("CASEFILE_MODELS")
    return Path(override).expanduser() if override else data_home() / "models"
