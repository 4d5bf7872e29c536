"""retention per survey, withdrawal codes, when a draft started, the council's privacy notice

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01

survey.retention_months (NULL: the default 36) and survey.purged_before (the last purge's
cutoff, below which a KPI recount keeps the stored month counts); response.withdrawal_hash
(SHA-256 of the code the thank-you page shows, unique); draft.started_at (existing drafts
take their last change as their start); privacy_notice, one row the admin fills in.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "privacy_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("controller", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("dpo_contact", sa.Text(), nullable=False),
        sa.Column("retention", sa.Text(), nullable=True),
        sa.Column("complaints", sa.Text(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name="ck_privacy_notice_one_row"),
        sa.ForeignKeyConstraint(["updated_by"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    # Added empty, filled from updated_at, then required: drafts last a day, so an existing
    # draft's last change is close enough to its start.
    with op.batch_alter_table("draft") as batch_op:
        batch_op.add_column(
            sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    op.execute("UPDATE draft SET started_at = updated_at")
    with op.batch_alter_table("draft") as batch_op:
        batch_op.alter_column(
            "started_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False
        )
    with op.batch_alter_table("response") as batch_op:
        batch_op.add_column(sa.Column("withdrawal_hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_response_withdrawal_hash", ["withdrawal_hash"])
    with op.batch_alter_table("survey") as batch_op:
        batch_op.add_column(sa.Column("retention_months", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("purged_before", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("survey") as batch_op:
        batch_op.drop_column("purged_before")
        batch_op.drop_column("retention_months")
    with op.batch_alter_table("response") as batch_op:
        batch_op.drop_constraint("uq_response_withdrawal_hash", type_="unique")
        batch_op.drop_column("withdrawal_hash")
    with op.batch_alter_table("draft") as batch_op:
        batch_op.drop_column("started_at")
    op.drop_table("privacy_notice")
