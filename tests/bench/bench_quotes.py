"""Copy-constrained quotes (``inference.copy_mode``): decoding with the constraint beside
decoding without it, in one run.

- decode: the embedded model through the worker, over a case of the demo's and the corpus's real
  pages (about 2,000 tokens, kept as the prefix), the same quoting questions asked without and
  with the constraint, alternately: decode tokens/s of each and their ratio (goal: constrained /
  free >= 0.9). The constrained answers' copied quotes and the tokens Casefile wrote are counted,
  so the constraint is seen to have run.
- a million tokens: the quote index built over about 750,000 words of real court-opinion
  sentences (about a million model tokens): build seconds, the build's peak memory and what the
  index keeps;
  then one step inside a quote at that size, with the real tokenizer — the model's first choice
  allowed, and none of its top 32 allowed (every candidate checked, the page's next word
  written) — beside the embedded model's own decode step from above.
  The model cannot read a million tokens on this machine; what the constraint adds to a step
  does not depend on the model, so the step's share is the ratio at that size.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "legal-court-docs"
ANSWER_TOKENS = 64
QUESTIONS = ("Quote the sentence that gives the dose of the medication.",
             "Quote the sentence that says when the contract was signed.",
             "Quote the sentence about the amount claimed.",
             "Quote the first sentence of the first document.")
MILLION_WORDS = 750_000


def _pages() -> list[tuple[str, str]]:
    """(citation, text) of the demo's pages and some corpus pages."""
    from app.extract import Source, extract
    from assets.demo.make_demo_pdfs import DOCUMENTS

    pages = [(f"D{d} p{n}", text) for d, texts in enumerate(DOCUMENTS.values(), start=1)
             for n, text in enumerate(texts, start=1)]
    for path in sorted(CORPUS.glob("ca*.pdf"))[:1] if CORPUS.is_dir() else []:
        read = extract(Source(path.name, path=path)).pages[:3]
        pages += [(f"D9 p{n}", page.text) for n, page in enumerate(read, start=1)]
    return pages


def bench_decode(model) -> dict:
    from app.context import SYSTEM_INSTRUCTION
    from inference import protocol as p
    from inference.client import WorkerClient

    pages = _pages()
    documents = "\n\n".join(f'<page cite="{c}">\n{t}\n</page>' for c, t in pages)
    grounding = p.Grounding(pages=tuple(pages), key="bench")
    prefix = p.Prefix(text=documents)
    params = p.GenerationParams(max_new_tokens=ANSWER_TOKENS)
    rates: dict[str, list[float]] = {"free": [], "constrained": []}
    copied = forced = 0
    with WorkerClient() as client:
        client.load_model(model.path, model.model_id)
        for question in QUESTIONS:
            messages = [{"role": "system", "content": SYSTEM_INSTRUCTION},
                        {"role": "user", "content": f"{documents}\n\nQuestion: {question}"}]
            client.generate(messages, p.GenerationParams(max_new_tokens=1), prefix=prefix)  # warm the prefix
            for kind in ("free", "constrained", "free", "constrained"):
                done = client.generate(messages, params, prefix=prefix,
                                       grounding=grounding if kind == "constrained" else None)
                rates[kind].append(done.timings.decode_tokens_per_s)
                if kind == "constrained":
                    copied += done.timings.quotes_copied
                    forced += done.timings.forced_tokens
    free, constrained = statistics.median(rates["free"]), statistics.median(rates["constrained"])
    return {"answers_each": len(rates["free"]), "answer_tokens": ANSWER_TOKENS,
            "free_tokens_per_s": round(free, 2), "constrained_tokens_per_s": round(constrained, 2),
            "constrained_vs_free": round(constrained / free, 3), "constrained_vs_free_goal": 0.9,
            "quotes_copied": copied, "forced_tokens": forced}


def _sentences() -> list[str]:
    from app.errors import IngestError
    from app.extract import Source, extract

    sentences = []
    for path in sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []:
        try:
            pages = extract(Source(path.name, path=path)).pages
        except IngestError:  # the corpus keeps a few broken files on purpose
            continue
        for page in pages:
            sentences += [s.strip() + "." for s in page.text.replace("\n", " ").split(". ") if len(s) > 40]
    return sentences or ["The patient takes lisinopril 10 mg daily for hypertension."]


def bench_million(model, step_s: float) -> dict:
    import torch
    from transformers import AutoTokenizer

    from inference.copy_mode import CopyQuotes
    from inference.decoding import Sampler
    from inference.protocol import GenerationParams
    from inference.quote_index import IndexedPage, QuoteIndex

    rng = random.Random(7)
    sentences = _sentences()
    pages, words = [], 0
    while words < MILLION_WORDS:
        text = " ".join(rng.choice(sentences).replace("1", str(rng.randint(1, 9))) for _ in range(20))
        pages.append((IndexedPage(f"D{len(pages) // 50 + 1} p{len(pages) % 50 + 1}"), text))
        words += len(text.split())
    started = time.perf_counter()
    index = QuoteIndex(pages)
    build_s = time.perf_counter() - started
    del index
    # Memory by tracemalloc (numpy reports its arrays to it): the bench process's own peak
    # resident size is that of everything measured before, not of this build.
    tracemalloc.start()
    index = QuoteIndex(pages)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    tokenizer = AutoTokenizer.from_pretrained(model.path, local_files_only=True)
    sampler = Sampler(GenerationParams())
    passage = pages[len(pages) // 2][1][:400]
    ids = tokenizer(' "' + passage, add_special_tokens=False)["input_ids"]
    vocabulary = len(tokenizer)

    def steps(real_token_logit: float) -> float:
        """Median seconds of a step inside a quote: the passage's real next token at this logit
        among random others (50: the model's first choice; -50: below all of its top 32, so every
        candidate is checked and Casefile writes the page's next word)."""
        taken = []
        for trial in range(3):
            copy = CopyQuotes(index, tokenizer, {tokenizer.eos_token_id})
            generated = list(ids[:1])
            copy.quoting, copy.quote, copy.rows = True, "", (0, index.rows)
            for token in ids[1:60]:
                logits = torch.randn(vocabulary, generator=torch.Generator().manual_seed(trial))
                logits[token] = real_token_logit
                started = time.perf_counter()
                chosen = copy.next_tokens(logits, sampler, generated)
                taken.append(time.perf_counter() - started)
                generated += chosen
                if not copy.quoting:
                    break
        return statistics.median(taken)

    best, worst = steps(50.0), steps(-50.0)
    return {"words": index.words, "pages": len(pages), "characters": len(index.text),
            "index_build_s": round(build_s, 2), "index_build_peak_mib": round(peak / 2**20, 1),
            "index_kept_mib": round(kept / 2**20, 1),
            "constrained_step_ms": round(best * 1000, 3),
            "constrained_step_all_candidates_ms": round(worst * 1000, 3),
            "model_decode_step_ms": round(step_s * 1000, 2),
            "projected_constrained_vs_free": round(step_s / (step_s + best), 3),
            "projected_constrained_vs_free_all_candidates": round(step_s / (step_s + worst), 3)}


def bench_quotes() -> dict:
    from app.models.store import prepare_embedded

    model = prepare_embedded()
    decode = bench_decode(model)
    step_s = 1 / decode["free_tokens_per_s"] if decode["free_tokens_per_s"] else 0.02
    return {"decode": decode, "million_tokens": bench_million(model, step_s)}


if __name__ == "__main__":  # this part alone, its figures merged into bench-results.json
    import json
    import tempfile

    from tests.bench.setting import prepare_home, write_results

    with tempfile.TemporaryDirectory(prefix="casefile-bench-quotes-") as folder:
        prepare_home(Path(folder))
        figures = bench_quotes()
    out = ROOT / "bench-results.json"
    kept = tuple(json.loads(out.read_text(encoding="utf-8"))) if out.is_file() else ()
    write_results(out, {"quotes": figures}, keep=kept)
    print(json.dumps(figures, indent=2))
