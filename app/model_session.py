"""A loaded model in a worker process, started on first use and restarted after a crash.

The app holds one ``ModelSession`` (the desktop app keeps it for the whole run, the CLI for one
command). If the worker dies, the running call raises ``WorkerDied``; the next call starts a
fresh worker. The vault is never touched here, so a dead worker loses no data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence

from app.errors import WorkerDied
from app.model_store import ModelInfo
from app.paths import data_home
from inference import protocol as p
from inference.client import WorkerClient


class ModelSession:
    def __init__(self, model: ModelInfo) -> None:
        self.model = model
        self._client: WorkerClient | None = None
        self._lock = threading.Lock()

    def _ready_client(self) -> WorkerClient:
        if self._client is not None and self._client.alive:
            return self._client
        if self._client is not None:
            self._client.shutdown(timeout=1)
        client = WorkerClient(env=dict(os.environ, CASEFILE_HOME=str(data_home())))
        try:
            client.start()
            client.load_model(self.model.path, self.model.model_id, weights_sha256=self.model.weights_sha256)
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

    @property
    def running(self) -> bool:
        return self._client is not None and self._client.alive

    def cancel(self) -> None:
        client = self._client
        if client is not None:
            client.cancel()

    @property
    def worker_pid(self) -> int | None:
        return self._client.pid if self._client else None

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.shutdown()
                self._client = None
