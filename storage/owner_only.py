"""Folders and files only their owner can open, on every platform.

On Linux and macOS that is the mode bits (0700 / 0600). Windows ignores them (``chmod`` there only
sets the read-only flag), so the vault's folder gets an access list instead: inheritance from the
parent removed and full control granted to the signed-in user alone, with object and container
inheritance so every file made inside later (vault, key slots, caches) gets the same list.
``%LOCALAPPDATA%`` is already per-user on a default install; this keeps a data folder the user
moved elsewhere (``CASEFILE_HOME``, a shared drive) just as closed. Not proven on Windows here
(README, "What has been proven where").
"""

from __future__ import annotations

import getpass
import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)
NO_WINDOW: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # storage imports nothing of inference


def icacls_command(path: Path, account: str, *, folder: bool) -> list[str]:
    """Windows' own tool: replace the inherited list with full control for ``account`` only."""
    grant = f"{account}:(OI)(CI)F" if folder else f"{account}:F"
    return ["icacls", str(path), "/inheritance:r", "/grant:r", grant, "/q"]


def windows_account() -> str:
    domain = os.environ.get("USERDOMAIN")
    user = getpass.getuser()
    return f"{domain}\\{user}" if domain else user


def make_private(path: Path) -> None:
    """Owner-only access to ``path`` (a folder or a file); a failure is logged, never fatal: the
    vault inside is encrypted either way."""
    folder = path.is_dir()
    if sys.platform != "win32":
        path.chmod(0o700 if folder else 0o600)
        return
    try:
        done = subprocess.run(icacls_command(path, windows_account(), folder=folder), capture_output=True,
                              text=True, check=False, creationflags=NO_WINDOW)
    except OSError as exc:
        log.warning("could not restrict %s to its owner: %s", path, exc)
        return
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip()[:200]
        log.warning("could not restrict %s to its owner: %s", path, reason)
