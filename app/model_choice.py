"""Which local model a case runs on: the one asked for (``--model``), else the vault's default
model, else the embedded model.

The default is kept in the vault (the choice says something about the matter; it is also an
audited decision: an answer's model is part of its provenance).
"""

from __future__ import annotations

from app.errors import ModelNotReady
from app.model_store import EMBEDDED, ModelInfo, get_model, list_models, prepare_embedded
from storage.schema import SettingRow
from storage.vault import Vault

DEFAULT_MODEL_KEY = "default_model"


def default_model_id(vault: Vault) -> str:
    """The model id questions and tasks use unless told otherwise (the embedded model by default)."""
    with vault.read() as session:
        row = session.get(SettingRow, DEFAULT_MODEL_KEY)
        stored = (row.value or {}).get("model_id") if row else None
    return stored or EMBEDDED.model_id


def set_default_model(vault: Vault, model_id: str) -> ModelInfo:
    """Make ``model_id`` (a model in the store) the default; audited. Returns the model."""
    model = model_in_store(model_id)
    with vault.write() as session:
        row = session.get(SettingRow, DEFAULT_MODEL_KEY) or SettingRow(key=DEFAULT_MODEL_KEY)
        row.value = {"model_id": model.model_id}
        session.add(row)
        vault.audit(session, "settings.default_model",
                    objects={"model": model.model_id, "weights_sha256": model.weights_sha256})
    return model


def model_in_store(model_id: str) -> ModelInfo:
    if model_id == EMBEDDED.model_id:
        return prepare_embedded()
    try:
        return get_model(model_id)
    except ModelNotReady:
        known = ", ".join(m.model_id for m in list_models()) or "none yet"
        raise ModelNotReady(f"There is no model “{model_id}” on this computer (models here: {known}). "
                            "Import it with `python main.py models import FOLDER`.") from None


def chosen_model(vault: Vault, model_id: str | None = None) -> ModelInfo:
    """The model to run: ``model_id`` if given, else the vault's default. The embedded model is
    prepared on first use; any other model must already be in the store."""
    return model_in_store(model_id or default_model_id(vault))


def ready_model(vault: Vault) -> ModelInfo | None:
    """The default model if it is ready now, else None (never converts: that takes a while)."""
    try:
        return get_model(default_model_id(vault))
    except ModelNotReady:
        return None
