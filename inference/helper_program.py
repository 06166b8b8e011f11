"""How Casefile starts its own helper processes on every platform.

Two rules live here because ``inference`` may import only ``app.errors`` (``app.frozen`` uses them
too):

- On Windows no helper gets a console window of its own (``CREATE_NO_WINDOW``): the desktop app
  runs without a console, and a worker or Tesseract flashing one up would be both ugly and a
  window the user could close, killing the helper.
- The frozen Windows app ships two programs in one folder (packaging/casefile.spec): the desktop
  ``Casefile.exe``, built without a console, and its console twin ``casefile-cli.exe``. A helper
  talks over its standard streams, which a program without a console may lack, so helpers are
  started from the twin whenever it is there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NO_WINDOW: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # 0 off Windows: no flags at all
CONSOLE_TWIN = "casefile-cli.exe"


def frozen_program() -> str:
    """The program a frozen app starts its helpers with (with ``--run-module``)."""
    twin = Path(sys.executable).with_name(CONSOLE_TWIN)
    return str(twin) if twin.is_file() else sys.executable
