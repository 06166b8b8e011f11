"""The CPU's fast path: bf16 weights for reading a case, 4-bit weights for writing the answer.

Measured on a 2-core AVX-512 machine with the embedded model (``make bench-peer``):
- Reading (prefill) is compute-bound. CPUs with AVX-512 BF16 (or AMX) multiply bf16 matrices
  several times faster than fp32, so the weights are kept in bf16.
- Writing (decode) is memory-bound: each token reads every weight once. Where a layer's weights
  are 4-bit blocks already (groups of 32, asymmetric: the GGUF Q4_1 the embedded model ships
  in), they are packed as such and read through torch's ``_weight_int4pack_mm_for_cpu``
  kernel: a quarter of the bytes, and no precision the model did not have lost.
- torch's CPU flash attention is slow for one bf16 query with grouped key/value heads (2.5 ms
  a layer at 6K tokens, 0.56 ms with the heads packed), and a short question after the kept
  documents copies the cache three times over (``repeat_kv``): ``casefile_sdpa`` computes the
  attention of up to 64 query tokens as two matrix products that read the cache at memory
  speed (0.27 ms), straight from the growing cache's buffer.

``precision="exact"`` keeps fp32 throughout (the reference path the logits tests hold to).
What runs is reported as a ``Kernels`` record and kept in every answer's provenance.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn
from transformers import AttentionInterface
from transformers.integrations.sdpa_attention import sdpa_attention_forward
from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS, sdpa_mask

from inference.kv_cache import filled_and_room

ATTENTION = "casefile_sdpa"
GROUP = 32  # 4-bit group size: Q4_1's block


@dataclass(frozen=True)
class Kernels:
    """What the engine runs: reported to the app and kept with each answer."""

    precision: str  # exact | fast
    weights: str  # fp32 | bf16 (the dtype prefill multiplies in)
    decode_weights: str  # same as weights, or "int4-g32"
    attention: str
    linear_attention: str = ""  # Qwen3.5's Gated DeltaNet: "fla" kernels or the "torch" fallback

    def describe(self) -> str:
        parts = [f"{self.weights} weights", f"decode {self.decode_weights}", f"attention {self.attention}"]
        if self.linear_attention:
            parts.append(f"linear attention {self.linear_attention}")
        return ", ".join(parts)


def bf16_is_fast() -> bool:
    """True where the CPU multiplies bf16 natively: AVX-512 BF16 or AMX. (oneDNN also "supports"
    bf16 on plain AVX-512 by converting, which is no faster than fp32: that is not enough.)"""
    try:
        native = torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()
        return bool(native and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


SHORT = 64  # queries up to this many tokens (a decode step, a follow-up question) take the packed path


def _packed_attention(query, key_room, value_room, length: int, scaling):
    """A few query tokens (the last ``q`` of ``length``) against the whole cache buffer, each
    query head packed onto its key/value head, the buffer's room and the future masked.

    Two matrix products over contiguous memory read the cache at memory speed: 0.27 ms a layer
    at 6K tokens in bf16, against 0.56 ms for torch's flash kernel (compute-bound on one query)
    and a 3x copy of the cache for the repeat_kv path transformers takes with a mask. The
    probabilities go into the second product in the cache's dtype, as flash attention does."""
    batch, heads, q, dim = query.shape
    kv_heads, capacity = key_room.shape[1], key_room.shape[2]
    groups = heads // kv_heads
    packed = query.reshape(batch, kv_heads, groups * q, dim)  # rows: head-major, then query
    scale = scaling if scaling is not None else dim ** -0.5
    scores = torch.matmul(packed * scale, key_room.transpose(-1, -2))
    if q == 1:  # a decode step: only the room is hidden
        scores[..., length:] = float("-inf")
    else:
        hidden = torch.arange(capacity)[None, :] > torch.arange(length - q, length)[:, None]  # (q, capacity)
        scores.view(batch, kv_heads, groups, q, capacity).masked_fill_(hidden, float("-inf"))
    weights = torch.softmax(scores, dim=-1, dtype=torch.float32).to(value_room.dtype)
    out = torch.matmul(weights, value_room)  # (batch, kv_heads, groups * q, dim)
    return out.reshape(batch, heads, q, dim).transpose(1, 2).contiguous()


def _attention(module, query, key, value, attention_mask, **kwargs):
    q = query.shape[2]
    if q <= SHORT and query.dtype == key.dtype and key.shape[1] <= query.shape[1]:
        key_room, value_room = filled_and_room(key), filled_and_room(value)
        if key_room is not None and value_room is not None:
            return _packed_attention(query, key_room, value_room, key.shape[2], kwargs.get("scaling")), None
    return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)


AttentionInterface.register(ATTENTION, _attention)
ALL_MASK_ATTENTION_FUNCTIONS.register(ATTENTION, sdpa_mask)


class Int4DecodeLinear(nn.Module):
    """A linear layer that multiplies one row (a decode step) with a 4-bit copy of its weight and
    several rows (prefill) with the full weight."""

    def __init__(self, linear: nn.Linear, codes: torch.Tensor, scale: torch.Tensor,
                 low: torch.Tensor) -> None:
        super().__init__()
        self.linear = linear
        self.in_features, self.out_features = linear.in_features, linear.out_features
        self.packed = torch.ops.aten._convert_weight_to_int4pack_for_cpu(
            codes.reshape(self.out_features, self.in_features), 1)
        zero = low + 8 * scale  # the kernel computes (code - 8) * scale + zero
        scale_zero = torch.cat([scale, zero], dim=-1).transpose(0, 1)
        self.scale_zero = scale_zero.contiguous().to(linear.weight.dtype)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.numel() != self.in_features:
            return self.linear(x)
        out = torch.ops.aten._weight_int4pack_mm_for_cpu(x.reshape(1, self.in_features), self.packed,
                                                         GROUP, self.scale_zero)
        if self.linear.bias is not None:
            out = out + self.linear.bias
        return out.reshape(*x.shape[:-1], self.out_features)


def four_bit_blocks(weight: torch.Tensor, tolerance: float = 0.1):
    """(codes, scale, low) when every group of 32 weights already sits on 16 evenly spaced levels
    (within ``tolerance`` of a step: the bf16 rounding of a 4-bit model's weights), else None.

    The decode copy is only ever the model's own 4-bit blocks read back, never a new, coarser
    quantization: a layer stored at 8 bits or more (the embedded model's embeddings are Q8_0)
    keeps its full weight for decoding too. A sample of rows is checked first, so a layer that
    is not 4-bit is turned down quickly (the check runs at every model load)."""
    out_features, in_features = weight.shape
    sample = _blocks(weight[:: max(1, out_features // 16)], tolerance)
    return None if sample is None else _blocks(weight, tolerance)


def _blocks(weight: torch.Tensor, tolerance: float):
    rows, in_features = weight.shape
    groups = weight.detach().float().reshape(rows, in_features // GROUP, GROUP)
    low, high = torch.aminmax(groups, dim=-1, keepdim=True)
    scale = ((high - low) / 15).clamp_(min=1e-12)
    steps = (groups - low).div_(scale)
    codes = steps.round()
    if float(steps.sub_(codes).abs_().max()) > tolerance:
        return None
    return codes.to(torch.int32), scale, low


def _int4_candidate(linear: nn.Module) -> bool:
    return (type(linear) is nn.Linear and linear.weight.dtype == torch.bfloat16
            and linear.in_features % GROUP == 0 and linear.out_features % 16 == 0)


def add_int4_decode(model: nn.Module) -> tuple[int, int]:
    """Give each linear layer whose weights are 4-bit blocks a 4-bit decode copy; returns (layers
    given one, linear layers in all)."""
    linears = [(parent, name, child) for parent in model.modules()
               for name, child in parent.named_children() if isinstance(child, nn.Linear)]
    given = 0
    for parent, name, child in linears:
        blocks = four_bit_blocks(child.weight) if _int4_candidate(child) else None
        if blocks is not None:
            setattr(parent, name, Int4DecodeLinear(child, *blocks))
            given += 1
    return given, len(linears)
