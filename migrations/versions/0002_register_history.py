"""register history: a version table per register and for the approvals

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 13:30:00

Every record's versions (valid_from / valid_to), rebuilt at upgrade from the audit log
(``kf5g_desktop.storage.history_backfill``): a record without audit rows gets its current row as
its one version, from its creation time.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

REGISTERS = ("station", "venue", "pole", "approval")


def upgrade() -> None:
    bind = op.get_bind()
    meta = sa.MetaData()
    for name in REGISTERS:
        source = sa.Table(name, meta, autoload_with=bind)
        hist = f"{name}_history"
        key = "station_id" if name == "approval" else "id"
        cols = [sa.Column("hid", sa.Integer(), nullable=False)]
        cols += [
            sa.Column(c.name, c.type, nullable=bool(c.nullable) and not c.primary_key) for c in source.columns
        ]
        cols += [
            sa.Column("valid_from", sa.DateTime(), nullable=False),
            sa.Column("valid_to", sa.DateTime(), nullable=True),
            sa.PrimaryKeyConstraint("hid", name=op.f(f"pk_{hist}")),
        ]
        op.create_table(hist, *cols)
        op.create_index(f"ix_{hist}_current", hist, [key, "valid_to"])
        at_cols = ["valid_from", "valid_to", *(["deleted_at"] if "deleted_at" in source.c else [])]
        op.create_index(f"ix_{hist}_valid_from", hist, at_cols)  # covers counts as at a moment
    from kf5g_desktop.storage import history_backfill

    session = Session(bind=bind)
    history_backfill.rebuild(session)
    session.flush()


def downgrade() -> None:
    for name in REGISTERS:
        op.drop_table(f"{name}_history")
