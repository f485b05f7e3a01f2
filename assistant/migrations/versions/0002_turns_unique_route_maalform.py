"""One turn number per conversation turn (unique), and each message's route and målform.

Turn numbers came from count() + 1, so two posts at once could share one; such duplicates are numbered
anew (by turn, then time) before the constraint is added. Messages stored before this have no route or
målform (NULL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_messages = sa.table(
    "messages",
    sa.column("id", sa.String),
    sa.column("conversation_id", sa.String),
    sa.column("turn", sa.Integer),
    sa.column("created_at", sa.DateTime),
)


def _renumber_clashing_turns() -> None:
    bind = op.get_bind()
    clashing = list(
        bind.scalars(
            sa.select(_messages.c.conversation_id)
            .group_by(_messages.c.conversation_id, _messages.c.turn)
            .having(sa.func.count() > 1)
            .distinct()
        )
    )
    for conversation_id in clashing:
        ids = bind.scalars(
            sa.select(_messages.c.id)
            .where(_messages.c.conversation_id == conversation_id)
            .order_by(_messages.c.turn, _messages.c.created_at, _messages.c.id)
        ).all()
        for turn, message_id in enumerate(ids, start=1):
            bind.execute(sa.update(_messages).where(_messages.c.id == message_id).values(turn=turn))


def upgrade() -> None:
    if not context.is_offline_mode():  # an SQL script (alembic upgrade --sql) cannot read rows
        _renumber_clashing_turns()
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("route", sa.String(16), nullable=True))
        batch.add_column(sa.Column("maalform", sa.String(2), nullable=True))
        batch.create_unique_constraint("uq_messages_conversation_turn", ["conversation_id", "turn"])


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_constraint("uq_messages_conversation_turn", type_="unique")
        batch.drop_column("maalform")
        batch.drop_column("route")
