"""The app's handle on the inference worker process.

``WorkerClient`` starts ``python -m inference.worker`` as a fresh interpreter (never a fork),
writes request frames to its stdin and reads reply frames from its stdout on a reader thread.
Requests are numbered; frames for any other number are dropped, so a late token from a
cancelled request can never leak into the next answer (cf. calibre's call numbers).
If the process exits, every waiting call raises ``WorkerDied``.

No torch, no transformers: this module runs in the UI process.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from inference import protocol as p
from inference.errors import InferenceError, WorkerDied
from inference.helper_program import NO_WINDOW, frozen_program

log = logging.getLogger("casefile.worker")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_EOF = object()

TokenCallback = Callable[[str], None]
ProgressCallback = Callable[[p.Progress], None]


def worker_command(python: str | None = None) -> list[str]:
    """``python -m inference.worker``; the frozen app, which has no ``-m``, runs itself with
    ``--run-module`` (main.py; the same rule as ``app.frozen.python_command``, which this module
    may not import: inference depends on ``app.errors`` only)."""
    if python is None and getattr(sys, "frozen", False):
        return [frozen_program(), "--run-module", "inference.worker"]
    return [python or sys.executable, "-m", "inference.worker"]


class WorkerClient:
    """One worker process; one request at a time, ``cancel`` from any thread."""

    def __init__(self, *, env: dict[str, str] | None = None, python: str | None = None) -> None:
        self._python = python  # None: this interpreter (or the frozen app itself)
        self._env = env
        self._proc: subprocess.Popen[bytes] | None = None
        self._frames: queue.Queue[object] = queue.Queue()
        self._ids = itertools.count(1)
        self._write_lock = threading.Lock()
        self._current: int | None = None
        self.info: p.Ready | None = None
        self.model: p.Ready | None = None

    # ----- lifecycle ----------------------------------------------------------------------

    def start(self) -> p.Ready:
        env = dict(os.environ if self._env is None else self._env)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        self._proc = subprocess.Popen(
            worker_command(self._python),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=PROJECT_ROOT,
            env=env,
            creationflags=NO_WINDOW,
        )
        threading.Thread(target=self._read_frames, name="worker-frames", daemon=True).start()
        threading.Thread(target=self._read_log, name="worker-log", daemon=True).start()
        self.info = self._single(p.Hello(id=next(self._ids)), p.Ready)
        return self.info

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def settle(self) -> None:
        """Return once the worker has finished what it does after an answer (sealing the case's
        cache to disk): it answers a ``hello`` only then."""
        self._single(p.Hello(id=next(self._ids)), p.Ready)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def shutdown(self, timeout: float = 10.0) -> None:
        """Ask the worker to exit; kill it if it does not within ``timeout`` seconds."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            try:
                self._send(p.Shutdown(id=next(self._ids)))
                proc.wait(timeout=timeout)
            except (WorkerDied, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
        if proc.stdin:
            proc.stdin.close()
        # stdout and stderr are left to their reader threads, which end at EOF (closing them here
        # could kill a reader before it tells a waiting call that the worker is gone).
        self._proc = None

    def __enter__(self) -> WorkerClient:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # ----- requests -----------------------------------------------------------------------

    def load_model(self, path: Path, model_id: str, device: str = "auto", *, weights_sha256: str = "",
                   prefill_chunk: int = 0, rope_factor: float = 1.0, precision: str = "auto") -> p.Ready:
        request = p.LoadModel(id=next(self._ids), path=str(path), model_id=model_id, device=device,
                              weights_sha256=weights_sha256, prefill_chunk=prefill_chunk,
                              rope_factor=rope_factor, precision=precision)
        self.model = self._single(request, p.Ready)
        return self.model

    def generate(
        self,
        messages: Sequence[dict[str, str]],
        params: p.GenerationParams | None = None,
        *,
        on_token: TokenCallback | None = None,
        on_progress: ProgressCallback | None = None,
        prefix: p.Prefix | None = None,
        grounding: p.Grounding | None = None,
    ) -> p.Done:
        """Stream a reply; ``on_token`` gets each new piece of text. Returns the final ``Done``."""
        request = p.Generate(
            id=next(self._ids), messages=tuple(messages), params=params or p.GenerationParams(),
            prefix=prefix, grounding=grounding,
        )
        for frame in self._exchange(request):
            if isinstance(frame, p.Token) and on_token:
                on_token(frame.text)
            elif isinstance(frame, p.Progress) and on_progress:
                on_progress(frame)
            elif isinstance(frame, p.Done):
                return frame
        raise InferenceError(detail="worker ended a generate request without a done frame")

    def cancel(self) -> None:
        """Cancel the request in flight, if any; its ``done`` then says ``cancelled``."""
        current = self._current
        if current is not None and self.alive:
            self._send(p.Cancel(id=next(self._ids), target=current))

    # ----- plumbing -----------------------------------------------------------------------

    def _single(self, request: p.Message, want: type[p.Message]) -> p.Message:
        for frame in self._exchange(request):
            if isinstance(frame, want):
                return frame
        raise InferenceError(detail=f"worker gave no {want.type} frame for {request.type}")

    def _exchange(self, request: p.Message) -> Iterator[p.Message]:
        """Send ``request``; yield its frames until the final one. Errors become exceptions."""
        if not self.alive:
            raise WorkerDied(detail="worker is not running")
        self._current = request.id
        try:
            self._send(request)
            while True:
                try:
                    frame = self._frames.get(timeout=1.0)
                except queue.Empty:
                    continue  # the reader thread reports the worker's end as _EOF
                if frame is _EOF:
                    raise WorkerDied(detail=f"worker exited with code {self._exit_code()}")
                assert isinstance(frame, p.Message)
                if frame.id != request.id and not (isinstance(frame, p.Error) and frame.id is None):
                    continue  # stale frame of an earlier, cancelled request
                if isinstance(frame, p.Error):
                    raise InferenceError(
                        _user_message(frame), kind=frame.kind, detail=frame.message,
                        remote_traceback=frame.traceback,
                    )
                yield frame
                if isinstance(frame, (p.Done, p.Ready)):
                    return
        finally:
            self._current = None

    def _send(self, message: p.Message) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None:
            raise WorkerDied(detail="worker is not running")
        try:
            with self._write_lock:
                proc.stdin.write(p.encode(message).encode("utf-8"))
                proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise WorkerDied(detail=f"cannot write to worker: {exc}") from None

    def _read_frames(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        for line in proc.stdout:
            try:
                self._frames.put(p.decode(line))
            except p.ProtocolError as exc:
                log.error("dropped a malformed worker frame: %s", exc)
        self._frames.put(_EOF)

    def _read_log(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stderr is not None
        for line in proc.stderr:
            log.info("%s", line.decode("utf-8", "replace").rstrip())

    def _exit_code(self) -> int | None:
        proc = self._proc
        if proc is None:
            return None
        try:
            return proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None


def _user_message(frame: p.Error) -> str:
    messages = {
        "model_load": "The model could not be loaded.",
        "no_model": "No model is loaded in the worker.",
        "out_of_memory": "This case does not fit in the free memory: leave out documents or use the "
                         "site's remote model server.",
        "context_too_long": "The request is longer than the model's context window.",
        "bad_request": "The worker refused a malformed request.",
        "chat_template": "The model's chat template was stopped: it ran past Casefile's time or size "
                         "limits. Choose another model, or import this one again.",
    }
    return messages.get(frame.kind, "The model could not answer.")
