"""The one seam between the app and a model: what every backend provides.

Three backends implement it: the worker process (``client.WorkerClient``, the default), the
engine in this process (``inprocess.InProcessClient``, for debugging) and the site's
OpenAI-compatible server (``remote.RemoteClient``). ``app.models.session`` chooses one through a
factory, which tests replace with a scripted fake (``tests/fixtures/fake_backend.py``) to drive
asking, staged passes, tasks, cancel and a dying worker in milliseconds — beside, never instead
of, the tests with the real worker and model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from inference import protocol as p

TokenCallback = Callable[[str], None]
ProgressCallback = Callable[[p.Progress], None]


@runtime_checkable
class Backend(Protocol):
    model: p.Ready | None  # what the loaded model reported (None before ``load_model``)

    @property
    def alive(self) -> bool:
        """Whether it can take a request now (a dead worker, a closed client: False)."""

    def start(self) -> p.Ready:
        """Start (a process, a connection); the ``Ready`` says where it runs."""

    def load_model(self, path: Path, model_id: str, device: str = "auto", *, weights_sha256: str = "",
                   prefill_chunk: int = 0, rope_factor: float = 1.0, precision: str = "auto") -> p.Ready:
        """Load the model (a remote server has its own loaded: it only confirms it)."""

    def generate(self, messages: Sequence[dict[str, str]], params: p.GenerationParams | None = None, *,
                 on_token: TokenCallback | None = None, on_progress: ProgressCallback | None = None,
                 prefix: p.Prefix | None = None, grounding: p.Grounding | None = None) -> p.Done:
        """One answer, streamed to ``on_token``. With ``grounding``, a backend that can constrain
        its decoding copies quotes from those pages (``Timings.quotes`` says "copied"); one that
        cannot answers without it and says nothing there. Raises ``InferenceError`` (this request failed,
        the backend lives on) or ``WorkerDied`` (start a new one). A cancelled answer returns
        with ``finish_reason`` cancelled."""

    def settle(self) -> None:
        """Return once the work after an answer is done (the worker seals its cache to disk)."""

    def cancel(self) -> None:
        """Stop the answer in flight, from any thread."""

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop for good."""
