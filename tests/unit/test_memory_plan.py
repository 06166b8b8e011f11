"""Memory and window planning from a model's config (no model loaded)."""

from pathlib import Path

from app.answer.memory_plan import (
    cpu_dtype_bytes,
    kv_bytes_per_token,
    linear_state_bytes,
    memory_plan,
    usable_window,
    yarn_factor,
)
from app.models.store import ModelInfo

QWEN3_5_35B_A3B = {
    "model_type": "qwen3_5_moe_text", "num_hidden_layers": 40,
    "layer_types": (["linear_attention"] * 3 + ["full_attention"]) * 10,
    "num_attention_heads": 16, "num_key_value_heads": 2, "head_dim": 256, "hidden_size": 2048,
    "linear_num_value_heads": 32, "linear_num_key_heads": 16, "linear_key_head_dim": 128,
    "linear_value_head_dim": 128, "linear_conv_kernel_dim": 4, "max_position_embeddings": 262144,
}
SMOLLM2 = {"model_type": "llama", "num_hidden_layers": 30, "num_attention_heads": 9, "num_key_value_heads": 3,
           "head_dim": 64, "hidden_size": 576, "max_position_embeddings": 8192}


def model(config, size=0):
    return ModelInfo("m", Path("."), config["max_position_embeddings"], "", "", "", size, config)


def test_the_anchor_figures_for_qwen3_5_35b_a3b():
    qwen = model(QWEN3_5_35B_A3B)
    assert kv_bytes_per_token(qwen, dtype_bytes=2) == 20 * 1024  # 20 KiB/token in bf16
    assert round(linear_state_bytes(qwen, dtype_bytes=2) / 2**20) == 62  # 62 MiB fixed state
    assert kv_bytes_per_token(model(SMOLLM2), dtype_bytes=4) == 30 * 2 * 3 * 64 * 4
    assert kv_bytes_per_token(model(SMOLLM2)) == 30 * 2 * 3 * 64 * cpu_dtype_bytes()
    assert linear_state_bytes(model(SMOLLM2)) == 0


def test_yarn_only_when_the_case_needs_it_and_only_for_models_trained_for_it():
    qwen = model(QWEN3_5_35B_A3B)
    assert yarn_factor(qwen, 200_000) == 1.0
    assert yarn_factor(qwen, 300_000) == 2.0 and yarn_factor(qwen, 900_000) == 4.0
    assert usable_window(qwen) == 4 * 262144
    assert yarn_factor(model(SMOLLM2), 9000) == 1.0 and usable_window(model(SMOLLM2)) == 8192


def test_memory_plan_reports_the_largest_context_that_fits():
    plan = memory_plan(model(SMOLLM2, size=517 * 2**20), 10_000)
    assert plan.needed_bytes == plan.weights_bytes + plan.kv_bytes
    per_token = plan.kv_bytes_per_token
    assert plan.max_context_tokens == (plan.available_bytes - plan.weights_bytes) // per_token
    assert plan.as_json()["kv_bytes_per_token"] == per_token  # the --json shape is unchanged
