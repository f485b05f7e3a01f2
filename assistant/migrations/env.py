"""Alembic's entry point for the chat database. The app runs it through `assistant.migrations.upgrade` on
a connection it has locked; the `alembic` command in a checkout runs it on `-x url=…` or the database
the settings name, e.g. for `alembic revision --autogenerate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from assistant.chatlog import metadata
from assistant.config import Settings


def _run(connection: Connection) -> None:
    # render_as_batch: autogenerate writes batch_alter_table, which SQLite needs for most ALTERs.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # The alembic command has no ini file to read a URL from: `-x url=…`, else the app's own setting.
    url = context.get_x_argument(as_dictionary=True).get("url") or Settings().database
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


_main()
