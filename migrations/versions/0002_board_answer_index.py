"""cover answers by (response_id, question_key, value) for the board; drop the narrower index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The new index starts with response_id, so it also serves every lookup the old one did.
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_answer_response_key_value", ["response_id", "question_key", "value"], unique=False
        )
        batch_op.drop_index("ix_answer_response_id")


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index("ix_answer_response_id", ["response_id"], unique=False)
        batch_op.drop_index("ix_answer_response_key_value")
