"""Alembic environment: runs on the connection the vault already opened and keyed.

The key never reaches Alembic's config or a URL: ``storage.migrate`` passes the open encrypted
connection in ``config.attributes`` (Alembic cookbook, "sharing a connection").
"""

from alembic import context

from storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
