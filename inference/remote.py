"""The remote backend: an OpenAI-compatible server on the site's own network (vLLM, SGLang, or
``transformers serve``), behind the same interface as ``WorkerClient``.

For sites whose model outgrows one workstation (e.g. Qwen3.5-397B on 8 GPUs). Off unless the
user configures it; the address and model are recorded with every answer. Standard library
only (``http.client``): streaming chat completions (server-sent events), a connect/read timeout,
cancel by closing the connection, and one clear error when the server cannot be reached.
The server keeps its own prefix cache (vLLM/SGLang prefix caching); ``prefix`` is not sent.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Sequence
from urllib.parse import urlsplit

from inference import protocol as p
from inference.errors import InferenceError
from inference.offline import allow_host

TIMEOUT_S = 120.0


class RemoteClient:
    def __init__(self, url: str, model: str, *, api_key: str = "", timeout: float = TIMEOUT_S) -> None:
        parts = urlsplit(url.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InferenceError(f"The remote model address is not a web address: {url}", kind="bad_request")
        self.url, self.model_name, self.api_key, self.timeout = url.rstrip("/"), model, api_key, timeout
        self._parts = parts
        allow_host(parts.hostname)  # the user configured this server: the one host Casefile may reach
        self._base = parts.path.rstrip("/") or ""
        self._connection: http.client.HTTPConnection | None = None
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self.info: p.Ready | None = None
        self.model: p.Ready | None = None

    # ----- the WorkerClient interface -----------------------------------------------------

    def start(self) -> p.Ready:
        models = self._request("GET", "/v1/models")
        names = [entry.get("id") for entry in models.get("data", [])]
        if self.model_name not in names:
            served = ", ".join(map(str, names)) or "nothing"
            raise InferenceError(f"The remote server at {self.url} does not serve {self.model_name} "
                                 f"(it serves: {served}).", kind="model_load")
        self.info = p.Ready(device=f"remote {self.url}", model_id=self.model_name)
        return self.info

    @property
    def alive(self) -> bool:
        return self.info is not None

    def load_model(self, *_args, **_kwargs) -> p.Ready:
        """The server has its model loaded already; this only confirms it (see ``start``)."""
        self.model = self.info or self.start()
        return self.model

    def generate(self, messages: Sequence[dict[str, str]], params: p.GenerationParams | None = None, *,
                 on_token=None, on_progress=None, prefix: p.Prefix | None = None,
                 grounding: p.Grounding | None = None) -> p.Done:
        # ``grounding`` is not used: this server's decoding is not constrained (no guided-decoding
        # grammar is sent), so quotes are checked after the answer, and Timings.quotes stays "".
        params = params or p.GenerationParams()
        body = {"model": self.model_name, "messages": list(messages), "stream": True,
                "max_tokens": params.max_new_tokens, "temperature": params.temperature,
                "top_p": params.top_p, "seed": params.seed,
                **({"stop": list(params.stop)} if params.stop else {})}
        self._cancelled.clear()
        started = time.perf_counter()
        first_token_at, pieces, finish = None, [], p.FINISH_LENGTH
        try:
            response = self._open("POST", "/v1/chat/completions", body)
            for event in _server_sent_events(response):
                if self._cancelled.is_set():
                    finish = p.FINISH_CANCELLED
                    break
                choice = (event.get("choices") or [{}])[0]
                text = (choice.get("delta") or {}).get("content") or ""
                if text:
                    first_token_at = first_token_at or time.perf_counter()
                    pieces.append(text)
                    if on_token:
                        on_token(text)
                if choice.get("finish_reason"):
                    finish = p.FINISH_STOP if choice["finish_reason"] == "stop" else p.FINISH_LENGTH
            if self._cancelled.is_set():  # the stream ended because cancel closed the socket
                finish = p.FINISH_CANCELLED
        except (OSError, http.client.HTTPException) as exc:
            if self._cancelled.is_set():
                finish = p.FINISH_CANCELLED
            else:
                raise self._unreachable(exc) from None
        finally:
            self._close()
        ended = time.perf_counter()
        decode_s = ended - (first_token_at or ended)
        return p.Done(finish_reason=finish, text="".join(pieces), timings=p.Timings(
            ttft_s=round((first_token_at or ended) - started, 4), decode_tokens=len(pieces),
            decode_tokens_per_s=round((len(pieces) - 1) / decode_s, 2) if decode_s > 0 else 0.0,
            prefix_source="remote"))

    def settle(self) -> None:
        """Nothing runs after an answer on our side of a remote server."""

    def cancel(self) -> None:
        self._cancelled.set()
        connection = self._connection
        if connection is not None and connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the reading thread at once

    def shutdown(self, timeout: float = 0.0) -> None:
        self._close()
        self.info = None

    # ----- HTTP ---------------------------------------------------------------------------

    def _connect(self) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if self._parts.scheme == "https" else http.client.HTTPConnection
        return kind(self._parts.hostname, self._parts.port, timeout=self.timeout)

    def _open(self, method: str, path: str, body: dict | None = None) -> http.client.HTTPResponse:
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        with self._lock:
            self._connection = self._connect()
            payload = json.dumps(body).encode() if body is not None else None
            self._connection.request(method, self._base + path, body=payload, headers=headers)
            response = self._connection.getresponse()
        if response.status != 200:
            detail = response.read(500).decode("utf-8", "replace")
            raise InferenceError(f"The remote model server answered {response.status} {response.reason}.",
                                 kind="remote", detail=detail)
        return response

    def _request(self, method: str, path: str) -> dict:
        try:
            return json.loads(self._open(method, path).read())
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise self._unreachable(exc) from None
        finally:
            self._close()

    def _close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _unreachable(self, exc: Exception) -> InferenceError:
        return InferenceError(f"The remote model server at {self.url} cannot be reached: check the address "
                              "and that the server is running.", kind="remote", detail=repr(exc))


def _server_sent_events(response: http.client.HTTPResponse):
    """The JSON payloads of an SSE stream, until ``[DONE]``."""
    for raw in response:
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            yield json.loads(data)
        except ValueError:
            continue
