"""The chat log on a real SQLite file: turns stay distinct when posts to one conversation arrive at once, and
each message keeps who answered it and in which written standard."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from assistant.chatlog import ChatLog
from assistant.models import Answer

POSTS = 6


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


def test_posts_at_once_to_one_conversation_get_distinct_turns(log: ChatLog) -> None:
    conversation = log.new_conversation_id()
    log.add_exchange("Hva er Rekom?", Answer(conversation, "Rekom er …"), first=True)
    # Every post has read the conversation's last turn before any of them inserts: the race, every time.
    barrier = threading.Barrier(POSTS, timeout=10)
    waited = threading.local()

    def hold_first_insert(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO messages") and not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()

    event.listen(log.engine, "before_cursor_execute", hold_first_insert)
    errors: list[BaseException] = []

    def post(n: int) -> None:
        try:
            log.add_exchange(f"Oppfølging {n}", Answer(conversation, f"svar {n}"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert errors == []
    exchanges = log.exchanges(conversation)
    assert [e.turn for e in exchanges] == list(range(1, POSTS + 2))
    assert {e.question for e in exchanges[1:]} == {f"Oppfølging {n}" for n in range(POSTS)}
    assert log.resolved_questions(conversation)[0] == "Hva er Rekom?"


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
