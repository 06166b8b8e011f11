"""The models wing: the model store (``store``: the embedded model, converted folders, their
manifests), checked imports from removable media (``importing``), the site's model-signing key
(``signing``), which model a case uses (``choice``) and the loaded model behind one backend
(``session``).

The window and the command line import the names below from ``app.models`` only (its front
door; an import-linter contract in pyproject.toml keeps it so); the app's other wings and tests
may reach further in.
"""

from app.models.choice import chosen_model, default_model_id, model_session, ready_model, set_default_model
from app.models.importing import check_folder, import_model
from app.models.session import ModelSession
from app.models.signing import effective_site_key, sign_model_folder
from app.models.store import ModelInfo, list_models, prepare_embedded

__all__ = ["ModelInfo", "ModelSession", "check_folder", "chosen_model", "default_model_id",
           "effective_site_key", "import_model", "list_models", "model_session", "prepare_embedded",
           "ready_model", "set_default_model", "sign_model_folder"]
