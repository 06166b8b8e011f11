"""Schema migrations (Alembic, batch mode for SQLite) applied on the open encrypted connection.

A vault already at the newest revision (every open but the first after an update) is told by
one query, without importing Alembic or reading its scripts: that is a tenth of a second off
every command line. Revisions are numbered like their files ("0005"); the newest file names
the head, and a test checks that Alembic agrees.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from storage.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def head_revision() -> str:
    """The newest revision, from the migration files' names (``0005_document_metadata.py``)."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def current_revision(connection: Connection) -> str | None:
    try:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # a new vault: no version table yet
        return None


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(write_engine: Engine) -> None:
    """Bring the schema to the newest revision, in one write transaction."""
    try:
        with write_engine.begin() as connection:
            if current_revision(connection) == head_revision():
                return
            from alembic import command

            command.upgrade(alembic_config(connection), "head")
    except Exception as exc:
        raise StorageError("The vault's schema could not be updated; it was left as it was.",
                           detail=f"migration failed: {exc}") from exc
