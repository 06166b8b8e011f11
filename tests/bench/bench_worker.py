"""Worker benchmarks, side by side in one run.

- prefix reuse on a ~6,000-token case with the embedded model: time to first token for the
  first question (full prefill), a follow-up (prefix kept in memory), and a reopen in a new
  worker process (prefix from the sealed disk copy). Goals: follow-up/first <= 0.02, reopen/first
  <= 0.1. For reference (the issue's figures for this machine, not re-measured here): llama.cpp
  49.9 s cold, 0.21 s follow-up, 24.7 tokens/s; a plain transformers loop 29.5 s, 0.58 s, 7.2.
- decode: tokens/s through the worker and protocol vs ``model.generate`` in one process on the
  same prompt. Goal >= 0.95.
- rewind vs deepcopy on the tiny hybrid Qwen3.5 model at 32K tokens: time and extra memory.
"""

from __future__ import annotations

import copy
import secrets
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CASE_TOKENS = 6000
DECODE_TOKENS = 48
STORY = [{"role": "user", "content": "Write a long story about a dragon."}]


def _case_text(model) -> str:
    """About CASE_TOKENS tokens of real pages: the demo facts, then corpus opinions."""
    from app.extract import Source, extract
    from app.tokens import count_tokens
    from assets.demo.make_demo_pdfs import DOCUMENTS

    parts = [f"<page>\n{text}\n</page>" for pages in DOCUMENTS.values() for text in pages]
    folder = CORPUS / "legal-court-docs"
    sources = [*sorted(folder.glob("ca*.pdf")), folder / "missouri.pdf"]
    for path in sources if CORPUS.is_dir() else []:
        for page in extract(Source(path.name, path=path)).pages:
            if count_tokens(model.path, "\n".join(parts)) > CASE_TOKENS:
                return "\n".join(parts)
            parts.append(f"<page>\n{page.text}\n</page>")
    return "\n".join(parts * max(1, CASE_TOKENS // max(1, count_tokens(model.path, "\n".join(parts)))))


def bench_prefix_reuse(tmp: Path, model) -> dict:
    from inference import protocol as p
    from inference.client import WorkerClient

    documents = _case_text(model)
    spec = p.Prefix(text=documents, cache_id="bench-case", cache_dir=str(tmp / "prefix-cache"),
                    cache_key=secrets.token_hex(32))

    def ask(client, question):
        messages = [{"role": "system", "content": "Answer from the documents."},
                    {"role": "user", "content": f"{documents}\n\nQuestion: {question}"}]
        return client.generate(messages, p.GenerationParams(max_new_tokens=16), prefix=spec).timings

    with WorkerClient() as client:
        client.load_model(model.path, model.model_id, weights_sha256=model.weights_sha256)
        first = ask(client, "What is the price of one box?")
        follow_up = ask(client, "Who signed for the buyer?")
    with WorkerClient() as client:
        client.load_model(model.path, model.model_id, weights_sha256=model.weights_sha256)
        reopened = ask(client, "Who signed for the buyer?")
    return {
        "case_prefix_tokens": first.prefill_tokens,
        "first_ttft_s": first.ttft_s,
        "first_prefill_tokens_per_s": round(first.prefill_tokens / first.ttft_s, 1),
        "follow_up_ttft_s": follow_up.ttft_s, "follow_up_source": follow_up.prefix_source,
        "follow_up_vs_first": round(follow_up.ttft_s / first.ttft_s, 4), "follow_up_goal": 0.02,
        "reopen_ttft_s": reopened.ttft_s, "reopen_source": reopened.prefix_source,
        "reopen_vs_first": round(reopened.ttft_s / first.ttft_s, 4), "reopen_goal": 0.1,
        "decode_tokens_per_s_in_case": follow_up.decode_tokens_per_s,
        "prefix_cache_file_mib": round(sum(f.stat().st_size for f in (tmp / "prefix-cache").iterdir())
                                       / 2**20, 1),
    }


def bench_decode(model) -> dict:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.generation.streamers import BaseStreamer

    from inference import protocol as p
    from inference.client import WorkerClient

    with WorkerClient() as client:
        client.load_model(model.path, model.model_id)
        ours = client.generate(STORY, p.GenerationParams(max_new_tokens=DECODE_TOKENS)).timings

    tokenizer = AutoTokenizer.from_pretrained(model.path, local_files_only=True)
    reference = AutoModelForCausalLM.from_pretrained(model.path, local_files_only=True,
                                                     dtype=torch.float32).eval()
    inputs = tokenizer.apply_chat_template(STORY, add_generation_prompt=True, return_dict=True,
                                           return_tensors="pt")

    class Clock(BaseStreamer):  # the first put() is the prompt; the second the first new token
        def __init__(self):
            self.times = []

        def put(self, value):
            self.times.append(time.perf_counter())

        def end(self):
            self.times.append(time.perf_counter())

    clock = Clock()
    with torch.inference_mode():
        out = reference.generate(**inputs, max_new_tokens=DECODE_TOKENS, min_new_tokens=DECODE_TOKENS,
                                 do_sample=False, streamer=clock)
    new = out.shape[1] - inputs["input_ids"].shape[1]
    generate_rate = (new - 1) / (clock.times[-1] - clock.times[1])
    return {"decode_tokens": ours.decode_tokens, "worker_decode_tokens_per_s": ours.decode_tokens_per_s,
            "model_generate_decode_tokens_per_s": round(generate_rate, 2),
            "worker_vs_model_generate": round(ours.decode_tokens_per_s / generate_rate, 3),
            "worker_vs_model_generate_goal": 0.95}


def bench_rewind(tokens: int = 32768) -> dict:
    import torch
    from transformers import DynamicCache

    from inference.prefix_cache import Snapshot
    from tests.fixtures.tiny_models import tiny_qwen3_5_moe

    model = tiny_qwen3_5_moe()
    cache = DynamicCache(config=model.config)
    with torch.inference_mode():
        for start in range(0, tokens, 4096):
            ids = torch.randint(2, 500, (1, 4096))
            model(input_ids=ids, position_ids=torch.arange(start, start + 4096)[None], use_cache=True,
                  logits_to_keep=1, cache=cache)
        kv_bytes = sum(layer.keys.numel() * layer.keys.element_size() * 2 for layer in cache.layers
                       if hasattr(layer, "keys") and layer.keys is not None)
        started = time.perf_counter()
        snapshot = Snapshot(cache, tokens)
        snapshot_s = time.perf_counter() - started
        question = torch.randint(2, 500, (1, 16))
        model(input_ids=question, position_ids=torch.arange(tokens, tokens + 16)[None], use_cache=True,
              logits_to_keep=1, cache=cache)
        started = time.perf_counter()
        snapshot.restore(cache)
        restore_s = time.perf_counter() - started
        started = time.perf_counter()
        copy.deepcopy(cache)
        deepcopy_s = time.perf_counter() - started
    return {"tokens": tokens, "snapshot_s": round(snapshot_s, 5), "rewind_restore_s": round(restore_s, 5),
            "deepcopy_s": round(deepcopy_s, 5), "rewind_extra_bytes": snapshot.linear_bytes,
            "deepcopy_extra_bytes": kv_bytes + snapshot.linear_bytes}


def bench_worker(tmp: Path) -> dict:
    from app.models.store import prepare_embedded

    model = prepare_embedded()
    return {"prefix_reuse": bench_prefix_reuse(tmp, model), "decode": bench_decode(model),
            "rewind_vs_deepcopy_tiny_qwen3_5": bench_rewind()}
