"""answer mode and task details

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 11:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mode', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weights_sha256', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('mode', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
        batch_op.add_column(sa.Column('output', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('error', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('error')
        batch_op.drop_column('output')
        batch_op.drop_column('mode')
        batch_op.drop_column('weights_sha256')

    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('mode')
