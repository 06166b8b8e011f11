"""Keeping the document prefix's cache: rewind in memory, and an encrypted copy on disk.

Rewind: after the prefix is prefilled we note each attention layer's length and clone each
linear-attention (Gated DeltaNet) layer's fixed-size state. After a question, attention layers
are cropped back to that length; linear-attention layers cannot be cropped (``crop()`` does not
roll their recurrent state back), so their saved state is copied back in place. This costs the
linear state only (MiBs), not a deepcopy of the whole KV cache (GiBs at long context).

Disk: the prefix's tensors are laid out as a safetensors file, in the dtype the model computes
in (bf16 on the CPU fast path and on GPUs: half of fp32), with metadata naming the model, its
weights hash, transformers version, dtype, the prefix token ids' hash and length, and sealed with
AES-256-GCM under a key the app derives from the vault, so a cache file never shows document
text. The layout is streamed through the sealing a layer at a time (peak extra memory: one layer
and one 64 MiB block, not a copy of the cache). Any mismatch on load means "rebuild", never "use".
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

import torch
import transformers
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from transformers import DynamicCache
from transformers.cache_utils import DynamicLayer

from inference import kv_cache

log = logging.getLogger("casefile.worker")

FORMAT = "casefile-prefix-cache/1"
_STATES = ("conv_states", "recurrent_states")


def ids_hash(ids: list[int]) -> str:
    return hashlib.sha256(struct.pack(f"<{len(ids)}i", *ids)).hexdigest()


def _items(container):
    return container.items() if isinstance(container, dict) else enumerate(container)


def _linear_state(layer) -> dict[str, torch.Tensor]:
    """The fixed-size state tensors of a linear-attention layer, by name."""
    state = {}
    for attr in _STATES:
        for index, tensor in _items(getattr(layer, attr)):
            if isinstance(tensor, torch.Tensor):
                state[f"{attr}.{index}"] = tensor
    return state


class Snapshot:
    """The prefix's cache state, to rewind to after every question."""

    def __init__(self, cache: DynamicCache, length: int) -> None:
        self.length = length
        self.linear = {i: {name: t.clone() for name, t in _linear_state(layer).items()}
                       for i, layer in enumerate(cache.layers) if not isinstance(layer, DynamicLayer)}

    def restore(self, cache: DynamicCache) -> None:
        for i, layer in enumerate(cache.layers):
            if i in self.linear:
                current = _linear_state(layer)
                for name, saved in self.linear[i].items():
                    current[name].copy_(saved)  # in place: the static addresses stay valid
            elif (extra := layer.get_seq_length() - self.length) > 0:
                layer.crop(-extra)  # a positive length is refused: crop counts from the end

    @property
    def linear_bytes(self) -> int:
        return sum(t.numel() * t.element_size() for state in self.linear.values() for t in state.values())


@dataclass(frozen=True)
class CacheIdentity:
    """What a stored prefix must match to be used."""

    model_id: str
    weights_sha256: str
    dtype: str
    ids_sha256: str
    length: int
    kernels: str = ""  # the same model on other kernels (fla or its torch fallback) computes other numbers

    def metadata(self) -> dict[str, str]:
        return {"format": FORMAT, "model_id": self.model_id, "weights_sha256": self.weights_sha256,
                "dtype": self.dtype, "ids_sha256": self.ids_sha256, "length": str(self.length),
                "kernels": self.kernels, "transformers": transformers.__version__}


def _tensors(cache: DynamicCache, length: int) -> dict[str, torch.Tensor]:
    """The prefix's tensors by name, as views (nothing is copied here)."""
    tensors = {}
    for i, layer in enumerate(cache.layers):
        if isinstance(layer, DynamicLayer):
            tensors[f"{i}.keys"] = layer.keys[..., :length, :]
            tensors[f"{i}.values"] = layer.values[..., :length, :]
        else:
            tensors.update({f"{i}.{name}": t for name, t in _linear_state(layer).items()})
    return tensors


_SAFETENSORS_DTYPES = {torch.float32: "F32", torch.bfloat16: "BF16", torch.float16: "F16",
                       torch.int64: "I64", torch.int32: "I32"}
_TORCH_DTYPES = {name: dtype for dtype, name in _SAFETENSORS_DTYPES.items()}


def _layout(tensors: dict[str, torch.Tensor], metadata: dict[str, str]) -> tuple[bytes, int]:
    """The safetensors header for ``tensors`` (in order) and the size of the whole file."""
    header: dict = {"__metadata__": metadata}
    offset = 0
    for name, tensor in tensors.items():
        size = tensor.numel() * tensor.element_size()
        header[name] = {"dtype": _SAFETENSORS_DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + size]}
        offset += size
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    head = struct.pack("<Q", len(encoded)) + encoded
    return head, len(head) + offset


def _pieces(head: bytes, tensors: dict[str, torch.Tensor]):
    yield memoryview(head)
    for tensor in tensors.values():  # one layer's tensor at a time is copied to the CPU
        yield memoryview(tensor.detach().contiguous().cpu().reshape(-1).view(torch.uint8).numpy())


# AES-GCM seals at most 2 GiB at once, and a 1M-token cache is tens of GiB: the file is a run of
# independently sealed blocks, each bound to its position and the block count (no reordering,
# no truncation goes unnoticed). 16 MiB blocks keep the memory sealing takes small (a block and
# its sealed copy) while the per-block overhead (28 bytes) stays negligible.
BLOCK = 16 * 2**20
MAGIC = b"CFPC1"


def _aad(name: str, index: int, count: int) -> bytes:
    return f"{name}|{index}|{count}".encode()


def save(path: Path, cache: DynamicCache, identity: CacheIdentity, key: bytes) -> int:
    """Seal the prefix cache into ``path`` (atomically, streaming); returns the file size."""
    tensors = _tensors(cache, identity.length)
    head, size = _layout(tensors, identity.metadata())
    count = max(1, -(-size // BLOCK))
    aead = AESGCM(key)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + struct.pack("<I", count))
            block, index = bytearray(), 0

            def seal(data: bytearray) -> None:
                nonlocal index
                nonce = secrets.token_bytes(12)
                sealed = aead.encrypt(nonce, data, _aad(path.name, index, count))
                handle.write(nonce + struct.pack("<Q", len(sealed)))
                handle.write(sealed)
                index += 1

            for piece in _pieces(head, tensors):
                while len(piece):
                    take = min(BLOCK - len(block), len(piece))
                    block += piece[:take]
                    piece = piece[take:]
                    if len(block) == BLOCK:
                        seal(block)
                        block.clear()
            if block or index == 0:
                seal(block)
            if index != count:
                raise ValueError(f"sealed {index} blocks, expected {count}")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk or a crash leaves no half file behind
        raise
    return path.stat().st_size


def _unseal(path: Path, key: bytes) -> bytearray:
    aead, plain = AESGCM(key), bytearray()
    with open(path, "rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ValueError("not a sealed prefix cache")
        (count,) = struct.unpack("<I", handle.read(4))
        for index in range(count):
            nonce = handle.read(12)
            (size,) = struct.unpack("<Q", handle.read(8))
            plain += aead.decrypt(nonce, handle.read(size), _aad(path.name, index, count))
        if handle.read(1):
            raise ValueError("trailing data after the last block")
    return plain


def _read_layout(plain: bytearray) -> tuple[dict[str, str], dict[str, torch.Tensor]]:
    """Metadata and tensors (views into ``plain``, not copies) of a safetensors layout."""
    (header_len,) = struct.unpack("<Q", plain[:8])
    header = json.loads(bytes(plain[8:8 + header_len]))
    metadata = header.pop("__metadata__", {})
    base, tensors = 8 + header_len, {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = _TORCH_DTYPES[info["dtype"]]
        count = (end - begin) // torch.empty((), dtype=dtype).element_size()
        flat = torch.frombuffer(plain, dtype=dtype, count=count, offset=base + begin) if count else \
            torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return metadata, tensors


def load(path: Path, identity: CacheIdentity, key: bytes, config, device, *,
         room: int = 0) -> DynamicCache | None:
    """The stored prefix cache (with room for ``room`` tokens in all), or None (with a log line
    saying why) when it cannot be used."""
    if not path.is_file():
        return None
    try:
        plain = _unseal(path, key)
        stored, tensors = _read_layout(plain)
    except (InvalidTag, ValueError, KeyError, struct.error, OSError):
        log.info("prefix cache ignored: it does not open with this vault's key (rebuilding)")
        return None
    wanted = identity.metadata()
    differing = sorted(k for k in wanted if stored.get(k) != wanted[k])
    if differing:
        log.info("prefix cache ignored: %s differ (rebuilding)", ", ".join(differing))
        return None
    cache = kv_cache.new_cache(config)
    kv_cache.reserve(cache, max(room, identity.length))
    for i, layer in enumerate(cache.layers):
        if isinstance(layer, DynamicLayer):
            layer.update(tensors[f"{i}.keys"].to(device), tensors[f"{i}.values"].to(device))
            continue
        own = sorted((n.split(".", 1)[1], t) for n, t in tensors.items() if n.startswith(f"{i}."))
        for name, tensor in own:
            attr, index = name.rsplit(".", 1)
            updater = layer.update_conv_state if attr == "conv_states" else layer.update_recurrent_state
            updater(tensor.to(device, copy=True), state_idx=int(index))
    return cache
