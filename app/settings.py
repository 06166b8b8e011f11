"""Settings kept in the vault (never in a plain file): each change is an audited action."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.errors import UserFacingError
from storage.schema import SettingRow
from storage.vault import Vault

if TYPE_CHECKING:  # the models wing reads settings: only the type comes this way
    from app.models.store import ModelInfo

REMOTE_KEY = "remote_backend"
PREFERENCES_KEY = "preferences"
SITE_KEY = "site_model_key"
LAYOUT_KEY = "window_layout"
THEMES = ("system", "light", "dark")
OCR_QUALITIES = ("fast", "accurate")
LANGUAGES = ("system", "en", "de", "fr", "es")  # the window's (ui/i18n has the catalogues)
# How answers are written (app.answer.styles); the first is the default, chosen by the evaluation.
ANSWER_STYLES = ("free", "quoted")
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


def check_remote_backend(backend: RemoteBackend) -> bool:
    """Reachable and serving the model, or an InferenceError that says why (a 10 s limit)."""
    from inference.remote import RemoteClient

    RemoteClient(backend.url, backend.model, timeout=10).start()
    return True


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


@dataclass(frozen=True)
class SiteKey:
    """The site's Ed25519 public key: once set, only models whose manifest it signed are imported."""

    public_pem: str
    fingerprint: str


def site_key(vault: Vault) -> SiteKey | None:
    with vault.read() as session:
        row = session.get(SettingRow, SITE_KEY)
        return SiteKey(**row.value) if row and row.value else None


def set_site_key(vault: Vault, public_pem: bytes | None) -> SiteKey | None:
    from app.signing import fingerprint

    key = None
    if public_pem:
        key_print = fingerprint(public_pem)  # refuses anything but an Ed25519 PEM key, with a reason
        key = SiteKey(public_pem.decode("ascii"), key_print)
    with vault.write() as session:
        row = session.get(SettingRow, SITE_KEY) or SettingRow(key=SITE_KEY)
        row.value = key.__dict__.copy() if key else {}
        session.add(row)
        vault.audit(session, "settings.site_key",
                    objects={"fingerprint": key.fingerprint} if key else {"enabled": False})
    return key


@dataclass(frozen=True)
class Preferences:
    """The window's preferences, kept in the vault (Qt's settings files are plain text on disk)."""

    auto_lock_minutes: int = 15  # 0: never lock by itself
    theme: str = "system"  # follows the OS light/dark scheme, or forced
    ocr_languages: str = "eng"  # Tesseract languages for scanned pages, e.g. "eng+deu"
    cache_budget_gib: float = 0.0  # disk for kept document caches; 0: automatic (app.prefix_files)
    ocr_quality: str = "fast"  # fast (150 dpi) | accurate (300 dpi): app.extract.ocr.OCR_DPI_BY_QUALITY
    qualifying_accuracy: float = 0.8  # the site's bar: a model qualifies at lengths it answers this well
    language: str = "system"  # the window's: system | en | de | fr | es (applies at the next start)
    answer_style: str = ANSWER_STYLES[0]  # app.answer.styles: free | quoted (quote, then answer)


def preferences(vault: Vault) -> Preferences:
    with vault.read() as session:
        row = session.get(SettingRow, PREFERENCES_KEY)
        stored = row.value if row and row.value else {}
    known = {k: v for k, v in stored.items() if k in Preferences.__dataclass_fields__}
    return Preferences(**known)


def set_preferences(vault: Vault, new: Preferences) -> Preferences:
    from app.extract.ocr import check_languages

    if not 0 <= new.auto_lock_minutes <= 24 * 60:
        raise UserFacingError("Auto-lock takes 0 (never) to 1,440 minutes.")
    if new.theme not in THEMES:
        raise UserFacingError(f"The theme is one of: {', '.join(THEMES)}.")
    if new.ocr_quality not in OCR_QUALITIES:
        raise UserFacingError(f"OCR quality is one of: {', '.join(OCR_QUALITIES)}.")
    if new.language not in LANGUAGES:
        raise UserFacingError(f"The language is one of: {', '.join(LANGUAGES)}.")
    if new.answer_style not in ANSWER_STYLES:
        raise UserFacingError(f"The answer style is one of: {', '.join(ANSWER_STYLES)}.")
    if not 0.5 <= new.qualifying_accuracy <= 1.0:
        raise UserFacingError("The qualifying accuracy is a share from 50% to 100%.")
    new = replace(new, ocr_languages=check_languages(new.ocr_languages))
    old = preferences(vault)
    changed = {k: v for k, v in new.__dict__.items() if getattr(old, k) != v}
    if changed:
        with vault.write() as session:
            row = session.get(SettingRow, PREFERENCES_KEY) or SettingRow(key=PREFERENCES_KEY)
            row.value = new.__dict__.copy()
            session.add(row)
            vault.audit(session, "settings.preferences", objects=changed)
    return new


def window_layout(vault: Vault) -> dict[str, list[int]]:
    """The window's splitter sizes as the user left them (kept in the vault: Qt's own settings
    files are plain text on disk)."""
    with vault.read() as session:
        row = session.get(SettingRow, LAYOUT_KEY)
        stored = row.value if row and row.value else {}
    return {name: [int(size) for size in sizes] for name, sizes in stored.items()
            if isinstance(sizes, list) and all(isinstance(size, int) and size >= 0 for size in sizes)}


def set_window_layout(vault: Vault, layout: dict[str, list[int]]) -> None:
    if layout == window_layout(vault):
        return
    with vault.write() as session:
        row = session.get(SettingRow, LAYOUT_KEY) or SettingRow(key=LAYOUT_KEY)
        row.value = {name: list(sizes) for name, sizes in layout.items()}
        session.add(row)
        vault.audit(session, "settings.layout", objects={"panes": sorted(layout)})
