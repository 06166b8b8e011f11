"""A loaded model behind one backend, started on first use and restarted after a crash.

The app holds one ``ModelSession`` (the desktop app keeps it for the whole run, the CLI for one
command). The backend (``inference.backend.Backend``) is made by ``open_backend``: the worker
process, or the site's server when one is configured; tests pass their own factory. If the worker
dies, the running call raises ``WorkerDied``; the next call starts a fresh one. The vault is
never touched here, so a dead worker loses no data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace

from app.config import data_home, precision
from app.errors import WorkerDied
from app.models.repetition import FINISH_REPETITION, RepetitionGuard
from app.models.store import ModelInfo
from inference import protocol as p
from inference.backend import Backend
from inference.client import WorkerClient
from inference.offline import without_secrets
from inference.remote import RemoteClient

BackendFactory = Callable[["ModelSession"], Backend]


def open_backend(session: ModelSession) -> Backend:
    """The backend a session runs on, not yet started: the site's server when one is configured,
    else a worker process (the secrets of this process's environment never pass to it)."""
    if session.remote is not None:
        return RemoteClient(session.remote.url, session.remote.model)
    return WorkerClient(env=without_secrets(dict(os.environ, CASEFILE_HOME=str(data_home()))))


class ModelSession:
    """``remote`` (an ``app.settings.RemoteBackend``) sends questions to the site's server instead."""

    def __init__(self, model: ModelInfo, remote=None, *,
                 backend_factory: BackendFactory = open_backend) -> None:
        self.remote = remote
        self.model = remote.as_model(model) if remote is not None else model
        self.rope_factor = 1.0
        self._open_backend = backend_factory
        self._client: Backend | None = None
        self._starting: Backend | None = None  # being started: close() can stop it too
        self._lock = threading.Lock()

    def use_rope_factor(self, factor: float) -> None:
        """Ask for YaRN (factor > 1) or the native window; a change reloads the model next time."""
        if factor != self.rope_factor:
            self.rope_factor = factor
            self.close()

    def _ready_client(self) -> Backend:
        if self._client is not None and self._client.alive:
            return self._client
        if self._client is not None:
            self._client.shutdown(timeout=1)
            self._client = None
        backend = self._starting = self._open_backend(self)
        try:
            backend.start()
            backend.load_model(self.model.path, self.model.model_id, weights_sha256=self.model.weights_sha256,
                               rope_factor=self.rope_factor, precision=precision())
        except BaseException:
            backend.shutdown(timeout=1)
            raise
        finally:
            self._starting = None
        self._client = backend
        return backend

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
        grounding: p.Grounding | None = None,
    ) -> p.Done:
        guard = RepetitionGuard()

        def stream(piece: str) -> None:
            if guard.feed(piece):
                self.cancel()  # a loop: stopped as the Stop button would
            if on_token is not None and guard.tripped_at is None:
                on_token(piece)

        with self._lock:
            client = self._ready_client()
            try:
                done = client.generate(messages, params, on_token=stream, on_progress=on_progress,
                                       prefix=prefix, grounding=grounding)
            except WorkerDied:
                client.shutdown(timeout=1)
                self._client = None
                raise
        if guard.tripped_at is not None and done.finish_reason == p.FINISH_CANCELLED:
            return replace(done, finish_reason=FINISH_REPETITION, text=guard.trimmed(done.text))
        return done

    def settle(self) -> None:
        """Wait until the worker has sealed the last answer's cache (nothing to wait for with a
        remote server or no worker)."""
        with self._lock:
            if self._client is not None and self._client.alive:
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
        """The worker's resident memory (psutil: every platform); None when it is not running."""
        import psutil

        pid = self.worker_pid if self.remote is None else None
        if pid is None:
            return None
        try:
            return psutil.Process(pid).memory_info().rss
        except (psutil.Error, OSError):
            return None

    @property
    def worker_pid(self) -> int | None:
        return getattr(self._client, "pid", None)  # a worker process has one; a server does not

    def close(self, timeout: float = 2.0) -> None:
        """Stop the worker now, even mid-answer (the running call then ends with WorkerDied);
        killed if it has not exited within ``timeout`` seconds (it loses nothing but the cache
        copy it had not written yet)."""
        client, self._client = self._client, None
        starting = self._starting  # still loading its model: stopped too (its start then fails)
        for backend in (client, starting):
            if backend is not None:
                backend.cancel()
                backend.shutdown(timeout=timeout)
