"""GPU benchmark: the real Qwen3.5-35B-A3B shape with random weights (nothing downloaded).

    python -m tests.bench.gpu_prefill [--lengths 32768 131072] [--out FILE]
    python -m tests.bench.gpu_prefill --tiny --device cpu     # the same code path on a toy model

Builds the model from ``Qwen3_5MoeTextConfig``'s defaults (documented as the 35B-A3B shape:
40 layers, 10 of them full attention, 256 experts with 8 + 1 active), prefills each length in
16K-token chunks with ``logits_to_keep=1`` into the engine's own cache (``inference.kv_cache``),
and reports:
- prefill tokens/s and the fraction of the GPU's peak bf16 FLOP/s, using the inference anchor's
  formula: FLOP per token at length L = 2 * N_active + 2 * n_full * n_heads * head_dim * L;
- decode tokens/s inside that context (``DECODE_STEPS`` greedy steps);
- peak GPU memory against the app's memory plan (``app.answer.memory_plan``: weights + KV per token x
  tokens + the linear-attention state), goal within 5%;
- which linear-attention kernels ran: flash-linear-attention's ("fla", requirements-gpu.txt) or
  transformers' torch fallback.
Without a CUDA GPU (and without --tiny) it prints a one-line skip and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

PEAK_BF16_FLOPS = {"H200": 989e12, "H100": 989e12, "A100": 312e12, "L40S": 362e12, "RTX 6000 Ada": 364e12}
CHUNK = 16384
DECODE_STEPS = 32


def _config(tiny: bool):
    from transformers import Qwen3_5MoeTextConfig

    if not tiny:
        return Qwen3_5MoeTextConfig(max_position_embeddings=262144)
    return Qwen3_5MoeTextConfig(
        vocab_size=1024, hidden_size=64, num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
        head_dim=16, intermediate_size=64, moe_intermediate_size=32, shared_expert_intermediate_size=32,
        num_experts=4, num_experts_per_tok=2, linear_num_key_heads=2, linear_num_value_heads=4,
        linear_key_head_dim=16, linear_value_head_dim=16, max_position_embeddings=65536)


def active_parameters(model, config) -> int:
    """All parameters, less the experts a token does not use."""
    total = sum(t.numel() for t in model.parameters())
    expert = sum(t.numel() for name, t in model.named_parameters() if ".experts." in name)
    return int(total - expert * (1 - config.num_experts_per_tok / config.num_experts))


def flops(length: int, n_active: int, config) -> float:
    n_full = sum(1 for t in config.layer_types if t == "full_attention")
    per_token = 2 * n_active + 2 * n_full * config.num_attention_heads * config.head_dim * length
    return per_token * length


def peak_flops(device_name: str) -> float | None:
    return next((v for k, v in PEAK_BF16_FLOPS.items() if k in device_name), None)


def planned_bytes(model, config, tokens: int, dtype_bytes: int) -> int:
    """What the app's memory plan says this context needs (weights + cache + linear state)."""
    from app.answer.memory_plan import kv_bytes_per_token, linear_state_bytes
    from app.models.store import ModelInfo

    info = ModelInfo("bench", Path("."), int(config.max_position_embeddings), "", "", "",
                     sum(t.numel() * t.element_size() for t in model.parameters()), config.to_dict())
    return (info.size_bytes + kv_bytes_per_token(info, dtype_bytes) * tokens
            + linear_state_bytes(info, dtype_bytes))


def run(lengths: list[int], device: str, tiny: bool) -> dict:
    import torch
    from transformers import AutoModelForCausalLM

    from inference import kv_cache
    from inference.engine import _linear_attention_kernels

    dtype = torch.bfloat16 if device == "cuda" else torch.float32
    config = _config(tiny)
    started = time.perf_counter()
    with torch.device(device):
        model = AutoModelForCausalLM.from_config(config, dtype=dtype).eval()
    build_s = time.perf_counter() - started
    n_active = active_parameters(model, config)
    name = torch.cuda.get_device_name(0) if device == "cuda" else "cpu"
    peak = peak_flops(name)
    results = []
    for length in lengths:
        cache = kv_cache.new_cache(model.config)
        kv_cache.reserve(cache, length + DECODE_STEPS)
        if device == "cuda":
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        started = time.perf_counter()
        with torch.inference_mode():
            for start in range(0, length, CHUNK):
                n = min(CHUNK, length - start)
                ids = torch.randint(0, config.vocab_size, (1, n), device=device)
                positions = torch.arange(start, start + n, device=device)[None]
                logits = model(input_ids=ids, position_ids=positions, use_cache=True, logits_to_keep=1,
                               cache=cache).logits
            if device == "cuda":
                torch.cuda.synchronize()
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            for step in range(DECODE_STEPS):
                token = torch.argmax(logits[0, -1]).view(1, 1)
                logits = model(input_ids=token, position_ids=torch.tensor([[length + step]], device=device),
                               use_cache=True, logits_to_keep=1, cache=cache).logits
            if device == "cuda":
                torch.cuda.synchronize()
            decode_s = time.perf_counter() - started
        achieved = flops(length, n_active, config) / seconds
        planned = planned_bytes(model, config, length + DECODE_STEPS, dtype.itemsize)
        results.append({
            "tokens": length, "seconds": round(seconds, 2), "tokens_per_s": round(length / seconds, 1),
            "tflops_per_s": round(achieved / 1e12, 1),
            "fraction_of_peak": round(achieved / peak, 3) if peak else None,
            "decode_tokens_per_s": round(DECODE_STEPS / decode_s, 1),
            "peak_memory_gib": (round(torch.cuda.max_memory_allocated() / 2**30, 1)
                                if device == "cuda" else None),
            "planned_memory_gib": round(planned / 2**30, 1),
            "peak_vs_plan": (round(torch.cuda.max_memory_allocated() / planned, 3)
                             if device == "cuda" else None),
        })
        del cache
    return {"model": "tiny Qwen3.5-MoE" if tiny else "Qwen3.5-35B-A3B shape, random bf16 weights",
            "device": name, "active_parameters": n_active, "build_s": round(build_s, 1),
            "peak_bf16_tflops": peak / 1e12 if peak else None,
            "linear_attention_kernels": _linear_attention_kernels(model), "prefill": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[32768, 131072])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--tiny", action="store_true", help="a toy model: checks the code path anywhere")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        print(json.dumps({"skipped": "no CUDA GPU on this machine"}))
        return 0
    result = run(args.lengths, args.device, args.tiny)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
