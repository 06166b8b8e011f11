"""The models wing: the model store (``store``: the embedded model, converted folders, their
manifests), checked imports from removable media (``importing``), the site's model-signing key
(``signing``), which model a case uses (``choice``) and the loaded model behind one backend
(``session``).

The window imports the names below from ``app.models`` only (its front door; an import-linter
contract in pyproject.toml keeps it so); the wing's own modules, the command line and tests may
reach further in.
"""

from app.models.choice import default_model_id, model_session, ready_model, set_default_model
from app.models.importing import import_model
from app.models.session import ModelSession
from app.models.store import ModelInfo, list_models, prepare_embedded

__all__ = ["ModelInfo", "ModelSession", "default_model_id", "import_model", "list_models", "model_session",
           "prepare_embedded", "ready_model", "set_default_model"]
