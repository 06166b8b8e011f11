"""Settings kept in the vault (never in a plain file): each change is an audited action."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from app.errors import UserFacingError
from app.model_store import ModelInfo
from storage.schema import SettingRow
from storage.vault import Vault

REMOTE_KEY = "remote_backend"
DEFAULT_REMOTE_WINDOW = 262144


@dataclass(frozen=True)
class RemoteBackend:
    """An OpenAI-compatible server on the site's network; off unless configured."""

    url: str
    model: str
    window: int = DEFAULT_REMOTE_WINDOW

    @property
    def model_id(self) -> str:
        return f"{self.model}@{self.url}"

    def as_model(self, local_tokenizer: ModelInfo) -> ModelInfo:
        """A model record for planning: the server's window; token counts are estimated with the
        local model's tokenizer (the server's own is not on this machine)."""
        return replace(local_tokenizer, model_id=self.model_id, window=self.window,
                       weights_sha256="remote", source=self.url, size_bytes=0)


def remote_backend(vault: Vault) -> RemoteBackend | None:
    with vault.read() as session:
        row = session.scalars(select(SettingRow).where(SettingRow.key == REMOTE_KEY)).first()
        return RemoteBackend(**row.value) if row and row.value else None


def set_remote_backend(vault: Vault, backend: RemoteBackend | None) -> None:
    if backend is not None and not backend.url.startswith(("http://", "https://")):
        raise UserFacingError("The remote model address must start with http:// or https://.")
    with vault.write() as session:
        row = session.get(SettingRow, REMOTE_KEY) or SettingRow(key=REMOTE_KEY)
        row.value = backend.__dict__.copy() if backend else {}
        session.add(row)
        vault.audit(session, "settings.remote_backend",
                    objects={"url": backend.url, "model": backend.model} if backend else {"enabled": False})
