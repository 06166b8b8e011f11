"""How much memory a context needs, and whether YaRN must stretch the model's window.

From the model's config alone (no torch): KV bytes per token = full-attention layers x 2 (K, V)
x KV heads x head dim x dtype bytes; hybrid models (Qwen3.5, Qwen3-Next) add a fixed
linear-attention state per sequence (recurrent state in fp32 + convolution state). The figures
check out against the inference anchor (Qwen3.5-35B-A3B: 20 KiB/token in bf16, 62 MiB fixed).
"""

from __future__ import annotations

import functools
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from app.models.store import ModelInfo

CPU_DTYPE_BYTES = 4  # fp32 on the CPU without native bf16; bf16 (2) on a GPU and on CPUs with it
YARN_MAX_FACTOR = 4  # Qwen3.5: 262,144 native tokens x 4 = about 1M
YARN_MODEL_TYPES = ("qwen3_5", "qwen3_5_moe", "qwen3_5_text", "qwen3_5_moe_text", "qwen3_next")


def full_attention_layers(cfg: dict) -> int:
    layer_types = cfg.get("layer_types")
    if layer_types:
        return sum(1 for t in layer_types if t == "full_attention")
    interval = cfg.get("full_attention_interval")
    layers = int(cfg.get("num_hidden_layers", 0))
    return layers // interval if interval else layers


@functools.cache
def cpu_dtype_bytes() -> int:
    """2 where the worker computes in bf16 on the CPU (AVX-512 BF16 or AMX: its fast path), else 4.
    Read from /proc/cpuinfo on Linux without importing torch; elsewhere the plan assumes fp32,
    so it may ask for more memory than a case needs, never less."""
    if not sys.platform.startswith("linux"):
        return CPU_DTYPE_BYTES
    try:
        flags = next((line for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("flags")), "").split()
    except OSError:
        return CPU_DTYPE_BYTES
    return 2 if {"avx512_bf16", "amx_tile"} & set(flags) else CPU_DTYPE_BYTES


def kv_bytes_per_token(model: ModelInfo, dtype_bytes: int | None = None) -> int:
    cfg = model.text_config
    heads = int(cfg.get("num_attention_heads", 1))
    kv_heads = int(cfg.get("num_key_value_heads") or heads)
    head_dim = int(cfg.get("head_dim") or int(cfg.get("hidden_size", 0)) // max(heads, 1))
    return full_attention_layers(cfg) * 2 * kv_heads * head_dim * (dtype_bytes or cpu_dtype_bytes())


def linear_state_bytes(model: ModelInfo, dtype_bytes: int | None = None) -> int:
    """The fixed linear-attention state of one sequence (0 for ordinary decoder models)."""
    cfg = model.text_config
    linear_layers = int(cfg.get("num_hidden_layers", 0)) - full_attention_layers(cfg)
    if not cfg.get("linear_num_value_heads") or linear_layers <= 0:
        return 0
    v_heads, k_heads = int(cfg["linear_num_value_heads"]), int(cfg.get("linear_num_key_heads", 0))
    k_dim, v_dim = int(cfg.get("linear_key_head_dim", 0)), int(cfg.get("linear_value_head_dim", 0))
    recurrent = v_heads * k_dim * v_dim * 4  # kept in fp32 even when the model runs in bf16
    conv = ((2 * k_heads * k_dim + v_heads * v_dim) * int(cfg.get("linear_conv_kernel_dim", 4))
            * (dtype_bytes or cpu_dtype_bytes()))
    return linear_layers * (recurrent + conv)


def yarn_factor(model: ModelInfo, tokens: int) -> float:
    """1.0 within the native window; else the smallest YaRN factor (<= 4) that reaches ``tokens``,
    for the models trained for it. Static YaRN touches every prompt, so it is used only when needed."""
    if tokens <= model.window or model.text_config.get("model_type") not in YARN_MODEL_TYPES:
        return 1.0
    return float(min(YARN_MAX_FACTOR, math.ceil(tokens / model.window)))


def usable_window(model: ModelInfo) -> int:
    if model.text_config.get("model_type") in YARN_MODEL_TYPES:
        return model.window * YARN_MAX_FACTOR
    return model.window


@dataclass(frozen=True)
class MemoryPlan:
    """What a case of ``tokens`` tokens needs in memory on this machine, and what is free now."""

    weights_bytes: int
    kv_bytes_per_token: int
    kv_bytes: int
    linear_state_bytes: int  # Gated DeltaNet state: fixed, whatever the length
    needed_bytes: int
    available_bytes: int
    max_context_tokens: int  # the longest case that would fit in what is free

    @property
    def fits(self) -> bool:
        return self.needed_bytes <= self.available_bytes

    def as_json(self) -> dict[str, int]:
        return asdict(self)


def memory_plan(model: ModelInfo, tokens: int) -> MemoryPlan:
    kv_per_token = kv_bytes_per_token(model)
    fixed = linear_state_bytes(model)
    weights = model.size_bytes
    available = int(psutil.virtual_memory().available)
    return MemoryPlan(
        weights_bytes=weights, kv_bytes_per_token=kv_per_token, kv_bytes=kv_per_token * tokens,
        linear_state_bytes=fixed, needed_bytes=weights + fixed + kv_per_token * tokens,
        available_bytes=available,
        max_context_tokens=max(0, (available - weights - fixed) // kv_per_token) if kv_per_token else 0)
