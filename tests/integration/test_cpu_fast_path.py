"""The CPU fast path and the cache that grows in place, against the reference computations.

- ``GrowingLayer`` gives the same keys, values and logits as transformers' ``DynamicLayer``
  (including after a rewind and a growth past its reservation), with no copy per token.
- The packed decode attention (reading the buffer with its room masked) equals SDPA.
- A 4-bit decode copy reproduces Q4_1-style weights (groups of 32, ``d * q + m``) to bf16 rounding.
- The embedded model on the fast path: kernels reported, answers close to the exact path's.
"""

import pytest
import torch
from torch.nn.functional import linear as dense
from torch.nn.functional import scaled_dot_product_attention as sdpa
from transformers import DynamicCache

from inference import cpu_kernels, kv_cache
from tests.fixtures.tiny_models import tiny_qwen3_5_moe


@torch.inference_mode()
def test_growing_layers_match_dynamic_ones_through_growth_and_rewind():
    model = tiny_qwen3_5_moe()
    ids = torch.randint(2, 500, (1, 300))
    reference = DynamicCache(config=model.config)
    growing = kv_cache.new_cache(model.config)
    kv_cache.reserve(growing, 100)  # too small on purpose: it must grow, keeping what it holds
    assert any(isinstance(layer, kv_cache.GrowingLayer) for layer in growing.layers)
    for start in range(0, 300, 60):
        chunk, positions = ids[:, start:start + 60], torch.arange(start, start + 60)[None]
        want = model(input_ids=chunk, position_ids=positions, use_cache=True, cache=reference).logits
        got = model(input_ids=chunk, position_ids=positions, use_cache=True, cache=growing).logits
        assert torch.allclose(want, got, atol=1e-5)
    for ref_layer, layer in zip(reference.layers, growing.layers, strict=True):
        if isinstance(layer, kv_cache.GrowingLayer):
            assert layer.capacity >= 300 and torch.equal(layer.keys, ref_layer.keys)
            buffer = layer._key_buffer
            layer.crop(-50)  # a rewind keeps the buffer: the next tokens go where the old ones were
            layer.update(ref_layer.keys[..., 250:, :], ref_layer.values[..., 250:, :])
            assert layer._key_buffer is buffer and torch.equal(layer.keys, ref_layer.keys)


@pytest.mark.parametrize("queries", [1, 7])
@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float32])
def test_packed_attention_equals_sdpa_with_the_room_and_the_future_masked(dtype, queries):
    layer = kv_cache.GrowingLayer()
    layer.reserve(700)
    keys, values = torch.randn(1, 3, 512, 64, dtype=dtype), torch.randn(1, 3, 512, 64, dtype=dtype)
    layer.update(keys, values)
    layer.update(torch.randn(1, 3, 100, 64, dtype=dtype) * 50, torch.randn(1, 3, 100, 64, dtype=dtype))
    layer.crop(-100)  # the room now holds a rewound answer's keys: they must not count
    key_view, value_view = layer.update(torch.randn(1, 3, queries, 64, dtype=dtype),
                                        torch.randn(1, 3, queries, 64, dtype=dtype))
    assert kv_cache.filled_and_room(key_view).shape[2] == 700
    query = torch.randn(1, 9, queries, 64, dtype=dtype)
    module = type("Attention", (), {"num_key_value_groups": 3})()
    got, _ = cpu_kernels._attention(module, query, key_view, value_view, None, scaling=0.125)
    length = 512 + queries
    causal = torch.arange(length)[None, :] <= torch.arange(512, length)[:, None]
    want = sdpa(query.float(), key_view.float(), value_view.float(), attn_mask=causal, scale=0.125,
                enable_gqa=True).transpose(1, 2)
    assert got.shape == (1, queries, 9, 64)
    assert torch.allclose(got.float(), want, atol=3e-2 if dtype == torch.bfloat16 else 1e-5)


def test_the_apps_memory_plan_assumes_the_precision_the_worker_runs():
    from app.answer.memory_plan import cpu_dtype_bytes  # read without torch, from the CPU's flags

    assert cpu_dtype_bytes() == (2 if cpu_kernels.bf16_is_fast() else 4)


def test_a_plain_tensor_has_no_room_to_read():
    assert kv_cache.filled_and_room(torch.randn(1, 3, 10, 64)) is None
    assert kv_cache.filled_and_room(torch.randn(1, 3, 20, 64)[:, :, :10].transpose(2, 3)) is None


@torch.inference_mode()
def test_four_bit_decode_copies_are_the_weights_own_blocks_and_nothing_coarser():
    groups = torch.randint(0, 16, (96, 576 // 32, 32)).float()
    groups[..., 0], groups[..., 1] = 0, 15  # each block spans its whole range, as Q4_1's blocks do
    scale = torch.rand(96, 576 // 32, 1) * 0.01 + 0.001
    low = -(7 + torch.rand(96, 576 // 32, 1)) * scale  # blocks of weights around zero, as trained weights are
    weight = (groups * scale + low).reshape(96, 576).to(torch.bfloat16)
    linear = torch.nn.Linear(576, 96, bias=False, dtype=torch.bfloat16)
    linear.weight.copy_(weight)
    blocks = cpu_kernels.four_bit_blocks(linear.weight)
    assert blocks is not None and torch.equal(blocks[0].float().reshape(96, 576 // 32, 32), groups)
    decode = cpu_kernels.Int4DecodeLinear(linear, *blocks)
    row = torch.randn(1, 1, 576, dtype=torch.bfloat16)
    want = dense(row.float(), weight.float())
    got = decode(row)
    assert got.shape == (1, 1, 96)
    assert torch.allclose(got.float(), want, rtol=2e-2, atol=2e-2)
    rows = torch.randn(1, 5, 576, dtype=torch.bfloat16)  # prefill: the full weight, unchanged
    assert torch.equal(decode(rows), linear(rows))

    eight_bit = torch.nn.Linear(576, 96, bias=False, dtype=torch.bfloat16)  # any finer weights
    assert cpu_kernels.four_bit_blocks(eight_bit.weight) is None
    model = torch.nn.Sequential(linear, eight_bit)
    assert cpu_kernels.add_int4_decode(model) == (1, 2)
    assert isinstance(model[0], cpu_kernels.Int4DecodeLinear) and type(model[1]) is torch.nn.Linear


@pytest.mark.slow
def test_the_embedded_model_on_the_fast_path_reports_its_kernels_and_answers(embedded_model):
    from inference import protocol as p
    from inference.engine import TransformersEngine

    if not cpu_kernels.bf16_is_fast():
        pytest.skip("this CPU has no native bf16: the engine runs the exact path")
    fast = TransformersEngine.load(embedded_model.path, embedded_model.model_id)
    exact = TransformersEngine.load(embedded_model.path, embedded_model.model_id, precision="exact")
    assert fast.kernels.describe() == ("bf16 weights, decode int4-g32 (210 of 211 layers), "
                                       "attention casefile_sdpa")  # the Q8_0 embeddings stay bf16
    assert exact.kernels.describe() == "fp32 weights, decode fp32, attention sdpa"
    page = ("SUPPLY AGREEMENT. 3. Price and Delivery. The price is $4.15 per box. Seller shall "
            "deliver the first shipment by February 3, 2025.")
    messages = [{"role": "system", "content": "Answer from the document."},
                {"role": "user", "content": f"{page}\n\nQuestion: What is the price of one box?"}]
    answers = {}
    for name, engine in (("fast", fast), ("exact", exact)):
        result = engine.generate(messages, p.GenerationParams(max_new_tokens=24), on_token=lambda _t: None,
                                 should_stop=lambda: False)
        assert result.timings.kernels == engine.kernels.describe()
        answers[name] = result.text
    assert "4.15" in answers["fast"] and "4.15" in answers["exact"]
    with pytest.raises(Exception, match="unknown precision"):
        TransformersEngine.load(embedded_model.path, embedded_model.model_id, precision="fp8")


@pytest.mark.slow
def test_an_admin_can_ask_for_the_exact_path(embedded_model, demo_dir, monkeypatch):
    import json

    from tests.conftest import run_cli

    assert run_cli("ingest", "--case", "Demo", str(demo_dir)).returncode == 0
    monkeypatch.setenv("CASEFILE_PRECISION", "exact")
    asked = run_cli("ask", "--case", "Demo", "What is the price of one box?", "--json", "--max-tokens", "8")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["timings"]["kernels"].startswith("fp32 weights")
    monkeypatch.setenv("CASEFILE_PRECISION", "fp8")
    refused = run_cli("ask", "--case", "Demo", "What is the price of one box?")
    assert refused.returncode != 0 and "CASEFILE_PRECISION is auto or exact" in refused.stderr
