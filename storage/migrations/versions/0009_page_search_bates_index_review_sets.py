"""full-text index of pages, Bates index, saved review sets

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 10:00:00

``pages_fts`` is an FTS5 index over ``pages.text`` inside the encrypted vault (external content:
it keeps tokens and positions, the text stays in ``pages``), kept in step by triggers on
``pages``; a case's delete cascades to its pages, and the delete trigger takes their index
entries with them. A later batch migration that *recreates* ``pages`` (copy and move) drops these
triggers: recreate them there (and run 'rebuild').

``page_bates`` indexes the pages whose label is a Bates number, for range look-ups; existing
pages are backfilled here with a frozen copy of the parser (``storage.search_repository``
keeps the live one, which agrees with ``app.productions.bates`` and ``app.context.is_bates_label``).
"""

import re

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_BATES = re.compile(r"(?P<prefix>.*?)(?P<digits>\d{4,})")
_PREFIX = re.compile(r"(?:[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*[-_ ]?)?")
_DIGIT_RUN = re.compile(r"\d{4}")

TRIGGERS = (
    "CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN "
    "INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN "
    "INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN "
    "INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END",
)


def _bates(label: str) -> tuple[str, int, int] | None:
    """(prefix upper-cased, number, width) of a label that is a Bates number, as of this revision."""
    if not label or label != label.strip() or len(label) > 64:
        return None
    match = _BATES.fullmatch(label)
    if match is None or not match["prefix"] or not _PREFIX.fullmatch(match["prefix"]) \
            or _DIGIT_RUN.search(match["prefix"]):
        return None
    return match["prefix"].upper(), int(match["digits"]), len(match["digits"])


def upgrade() -> None:
    op.create_table(
        'page_bates',
        sa.Column('page_id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('prefix', sa.String(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_page_bates_case_id_cases'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_page_bates_page_id_pages'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('page_id', name=op.f('pk_page_bates')),
    )
    op.create_index('ix_page_bates_case_id_prefix_number', 'page_bates', ['case_id', 'prefix', 'number'],
                    unique=False)
    op.create_table(
        'review_sets',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('query', sa.String(), server_default='', nullable=False),
        sa.Column('document_ids', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.String(), nullable=False),
        sa.Column('updated_at', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_review_sets_case_id_cases'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_review_sets')),
        sa.UniqueConstraint('case_id', 'name', name=op.f('uq_review_sets_case_id')),
    )
    op.create_index(op.f('ix_review_sets_case_id'), 'review_sets', ['case_id'], unique=False)

    op.execute("CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', content_rowid='id', "
               "tokenize='unicode61 remove_diacritics 2')")
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute("INSERT INTO pages_fts(pages_fts) VALUES ('rebuild')")

    connection = op.get_bind()
    labelled = connection.execute(sa.text(
        "SELECT pages.id, documents.case_id, pages.label FROM pages "
        "JOIN documents ON documents.id = pages.document_id WHERE pages.label IS NOT NULL")).all()
    rows = [{"page_id": page_id, "case_id": case_id, "prefix": parsed[0], "number": parsed[1],
             "width": parsed[2]} for page_id, case_id, label in labelled if (parsed := _bates(label))]
    if rows:
        connection.execute(sa.text("INSERT INTO page_bates (page_id, case_id, prefix, number, width) "
                                   "VALUES (:page_id, :case_id, :prefix, :number, :width)"), rows)


def downgrade() -> None:
    for trigger in ("pages_fts_update", "pages_fts_delete", "pages_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS pages_fts")
    op.drop_index(op.f('ix_review_sets_case_id'), table_name='review_sets')
    op.drop_table('review_sets')
    op.drop_index('ix_page_bates_case_id_prefix_number', table_name='page_bates')
    op.drop_table('page_bates')
