"""qualification runs and their scored questions (resumable runs)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'eval_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('model_id', sa.String(), nullable=False),
        sa.Column('weights_sha256', sa.String(), nullable=False),
        sa.Column('plan', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('seconds', sa.Double(), nullable=False),
        sa.Column('started_at', sa.String(), nullable=False),
        sa.Column('finished_at', sa.String(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_eval_runs')),
    )
    op.create_index(op.f('ix_eval_runs_model_id'), 'eval_runs', ['model_id'], unique=False)
    op.create_table(
        'eval_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('set_index', sa.Integer(), nullable=False),
        sa.Column('item_index', sa.Integer(), nullable=False),
        sa.Column('result', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['run_id'], ['eval_runs.id'], name=op.f('fk_eval_items_run_id_eval_runs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_eval_items')),
        sa.UniqueConstraint('run_id', 'set_index', 'item_index', name=op.f('uq_eval_items_run_id')),
    )
    op.create_index(op.f('ix_eval_items_run_id'), 'eval_items', ['run_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_eval_items_run_id'), table_name='eval_items')
    op.drop_table('eval_items')
    op.drop_index(op.f('ix_eval_runs_model_id'), table_name='eval_runs')
    op.drop_table('eval_runs')
