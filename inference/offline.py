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
    import sys

    if sys.platform == "win32":
        _harden_windows()
        return
    import resource  # POSIX: Linux and macOS

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        # PR_SET_DUMPABLE = 4: also keeps other processes of this user from reading our memory
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)


def _harden_windows() -> None:
    """Windows' equivalent: no crash dialog, and this program kept out of Windows Error
    Reporting's crash dumps for this user (WerAddExcludedApplication). Not proven here: the
    project's machines run Linux (README, "What has been proven where")."""
    import contextlib
    import ctypes
    import sys

    sem_failcriticalerrors, sem_nogpfaulterrorbox = 0x0001, 0x0002
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetErrorMode(sem_failcriticalerrors | sem_nogpfaulterrorbox)
    with contextlib.suppress(OSError, AttributeError):
        wer = ctypes.windll.wer  # type: ignore[attr-defined]
        wer.WerAddExcludedApplication(ctypes.c_wchar_p(Path(sys.executable).name), False)


# ----- the network guard ---------------------------------------------------------------------

_allowed_hosts: set[str] = set()
_guarded = False


class NetworkRefused(PermissionError):
    """A connection Casefile did not ask for: only loopback and the configured model server."""


def allow_host(host: str) -> None:
    """The site's model server, once the user has configured (or is testing) it: the one host we
    may reach. Its addresses are allowed too, since sockets connect to the address, not the name."""
    import socket

    _allowed_hosts.add(host.lower())
    try:
        for *_rest, address in socket.getaddrinfo(host, None):
            _allowed_hosts.add(str(address[0]).lower())
    except OSError:
        pass  # unreachable now: the connection itself will say so


def _allowed(host: object) -> bool:
    import ipaddress

    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or isinstance(host, int):
        return True  # no host (a local lookup of a port) or a raw file descriptor
    if not isinstance(host, str):
        return False
    host = host.lower().strip("[]")
    if host in ("", "localhost") or host in _allowed_hosts:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name that is not localhost, nor the configured server


def guard_network() -> None:
    """Refuse, in this process, any connection or name lookup to a host other than loopback or
    the configured model server, and log it. An audit hook sees Python's sockets only; native
    code is checked from outside by the strace test (tests/integration/test_offline.py)."""
    global _guarded
    if _guarded:
        return
    import logging
    import socket
    import sys

    log = logging.getLogger("casefile.network")

    def refuse(what: str, host: object) -> None:
        log.warning("refused %s %s: Casefile works offline (no remote model server is configured for it)",
                    what, host)
        raise NetworkRefused(f"Casefile does not connect to {host}")

    def hook(event: str, args: tuple) -> None:
        if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
            sock, address = args[0], args[-1]
            if sock.family in (socket.AF_INET, socket.AF_INET6) and address and not _allowed(address[0]):
                refuse("a network connection to", address[0])
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr") \
                and not _allowed(args[0]):
            refuse("a name lookup of", args[0])

    sys.addaudithook(hook)
    _guarded = True
