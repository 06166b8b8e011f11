"""page ocr state and token counts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 08:58:53.824314
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_key', sa.String(), nullable=True))

    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_ocr', sa.Boolean(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('tokens', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_column('tokens')
        batch_op.drop_column('needs_ocr')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('token_key')

