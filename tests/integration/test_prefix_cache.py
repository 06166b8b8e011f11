"""Prefix reuse gives the same logits as no reuse (≤1e-4), on the real hybrid Qwen3.5 cache path
and on the embedded model: (a) uncached, (b) from the snapshot, (c) after three earlier
question/answer rounds, (d) after a save to disk and a load in a fresh engine."""

import random
import secrets

import pytest
import torch

from inference import prefix_cache
from inference import protocol as p
from inference.engine import TransformersEngine
from tests.fixtures.tiny_models import tiny_qwen3_5_moe

pytestmark = pytest.mark.slow
TOLERANCE = 1e-4


def _engines(kind, embedded_model):
    if kind == "qwen3_5_moe":
        model = tiny_qwen3_5_moe()
        make = lambda: TransformersEngine(model, None, "tiny-qwen3.5-moe", prefill_chunk=64)
        return make, model.config.vocab_size
    loaded = TransformersEngine.load(embedded_model.path, embedded_model.model_id, prefill_chunk=64,
                                     precision="exact")  # the exact path keeps the 1e-4 tolerance
    make = lambda: TransformersEngine(loaded.model, loaded.tokenizer, loaded.model_id, prefill_chunk=64)
    return make, loaded.model.config.vocab_size


@pytest.mark.parametrize("kind", ["qwen3_5_moe", "smollm2"])
@torch.inference_mode()
def test_cached_logits_equal_uncached(kind, embedded_model, tmp_path):
    make_engine, vocab = _engines(kind, embedded_model)
    rng = random.Random(1)
    prefix = [rng.randrange(2, vocab) for _ in range(300)]
    question = [rng.randrange(2, vocab) for _ in range(12)]
    spec = p.Prefix(text="", cache_id="case-manifest", cache_dir=str(tmp_path),
                    cache_key=secrets.token_hex(32))
    engine = make_engine()

    uncached = engine.model(input_ids=torch.tensor([prefix + question])).logits[0, -1].float()  # (a)

    state, source = engine.prefix_state(prefix, spec, should_stop=lambda: False)
    assert source == "prefill" and state.snapshot.length == len(prefix)
    if kind == "qwen3_5_moe":
        assert state.snapshot.linear  # the hybrid model really has linear-attention state to keep
    from_snapshot = engine.forward(question, len(prefix), state.cache)  # (b)
    state.snapshot.restore(state.cache)
    assert torch.max(torch.abs(from_snapshot - uncached)) <= TOLERANCE

    for _ in range(3):  # (c) three earlier rounds: another question, a few greedy tokens, rewind
        other = [rng.randrange(2, vocab) for _ in range(9)]
        logits, position = engine.forward(other, len(prefix), state.cache), len(prefix) + len(other)
        for _ in range(4):
            logits = engine.forward([int(torch.argmax(logits))], position, state.cache)
            position += 1
        state.snapshot.restore(state.cache)
    after_rounds = engine.forward(question, len(prefix), state.cache)
    state.snapshot.restore(state.cache)
    assert torch.max(torch.abs(after_rounds - uncached)) <= TOLERANCE

    assert not any(tmp_path.glob("*.kv"))  # sealed after the answer, not before the first token
    engine.seal_pending()
    fresh = make_engine()  # (d) as after a restart: the sealed copy on disk
    state, source = fresh.prefix_state(prefix, spec, should_stop=lambda: False)
    assert source == "disk"
    from_disk = fresh.forward(question, len(prefix), state.cache)
    assert torch.max(torch.abs(from_disk - uncached)) <= TOLERANCE


def test_a_stored_prefix_is_sealed_and_used_only_when_everything_matches(tmp_path, caplog):
    model = tiny_qwen3_5_moe()
    engine = TransformersEngine(model, None, "tiny", weights_sha256="w1", prefill_chunk=128)
    key = secrets.token_bytes(32)
    spec = p.Prefix(text="", cache_id="m1", cache_dir=str(tmp_path), cache_key=key.hex())
    ids = list(range(2, 202))
    with torch.inference_mode():
        engine.prefix_state(ids, spec, should_stop=lambda: False)
        engine.seal_pending()
    sealed = (tmp_path / "m1.kv").read_bytes()
    assert b"safetensors" not in sealed and b"tiny" not in sealed and b"format" not in sealed

    kernels = engine.kernels.describe()
    identity = prefix_cache.CacheIdentity("tiny", "w1", "float32", prefix_cache.ids_hash(ids), len(ids),
                                          kernels)
    assert prefix_cache.load(tmp_path / "m1.kv", identity, key, model.config, model.device) is not None
    cases = [
        (identity, secrets.token_bytes(32), "does not open with this vault's key"),
        (prefix_cache.CacheIdentity("tiny", "w2", "float32", identity.ids_sha256, len(ids), kernels), key,
         "weights_sha256 differ"),
        (prefix_cache.CacheIdentity("tiny", "w1", "float32", prefix_cache.ids_hash(ids[:-1]), len(ids) - 1,
                                    kernels), key, "ids_sha256, length differ"),
        (prefix_cache.CacheIdentity("tiny", "w1", "float32", identity.ids_sha256, len(ids),
                                    kernels.replace("linear attention torch", "linear attention fla")), key,
         "kernels differ"),
    ]
    for wanted, with_key, reason in cases:
        caplog.clear()
        with caplog.at_level("INFO", logger="casefile.worker"):
            assert prefix_cache.load(tmp_path / "m1.kv", wanted, with_key, model.config, model.device) is None
        assert reason in caplog.text


def test_yarn_stretches_the_window_only_when_asked(tmp_path, embedded_model):
    import shutil

    model = tiny_qwen3_5_moe()
    model.config.max_position_embeddings = 4096
    model.save_pretrained(tmp_path)
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        if (embedded_model.path / name).exists():
            shutil.copy(embedded_model.path / name, tmp_path)
    native = TransformersEngine.load(tmp_path, "tiny")
    stretched = TransformersEngine.load(tmp_path, "tiny", rope_factor=2.0)
    assert (native.window, stretched.window) == (4096, 8192)
    rope = stretched.model.config.rope_parameters
    assert rope["rope_type"] == "yarn" and rope["factor"] == 2.0
    assert rope["original_max_position_embeddings"] == 4096 and "rope_theta" in rope
    ids = torch.tensor([list(range(2, 300))])
    with torch.inference_mode():
        assert not torch.allclose(native.model(input_ids=ids).logits, stretched.model(input_ids=ids).logits)


def test_a_context_that_cannot_fit_in_memory_is_refused_before_allocating():
    from inference.engine import MemoryPlanExceeded, free_memory_bytes

    engine = TransformersEngine(tiny_qwen3_5_moe(), None, "tiny")
    per_token = engine.kv_bytes_per_token()
    assert per_token == 2 * 2 * 2 * 16 * 4  # 2 full-attention layers x K,V x 2 kv heads x 16 x fp32
    engine.check_memory(10_000)  # fits
    with pytest.raises(MemoryPlanExceeded, match="GiB are free"):
        engine.check_memory(free_memory_bytes() // per_token * 2)


def test_large_caches_are_sealed_in_blocks_that_cannot_be_reordered_or_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(prefix_cache, "BLOCK", 4096)  # many blocks from a small cache
    model = tiny_qwen3_5_moe()
    engine = TransformersEngine(model, None, "tiny", prefill_chunk=256)
    key = secrets.token_bytes(32)
    spec = p.Prefix(text="", cache_id="big", cache_dir=str(tmp_path), cache_key=key.hex())
    ids = list(range(2, 402))
    with torch.inference_mode():
        engine.prefix_state(ids, spec, should_stop=lambda: False)
        engine.seal_pending()
    path = tmp_path / "big.kv"
    identity = prefix_cache.CacheIdentity("tiny", "", "float32", prefix_cache.ids_hash(ids), len(ids),
                                          engine.kernels.describe())
    assert prefix_cache.load(path, identity, key, model.config, model.device) is not None
    sealed = path.read_bytes()
    path.write_bytes(sealed[: len(sealed) // 2])  # cut short
    assert prefix_cache.load(path, identity, key, model.config, model.device) is None


def test_a_full_disk_costs_only_the_sealed_copy(tmp_path, monkeypatch, caplog):
    import errno

    model = tiny_qwen3_5_moe()
    engine = TransformersEngine(model, None, "tiny", prefill_chunk=128)
    key = secrets.token_bytes(32)
    spec = p.Prefix(text="", cache_id="full", cache_dir=str(tmp_path), cache_key=key.hex())
    real_pieces = prefix_cache._pieces

    def disk_fills_up(head, tensors):
        pieces = real_pieces(head, tensors)
        yield next(pieces)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(prefix_cache, "_pieces", disk_fills_up)
    ids = list(range(2, 202))
    with torch.inference_mode(), caplog.at_level("WARNING", logger="casefile.worker"):
        state, _ = engine.prefix_state(ids, spec, should_stop=lambda: False)
        engine.seal_pending()  # must not raise: the answer is already out
        again, source = engine.prefix_state(ids, spec, should_stop=lambda: False)
    assert "not saved (OSError)" in caplog.text
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind
    assert source == "memory" and again is state  # the case stays read in memory
