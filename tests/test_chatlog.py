"""The chat log on a real SQLite file: writes from many threads wait their turn, and each message keeps who
answered it and in which written standard. (Instances posting at once: tests/test_shared_database.py.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from assistant.chatlog import ChatLog
from assistant.models import Answer


@pytest.fixture
def log(tmp_path: Path) -> ChatLog:
    return ChatLog(f"sqlite:///{tmp_path / 'chat.db'}")


def inserts_of_messages(log: ChatLog) -> list[str]:
    """Every INSERT into messages the log sends, in order (a list the test can read)."""
    sent: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO messages"):
            sent.append(statement)

    event.listen(log.engine, "before_cursor_execute", seen)
    return sent


def test_a_write_waits_its_turn_behind_a_stalled_writer_instead_of_failing(log: ChatLog) -> None:
    """A busy server's threads wait for the GIL inside their transactions; SQLite's busy timeout (5 s)
    ran out behind such a writer, and the chat answered 500 "database is locked"."""
    conversation = log.new_conversation_id()
    log.add_exchange("Hva er Rekom?", Answer(conversation, "Rekom er …"), first=True)
    holding = threading.Event()
    errors: list[BaseException] = []

    def stalled_writer() -> None:
        try:
            log.add_exchange("Første", Answer(conversation, "svar"))
        except BaseException as exc:
            errors.append(exc)

    def stall(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO messages") and threading.current_thread().name == "stalled":
            holding.set()
            time.sleep(6)  # longer than the busy timeout, with the write lock held

    event.listen(log.engine, "after_cursor_execute", stall)
    first = threading.Thread(target=stalled_writer, name="stalled")
    first.start()
    assert holding.wait(timeout=10)
    log.add_exchange("Andre", Answer(conversation, "svar"))  # raised "database is locked" before
    first.join(timeout=30)
    assert errors == []
    assert [e.question for e in log.exchanges(conversation)] == ["Hva er Rekom?", "Første", "Andre"]


def test_an_insert_refused_for_another_reason_is_not_retried(log: ChatLog) -> None:
    sent = inserts_of_messages(log)
    with pytest.raises(IntegrityError):  # no such conversation: the foreign key refuses it
        log.add_exchange("Hei", Answer("finnes-ikke", "svar"))
    assert len(sent) == 1


def test_route_and_maalform_are_stored_with_each_message_and_read_back(log: ChatLog) -> None:
    conversation = log.new_conversation_id()
    log.add_exchange("Kva er Rekom?", Answer(conversation, "Rekom er …", maalform="nn"), first=True)
    log.add_exchange(
        "Vi er ein kommune, kva passar for oss?",
        Answer(conversation, "Desse ordningane …", route="advisor", maalform="nn"),
    )
    log.add_exchange("Og på bokmål?", Answer(conversation, "Disse ordningene …", route="advisor"))
    assert [(e.turn, e.route, e.maalform) for e in log.exchanges(conversation)] == [
        (1, "retrieval", "nn"),
        (2, "advisor", "nn"),
        (3, "advisor", "nb"),
    ]
