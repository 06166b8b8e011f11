"""A loaded model in a worker process, started on first use and restarted after a crash.

The app holds one ``ModelSession`` (the desktop app keeps it for the whole run, the CLI for one
command). If the worker dies, the running call raises ``WorkerDied``; the next call starts a
fresh worker. The vault is never touched here, so a dead worker loses no data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence

from app.errors import UserFacingError, WorkerDied
from app.model_store import ModelInfo
from app.paths import data_home
from inference import protocol as p
from inference.client import WorkerClient
from inference.offline import without_secrets
from inference.remote import RemoteClient


def precision() -> str:
    """``CASEFILE_PRECISION=exact`` makes the worker compute in fp32 on the CPU (the reference
    path, e.g. to reproduce an answer bit for bit); otherwise the hardware's fast path."""
    wanted = os.environ.get("CASEFILE_PRECISION", "auto").strip().lower() or "auto"
    if wanted not in ("auto", "exact"):
        raise UserFacingError(f"CASEFILE_PRECISION is auto or exact, not {wanted!r}.")
    return wanted


class ModelSession:
    """``remote`` (an ``app.settings.RemoteBackend``) sends questions to the site's server instead."""

    def __init__(self, model: ModelInfo, remote=None) -> None:
        self.remote = remote
        self.model = remote.as_model(model) if remote is not None else model
        self.rope_factor = 1.0
        self._client: WorkerClient | RemoteClient | None = None
        self._lock = threading.Lock()

    def use_rope_factor(self, factor: float) -> None:
        """Ask for YaRN (factor > 1) or the native window; a change reloads the model next time."""
        if factor != self.rope_factor:
            self.rope_factor = factor
            self.close()

    def _ready_client(self) -> WorkerClient:
        if self._client is not None and self._client.alive:
            return self._client
        if self._client is not None:
            self._client.shutdown(timeout=1)
        if self.remote is not None:
            self._client = RemoteClient(self.remote.url, self.remote.model)
            self._client.start()
            self._client.load_model()
            return self._client
        client = WorkerClient(env=without_secrets(dict(os.environ, CASEFILE_HOME=str(data_home()))))
        try:
            client.start()
            client.load_model(self.model.path, self.model.model_id, weights_sha256=self.model.weights_sha256,
                              rope_factor=self.rope_factor, precision=precision())
        except BaseException:
            client.shutdown(timeout=1)
            raise
        self._client = client
        return client

    def start(self) -> p.Ready:
        with self._lock:
            client = self._ready_client()
            assert client.model is not None
            return client.model

    def generate(
        self,
        messages: Sequence[dict[str, str]],
        params: p.GenerationParams,
        on_token: Callable[[str], None] | None = None,
        *,
        prefix: p.Prefix | None = None,
        on_progress: Callable[[p.Progress], None] | None = None,
    ) -> p.Done:
        with self._lock:
            client = self._ready_client()
            try:
                return client.generate(messages, params, on_token=on_token, on_progress=on_progress,
                                       prefix=prefix)
            except WorkerDied:
                client.shutdown(timeout=1)
                self._client = None
                raise

    def settle(self) -> None:
        """Wait until the worker has sealed the last answer's cache (nothing to wait for with a
        remote server or no worker)."""
        with self._lock:
            if isinstance(self._client, WorkerClient) and self._client.alive:
                self._client.settle()

    @property
    def running(self) -> bool:
        return self._client is not None and self._client.alive

    def cancel(self) -> None:
        client = self._client
        if client is not None:
            client.cancel()

    @property
    def ready(self) -> p.Ready | None:
        """What the running model reported when it loaded (device, dtype, load time); None if not running."""
        client = self._client
        return client.model if client is not None and client.alive else None

    def worker_memory_bytes(self) -> int | None:
        """The worker's resident memory (Linux /proc); None elsewhere or when it is not running."""
        pid = self.worker_pid if self.remote is None else None
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                line = next(x for x in status if x.startswith("VmRSS:"))
        except (OSError, StopIteration, TypeError):
            return None
        return int(line.split()[1]) * 1024

    @property
    def worker_pid(self) -> int | None:
        return self._client.pid if self._client else None

    def close(self) -> None:
        """Stop the worker now, even mid-answer (the running call then ends with WorkerDied)."""
        client, self._client = self._client, None
        if client is not None:
            client.cancel()
            client.shutdown(timeout=2)
