"""The chat database's schema, kept by Alembic: `upgrade` brings a database to the newest revision when the
chat log opens it, a database made before migrations existed included.

The revisions live in `versions/` (`0001` is the schema `create_all` made before); `env.py` is Alembic's
entry point. Nothing here needs an alembic.ini: the app configures Alembic in code, and pyproject.toml's
`[tool.alembic]` serves the `alembic` command in a checkout (for writing a new revision).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

logger = logging.getLogger(__name__)

BASELINE = "0001"

# The tables and columns the chat log's `create_all` made before revision 0001 existed: a database with
# exactly these and no alembic_version table is stamped as 0001, then upgraded.
BASELINE_COLUMNS: dict[str, set[str]] = {
    "conversations": {"id", "created_at"},
    "messages": {
        "id",
        "conversation_id",
        "turn",
        "question",
        "resolved_question",
        "answer",
        "citations",
        "abstained",
        "created_at",
    },
    "feedback": {"id", "conversation_id", "message_id", "rating", "comment", "created_at"},
}

_SCRIPTS = Path(__file__).resolve().parent
# Alembic's `context` and `op` are module-level proxies, so two migrations in one process must not overlap.
# Between processes the database's own lock (below) keeps them apart.
_IN_PROCESS = threading.Lock()
_ADVISORY_LOCK = 0x4B41_4348  # "KACH": pg_advisory_xact_lock's key for this schema
_WAIT_SECONDS = 120  # how long a worker waits for another worker's migration to finish


class UnknownSchema(RuntimeError):
    """The database has the chat log's tables but no Alembic version, and they differ from the baseline."""


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration in code: the scripts next to this file, run on `connection`."""
    cfg = Config(attributes={"connection": connection})
    cfg.set_main_option("script_location", str(_SCRIPTS).replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    """Bring the database at `url` to the newest revision. Safe when several workers start at once: the
    check, the stamp and the upgrade run in one transaction that holds the database's write lock (SQLite)
    or an advisory lock (PostgreSQL), so the second worker finds the work done."""
    with _IN_PROCESS:
        engine = _engine(url)
        try:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
                cfg = config(connection)
                if _unversioned_baseline(connection):
                    logger.info("The chat database predates migrations: stamping it as revision %s", BASELINE)
                    command.stamp(cfg, BASELINE)
                command.upgrade(cfg, "head")
        finally:
            engine.dispose()


def _unversioned_baseline(connection: Connection) -> bool:
    """True for a database made by the chat log before migrations: its tables, no alembic_version."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    ours = tables & BASELINE_COLUMNS.keys()
    if "alembic_version" in tables or not ours:
        return False
    found = {table: {c["name"] for c in inspector.get_columns(table)} for table in ours}
    if found != BASELINE_COLUMNS:
        raise UnknownSchema(
            f"The chat database has tables {sorted(ours)} but no alembic_version table, and they are not "
            f"the schema revision {BASELINE} describes; stamp it by hand once you know its revision"
        )
    return True


def _engine(url: str) -> Engine:
    """An engine for one migration. On SQLite the transaction starts with BEGIN IMMEDIATE (the write lock
    first, so the schema is read and changed under one lock), DDL runs inside it (the driver's own
    transaction handling is turned off), and foreign keys are off, as a batch table rebuild needs."""
    if not url.startswith("sqlite"):
        return create_engine(url, poolclass=NullPool)
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": _WAIT_SECONDS})

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()

    def on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine
