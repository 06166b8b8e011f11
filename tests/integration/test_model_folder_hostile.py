"""Hostile model folders (issue #23): a vendor's folder is untrusted input. Each is built from the
tiny model's valid folder and spoiled one way: a safetensors header with negative dimensions,
overlapping tensors or an oversize length; JSON nested 200,000 deep or over its size limit; a chat
template that loops for ever or asks for a 10 GB string. Each is refused with one sentence naming
what and why, with no traceback, and nothing reaches the model store. The chat-template trial
runs in a child process whose time and memory are bounded (measured here), and the worker's own
rendering at ask time is bounded the same way."""

import json
import struct
import sys
import time

import pytest

from app.models import folder_checks
from app.models.importing import ModelRefused, import_model
from inference import template_guard, template_trial
from inference.template_guard import Limits, TemplateLimitExceeded, render_chat
from inference.template_trial import trial_render
from tests.conftest import run_cli

pytestmark = pytest.mark.slow

NESTED_LOOPS = "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}"
SILENT_LOOPS = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
HUGE_STRING = "{{ 'x' * 10**10 }}"
MIB = 1 << 20


def _store_entries(store):
    return sorted(p.name for p in store.iterdir()) if store.exists() else []


def _refused(vault, folder, store, match):
    """The import is refused with one sentence matching ``match``; nothing is left in the store."""
    started = time.monotonic()
    with pytest.raises(ModelRefused, match=match) as caught:
        import_model(vault, folder, store=store)
    message = caught.value.user_message
    assert "\n" not in message and "Traceback" not in message and message.endswith("nothing was copied.")
    assert _store_entries(store) == []
    return message, time.monotonic() - started


# ----- safetensors --------------------------------------------------------------------------

def _rewrite_header(path, change):
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    change(header)
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data[8 + length:])


def _first_tensors(header):
    return sorted((k for k in header if k != "__metadata__"), key=lambda k: header[k]["data_offsets"])


def _negative_dims(header):  # [-49152, -64]: the same product, so the byte count still matches
    tensor = header.pop(_first_tensors(header)[0])
    header["evil\x1b[31m\nname"] = {**tensor, "shape": [-d for d in tensor["shape"]]}


def _overlapping(header):
    first, second = _first_tensors(header)[:2]
    begin, end = header[second]["data_offsets"]
    shift = (end - begin) // 2
    header[second]["data_offsets"] = [begin - shift, end - shift]


def test_negative_dimensions_are_refused_naming_the_tensor_safely(vault, model_folder, tmp_path):
    _rewrite_header(model_folder / "model.safetensors", _negative_dims)
    message, _ = _refused(vault, model_folder, tmp_path / "store", "described wrongly")
    assert "tensor evil\\x1b[31m\\nname" in message and "\x1b" not in message


def test_overlapping_tensors_are_refused(vault, model_folder, tmp_path):
    _rewrite_header(model_folder / "model.safetensors", _overlapping)
    _refused(vault, model_folder, tmp_path / "store", r"model\.safetensors: tensor .* overlaps tensor")


def test_a_header_longer_than_the_format_allows_is_refused(vault, model_folder, tmp_path):
    weights = model_folder / "model.safetensors"
    length = folder_checks.MAX_HEADER + 1
    with weights.open("r+b") as handle:  # a sparse file big enough to hold the claimed header
        handle.write(struct.pack("<Q", length))
        handle.truncate(8 + length + 64)
    _refused(vault, model_folder, tmp_path / "store", "header of 100,000,001 bytes, over the 100,000,000")


def test_a_deeply_nested_header_is_refused_before_it_is_parsed(vault, model_folder, tmp_path):
    raw = b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (model_folder / "model.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw)
    _refused(vault, model_folder, tmp_path / "store", "model.safetensors's header nests 100,001 levels")


def test_an_index_naming_a_file_outside_the_folder_is_refused(vault, model_folder, tmp_path):
    index = {"metadata": {}, "weight_map": {"lm_head.weight": "../../elsewhere.safetensors"}}
    (model_folder / "model.safetensors.index.json").write_text(json.dumps(index))
    _refused(vault, model_folder, tmp_path / "store", "elsewhere.safetensors, which is not a weights file")


# ----- JSON ---------------------------------------------------------------------------------

def test_a_tokenizer_nested_200000_deep_is_refused_by_depth(vault, model_folder, tmp_path):
    nested = b'{"model": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"  # 400 KB
    (model_folder / "tokenizer.json").write_bytes(nested)
    _, seconds = _refused(vault, model_folder, tmp_path / "store", "tokenizer.json nests 200,001 levels")
    assert seconds < 10


def test_json_over_its_size_limit_is_refused(vault, model_folder, tmp_path):
    config = model_folder / "config.json"
    text = config.read_text()
    config.write_text(text + " " * (folder_checks.JSON_MAX_BYTES + 1 - len(text.encode())))
    _refused(vault, model_folder, tmp_path / "store", "config.json is 16,777,217 bytes, over the 16 MB")


def test_a_tokenizer_over_its_size_limit_is_refused(vault, model_folder, tmp_path, monkeypatch):
    monkeypatch.setitem(folder_checks.BIG_FILES, "tokenizer.json", 1 * MIB)  # the real limit is 128 MB
    _refused(vault, model_folder, tmp_path / "store", r"tokenizer.json is [\d,]+ bytes, over the 1 MB")


@pytest.mark.parametrize("name, content, says", [
    ("tokenizer.json", b"[" * 200_000 + b"]" * 200_000, "tokenizer.json nests 200,000 levels deep"),
    ("chat_template.jinja", HUGE_STRING.encode(), "chat_template.jinja: it would build a repeated value"),
])
def test_the_cli_says_one_sentence_without_a_traceback(vault, model_folder, tmp_path, monkeypatch, name,
                                                        content, says):
    monkeypatch.setenv("CASEFILE_MODELS", str(tmp_path / "store"))
    (model_folder / name).write_bytes(content)
    result = run_cli("models", "import", str(model_folder), timeout=120)
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("casefile: ") and says in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert _store_entries(tmp_path / "store") == []


# ----- chat templates: the trial at import ----------------------------------------------------

@pytest.mark.parametrize("template, reason", [
    (NESTED_LOOPS, "would build an output of 1,048,577 characters"),
    (SILENT_LOOPS, "ran longer than 5 s"),
    (HUGE_STRING, "would build a repeated value of 10,000,000,000 characters"),
    ("{{ 'x'.ljust(10**10) }}", "asks for a width or count of 10,000,000,000"),
    ("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     "would build a string of 2,097,152 characters"),
])
def test_a_runaway_chat_template_is_refused_at_import(vault, model_folder, tmp_path, template, reason):
    (model_folder / "chat_template.jinja").write_text(template)
    message, seconds = _refused(vault, model_folder, tmp_path / "store", "The chat template was refused")
    assert f"chat_template.jinja: it {reason}" in message
    assert seconds < 30


def test_a_template_in_tokenizer_config_is_tried_too(vault, model_folder, tmp_path):
    config = model_folder / "tokenizer_config.json"
    config.write_text(json.dumps({**json.loads(config.read_text()),
                                  "chat_template": [{"name": "default", "template": HUGE_STRING}]}))
    message, _ = _refused(vault, model_folder, tmp_path / "store", "The chat template was refused")
    assert "tokenizer_config.json (default): it would build a repeated value" in message


def test_a_template_that_fails_on_a_plain_question_is_refused(vault, model_folder, tmp_path):
    (model_folder / "chat_template.jinja").write_text("{{ raise_exception('System role not supported') }}")
    _refused(vault, model_folder, tmp_path / "store", r"fails on a plain question \(System role not")


def test_the_trial_child_stays_small_and_its_hard_cap_holds():
    """The guard refuses a 10 GB string before it exists: the child's peak stays near an empty
    interpreter's. With the guard's size limit lifted, the child's address-space cap stops it."""
    guarded = trial_render({"t": HUGE_STRING}, {})
    assert "repeated value" in guarded.refusal
    assert guarded.peak_memory is None or guarded.peak_memory < 200 * MIB
    if not sys.platform.startswith("linux"):
        return
    lifted = Limits(max_chars=10**12, max_memory=10**12)
    capped = trial_render({"t": "{{ 'x' * 3 * 10**9 }}"}, {}, limits=lifted, memory_cap=256 * MIB)
    assert capped.refusal == "t: it needed more than 256 MiB of memory"
    assert capped.peak_memory < 400 * MIB


class SlowText:
    """A value whose text takes a minute in plain Python: no check of the guard runs meanwhile,
    so only the parent's kill stops the trial."""

    def __str__(self):
        time.sleep(60)
        return "slow"


def test_the_parent_kills_a_trial_that_stops_answering():
    started = time.monotonic()
    result = trial_render({"t": "{{ bos_token }}"}, {"bos_token": SlowText()}, limits=Limits(seconds=1))
    assert result.refusal == "it ran longer than 1 s (the trial render was stopped)"
    assert time.monotonic() - started < 1 + template_trial.TRIAL_GRACE_S + 20  # startup included


# ----- chat templates: the worker at ask time ------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedded_model):
    from transformers import AutoTokenizer

    from inference.engine import TransformersEngine
    from tests.fixtures.tiny_models import tiny_qwen3_5_moe, write_model_folder

    folder = tmp_path_factory.mktemp("engine") / "tiny"
    write_model_folder(folder, embedded_model.path)
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    return TransformersEngine(tiny_qwen3_5_moe(vocab_size=len(tokenizer.get_vocab())), tokenizer, "tiny")


def test_the_worker_renders_prompts_exactly_as_transformers_does(engine):
    for _must, conversation in template_trial.TRIAL_CONVERSATIONS:
        expected = engine.tokenizer.apply_chat_template(list(conversation), tokenize=False,
                                                        add_generation_prompt=True)
        assert engine.render(conversation) == expected


@pytest.mark.parametrize("template, reason", [
    (NESTED_LOOPS, "would build an output of|ran longer than 2 s"),  # 8 MiB of "x" takes about 2 s
    (SILENT_LOOPS, "ran longer than 2 s"),
    (HUGE_STRING, "would build a repeated value of 10,000,000,000"),
    ("{% set ns = namespace(l=[]) %}{% for i in range(100000) %}"
     "{% set ns.l = ns.l + ['x'.ljust(1000000)] %}{% endfor %}", "took more than 512 MiB"),
])
def test_the_worker_stops_a_runaway_template_at_ask_time(engine, template, reason, monkeypatch):
    import psutil

    real = template_guard.ask_limits
    monkeypatch.setattr(template_guard, "ask_limits", lambda m: Limits(**{**real(m).__dict__, "seconds": 2}))
    original, engine.tokenizer.chat_template = engine.tokenizer.chat_template, template  # as if it got
    rss = psutil.Process().memory_info().rss  # into the store another way: the worker bounds it too
    started = time.monotonic()
    try:
        with pytest.raises(TemplateLimitExceeded, match=reason):
            engine.encode([{"role": "system", "content": "s"}, {"role": "user", "content": "q"}], None)
    finally:
        engine.tokenizer.chat_template = original
    assert time.monotonic() - started < 4
    assert psutil.Process().memory_info().rss - rss < 1024 * MIB


def test_render_chat_keeps_ordinary_templates_working():
    template = ("{% for m in messages %}{{ '<|' ~ m['role'] ~ '|>' + m['content'] | trim }}\n{% endfor %}"
                "{% if add_generation_prompt %}{{ bos_token }}{{ '%s' % 'go' }}{% endif %}"
                "{{ {'a': [1, 2]} | tojson(indent=2) | length }}{{ 'ab'.join(['x', 'y']) }}")
    out = render_chat(template, [{"role": "user", "content": " hi "}], special_tokens={"bos_token": "<s>"})
    assert out == "<|user|>hi\n<s>go" + str(len(json.dumps({"a": [1, 2]}, indent=2))) + "xaby"
