"""The inference worker process: ``python -m inference.worker``.

Speaks newline-delimited JSON (``inference.protocol``) on stdin/stdout; logs go to stderr.
A reader thread turns stdin lines into a queue and handles ``cancel`` at once (the main loop
is busy generating); the main loop runs one request at a time against the engine (cf. vLLM's
busy loop fed by IO threads). When stdin closes (the app died) the worker exits.

The worker never logs prompt or document text: only sizes, timings and error kinds.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import TextIO

from inference import protocol as p
from inference.offline import apply_offline_env, guard_network, harden_process

log = logging.getLogger("casefile.worker")


class RequestFailed(Exception):
    """A request-level failure with a protocol error kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Worker:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._out_lock = threading.Lock()
        self._inbox: queue.Queue[p.Message | None] = queue.Queue()
        self._cancelled: set[int] = set()
        self._engine = None  # inference.engine.TransformersEngine once a model is loaded

    # ----- IO -----------------------------------------------------------------------------

    def send(self, message: p.Message) -> None:
        with self._out_lock:
            self._out.write(p.encode(message))
            self._out.flush()

    def read_stdin(self, stream: TextIO) -> None:
        for line in stream:
            if not line.strip():
                continue
            try:
                message = p.decode(line)
            except p.ProtocolError as exc:
                self.send(p.Error(kind="bad_request", message=str(exc)))
                continue
            if isinstance(message, p.Cancel):
                self._cancelled.add(message.target)
            else:
                self._inbox.put(message)
        self._inbox.put(None)  # stdin closed: the app is gone

    def is_cancelled(self, request_id: int | None) -> bool:
        return request_id in self._cancelled

    # ----- main loop ----------------------------------------------------------------------

    def run(self) -> int:
        while True:
            message = self._inbox.get()
            if message is None or isinstance(message, p.Shutdown):
                return 0
            try:
                self.handle(message)
            except RequestFailed as exc:
                self.send(p.Error(id=message.id, kind=exc.kind, message=str(exc)))
            except Exception as exc:  # noqa: BLE001 - a request must never kill the worker
                kind = "out_of_memory" if "OutOfMemory" in type(exc).__name__ else "internal"
                log.error("request %s (%s) failed: %s", message.id, message.type, type(exc).__name__)
                self.send(p.Error(id=message.id, kind=kind, message=str(exc)[:2000],
                                  traceback=traceback.format_exc()))
            finally:
                self._cancelled.discard(message.id)

    def handle(self, message: p.Message) -> None:
        if isinstance(message, p.Hello):
            from inference.engine import describe_device

            self.send(p.Ready(id=message.id, device=describe_device()))
        elif isinstance(message, p.LoadModel):
            self._load(message)
        elif isinstance(message, p.Generate):
            self._generate(message)
        else:
            raise RequestFailed("bad_request", f"the worker does not take {message.type} requests")

    def _load(self, message: p.LoadModel) -> None:
        from inference.engine import ModelLoadError, TransformersEngine

        try:
            self._engine = TransformersEngine.load(message.path, message.model_id, message.device,
                                                   weights_sha256=message.weights_sha256,
                                                   prefill_chunk=message.prefill_chunk,
                                                   rope_factor=message.rope_factor,
                                                   precision=message.precision)
        except ModelLoadError as exc:
            raise RequestFailed("model_load", str(exc)) from None
        engine = self._engine
        self.send(p.Ready(id=message.id, device=engine.device, model_id=engine.model_id,
                          window=engine.window, dtype=engine.dtype_name, load_s=engine.load_s,
                          kernels=engine.kernels.describe()))

    def _generate(self, message: p.Generate) -> None:
        from inference.engine import ContextOverflow, MemoryPlanExceeded
        from inference.template_guard import TemplateLimitExceeded

        if self._engine is None:
            raise RequestFailed("no_model", "load a model before generating")
        seq = 0

        def on_token(text: str) -> None:
            nonlocal seq
            seq += 1
            self.send(p.Token(id=message.id, seq=seq, text=text))

        started = time.perf_counter()

        def on_progress(done: int, total: int) -> None:
            self.send(p.Progress(id=message.id, phase="prefill", done=done, total=total,
                                 seconds=round(time.perf_counter() - started, 3)))

        try:
            result = self._engine.generate(
                message.messages, message.params, on_token=on_token,
                should_stop=lambda: self.is_cancelled(message.id), on_progress=on_progress,
                prefix=message.prefix, grounding=message.grounding,
            )
        except ContextOverflow as exc:
            raise RequestFailed("context_too_long", str(exc)) from None
        except MemoryPlanExceeded as exc:
            raise RequestFailed("out_of_memory", str(exc)) from None
        except TemplateLimitExceeded as exc:
            raise RequestFailed("chat_template", str(exc)) from None
        self.send(p.Done(id=message.id, finish_reason=result.finish_reason, text=result.text,
                         timings=result.timings))
        self._engine.seal_pending()  # after the answer is out: the user is not kept waiting for it


def _protocol_stdout() -> TextIO:
    """Keep the real stdout for frames; send anything else printed (by us or C code) to stderr."""
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(protocol_fd, "w", encoding="utf-8", buffering=1)


def main() -> int:
    home = os.environ.get("CASEFILE_HOME")
    apply_offline_env(Path(home) if home else None)
    harden_process()
    guard_network()  # the worker needs no network at all
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="worker %(levelname)s %(name)s: %(message)s")
    worker = Worker(_protocol_stdout())
    stdin = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
    threading.Thread(target=worker.read_stdin, args=(stdin,), name="stdin", daemon=True).start()
    return worker.run()


if __name__ == "__main__":
    sys.exit(main())
