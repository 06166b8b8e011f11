"""What each file of a model folder must be before Casefile trusts it (``importing`` runs these).

A vendor's folder is untrusted input, and everything the worker later parses passes here first,
with the limits below: JSON within a size and a nesting depth (counted on the bytes before any
parser recurses), safetensors headers whose every tensor is described exactly as the safetensors
loader will check it, a weights index that names only the folder's own weight files, and chat
templates that render a short conversation within bounds of time, size and memory (a trial in a
child process: ``inference.template_guard``). Every refusal is one sentence naming the file, with
names from the folder shown escaped, and ends "nothing was copied".
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path
from typing import Any

from app.models.signing import ModelRefused
from app.safe_text import shown
from inference import template_trial

MiB = 1 << 20
JSON_MAX_BYTES = 16 * MiB  # config, generation, tokenizer_config (Gemma 3's is ~1.2 MB), special tokens
TOKENIZER_MAX_BYTES = 128 * MiB  # tokenizer.json, vocab.json, merges.txt: Qwen's is ~11 MB, Gemma 3's ~33 MB
INDEX_MAX_BYTES = 64 * MiB  # model.safetensors.index.json: ~9 MB for a 90,000-tensor model
TEMPLATE_MAX_BYTES = 1 * MiB  # a chat template: real ones are 1-30 KB
MANIFEST_MAX_BYTES = 16 * MiB  # SHA256SUMS, casefile-manifest.json and their signatures
MAX_JSON_DEPTH = 64  # real files nest under 10 levels; the tokenizers library stops at 128
MAX_HEADER = 100_000_000  # the safetensors library's own limit on a header
BIG_FILES = {"tokenizer.json": TOKENIZER_MAX_BYTES, "vocab.json": TOKENIZER_MAX_BYTES,
             "merges.txt": TOKENIZER_MAX_BYTES, "model.safetensors.index.json": INDEX_MAX_BYTES,
             "chat_template.jinja": TEMPLATE_MAX_BYTES}
DTYPE_BITS = {"BOOL": 8, "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6, "U8": 8, "I8": 8, "F8_E5M2": 8, "F8_E4M3": 8,
              "F8_E8M0": 8, "F8_E4M3FNUZ": 8, "F8_E5M2FNUZ": 8, "I16": 16, "U16": 16, "F16": 16, "BF16": 16,
              "I32": 32, "U32": 32, "F32": 32, "C64": 64, "F64": 64, "I64": 64, "U64": 64}
SPECIAL_TOKENS = ("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token")
NOTHING_COPIED = "nothing was copied."


def named(text: str) -> str:
    """A name from the folder, safe to print on one line (escaped, cut at 120 characters)."""
    return shown(text, 120)


def refuse(what: Path | str, reason: str) -> ModelRefused:
    """``what`` (a file, or already shown text such as "x's header") ``reason``; nothing was copied."""
    label = named(what.name) if isinstance(what, Path) else what
    return ModelRefused(f"{label} {reason}; {NOTHING_COPIED}")


# ----- JSON and text ---------------------------------------------------------------------------

_SCAN_CHUNK = 4 * MiB


def json_nesting(data: bytes) -> int | None:
    """How deeply ``data`` nests arrays and objects, or None when its brackets or quotes do not
    pair up (so it is not JSON). Counted on the bytes, vectorised, in a few linear passes: nothing
    recurses and nothing is slow, whatever the input."""
    import numpy as np

    # Escapes first: a run of backslashes pairs up left to right, so drop the pairs, then the
    # escaped quotes. What is left of every string is its quotes and text without a quote.
    codes = np.frombuffer(data.replace(b"\\\\", b"").replace(b'\\"', b""), dtype=np.uint8)
    open_quote, depth, deepest = 0, 0, 0
    for start in range(0, len(codes), _SCAN_CHUNK):
        chunk = codes[start:start + _SCAN_CHUNK]
        quote = chunk == 0x22
        inside = ((np.cumsum(quote, dtype=np.int32) + open_quote) & 1).astype(bool)
        open_quote = (open_quote + int(np.count_nonzero(quote))) & 1
        step = ((chunk == 0x5B) | (chunk == 0x7B)).astype(np.int32)
        step -= (chunk == 0x5D) | (chunk == 0x7D)
        step[inside] = 0
        levels = np.cumsum(step, dtype=np.int32) + depth
        if int(levels.min()) < 0:
            return None
        deepest, depth = max(deepest, int(levels.max())), int(levels[-1])
    return None if depth or open_quote else deepest


def read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise refuse(path, f"is {size:,} bytes, over the {limit // MiB:,} MB Casefile accepts for it")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)  # the file may have grown since: never read past the limit
    if len(data) > limit:
        raise refuse(path, f"is over the {limit // MiB:,} MB Casefile accepts for it")
    return data


def parse_json(path: Path | str, data: bytes, *, pairs_hook: Any = None) -> Any:
    depth = json_nesting(data)
    if depth is None:
        raise refuse(path, "is not valid JSON (its brackets do not pair up)")
    if depth > MAX_JSON_DEPTH:
        raise refuse(path, f"nests {depth:,} levels deep, past the {MAX_JSON_DEPTH} Casefile accepts (real "
                           "model files nest under 10)")
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=pairs_hook)
    except UnicodeDecodeError:
        raise refuse(path, "is not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise refuse(path, f"is not valid JSON ({shown(str(exc), 80)})") from None


def load_json(path: Path) -> Any:
    """A JSON file of the folder, within its size and depth limits, or ModelRefused."""
    return parse_json(path, read_limited(path, BIG_FILES.get(path.name, JSON_MAX_BYTES)))


def read_text(path: Path, limit: int | None = None) -> str:
    data = read_limited(path, limit or BIG_FILES.get(path.name, JSON_MAX_BYTES))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise refuse(path, "is not UTF-8 text") from None


def check_json(path: Path) -> Any:
    data = load_json(path)
    if isinstance(data, dict) and ("auto_map" in data or "auto_map" in (data.get("text_config") or {})):
        raise ModelRefused(f"{named(path.name)} has an auto_map: it asks to run code shipped with the model, "
                           "which Casefile never does. Nothing was copied.")
    return data


def check_index(path: Path, names: set[str]) -> None:
    """transformers opens each file the index's weight_map names, joined to the folder: only the
    folder's own .safetensors files may be named (never ``../elsewhere``)."""
    index = load_json(path)
    weight_map = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(weight_map, dict):
        raise refuse(path, "has no weight_map table")
    for tensor, file in weight_map.items():
        if not isinstance(file, str) or file not in names or not file.endswith(".safetensors"):
            raise refuse(path, f"maps tensor {named(str(tensor))} to {named(str(file))}, which is not a "
                               "weights file of the folder")


# ----- safetensors -----------------------------------------------------------------------------

def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise ValueError(f"{twice!r} appears twice")
    return table


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_safetensors(path: Path) -> None:
    """The header must be JSON whose tensors tile the data exactly, as the safetensors loader
    requires: each with a known dtype, a shape of non-negative whole numbers and [start, end]
    offsets whose span is the shape's size; sorted by start, each begins where the last ended,
    from 0 to the end of the file. No name appears twice."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        raw = handle.read(8)
        if len(raw) < 8:
            raise refuse(path, "is too short to be safetensors")
        (length,) = struct.unpack("<Q", raw)
        if length > size - 8:
            raise refuse(f"{named(path.name)}'s header", f"claims {length:,} bytes, more than the file holds")
        if length > MAX_HEADER:
            raise refuse(path, f"has a header of {length:,} bytes, over the {MAX_HEADER:,} the safetensors "
                               "format allows")
        data = handle.read(length)
    header = parse_json(f"{named(path.name)}'s header", data, pairs_hook=_unique_keys)
    if not isinstance(header, dict):
        raise refuse(path, "has a header that is not a table of tensors")
    metadata = header.pop("__metadata__", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise refuse(path, "has __metadata__ that is not a table of texts")
    data_bytes = size - 8 - length
    spans = sorted((*_span(path, name, tensor, data_bytes), name) for name, tensor in header.items())
    end_of_last, last = 0, ""
    for begin, end, name in spans:
        if begin != end_of_last:
            what = f"overlaps tensor {named(last)}" if begin < end_of_last else "leaves a gap before it"
            raise refuse(f"{named(path.name)}: tensor {named(name)}", f"{what} (bytes {begin:,} to {end:,})")
        end_of_last, last = end, name
    if end_of_last != data_bytes:
        raise refuse(path, f"holds {data_bytes - end_of_last:,} bytes that no tensor describes")


def _span(path: Path, name: str, tensor: Any, data_bytes: int) -> tuple[int, int]:
    label = f"{named(path.name)}: tensor {named(name)}"
    try:
        begin, end = tensor["data_offsets"]
        shape, dtype = tensor["shape"], tensor["dtype"]
        if not isinstance(shape, list) or not all(map(_whole, (begin, end, *shape))):
            raise TypeError("offsets and shape must be non-negative whole numbers")
        bits = math.prod(shape) * DTYPE_BITS[dtype]
    except (KeyError, TypeError, ValueError):
        raise refuse(label, "is described wrongly (its dtype, or a shape or offset that is not a "
                            "non-negative whole number)") from None
    if not (begin <= end <= data_bytes) or bits % 8 or end - begin != bits // 8:
        raise refuse(label, "points outside the file or does not match its shape")
    return begin, end


# ----- chat templates --------------------------------------------------------------------------

def chat_templates(source: Path) -> dict[str, str]:
    """Every chat template the folder carries (transformers picks one of them): name → text."""
    found: dict[str, str] = {}
    if (source / "chat_template.jinja").is_file():
        found["chat_template.jinja"] = read_text(source / "chat_template.jinja")
    for file in ("chat_template.json", "tokenizer_config.json"):
        path = source / file
        data = load_json(path) if path.is_file() else None
        templates = data.get("chat_template") if isinstance(data, dict) else None
        if isinstance(templates, str):
            found[file] = templates
        elif isinstance(templates, list):
            for entry in templates:
                text = entry.get("template") if isinstance(entry, dict) else None
                if not isinstance(text, str):
                    raise refuse(path, "has a chat_template entry without a template")
                found[f"{file} ({shown(str(entry.get('name')), 40)})"] = text
        elif templates is not None:
            raise refuse(path, "has a chat_template that is not text")
    for name, text in found.items():
        if len(text.encode("utf-8")) > TEMPLATE_MAX_BYTES:
            raise ModelRefused(f"The chat template in {name} is over {TEMPLATE_MAX_BYTES // MiB} MB; "
                               f"{NOTHING_COPIED}")
    return found


def special_tokens(source: Path) -> dict[str, str]:
    """The tokens transformers hands a template as variables (bos_token, ...), as text."""
    tokens: dict[str, str] = {}
    for file in ("special_tokens_map.json", "tokenizer_config.json"):
        data = load_json(source / file) if (source / file).is_file() else None
        for key in SPECIAL_TOKENS if isinstance(data, dict) else ():
            value = data.get(key)
            value = value.get("content") if isinstance(value, dict) else value
            if isinstance(value, str):
                tokens[key] = value
    return tokens


def check_chat_templates(source: Path) -> None:
    """Each template renders a short conversation in a child process within the trial's limits
    (time, size, memory), or the folder is refused saying which limit it broke."""
    templates = chat_templates(source)
    if not templates:
        return
    result = template_trial.trial_render(templates, special_tokens(source))
    if result.refusal:
        raise ModelRefused(f"The chat template was refused: {shown(result.refusal, 300)}; {NOTHING_COPIED}")
