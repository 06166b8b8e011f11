"""page status, OCR confidence and note

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 13:00:00

Pages stored before this revision get the status their stored fields imply (their "blank" was
judged by the text layer then, not by rendering).
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(), server_default=sa.text("''"), nullable=False))
        batch_op.add_column(sa.Column('ocr_confidence', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('note', sa.String(), server_default=sa.text("''"), nullable=False))
    op.execute("UPDATE pages SET status = CASE WHEN needs_ocr THEN 'needs ocr' WHEN ocr THEN 'ocr' "
               "WHEN trim(text) != '' THEN 'text' ELSE 'blank' END")


def downgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_column('note')
        batch_op.drop_column('ocr_confidence')
        batch_op.drop_column('status')
