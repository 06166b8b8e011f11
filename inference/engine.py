"""The transformers engine that runs inside the worker process (the only place torch lives).

Loads a model from a local folder only (safetensors, no remote code), prefills the prompt in
chunks with ``logits_to_keep=1`` (so a long prompt never materialises a full logits tensor),
then decodes one token at a time, checking for cancellation between steps.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, DynamicCache
from transformers.utils import logging as hf_logging

from inference import protocol as p

log = logging.getLogger("casefile.worker")
hf_logging.disable_progress_bar()

PREFILL_CHUNK_CPU = 2048
PREFILL_CHUNK_GPU = 16384


class ModelLoadError(Exception):
    pass


class ContextOverflow(Exception):
    pass


@dataclass(frozen=True)
class GenerationResult:
    finish_reason: str
    text: str
    timings: p.Timings


def describe_device() -> str:
    if torch.cuda.is_available():
        names = {torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())}
        return f"cuda x{torch.cuda.device_count()} ({', '.join(sorted(names))})"
    return f"cpu ({torch.get_num_threads()} threads)"


def _text_config(config):  # composite (vision-language) configs keep the LM in text_config
    return getattr(config, "text_config", None) or config


class TransformersEngine:
    def __init__(self, model, tokenizer, model_id: str, load_s: float) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.load_s = load_s
        self.window = int(getattr(_text_config(model.config), "max_position_embeddings", 0) or 0)
        self.dtype_name = str(model.dtype).removeprefix("torch.")
        self.device = str(model.device)
        self.eos_ids = self._eos_ids()

    @classmethod
    def load(cls, path: str | Path, model_id: str, device: str = "auto") -> TransformersEngine:
        path = Path(path)
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"no config.json in model folder {path}")
        if not any(path.glob("*.safetensors")):
            raise ModelLoadError(f"no .safetensors weights in model folder {path}")
        on_gpu = torch.cuda.is_available() and device != "cpu"
        started = time.perf_counter()
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModelForCausalLM.from_pretrained(
                path,
                local_files_only=True,
                use_safetensors=True,
                trust_remote_code=False,
                dtype=torch.bfloat16 if on_gpu else torch.float32,
                device_map="auto" if on_gpu else None,
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"cannot load model from {path}: {exc}") from exc
        model.eval()
        load_s = time.perf_counter() - started
        log.info("loaded %s in %.1f s on %s", model_id, load_s, model.device)
        return cls(model, tokenizer, model_id, load_s)

    def _eos_ids(self) -> set[int]:
        ids: set[int] = set()
        for source in (self.model.generation_config.eos_token_id, self.tokenizer.eos_token_id):
            if isinstance(source, int):
                ids.add(source)
            elif source:
                ids.update(source)
        return ids

    def encode_chat(self, messages: Sequence[dict[str, str]]) -> torch.Tensor:
        encoded = self.tokenizer.apply_chat_template(
            list(messages), add_generation_prompt=True, return_dict=True, return_tensors="pt"
        )
        return encoded["input_ids"].to(self.model.device)

    @torch.inference_mode()
    def generate(
        self,
        messages: Sequence[dict[str, str]],
        params: p.GenerationParams,
        *,
        on_token: Callable[[str], None],
        should_stop: Callable[[], bool],
    ) -> GenerationResult:
        input_ids = self.encode_chat(messages)
        n_prompt = input_ids.shape[1]
        if self.window and n_prompt + params.max_new_tokens > self.window:
            raise ContextOverflow(
                f"{n_prompt:,} prompt tokens + {params.max_new_tokens:,} answer tokens exceed "
                f"the {self.window:,}-token window"
            )
        started = time.perf_counter()
        cache = DynamicCache(config=self.model.config)
        logits = self._prefill(input_ids, cache, should_stop)
        if logits is None:
            return GenerationResult(p.FINISH_CANCELLED, "", p.Timings(prefill_tokens=n_prompt))
        ttft = time.perf_counter() - started

        sampler = _Sampler(params)
        generated: list[int] = []
        stream = _TextStream(self.tokenizer)
        finish = p.FINISH_LENGTH
        decode_started = time.perf_counter()
        position = n_prompt
        for _ in range(params.max_new_tokens):
            token = sampler.next_token(logits)
            if token in self.eos_ids:
                finish = p.FINISH_STOP
                break
            generated.append(token)
            piece = stream.push(generated)
            if piece:
                on_token(piece)
            if should_stop():
                finish = p.FINISH_CANCELLED
                break
            logits = self._forward(torch.tensor([[token]], device=self.model.device), position, cache)
            position += 1
        decode_s = time.perf_counter() - decode_started
        tail = stream.flush(generated)
        if tail:
            on_token(tail)
        timings = p.Timings(
            prefill_tokens=n_prompt,
            ttft_s=round(ttft, 4),
            decode_tokens=len(generated),
            decode_tokens_per_s=round(len(generated) / decode_s, 2) if decode_s > 0 else 0.0,
            prefix_source="prefill",
        )
        return GenerationResult(finish, stream.text, timings)

    def _forward(self, ids: torch.Tensor, start: int, cache: DynamicCache) -> torch.Tensor:
        positions = torch.arange(start, start + ids.shape[1], device=ids.device)[None]
        out = self.model(input_ids=ids, past_key_values=cache, position_ids=positions,
                         use_cache=True, logits_to_keep=1)
        return out.logits[0, -1].float()

    def _prefill(self, input_ids: torch.Tensor, cache: DynamicCache,
                 should_stop: Callable[[], bool]) -> torch.Tensor | None:
        chunk = PREFILL_CHUNK_GPU if input_ids.is_cuda else PREFILL_CHUNK_CPU
        logits = None
        for start in range(0, input_ids.shape[1], chunk):
            if should_stop():
                return None
            logits = self._forward(input_ids[:, start:start + chunk], start, cache)
        return logits


class _Sampler:
    """Greedy at temperature 0; otherwise seeded temperature + top-p sampling."""

    def __init__(self, params: p.GenerationParams) -> None:
        self.params = params
        self.generator = torch.Generator().manual_seed(params.seed)

    def next_token(self, logits: torch.Tensor) -> int:
        if self.params.temperature <= 0:
            return int(torch.argmax(logits))
        probs = torch.softmax(logits.cpu() / self.params.temperature, dim=-1)
        if self.params.top_p < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            keep = torch.cumsum(sorted_probs, dim=-1) - sorted_probs < self.params.top_p
            probs = torch.zeros_like(probs).scatter(0, order[keep], sorted_probs[keep])
        return int(torch.multinomial(probs, 1, generator=self.generator))


class _TextStream:
    """Turns a growing list of token ids into new text pieces, holding back split characters."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.text = ""

    def push(self, ids: list[int]) -> str:
        text = self.tokenizer.decode(ids, skip_special_tokens=True)
        if text.endswith("\ufffd"):
            return ""  # a multi-byte character is not complete yet
        return self._advance(text)

    def flush(self, ids: list[int]) -> str:
        return self._advance(self.tokenizer.decode(ids, skip_special_tokens=True))

    def _advance(self, text: str) -> str:
        if not text.startswith(self.text):
            # Decoding can re-merge earlier text; emit nothing rather than a wrong diff.
            self.text = text
            return ""
        piece, self.text = text[len(self.text):], text
        return piece
