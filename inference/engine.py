"""The transformers engine that runs inside the worker process (the only place torch lives).

Loads a model from a local folder only (safetensors, no remote code), prefills in chunks with
``logits_to_keep=1`` (a long prompt never materialises a full logits tensor), reporting progress
and honouring cancel between chunks, then decodes one token at a time, checking for cancel
between steps. With a ``Prefix`` the documents' part of the prompt is prefilled once and kept
(``inference.prefix_cache``): later questions pay only for their own tokens; its sealed disk
copy is written after the answer (``seal_pending``), not before the first token.

On a CPU that multiplies bf16 natively the engine runs ``inference.cpu_kernels``' fast path
(bf16 weights, 4-bit decode copies, packed decode attention) unless ``precision="exact"``; the
cache grows in place (``inference.kv_cache``). Each answer's timings name what ran.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer, DynamicCache
from transformers.utils import logging as hf_logging

from inference import cpu_kernels, kv_cache, prefix_cache, template_guard
from inference import protocol as p
from inference.copy_mode import CopyQuotes
from inference.decoding import Sampler, TextStream, stop_at
from inference.quote_index import IndexedPage, QuoteIndex

log = logging.getLogger("casefile.worker")
hf_logging.disable_progress_bar()

PREFILL_CHUNK_CPU = 2048
PREFILL_CHUNK_GPU = 16384
FORCED_ROOM = 64  # cache room past max_new_tokens: a citation Casefile writes may run over
PRECISIONS = ("auto", "exact")  # auto: the fast path where the hardware has one; exact: fp32 on CPU

ProgressCallback = Callable[[int, int], None]


class ModelLoadError(Exception):
    pass


class ContextOverflow(Exception):
    pass


class MemoryPlanExceeded(Exception):
    """The context would not fit in the memory that is free now: refused before any allocation."""


def free_memory_bytes() -> int:
    """Free memory where the cache lives: all visible GPUs together, else the machine's RAM."""
    if torch.cuda.is_available():
        return sum(torch.cuda.mem_get_info(i)[0] for i in range(torch.cuda.device_count()))
    import psutil

    return int(psutil.virtual_memory().available)


@dataclass(frozen=True)
class GenerationResult:
    finish_reason: str
    text: str
    timings: p.Timings


@dataclass
class PrefixState:
    key: tuple[str, str]  # (cache id, token ids hash)
    cache: DynamicCache
    snapshot: prefix_cache.Snapshot


@dataclass(frozen=True)
class PendingSeal:
    """A freshly prefilled prefix to write to disk once the answer is out."""

    path: Path
    identity: prefix_cache.CacheIdentity
    key: bytes


def describe_device() -> str:
    if torch.cuda.is_available():
        names = {torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())}
        return f"cuda x{torch.cuda.device_count()} ({', '.join(sorted(names))})"
    return f"cpu ({torch.get_num_threads()} threads)"


def _text_config(config):  # composite (vision-language) configs keep the LM in text_config
    return getattr(config, "text_config", None) or config


def with_yarn(config, factor: float) -> None:
    """Static YaRN: the full rope dict (a partial one loses rope_theta and the mrope keys), and a
    window of factor x the original so transformers does not warn about the mismatch."""
    text = _text_config(config)
    native = int(text.max_position_embeddings)
    rope = dict(getattr(text, "rope_parameters", None) or {})
    rope.update(rope_type="yarn", factor=float(factor), original_max_position_embeddings=native)
    text.rope_parameters = rope
    text.max_position_embeddings = int(native * factor)


class TransformersEngine:
    def __init__(self, model, tokenizer, model_id: str, load_s: float = 0.0, *,
                 weights_sha256: str = "", prefill_chunk: int = 0,
                 kernels: cpu_kernels.Kernels | None = None) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.weights_sha256 = weights_sha256
        self.load_s = load_s
        self.window = int(getattr(_text_config(model.config), "max_position_embeddings", 0) or 0)
        self.dtype_name = str(model.dtype).removeprefix("torch.")
        self.device = str(model.device)
        self.prefill_chunk = prefill_chunk or (PREFILL_CHUNK_GPU if model.device.type == "cuda"
                                               else PREFILL_CHUNK_CPU)
        self.eos_ids = self._eos_ids()
        self.prefix: PrefixState | None = None
        self.pending_seal: PendingSeal | None = None
        self.kernels = kernels or _plain_kernels(model)
        self._prefix_ids: tuple[str, list[int]] | None = None  # (prefix text, its token ids)
        self._quote_index: tuple[str, QuoteIndex] | None = None  # (grounding key, its index)
        # transformers 5.x renames forward's ``past_key_values`` to ``cache`` (the old name warns)
        parameters = inspect.signature(model.forward).parameters
        self._cache_argument = "cache" if "cache" in parameters else "past_key_values"

    @classmethod
    def load(cls, path: str | Path, model_id: str, device: str = "auto", *, weights_sha256: str = "",
             prefill_chunk: int = 0, rope_factor: float = 1.0,
             precision: str = "auto") -> TransformersEngine:
        path = Path(path)
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"no config.json in model folder {path}")
        if not any(path.glob("*.safetensors")):
            raise ModelLoadError(f"no .safetensors weights in model folder {path}")
        if precision not in PRECISIONS:
            raise ModelLoadError(f"unknown precision {precision!r} (one of {', '.join(PRECISIONS)})")
        on_gpu = torch.cuda.is_available() and device != "cpu"
        fast_cpu = not on_gpu and precision == "auto" and cpu_kernels.bf16_is_fast()
        started = time.perf_counter()
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            config = AutoConfig.from_pretrained(path, local_files_only=True, trust_remote_code=False)
            if rope_factor > 1:
                with_yarn(config, rope_factor)
            model = AutoModelForCausalLM.from_pretrained(
                path, config=config, local_files_only=True, use_safetensors=True, trust_remote_code=False,
                dtype=torch.bfloat16 if on_gpu or fast_cpu else torch.float32,
                device_map="auto" if on_gpu else None,
                **({"attn_implementation": cpu_kernels.ATTENTION} if fast_cpu else {}),
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelLoadError(f"cannot load model from {path}: {exc}") from exc
        model.eval()
        kernels = None
        if fast_cpu:
            int4, linears = cpu_kernels.add_int4_decode(model)
            decode = f"int4-g{cpu_kernels.GROUP} ({int4} of {linears} layers)" if int4 else "bf16"
            kernels = cpu_kernels.Kernels("fast", "bf16", decode, cpu_kernels.ATTENTION,
                                          _linear_attention_kernels(model))
        load_s = time.perf_counter() - started
        engine = cls(model, tokenizer, model_id, load_s, weights_sha256=weights_sha256,
                     prefill_chunk=prefill_chunk, kernels=kernels)
        log.info("loaded %s in %.1f s on %s: %s", model_id, load_s, model.device, engine.kernels.describe())
        return engine

    def _eos_ids(self) -> set[int]:
        ids: set[int] = set()
        sources = (self.model.generation_config.eos_token_id,
                   self.tokenizer.eos_token_id if self.tokenizer is not None else None)
        for source in sources:
            if isinstance(source, int):
                ids.add(source)
            elif source:
                ids.update(source)
        return ids

    # ----- prompts ------------------------------------------------------------------------

    def _ids(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def render(self, messages: Sequence[dict[str, str]]) -> str:
        """The chat prompt, as ``tokenizer.apply_chat_template(..., tokenize=False,
        add_generation_prompt=True)`` renders it, but bounded: the template is the vendor's code, so it
        renders in ``inference.template_guard``'s environment (transformers' own, with limits of time,
        size and memory scaled to the conversation). Past them: ``TemplateLimitExceeded``, one line."""
        try:
            return template_guard.render_chat(self.tokenizer.get_chat_template(), messages,
                                              special_tokens=self.tokenizer.special_tokens_map,
                                              limits=template_guard.ask_limits(messages))
        except template_guard.TemplateLimitExceeded as exc:
            stopped = f"the model's chat template was stopped: {exc}"
            raise template_guard.TemplateLimitExceeded(stopped) from None

    def encode(self, messages: Sequence[dict[str, str]],
               prefix_text: str | None) -> tuple[list[int], list[int]]:
        """The chat prompt's token ids, split after ``prefix_text`` (all in the second part if None)."""
        rendered = self.render(messages)
        if prefix_text is None:
            return [], self._ids(rendered)
        at = rendered.find(prefix_text)
        if at < 0:
            raise ValueError("the prefix text is not in the rendered prompt")
        cut = at + len(prefix_text)
        head = rendered[:cut]
        if self._prefix_ids is None or self._prefix_ids[0] != head:  # 6,000 tokens: ~50 ms saved
            self._prefix_ids = (head, self._ids(head))
        return self._prefix_ids[1], self._ids(rendered[cut:])

    def kv_bytes_per_token(self) -> int:
        text = _text_config(self.model.config)
        layer_types = getattr(text, "layer_types", None) or ["full_attention"] * text.num_hidden_layers
        full = sum(1 for t in layer_types if t == "full_attention")
        heads = text.num_attention_heads
        kv_heads = getattr(text, "num_key_value_heads", None) or heads
        head_dim = getattr(text, "head_dim", None) or text.hidden_size // heads
        return full * 2 * kv_heads * head_dim * self.model.dtype.itemsize

    def check_memory(self, tokens: int, kept: int = 0) -> None:
        """Refuse, with numbers, a context whose cache would not fit in the free memory."""
        needed = self.kv_bytes_per_token() * max(0, tokens - kept)
        free = free_memory_bytes()
        if needed > free * 0.9:  # leave room for activations
            raise MemoryPlanExceeded(
                f"{tokens:,} tokens need about {needed / 2**30:.1f} GiB of cache but {free / 2**30:.1f} GiB "
                f"are free: leave out documents, use a quantized KV cache, or a remote model server")

    # ----- the forward passes -------------------------------------------------------------

    def forward(self, ids: list[int], start: int, cache: DynamicCache) -> torch.Tensor:
        """Logits at the last of ``ids``, fed at positions ``start``.. onto ``cache``."""
        input_ids = torch.tensor([ids], device=self.model.device)
        positions = torch.arange(start, start + len(ids), device=self.model.device)[None]
        out = self.model(input_ids=input_ids, position_ids=positions, use_cache=True, logits_to_keep=1,
                         **{self._cache_argument: cache})
        return out.logits[0, -1].float()

    def prefill(self, ids: list[int], start: int, cache: DynamicCache, should_stop: Callable[[], bool],
                on_progress: ProgressCallback | None = None) -> torch.Tensor | None:
        """Feed ``ids`` in chunks; None when cancelled between chunks."""
        logits = None
        for offset in range(0, len(ids), self.prefill_chunk):
            if should_stop():
                return None
            logits = self.forward(ids[offset:offset + self.prefill_chunk], start + offset, cache)
            if on_progress:
                on_progress(min(offset + self.prefill_chunk, len(ids)), len(ids))
        return logits

    # ----- the prefix ---------------------------------------------------------------------

    def prefix_state(self, prefix_ids: list[int], spec: p.Prefix, should_stop: Callable[[], bool],
                     on_progress: ProgressCallback | None = None,
                     room: int = 0) -> tuple[PrefixState | None, str]:
        """The prefix's cache from memory, from disk, or prefilled now (then kept, and sealed to
        disk by ``seal_pending`` after the answer), with room for ``room`` tokens in all."""
        key = (spec.cache_id, prefix_cache.ids_hash(prefix_ids))
        if self.prefix is not None and self.prefix.key == key:
            kv_cache.reserve(self.prefix.cache, room)
            return self.prefix, "memory"
        self.seal_pending()  # the case in memory goes: write its copy first if it is still due
        self.prefix = None  # one case in memory at a time
        identity = prefix_cache.CacheIdentity(self.model_id, self.weights_sha256, self.dtype_name, key[1],
                                              len(prefix_ids), self.kernels.describe())
        path = Path(spec.cache_dir) / f"{spec.cache_id}.kv" if spec.cache_dir and spec.cache_id else None
        cache_key = bytes.fromhex(spec.cache_key) if spec.cache_key else None
        cache, source = None, "disk"
        if path is not None and cache_key is not None:
            cache = prefix_cache.load(path, identity, cache_key, self.model.config, self.model.device,
                                      room=room)
        if cache is None:
            cache, source = kv_cache.new_cache(self.model.config), "prefill"
            kv_cache.reserve(cache, room)
            if self.prefill(prefix_ids, 0, cache, should_stop, on_progress) is None:
                return None, source
            if path is not None and cache_key is not None:
                self.pending_seal = PendingSeal(path, identity, cache_key)
        self.prefix = PrefixState(key, cache, prefix_cache.Snapshot(cache, len(prefix_ids)))
        return self.prefix, source

    def seal_pending(self) -> None:
        """Write the prefix prefilled for the last answer to disk (once; a full disk costs only the
        copy: the case is read again next time). The worker calls this after sending the answer."""
        pending, self.pending_seal = self.pending_seal, None
        if pending is None or self.prefix is None:
            return
        try:
            started = time.perf_counter()
            size = prefix_cache.save(pending.path, self.prefix.cache, pending.identity, pending.key)
            log.info("prefix cache sealed: %d tokens, %.1f MiB in %.2f s", pending.identity.length,
                     size / 2**20, time.perf_counter() - started)
        except (OSError, OverflowError, MemoryError) as exc:  # e.g. a full disk: the answer is out
            log.warning("prefix cache not saved (%s); the case will be read again next time",
                        type(exc).__name__)

    # ----- generation ---------------------------------------------------------------------

    @torch.inference_mode()
    def generate(
        self,
        messages: Sequence[dict[str, str]],
        params: p.GenerationParams,
        *,
        on_token: Callable[[str], None],
        should_stop: Callable[[], bool],
        on_progress: ProgressCallback | None = None,
        prefix: p.Prefix | None = None,
        grounding: p.Grounding | None = None,
    ) -> GenerationResult:
        started = time.perf_counter()
        prefix_ids, ids = self.encode(messages, prefix.text if prefix else None)
        total = len(prefix_ids) + len(ids)
        answer_room = params.max_new_tokens + (FORCED_ROOM if grounding else 0)
        if self.window and total + answer_room > self.window:
            raise ContextOverflow(f"{total:,} prompt tokens + {answer_room:,} answer tokens exceed "
                                  f"the {self.window:,}-token window")
        self.check_memory(total + answer_room, kept=len(prefix_ids) if self.prefix else 0)
        copy = self.copy_constraint(grounding) if grounding is not None else None
        state, room = None, total + answer_room
        if prefix is None:
            cache, source, prefilled = kv_cache.new_cache(self.model.config), "prefill", len(ids)
            kv_cache.reserve(cache, room)
        else:
            state, source = self.prefix_state(prefix_ids, prefix, should_stop, on_progress, room=room)
            if state is None:
                return GenerationResult(p.FINISH_CANCELLED, "", p.Timings(prefill_tokens=len(prefix_ids)))
            cache = state.cache
            prefilled = len(ids) + (len(prefix_ids) if source == "prefill" else 0)
        try:
            logits = self.prefill(ids, len(prefix_ids), cache, should_stop, on_progress)
            if logits is None:
                return GenerationResult(p.FINISH_CANCELLED, "", p.Timings(prefill_tokens=prefilled))
            ttft = time.perf_counter() - started
            finish, text, decoded, decode_s = self._decode(logits, total, cache, params, on_token,
                                                           should_stop, copy)
        finally:
            if state is not None:
                state.snapshot.restore(cache)  # rewind to the documents for the next question
        return GenerationResult(finish, text, p.Timings(
            prefill_tokens=prefilled, ttft_s=round(ttft, 4), decode_tokens=decoded,
            decode_tokens_per_s=round(decoded / decode_s, 2) if decode_s > 0 else 0.0, prefix_source=source,
            kernels=self.kernels.describe(), quotes="copied" if copy else "",
            quotes_copied=len(copy.copied) if copy else 0, forced_tokens=copy.forced if copy else 0))

    def copy_constraint(self, grounding: p.Grounding) -> CopyQuotes:
        """The copy constraint over the grounding's pages; its index is built once per key."""
        if self._quote_index is None or not grounding.key or self._quote_index[0] != grounding.key:
            started = time.perf_counter()
            lines = dict(grounding.lines)
            index = QuoteIndex([(IndexedPage(citation, lines.get(number, ())), text)
                                for number, (citation, text) in enumerate(grounding.pages)])
            self._quote_index = (grounding.key, index)
            log.info("quote index: %d pages, %d words in %.2f s", len(grounding.pages), index.words,
                     time.perf_counter() - started)
        return CopyQuotes(self._quote_index[1], self.tokenizer, self.eos_ids)

    def _decode(self, logits, position, cache, params, on_token, should_stop, copy: CopyQuotes | None = None):
        sampler = Sampler(params)
        generated: list[int] = []
        stream = TextStream(self.tokenizer)
        finish = p.FINISH_LENGTH
        started = time.perf_counter()
        while len(generated) < params.max_new_tokens:
            chosen = copy.next_tokens(logits, sampler, generated) if copy else [sampler.next_token(logits)]
            if chosen[0] in self.eos_ids:
                finish = p.FINISH_STOP
                break
            generated.extend(chosen)
            if piece := stream.push(generated):
                on_token(piece)
            if params.stop and stop_at(stream.text, params.stop) is not None:
                finish = p.FINISH_STOP
                break
            if should_stop():
                finish = p.FINISH_CANCELLED
                break
            logits = self.forward(chosen, position, cache)
            position += len(chosen)
        decode_s = time.perf_counter() - started
        if tail := stream.flush(generated):
            on_token(tail)
        text = stream.text
        if params.stop and (cut := stop_at(text, params.stop)) is not None:
            text = text[:cut]
        return finish, text, len(generated), decode_s


def _linear_attention_kernels(model) -> str:
    """Which kernels Qwen3.5's Gated DeltaNet layers run: flash-linear-attention's ("fla", which
    transformers takes when ``fla.ops.gated_delta_rule`` imports: requirements-gpu.txt), with
    causal-conv1d's short convolution where it is installed, or the slow torch fallback; "" for a
    model without such layers. Part of every sealed cache's identity: the kernels differ in the
    last bits, so a cache is only reused on the kernels that made it."""
    layer_types = getattr(_text_config(model.config), "layer_types", None) or []
    if "linear_attention" not in layer_types:
        return ""
    found = []
    for module, name in (("fla.ops.gated_delta_rule", "fla"), ("causal_conv1d", "causal-conv1d")):
        try:
            importlib.import_module(module)
            found.append(name)
        except Exception:  # noqa: BLE001 - absent, or present without triton/CUDA: transformers falls back
            continue
    return " + ".join(found) if found else "torch"


def _plain_kernels(model) -> cpu_kernels.Kernels:
    dtype = str(model.dtype).removeprefix("torch.")
    dtype = {"float32": "fp32", "bfloat16": "bf16", "float16": "fp16"}.get(dtype, dtype)
    exact = dtype == "fp32"
    return cpu_kernels.Kernels("exact" if exact else "fast", dtype, dtype,
                               getattr(model.config, "_attn_implementation", None) or "sdpa",
                               _linear_attention_kernels(model))
