"""Import a model folder from removable media into the model store, checked before it is trusted.

What is accepted: configuration, tokenizer and generation files, and ``*.safetensors`` weights
(with their index). What is refused, naming the file: pickles and other executable formats
(``.bin``, ``.pt``, ``.pkl``, ``.py``, ...), anything unknown, any ``auto_map`` (it would make
transformers run code from the folder), a safetensors file whose header lies about its tensors,
a file over its size limit or JSON nested past its depth limit, and a chat template that breaks
its time, size or memory bounds on a short conversation (``folder_checks`` holds these checks and
their limits). Documentation files (README, LICENSE) are read for the licence and not copied.

Copying is chunked with progress and ETA into a staging folder in the store, and resumes a copy
an earlier run left unfinished; the copy is then hashed against the folder's manifest (its own
``casefile-manifest.json`` or a ``SHA256SUMS``) or, without one, against the hashes taken while
reading the source. Only a fully checked copy is renamed into place; a refused import leaves
nothing behind. The import is audited with the model id, weights hash, licence and source.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.config import models_home
from app.errors import UserFacingError
from app.models.folder_checks import (
    MANIFEST_MAX_BYTES,
    check_chat_templates,
    check_index,
    check_json,
    check_safetensors,
    load_json,
    read_limited,
    read_text,
    refuse,
    shown,
)
from app.models.signing import SIGNED_MARK, SUMS_NAMES, ModelRefused, read_manifest
from app.models.store import ModelInfo, _folder_name, read_model
from inference.manifest import MANIFEST_NAME, ModelManifest, sha256_file, write_manifest
from storage.vault import Vault

ALLOWED_NAMES = {
    "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
    "special_tokens_map.json", "added_tokens.json", "vocab.json", "merges.txt", "chat_template.jinja",
    "chat_template.json", "model.safetensors.index.json",
}
DOCUMENTATION = re.compile(r"^(readme|license|licence|notice|copying)(\..*)?$|^\.gitattributes$",
                           re.IGNORECASE)
EXECUTABLE = {".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".py", ".pyc", ".so", ".dll", ".exe", ".sh"}
CHUNK = 8 * 2**20
README_BYTES = 64 * 1024  # where a model card's "license:" line is
__all__ = ["ImportProgress", "ModelRefused", "check_folder", "check_safetensors", "import_model"]


@dataclass(frozen=True)
class ImportProgress:
    bytes_done: int
    bytes_total: int
    seconds: float

    @property
    def eta_s(self) -> float | None:
        if not self.bytes_done or self.bytes_done >= self.bytes_total:
            return None
        return self.seconds * (self.bytes_total - self.bytes_done) / self.bytes_done


def check_folder(source: Path) -> list[Path]:
    """The files to copy; refuses the folder (ModelRefused, naming the file) if anything is off."""
    if not source.is_dir():
        raise ModelRefused(f"{source} is not a folder.")
    files, refused = [], []
    for path in sorted(source.iterdir()):
        name = path.name
        if path.is_dir() or path.is_symlink():
            refused.append(f"{shown(name)} (a folder or link)")
        elif name in ALLOWED_NAMES or name.endswith(".safetensors"):
            files.append(path)
        elif name.removesuffix(".sig") in SUMS_NAMES or DOCUMENTATION.match(name):
            continue
        else:
            kind = "pickle or code" if path.suffix.lower() in EXECUTABLE else "not a model file"
            refused.append(f"{shown(name)} ({kind})")
    if refused:
        raise ModelRefused(f"Refused: {', '.join(refused)}. Only configuration, tokenizer and .safetensors "
                           "files are accepted; nothing was copied.")
    names = {p.name for p in files}
    if "config.json" not in names or not any(n.endswith(".safetensors") for n in names):
        raise ModelRefused("The folder needs a config.json and .safetensors weights; nothing was copied.")
    for path in [*files, *(source / n for n in SUMS_NAMES if (source / n).is_file())]:
        _check_file(path, names)
    for path in source.glob("*.sig"):
        read_limited(path, MANIFEST_MAX_BYTES)
    check_chat_templates(source)
    return files


def _check_file(path: Path, names: set[str]) -> None:
    """One file's own checks; whatever else its content provokes is a refusal naming it."""
    try:
        if path.name == MANIFEST_NAME:
            data = load_json(path)
            try:
                ModelManifest(**data)
                assert isinstance(data["files"], dict)
            except (TypeError, KeyError, AssertionError):
                raise refuse(path, "is not a Casefile manifest") from None
        elif path.name == "model.safetensors.index.json":
            check_index(path, names)
        elif path.suffix == ".json":
            check_json(path)
        elif path.name.endswith(".safetensors"):
            check_safetensors(path)
        else:  # merges.txt, chat_template.jinja, SHA256SUMS: text within its size limit
            read_text(path, MANIFEST_MAX_BYTES if path.name in SUMS_NAMES else None)
    except ModelRefused:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, OverflowError) as exc:
        raise refuse(path, f"could not be checked ({type(exc).__name__})") from None


def _check_tokenizer(source: Path, config: dict) -> None:
    """A model without a chat template, or whose tokenizer has ids past its embedding table, fails
    at the first question deep in the worker: refuse it now, saying why."""
    tokenizer_config = source / "tokenizer_config.json"
    settings = load_json(tokenizer_config) if tokenizer_config.is_file() else None
    in_config = isinstance(settings, dict) and "chat_template" in settings
    has_template = in_config or any((source / n).is_file()
                                    for n in ("chat_template.jinja", "chat_template.json"))
    if not has_template:
        raise ModelRefused("The folder has no chat template (chat_template.jinja, or chat_template in "
                           "tokenizer_config.json), so questions cannot be put to it. Nothing was copied.")
    text_config = (config.get("text_config") or config) if isinstance(config, dict) else None
    rows = text_config.get("vocab_size") if isinstance(text_config, dict) else None
    tokenizer_file = source / "tokenizer.json"
    if not isinstance(rows, int) or not tokenizer_file.is_file():
        return
    tokenizer = load_json(tokenizer_file)
    if not isinstance(tokenizer, dict):
        raise refuse(tokenizer_file, "is not a tokenizer (not a JSON table)")
    model = tokenizer.get("model")
    vocab = model.get("vocab") if isinstance(model, dict) else None
    added = tokenizer.get("added_tokens")
    ids = [i for i in vocab.values() if isinstance(i, int)] if isinstance(vocab, dict) else []
    ids += [t["id"] for t in added if isinstance(t, dict) and isinstance(t.get("id"), int)] \
        if isinstance(added, list) else []
    if ids and max(ids) >= rows:
        raise ModelRefused(f"The tokenizer has token ids up to {max(ids):,} but the model has only {rows:,} "
                           "rows of embeddings: they do not belong together. Nothing was copied.")


def _licence(source: Path, config: dict) -> str:
    if (source / MANIFEST_NAME).is_file():
        return ModelManifest.read(source).license
    for readme in source.glob("README*"):
        with readme.open("rb") as handle:
            text = handle.read(README_BYTES).decode("utf-8", errors="replace")
        match = re.search(r"^license:\s*(\S+)", text, re.MULTILINE)
        if match:
            return match.group(1)
    return str(config.get("license", "unknown")) if isinstance(config, dict) else "unknown"


Progress = Callable[[ImportProgress], None]


def _copy(files: list[Path], staging: Path, on_progress: Progress | None) -> dict[str, str]:
    """Copy (resuming partial files) and return the sha256 of each source file as read."""
    total = sum(p.stat().st_size for p in files)
    done, started, hashes = 0, time.monotonic(), {}
    for path in files:
        target = staging / path.name
        digest = hashlib.sha256()
        have = target.stat().st_size if target.exists() else 0
        if have > path.stat().st_size:
            target.unlink()
            have = 0
        with path.open("rb") as src, target.open("ab") as dst:
            copied = 0
            while block := src.read(CHUNK):
                digest.update(block)
                if copied + len(block) > have:  # resume: skip what an earlier run already wrote
                    dst.write(block[max(0, have - copied):])
                copied += len(block)
                done += len(block)
                if on_progress:
                    on_progress(ImportProgress(done, total, time.monotonic() - started))
            dst.flush()
            os.fsync(dst.fileno())
        hashes[path.name] = digest.hexdigest()
    return hashes


def import_model(vault: Vault, source: Path, *, model_id: str | None = None, store: Path | None = None,
                 on_progress: Callable[[ImportProgress], None] | None = None) -> ModelInfo:
    files = check_folder(source)
    store = store or models_home()
    manifest = read_manifest(vault, source, files, store)  # under a site key: signed, before anything else
    expected, vouched = manifest.hashes, manifest.vouched
    config = load_json(source / "config.json")
    _check_tokenizer(source, config)
    model_id = model_id or source.name
    final = store / _folder_name(model_id)
    if final.exists():
        raise UserFacingError(f"The store already holds a model called “{model_id}” (choose another id).")
    staging = store / f".importing-{_folder_name(model_id)}"
    staging.mkdir(parents=True, exist_ok=True)
    try:
        wanted_names = {p.name for p in files}
        for leftover in staging.iterdir():  # from an earlier, different attempt: never part of the model
            if leftover.name not in wanted_names:
                leftover.unlink()
        read_hashes = _copy(files, staging, on_progress)
        check_folder(staging)  # the copy itself passes every check, not only the source it came from
        copied = {p.name: sha256_file(p) for p in staging.iterdir()}
        wanted = {name: expected.get(name) for name in read_hashes} if expected else read_hashes
        bad = sorted(name for name in read_hashes if wanted.get(name) != copied.get(name))
        if bad:
            raise ModelRefused(f"{', '.join(bad)} do not match the folder's manifest (damaged or altered); "
                               "nothing was imported.")
        signed = f"; {vouched}" if vouched.startswith(SIGNED_MARK) else ""
        write_manifest(staging, model_id=model_id, license_name=_licence(source, config),
                       source=f"imported from {source.name}{signed}")
        staging.rename(final)
    except ModelRefused:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except OSError as exc:  # media pulled, disk full: the partial copy stays, and resumes next time
        raise UserFacingError(f"The copy stopped ({exc.strerror or exc}); run the import again to resume "
                              "where it stopped.") from exc
    except Exception as exc:  # anything else the folder's content provoked: refused, nothing kept
        shutil.rmtree(staging, ignore_errors=True)
        raise ModelRefused(f"The model folder could not be checked ({type(exc).__name__}: {exc}); nothing "
                           "was imported.") from exc
    model = read_model(final)
    with vault.write() as session:
        vault.audit(session, "model.import", objects={
            "model": model.model_id, "weights_sha256": model.weights_sha256, "license": model.license,
            "source": model.source, "bytes": model.size_bytes,
            "manifest": vouched})
    return model

