"""A key/value cache that grows in place, so decoding does not copy the whole cache every token.

transformers' ``DynamicLayer`` appends with ``torch.cat``: every new token copies every layer's
keys and values. Inside a 6,000-token case that is ~270 MB (fp32) read and written per token on
the embedded model, and it was most of the cost of decoding inside a case. ``GrowingLayer``
keeps a buffer with room to spare and writes new tokens into it; ``keys`` / ``values`` stay
views of the filled part, so cropping, rewinding and sealing (``inference.prefix_cache``) work
on them unchanged. The engine reserves the room a question needs up front, so the buffer is
allocated once per case, not grown token by token.
"""

from __future__ import annotations

import torch
from transformers import DynamicCache
from transformers.cache_utils import DynamicLayer

GROWTH = 1.25  # when a reservation was too small: 25% more than needed, not a doubling


class GrowingLayer(DynamicLayer):
    """A full-attention layer whose keys and values live in a buffer with spare room."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._key_buffer: torch.Tensor | None = None
        self._value_buffer: torch.Tensor | None = None
        self._wanted = 0  # tokens asked for by ``reserve`` before the first update

    @property
    def capacity(self) -> int:
        return 0 if self._key_buffer is None else self._key_buffer.shape[-2]

    def reserve(self, tokens: int) -> None:
        """Make room for ``tokens`` in all (no-op when there is room already)."""
        if self._key_buffer is None:
            self._wanted = max(self._wanted, tokens)
        elif tokens > self.capacity:
            self._grow(tokens)

    def _grow(self, tokens: int) -> None:
        length = self.get_seq_length()
        shape = list(self._key_buffer.shape)
        shape[-2] = tokens
        keys = self._key_buffer.new_zeros(shape)
        values = self._value_buffer.new_zeros(shape)
        keys[..., :length, :].copy_(self.keys)
        values[..., :length, :].copy_(self.values)
        self._key_buffer, self._value_buffer = keys, values
        self.keys, self.values = keys[..., :length, :], values[..., :length, :]

    def update(self, key_states: torch.Tensor, value_states: torch.Tensor, *args, **kwargs):
        new = key_states.shape[-2]
        if self._key_buffer is None:
            shape = list(key_states.shape)
            shape[-2] = max(self._wanted, new)
            self._key_buffer = key_states.new_zeros(shape)  # zeros: see ``filled_and_room``
            self._value_buffer = value_states.new_zeros(shape)
            self.device = key_states.device
            self.keys = self._key_buffer[..., :0, :]
            self.values = self._value_buffer[..., :0, :]
            self.is_initialized = True
        length = self.get_seq_length()
        if length + new > self.capacity:
            self._grow(int((length + new) * GROWTH))
        self._key_buffer[..., length:length + new, :].copy_(key_states)
        self._value_buffer[..., length:length + new, :].copy_(value_states)
        self.keys = self._key_buffer[..., :length + new, :]
        self.values = self._value_buffer[..., :length + new, :]
        return self.keys, self.values

    def get_seq_length(self) -> int:
        return 0 if not self.is_initialized else self.keys.shape[-2]

    def reset(self) -> None:
        self._key_buffer = self._value_buffer = None
        self._wanted = 0
        super().reset()


def new_cache(config) -> DynamicCache:
    """A cache for ``config`` whose full-attention layers grow in place (linear-attention and
    sliding-window layers keep transformers' own classes)."""
    cache = DynamicCache(config=config)
    cache.layers = [GrowingLayer() if type(layer) is DynamicLayer else layer for layer in cache.layers]
    return cache


def reserve(cache: DynamicCache, tokens: int) -> None:
    """Make room for ``tokens`` in every growing layer of ``cache``."""
    for layer in cache.layers:
        if isinstance(layer, GrowingLayer):
            layer.reserve(tokens)


def filled_and_room(view: torch.Tensor) -> torch.Tensor | None:
    """The whole buffer behind a ``GrowingLayer`` view (filled part first, then the room), or None
    when ``view`` is not such a view.

    A one-token attention step reads the cache at memory speed only from contiguous memory; the
    filled part of a buffer with room is not contiguous (each head's rows are followed by its
    room), the whole buffer is. The caller masks the room, which holds zeros or the keys of an
    answer rewound away: finite numbers, so a zero weight makes them vanish."""
    if view.dim() != 4 or view.shape[0] != 1 or view.is_contiguous():
        return None
    heads, length, dim = view.shape[1:]
    capacity = view.stride(1) // dim
    if view.stride() != (heads * capacity * dim, capacity * dim, dim, 1) or capacity < length:
        return None
    return view.as_strided((1, heads, capacity, dim), view.stride(), view.storage_offset())
