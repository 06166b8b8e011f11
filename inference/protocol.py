"""Every message between the app and the inference worker, in one module.

Frames are newline-delimited JSON objects: ``{"v": 1, "type": ..., "id": ..., ...}``.
Nothing is pickled. Each message is a frozen dataclass; ``encode`` turns one into a line and
``decode`` turns a line back into the right class, refusing unknown types and versions, so
neither side ever handles raw dicts past this module (cf. vLLM's ``v1/engine/__init__.py``).

This module imports neither torch nor transformers: the UI process uses it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

PROTOCOL_VERSION = 1

FINISH_STOP = "stop"
FINISH_LENGTH = "length"
FINISH_CANCELLED = "cancelled"


class ProtocolError(ValueError):
    """A frame that is not valid JSON, has the wrong version or an unknown type."""


@dataclass(frozen=True)
class Message:
    type: ClassVar[str] = ""
    id: int | None = None


# ----- client -> worker -------------------------------------------------------------------


@dataclass(frozen=True)
class Hello(Message):
    type: ClassVar[str] = "hello"


@dataclass(frozen=True)
class LoadModel(Message):
    type: ClassVar[str] = "load_model"
    path: str = ""
    model_id: str = ""
    device: str = "auto"
    weights_sha256: str = ""  # identifies the weights in stored prefix caches
    prefill_chunk: int = 0  # tokens per prefill step; 0: the engine's default for the device
    rope_factor: float = 1.0  # > 1: YaRN stretches the native window (asked only when the plan needs it)
    precision: str = "auto"  # auto: the hardware's fast path (bf16, 4-bit decode on CPU); exact: fp32 on CPU


@dataclass(frozen=True)
class GenerationParams:
    max_new_tokens: int = 256
    temperature: float = 0.0  # 0 means greedy: the same question gives the same answer
    top_p: float = 1.0
    seed: int = 0
    # End the answer at the first of these once it has begun (a review cell is one line: "\n").
    stop: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "stop", tuple(self.stop))  # a JSON list arrives as a list

    def as_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["stop"] = list(self.stop)
        return data


@dataclass(frozen=True)
class Prefix:
    """The cacheable start of a prompt: everything up to and including the first occurrence of
    ``text`` in the rendered chat (the case's documents). Kept after the answer, rewound to for
    the next question, and (with ``cache_dir`` and ``cache_key``) sealed to disk."""

    text: str
    cache_id: str = ""  # the manifest hash: names the disk copy
    cache_dir: str = ""
    cache_key: str = ""  # hex AES-256 key for the disk copy, derived from the vault's key


@dataclass(frozen=True)
class Grounding:
    """Quotes copied from the record (``inference.copy_mode``): the pages a quotation may copy
    from, each with the citation Casefile writes after a quote of it. ``key`` names the set of
    pages (the manifest): the worker keeps the index it built for the last key."""

    pages: tuple[tuple[str, str], ...] = ()  # (citation: "D3 p2" | "ABC0001234" | "D4 45", text)
    lines: tuple[tuple[int, tuple[tuple[int, int], ...]], ...] = ()  # transcript pages: (page index,
    #   ((line number, its first word on the page), ...))
    key: str = ""

    def __post_init__(self) -> None:  # JSON lists arrive as lists
        object.__setattr__(self, "pages", tuple((str(c), str(t)) for c, t in self.pages))
        object.__setattr__(self, "lines", tuple(
            (int(i), tuple((int(n), int(w)) for n, w in ls)) for i, ls in self.lines))


@dataclass(frozen=True)
class Generate(Message):
    """Generate a reply to chat ``messages`` (``[{"role", "content"}]``) with the loaded model."""

    type: ClassVar[str] = "generate"
    messages: tuple[dict[str, str], ...] = ()
    params: GenerationParams = field(default_factory=GenerationParams)
    prefix: Prefix | None = None
    grounding: Grounding | None = None  # copy-constrained quotes over these pages


@dataclass(frozen=True)
class Cancel(Message):
    """Stop request ``target`` at the next token or chunk boundary."""

    type: ClassVar[str] = "cancel"
    target: int = 0


@dataclass(frozen=True)
class Shutdown(Message):
    type: ClassVar[str] = "shutdown"


# ----- worker -> client -------------------------------------------------------------------


@dataclass(frozen=True)
class Ready(Message):
    """Answer to ``hello`` (worker facts) and to ``load_model`` (model facts)."""

    type: ClassVar[str] = "ready"
    protocol: int = PROTOCOL_VERSION
    device: str = ""
    model_id: str = ""
    window: int = 0
    dtype: str = ""
    load_s: float = 0.0
    kernels: str = ""  # what runs: weights, decode weights, attention, linear-attention kernels


@dataclass(frozen=True)
class Progress(Message):
    type: ClassVar[str] = "progress"
    phase: str = ""
    done: int = 0
    total: int = 0
    seconds: float = 0.0  # since the request started: with done/total gives tokens/s and ETA

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None


@dataclass(frozen=True)
class Token(Message):
    type: ClassVar[str] = "token"
    seq: int = 0
    text: str = ""


@dataclass(frozen=True)
class Timings:
    prefill_tokens: int = 0
    ttft_s: float = 0.0
    decode_tokens: int = 0
    decode_tokens_per_s: float = 0.0
    prefix_source: str = "prefill"  # memory | disk | prefill
    kernels: str = ""  # the engine's precision and kernels for this answer (provenance)
    quotes: str = ""  # "copied": quotes were decoded under the copy constraint (provenance)
    quotes_copied: int = 0  # quotations the constraint closed and cited
    forced_tokens: int = 0  # tokens Casefile wrote rather than the model (a word's rest, citations)


@dataclass(frozen=True)
class Done(Message):
    type: ClassVar[str] = "done"
    finish_reason: str = FINISH_STOP
    text: str = ""
    timings: Timings = field(default_factory=Timings)


class ErrorKind(StrEnum):
    """Why a request failed: a closed set, checked when a frame is read."""

    BAD_REQUEST = "bad_request"
    MODEL_LOAD = "model_load"
    NO_MODEL = "no_model"
    OUT_OF_MEMORY = "out_of_memory"
    CONTEXT_TOO_LONG = "context_too_long"
    REMOTE = "remote"  # the site's model server failed or could not be reached
    CHAT_TEMPLATE = "chat_template"  # the model's chat template ran past its time or size bounds
    INTERNAL = "internal"


@dataclass(frozen=True)
class Error(Message):
    """A failure of one request (``id``) or of the worker itself (``id`` is None)."""

    type: ClassVar[str] = "error"
    kind: ErrorKind = ErrorKind.INTERNAL
    message: str = ""
    traceback: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ErrorKind(self.kind))  # ValueError for a kind not in the set


MESSAGE_TYPES: dict[str, type[Message]] = {
    cls.type: cls
    for cls in (Hello, LoadModel, Generate, Cancel, Shutdown, Ready, Progress, Token, Done, Error)
}

# Nested dataclass fields, rebuilt from dicts on decode.
_NESTED: dict[str, type] = {"params": GenerationParams, "timings": Timings, "prefix": Prefix,
                           "grounding": Grounding}


def encode(message: Message) -> str:
    """One JSON line (with the trailing newline) for ``message``."""
    body = {"v": PROTOCOL_VERSION, "type": message.type}
    body.update(dataclasses.asdict(message))
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def decode(line: str | bytes) -> Message:
    """The message in one JSON line; raises ProtocolError for anything malformed."""
    try:
        body = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"frame is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise ProtocolError("frame is not a JSON object")
    if body.pop("v", None) != PROTOCOL_VERSION:
        raise ProtocolError(f"unsupported protocol version in frame (want {PROTOCOL_VERSION})")
    cls = MESSAGE_TYPES.get(body.pop("type", None))
    if cls is None:
        raise ProtocolError("unknown message type")
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = set(body) - known
    if unknown:
        raise ProtocolError(f"unknown fields for {cls.type}: {sorted(unknown)}")
    try:
        for name, nested in _NESTED.items():
            if name in body and isinstance(body[name], dict):
                body[name] = nested(**body[name])
        if "messages" in body:
            body["messages"] = tuple(body["messages"])
        return cls(**body)
    except (TypeError, ValueError) as exc:
        raise ProtocolError(f"bad fields for {cls.type}: {exc}") from None
