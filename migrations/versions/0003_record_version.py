"""record version: a version column on every register record (no lost updates)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 16:10:00

``version`` on station, venue and pole (a station's approvals count as the station's), 1 for every
record that exists; their history tables get the column too (every version so far: 1), since a
version table holds the register's own columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("station", "venue", "pole", "station_history", "venue_history", "pole_history")


def upgrade() -> None:
    for name in TABLES:
        # ADD COLUMN … NOT NULL DEFAULT 1: every existing row gets 1, on SQLite and PostgreSQL alike
        op.add_column(name, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("version")
