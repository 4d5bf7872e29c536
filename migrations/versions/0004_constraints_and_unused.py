"""hold survey states and KPI closing to their rules; drop what nothing reads

The question and question_option tables copied each version's questions, but every page
reads the version's definition; drafts' language and easy_read were written, never read.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SURVEY_STATE = "state IN ('draft', 'open', 'closed')"
KPI_CLOSED_AT = "(closed AND closed_at IS NOT NULL) OR (NOT closed AND closed_at IS NULL)"


def upgrade() -> None:
    # A KPI closed before this rule with no date gets today's, rather than failing the upgrade.
    op.execute("UPDATE kpi SET closed_at = CURRENT_TIMESTAMP WHERE closed AND closed_at IS NULL")
    op.execute("UPDATE kpi SET closed_at = NULL WHERE NOT closed")
    with op.batch_alter_table("survey") as batch_op:
        batch_op.create_check_constraint("ck_survey_state", SURVEY_STATE)
    with op.batch_alter_table("kpi") as batch_op:
        batch_op.create_check_constraint("ck_kpi_closed_at", KPI_CLOSED_AT)
    with op.batch_alter_table("draft") as batch_op:
        batch_op.drop_column("language")
        batch_op.drop_column("easy_read")
    with op.batch_alter_table("question_option") as batch_op:
        batch_op.drop_index("ix_question_option_question_id")
    op.drop_table("question_option")
    with op.batch_alter_table("question") as batch_op:
        batch_op.drop_index("ix_question_version_id")
    op.drop_table("question")


def downgrade() -> None:
    # The dropped tables come back empty: their rows were copies of the version definitions.
    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["survey_version.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "key"),
    )
    with op.batch_alter_table("question") as batch_op:
        batch_op.create_index("ix_question_version_id", ["version_id"], unique=False)
    op.create_table(
        "question_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("question_id", "value"),
    )
    with op.batch_alter_table("question_option") as batch_op:
        batch_op.create_index("ix_question_option_question_id", ["question_id"], unique=False)
    with op.batch_alter_table("draft") as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(16), nullable=False, server_default="en")
        )
        batch_op.add_column(
            sa.Column("easy_read", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("kpi") as batch_op:
        batch_op.drop_constraint("ck_kpi_closed_at", type_="check")
    with op.batch_alter_table("survey") as batch_op:
        batch_op.drop_constraint("ck_survey_state", type_="check")
