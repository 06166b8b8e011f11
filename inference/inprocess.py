"""The same client interface as ``WorkerClient``, with the engine in this process.

For debugging the engine and for its own tests only: it imports torch, so the app (whose UI
process must stay free of torch) never uses it. Requests run synchronously in the caller's
thread; ``cancel`` from another thread stops them at the next chunk or token.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from inference import protocol as p
from inference.engine import ContextOverflow, ModelLoadError, TransformersEngine, describe_device
from inference.errors import InferenceError


class InProcessClient:
    def __init__(self) -> None:
        self.engine: TransformersEngine | None = None
        self.info: p.Ready | None = None
        self.model: p.Ready | None = None
        self._cancel = threading.Event()

    def start(self) -> p.Ready:
        self.info = p.Ready(device=describe_device())
        return self.info

    @property
    def alive(self) -> bool:
        return self.info is not None

    def load_model(self, path: Path, model_id: str, device: str = "auto", *, weights_sha256: str = "",
                   prefill_chunk: int = 0, rope_factor: float = 1.0, precision: str = "auto") -> p.Ready:
        try:
            self.engine = TransformersEngine.load(path, model_id, device, weights_sha256=weights_sha256,
                                                  prefill_chunk=prefill_chunk, rope_factor=rope_factor,
                                                  precision=precision)
        except ModelLoadError as exc:
            raise InferenceError("The model could not be loaded.", kind="model_load",
                                 detail=str(exc)) from None
        engine = self.engine
        self.model = p.Ready(device=engine.device, model_id=engine.model_id, window=engine.window,
                             dtype=engine.dtype_name, load_s=engine.load_s, kernels=engine.kernels.describe())
        return self.model

    def generate(self, messages: Sequence[dict[str, str]], params: p.GenerationParams | None = None, *,
                 on_token=None, on_progress=None, prefix: p.Prefix | None = None,
                 grounding: p.Grounding | None = None) -> p.Done:
        if self.engine is None:
            raise InferenceError("No model is loaded in the worker.", kind="no_model")
        self._cancel.clear()

        def progress(done: int, total: int) -> None:
            if on_progress:
                on_progress(p.Progress(phase="prefill", done=done, total=total))

        try:
            result = self.engine.generate(messages, params or p.GenerationParams(),
                                          on_token=on_token or (lambda _t: None),
                                          should_stop=self._cancel.is_set, on_progress=progress,
                                          prefix=prefix, grounding=grounding)
        except ContextOverflow as exc:
            raise InferenceError("The request is longer than the model's context window.",
                                 kind="context_too_long", detail=str(exc)) from None
        self.engine.seal_pending()
        return p.Done(finish_reason=result.finish_reason, text=result.text, timings=result.timings)

    def settle(self) -> None:
        """The cache is sealed before ``generate`` returns (above)."""

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self, timeout: float = 0.0) -> None:
        self.engine = None
        self.info = None
