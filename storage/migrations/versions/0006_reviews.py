"""reviews: documents x questions tables, answered cell by cell

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(), nullable=False),
        sa.Column('columns', sa.JSON(), nullable=False),
        sa.Column('rows', sa.JSON(), nullable=False),
        sa.Column('row_unit', sa.String(), nullable=False),
        sa.Column('scope', sa.String(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('model_id', sa.String(), nullable=True),
        sa.Column('weights_sha256', sa.String(), nullable=True),
        sa.Column('manifest', sa.String(), nullable=True),
        sa.Column('error', sa.String(), nullable=True),
        sa.Column('created_at', sa.String(), nullable=False),
        sa.Column('finished_at', sa.String(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_reviews_case_id_cases'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    )
    op.create_index(op.f('ix_reviews_case_id'), 'reviews', ['case_id'], unique=False)
    op.create_table(
        'review_cells',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('review_id', sa.Integer(), nullable=False),
        sa.Column('row_index', sa.Integer(), nullable=False),
        sa.Column('column_index', sa.Integer(), nullable=False),
        sa.Column('value', sa.String(), nullable=False),
        sa.Column('detail', sa.String(), nullable=False),
        sa.Column('citations', sa.JSON(), nullable=False),
        sa.Column('check', sa.String(), nullable=False),
        sa.Column('note', sa.String(), nullable=False),
        sa.Column('output', sa.String(), nullable=True),
        sa.Column('edited', sa.Boolean(), nullable=False),
        sa.Column('manifest', sa.String(), nullable=True),
        sa.Column('finished_at', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_cells_review_id_reviews'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_review_cells')),
        sa.UniqueConstraint('review_id', 'row_index', 'column_index', name=op.f('uq_review_cells_review_id')),
    )
    op.create_index(op.f('ix_review_cells_review_id'), 'review_cells', ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_review_cells_review_id'), table_name='review_cells')
    op.drop_table('review_cells')
    op.drop_index(op.f('ix_reviews_case_id'), table_name='reviews')
    op.drop_table('reviews')
