"""The site's rule for model folders: once a site key is set, a model is imported only with a
manifest that key signed, naming every file; and only such a model (or the embedded one, which
came with the signed install) can be chosen to answer.

The key is the installation's when IT put ``site-key.pub.pem`` in the model store (no user can
switch that off), else the one set in the user's vault (``models site-key``, audited). The
manifest is read once, and the bytes checked are the bytes parsed: removable media could serve
different bytes to a second read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.config import models_home
from app.errors import UserFacingError
from app.models.store import EMBEDDED, ModelInfo
from app.settings import SiteKey, site_key
from app.signing import SIGNATURE_SUFFIX, fingerprint, sign_file, verify_bytes
from inference.manifest import MANIFEST_NAME, ModelManifest, sha256_file
from storage.vault import Vault

STORE_KEY_NAME = "site-key.pub.pem"
SUMS_NAMES = ("SHA256SUMS", MANIFEST_NAME)
SIGNED_MARK = "signed by site key "


class ModelRefused(UserFacingError):
    default_message = "The model folder was refused."


@dataclass(frozen=True)
class Manifest:
    """A folder's list of files and hashes, and how it was vouched for (for the audit event)."""

    hashes: dict[str, str] | None
    vouched: str  # "none" | "supplied" | "signed by site key 0123…"


def effective_site_key(vault: Vault, store: Path | None = None) -> tuple[SiteKey | None, str]:
    """The key in force and where it comes from ("installation" or "vault")."""
    pem_file = (store or models_home()) / STORE_KEY_NAME
    if pem_file.is_file():
        pem = pem_file.read_bytes()
        return SiteKey(pem.decode("ascii", "replace"), fingerprint(pem)), "installation"
    return site_key(vault), "vault"


def read_manifest(vault: Vault, source: Path, files: list[Path], store: Path | None = None) -> Manifest:
    key, _where = effective_site_key(vault, store)
    if key is None:
        for name in (MANIFEST_NAME, "SHA256SUMS"):
            if (source / name).is_file():
                return Manifest(_parse(name, (source / name).read_bytes()), "supplied")
        return Manifest(None, "none")
    signed = next((source / n for n in SUMS_NAMES
                   if (source / n).is_file() and (source / (n + SIGNATURE_SUFFIX)).is_file()), None)
    if signed is None:
        raise ModelRefused(f"This site accepts only models signed by its key ({key.fingerprint[:16]}…); the "
                           "folder has no signed SHA256SUMS. Nothing was copied.")
    data = signed.read_bytes()
    try:
        verify_bytes(data, (source / (signed.name + SIGNATURE_SUFFIX)).read_bytes(),
                     key.public_pem.encode("ascii"), signed.name)
    except UserFacingError as exc:
        raise ModelRefused(f"{exc.user_message} This site accepts only models signed by its key; nothing "
                           "was copied.") from None
    hashes = _parse(signed.name, data)
    names = {p.name for p in files}
    unlisted, missing = sorted(names - hashes.keys()), sorted(hashes.keys() - names)
    if unlisted:
        raise ModelRefused(f"The signed manifest does not list {', '.join(unlisted)}; nothing was copied.")
    if missing:
        raise ModelRefused(f"The signed manifest lists {', '.join(missing)}, which the folder lacks; nothing "
                           "was copied.")
    return Manifest(hashes, SIGNED_MARK + key.fingerprint[:16])


def _parse(name: str, data: bytes) -> dict[str, str]:
    if name == MANIFEST_NAME:
        return dict(ModelManifest(**json.loads(data.decode("utf-8"))).files)
    pairs = [line.split(maxsplit=1) for line in data.decode("utf-8").splitlines() if line.strip()]
    return {pair[1].strip().lstrip("*"): pair[0].lower() for pair in pairs if len(pair) == 2}


def check_allowed(vault: Vault, model: ModelInfo) -> ModelInfo:
    """Under a site key, only the embedded model or a model imported with that key's signature."""
    key, where = effective_site_key(vault, model.path.parent)
    signed = SIGNED_MARK + key.fingerprint[:16] in model.source if key else True
    if signed or model.model_id == EMBEDDED.model_id:
        return model
    raise ModelRefused(f"“{model.model_id}” was not imported with the site's signature (key "
                       f"{key.fingerprint[:16]}…, set by the {where}), so it cannot be used here.")


def sign_model_folder(folder: Path, private_key: Path, files: list[Path]) -> Path:
    """For the site's admin: write the folder's SHA256SUMS over ``files`` and sign it."""
    sums = folder / "SHA256SUMS"
    sums.write_text("".join(f"{sha256_file(p)}  {p.name}\n" for p in files), encoding="utf-8")
    return sign_file(sums, private_key)
