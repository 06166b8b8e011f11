"""Which local model a case runs on: the one asked for (``--model``), else the vault's default
model, else the embedded model.

The default is kept in the vault (the choice says something about the matter; it is also an
audited decision: an answer's model is part of its provenance).
"""

from __future__ import annotations

from app.errors import ModelNotReady, UserFacingError
from app.models.session import ModelSession
from app.models.signing import check_allowed
from app.models.store import EMBEDDED, ModelInfo, get_model, list_models, prepare_embedded, prepared_model
from app.settings import remote_backend
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
    model = model_in_store(vault, model_id)
    with vault.write() as session:
        row = session.get(SettingRow, DEFAULT_MODEL_KEY) or SettingRow(key=DEFAULT_MODEL_KEY)
        row.value = {"model_id": model.model_id}
        session.add(row)
        vault.audit(session, "settings.default_model",
                    objects={"model": model.model_id, "weights_sha256": model.weights_sha256})
    return model


def model_in_store(vault: Vault, model_id: str) -> ModelInfo:
    """The model, if it is in the store and the site allows it (the embedded one is prepared on
    first use; a store someone else prepared is only read, never locked)."""
    try:
        model = get_model(model_id)
    except ModelNotReady:
        if model_id != EMBEDDED.model_id:
            known = ", ".join(m.model_id for m in list_models()) or "none yet"
            raise ModelNotReady(f"There is no model “{model_id}” on this computer (models here: {known}). "
                                "Import it with `python main.py models import FOLDER`.") from None
        model = prepare_embedded()
    return check_allowed(vault, model)


def chosen_model(vault: Vault, model_id: str | None = None) -> ModelInfo:
    """The model to run: ``model_id`` if given, else the vault's default. The embedded model is
    prepared on first use; any other model must already be in the store."""
    return model_in_store(vault, model_id or default_model_id(vault))


def model_session(vault: Vault, model_id: str | None = None) -> ModelSession:
    """The session questions and tasks run on: the chosen local model, or the site's server when
    one is configured (then ``model_id`` would be ignored, so it is refused instead)."""
    remote = remote_backend(vault)
    if remote is not None and model_id:
        raise UserFacingError(f"Questions go to the site's server ({remote.model} at {remote.url}), so "
                              "--model has no effect: turn the server off with `models remote --off` to "
                              "choose a local model.")
    return ModelSession(chosen_model(vault, model_id), remote)


def ready_model(vault: Vault) -> ModelInfo | None:
    """The vault's default model if it is ready now, else None (never converts)."""
    return prepared_model(default_model_id(vault))
