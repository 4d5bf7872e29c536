"""store each KPI's valid and positive responses per London month; mark what was counted

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kpi_month_count",
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("valid", sa.Integer(), nullable=False),
        sa.Column("positive", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["kpi.id"]),
        sa.PrimaryKeyConstraint("kpi_id", "month"),
    )
    # Existing KPIs start uncounted: `flask surveys load` or `flask kpis recount` counts them,
    # and until then the board counts them from the answers on each load.
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counted_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.drop_column("counted_hash")
    op.drop_table("kpi_month_count")
