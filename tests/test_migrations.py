"""The chat database's migrations: a database made before them is stamped and upgraded with its rows intact,
a new one gets the schema the models describe, and workers that open one file at once do not collide."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from assistant import migrations
from assistant.chatlog import ChatLog, metadata
from assistant.migrations import UnknownSchema

# The schema `ChatLog` made with `create_all` before migrations (commit 0107440), as SQLite stored it.
BASELINE_DDL = """
CREATE TABLE conversations (
	id VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE messages (
	id VARCHAR(64) NOT NULL,
	conversation_id VARCHAR(64) NOT NULL,
	turn INTEGER NOT NULL,
	question TEXT NOT NULL,
	resolved_question TEXT NOT NULL,
	answer TEXT NOT NULL,
	citations TEXT NOT NULL,
	abstained BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(conversation_id) REFERENCES conversations (id)
);
CREATE INDEX ix_messages_conversation_id ON messages (conversation_id);
CREATE INDEX ix_messages_created_at ON messages (created_at);
CREATE TABLE feedback (
	id INTEGER NOT NULL,
	conversation_id VARCHAR(64) NOT NULL,
	message_id VARCHAR(64) NOT NULL,
	rating VARCHAR(8) NOT NULL,
	comment TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(conversation_id) REFERENCES conversations (id),
	FOREIGN KEY(message_id) REFERENCES messages (id)
);
CREATE INDEX ix_feedback_message_id ON feedback (message_id);
"""

# Rows as the old code wrote them. Conversation "b" has two messages with turn 2: the race this fixes.
BASELINE_ROWS = """
INSERT INTO conversations VALUES ('a', '2025-03-01 09:00:00.000000'), ('b', '2025-03-02 10:00:00.000000');
INSERT INTO messages VALUES
 ('a1', 'a', 1, 'Hva er Rekom?', 'Hva er Rekom?', 'Rekom er [1].',
  '[{"n": 1, "document": "rekom", "title": "Rekom", "text": "Rekom er …"}]', 0, '2025-03-01 09:00:01.000000'),
 ('a2', 'a', 2, 'Hvem leder det?', 'Hvem leder Rekom?', 'Jeg fant ikke svaret.', '[]', 1,
  '2025-03-01 09:01:00.000000'),
 ('b1', 'b', 1, 'Første', 'Første', 'svar 1', '[]', 0, '2025-03-02 10:00:01.000000'),
 ('b2', 'b', 2, 'Andre', 'Andre', 'svar 2', '[]', 0, '2025-03-02 10:01:00.000000'),
 ('b3', 'b', 2, 'Tredje', 'Tredje', 'svar 3', '[]', 0, '2025-03-02 10:01:00.500000');
INSERT INTO feedback (conversation_id, message_id, rating, comment, created_at) VALUES
 ('a', 'a2', 'down', 'Svaret manglet', '2025-03-01 09:02:00.000000');
"""


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def normal(ddl: str) -> str:
    return re.sub(r"\s+", " ", ddl.replace('"', "")).replace("( ", "(").replace(" )", ")").strip()


def head() -> str:
    revision = ScriptDirectory.from_config(migrations.config()).get_current_head()
    assert revision is not None
    return revision


def version(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT version_num FROM alembic_version")]


@pytest.fixture
def baseline(tmp_path: Path) -> Path:
    """A database as the old code left it: its tables, its rows, no alembic_version."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(BASELINE_DDL + BASELINE_ROWS)
    db.close()
    return path


def test_a_database_from_before_migrations_keeps_its_rows_and_gets_the_new_columns_and_constraint(
    baseline: Path,
) -> None:
    log = ChatLog(f"sqlite:///{baseline}")
    assert version(baseline) == [head()]

    first, second = log.exchanges("a")
    assert (first.turn, first.question, first.answer) == (1, "Hva er Rekom?", "Rekom er [1].")
    assert first.citations == [{"n": 1, "document": "rekom", "title": "Rekom", "text": "Rekom er …"}]
    assert first.created_at == "2025-03-01T09:00:01"
    assert (second.turn, second.resolved_question, first.abstained, second.abstained) == (
        2, "Hvem leder Rekom?", False, True
    )  # fmt: skip
    assert (first.route, first.maalform) == (None, None)  # not known for messages stored before
    assert [(f.message_id, f.rating, f.comment) for f in log.feedback()] == [("a2", "down", "Svaret manglet")]
    assert [(u.question, u.thumbs_down) for u in log.unanswered(10)] == [("Hvem leder det?", True)]
    # The clashing turns are numbered anew in the order they were asked, so the constraint could be added.
    assert [(e.message_id, e.turn) for e in log.exchanges("b")] == [("b1", 1), ("b2", 2), ("b3", 3)]

    inspector = inspect(log.engine)
    assert {"route", "maalform"} <= {c["name"] for c in inspector.get_columns("messages")}
    assert {"ix_messages_conversation_id", "ix_messages_created_at"} <= {
        i["name"] for i in inspector.get_indexes("messages")
    }
    unique = inspector.get_unique_constraints("messages")
    assert [u["column_names"] for u in unique] == [["conversation_id", "turn"]]
    with sqlite3.connect(baseline) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError):  # a second turn 2 in conversation "a"
            db.execute(
                "INSERT INTO messages VALUES ('x', 'a', 2, 'q', 'q', 'a', '[]', 0, '2025-03-03', 'x', 'nb')"
            )
    db.close()

    ChatLog(f"sqlite:///{baseline}")  # opening it again changes nothing
    assert version(baseline) == [head()]


def test_a_new_database_gets_the_newest_revision_and_it_is_what_the_models_describe(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    log = ChatLog(f"sqlite:///{path}")
    assert version(path) == [head()]
    with log.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_the_baseline_revision_is_the_schema_create_all_made(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'baseline.db'}")
    with engine.begin() as connection:
        command.upgrade(migrations.config(connection), migrations.BASELINE)
        made = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'alembic_version'"
        ).scalars()
        assert sorted(normal(s) for s in made) == sorted(normal(s) for s in statements(BASELINE_DDL))
    engine.dispose()


def test_tables_that_are_not_the_baseline_are_refused_not_stamped(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE conversations (id VARCHAR(64) PRIMARY KEY, title TEXT)")
    db.close()
    with pytest.raises(UnknownSchema):
        ChatLog(f"sqlite:///{path}")


def test_a_worker_that_starts_while_another_migrates_waits_and_finds_the_work_done(tmp_path: Path) -> None:
    """Another worker holds the write lock and is midway through making the old schema: this one must
    not read the file as empty and create the tables a second time."""
    path = tmp_path / "shared.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN IMMEDIATE")
    errors: list[BaseException] = []

    def start() -> None:
        try:
            ChatLog(f"sqlite:///{path}")
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=start)
    worker.start()
    time.sleep(0.5)
    for statement in statements(BASELINE_DDL + BASELINE_ROWS):
        other.execute(statement)
    other.execute("COMMIT")
    other.close()
    worker.join(timeout=30)

    assert not worker.is_alive() and errors == []
    assert version(path) == [head()]
    assert [e.turn for e in ChatLog(f"sqlite:///{path}").exchanges("b")] == [1, 2, 3]


def test_workers_opening_one_new_file_at_once_all_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    barrier = threading.Barrier(4, timeout=10)
    errors: list[BaseException] = []

    def start() -> None:
        barrier.wait()
        try:
            ChatLog(url)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=start) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
    assert errors == []
    assert version(tmp_path / "new.db") == [head()]
