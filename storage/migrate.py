"""Schema migrations (Alembic, batch mode for SQLite) applied on the open encrypted connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from app.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(write_engine: Engine) -> None:
    """Bring the schema to the newest revision, in one write transaction."""
    try:
        with write_engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    except Exception as exc:
        raise StorageError("The vault's schema could not be updated; it was left as it was.",
                           detail=f"migration failed: {exc}") from exc
