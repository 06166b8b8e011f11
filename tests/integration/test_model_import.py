"""Importing a model folder from removable media: a valid one is copied and checked; anything that
could run code or lies about itself is refused with a clear reason, and nothing half-imported stays."""

import json
import struct

import pytest

from app.errors import UserFacingError
from app.models.importing import ModelRefused, check_safetensors, import_model
from app.models.store import list_models
from inference.manifest import write_manifest
from storage.audit import iter_events

pytestmark = pytest.mark.slow


def _store_entries(store):
    return sorted(p.name for p in store.iterdir()) if store.exists() else []


def test_a_valid_folder_is_imported_checked_and_audited(vault, model_folder, tmp_path):
    store = tmp_path / "store"
    seen = []
    model = import_model(vault, model_folder, store=store, on_progress=seen.append)
    assert model.model_id == "tiny-qwen" and model.license == "apache-2.0" and model.window == 65536
    assert seen and seen[-1].bytes_done == seen[-1].bytes_total
    assert [m.model_id for m in list_models(store)] == ["tiny-qwen"]
    assert not (model.path / "README.md").exists()  # documentation is read, not copied
    with vault.read() as session:
        (event,) = [e for e in iter_events(session) if e["action"] == "model.import"]
    assert event["objects"]["weights_sha256"] == model.weights_sha256
    with pytest.raises(UserFacingError, match="already holds"):
        import_model(vault, model_folder, store=store)


@pytest.mark.parametrize("spoil, reason", [
    (lambda f: (f / "modeling_evil.py").write_text("import os"), "modeling_evil.py \\(pickle or code\\)"),
    (lambda f: (f / "pytorch_model.bin").write_bytes(b"\x80\x04pickle"), "pytorch_model.bin \\(pickle"),
    (lambda f: _with_auto_map(f / "config.json"), "auto_map"),
    (lambda f: _lying_header(f / "model.safetensors"), "header claims"),
    (lambda f: _shifted_tensor(f / "model.safetensors"), "points outside the file"),
    (lambda f: _small_vocabulary(f / "config.json"), "do not belong together"),
    (lambda f: (f / "chat_template.jinja").unlink(), "no chat template"),
])
def test_dangerous_or_lying_folders_are_refused_and_leave_nothing(vault, model_folder, tmp_path, spoil,
                                                                   reason):
    store = tmp_path / "store"
    spoil(model_folder)
    with pytest.raises(ModelRefused, match=reason):
        import_model(vault, model_folder, store=store)
    assert _store_entries(store) == []


def test_a_tampered_byte_is_caught_against_the_folders_manifest(vault, model_folder, tmp_path):
    write_manifest(model_folder, model_id="tiny-qwen", license_name="apache-2.0", source="test")
    weights = model_folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # in the tensor data: the header still checks out
    weights.write_bytes(bytes(data))
    check_safetensors(weights)
    store = tmp_path / "store"
    with pytest.raises(ModelRefused, match="model.safetensors do not match the folder's manifest"):
        import_model(vault, model_folder, store=store)
    assert _store_entries(store) == []


def test_an_interrupted_copy_resumes(vault, model_folder, tmp_path):
    store = tmp_path / "store"
    staging = store / ".importing-tiny-qwen"
    staging.mkdir(parents=True)
    weights = (model_folder / "model.safetensors").read_bytes()
    (staging / "model.safetensors").write_bytes(weights[: len(weights) // 2])  # where the last run stopped
    model = import_model(vault, model_folder, store=store)
    assert (model.path / "model.safetensors").read_bytes() == weights
    assert _store_entries(store) == ["tiny-qwen"]


def _with_auto_map(path):
    config = json.loads(path.read_text())
    path.write_text(json.dumps({**config, "auto_map": {"AutoModelForCausalLM": "evil.Model"}}))


def _small_vocabulary(path):
    config = json.loads(path.read_text())
    path.write_text(json.dumps({**config, "vocab_size": 512}))


def _lying_header(path):
    data = path.read_bytes()
    path.write_bytes(struct.pack("<Q", len(data) * 4) + data[8:])


def _shifted_tensor(path):
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    name = next(k for k in header if k != "__metadata__")
    begin, end = header[name]["data_offsets"]
    header[name]["data_offsets"] = [begin + 10**9, end + 10**9]
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data[8 + length:])


def test_malformed_descriptions_are_refused_with_a_reason(vault, model_folder, tmp_path):
    path = model_folder / "model.safetensors"
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    name = next(k for k in header if k != "__metadata__")
    header[name]["data_offsets"] = [str(v) for v in header[name]["data_offsets"]]
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data[8 + length:])
    (model_folder / "SHA256SUMS").write_text("not-a-valid-line\n")
    store = tmp_path / "store"
    with pytest.raises(ModelRefused, match="described wrongly"):
        import_model(vault, model_folder, store=store)
    assert _store_entries(store) == []
