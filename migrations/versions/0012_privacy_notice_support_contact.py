"""privacy_notice.support_contact: where an upset young person can get help locally

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

Optional, empty for an existing notice: the thank-you page shows Childline's number until an
admin adds the council's own support contact.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("privacy_notice", sa.Column("support_contact", sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite drops a column by copying the table: batch mode does that.
    with op.batch_alter_table("privacy_notice") as batch:
        batch.drop_column("support_contact")
