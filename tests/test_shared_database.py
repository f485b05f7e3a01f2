"""The chat database as several instances share it, on a real PostgreSQL: the schema, the index version,
the index's one writer across instances, and turns that stay distinct when instances post to one
conversation at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from assistant.chatlog import ChatLog, metadata
from assistant.models import Answer
from tests.postgres_server import postgres_server

POSTS = 6


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with postgres_server() as server:
        ChatLog(server.url)  # the first instance migrates it
        yield server.url


def test_postgres_gets_the_newest_revision_as_the_models_describe_it(url: str) -> None:
    log = ChatLog(url)  # a second instance finds the work done
    with log.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_index_versions_bumped_by_instances_at_once_are_all_distinct(url: str) -> None:
    logs = [ChatLog(url) for _ in range(4)]
    start = logs[0].index_version()
    seen: list[int] = []

    def bump(log: ChatLog) -> None:
        for _ in range(10):
            seen.append(log.bump_index_version())

    threads = [threading.Thread(target=bump, args=(log,)) for log in logs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(seen) == list(range(start + 1, start + 41))
    assert all(log.index_version() == start + 40 for log in logs)


def test_the_index_has_one_writer_across_instances(url: str) -> None:
    first, second = ChatLog(url), ChatLog(url)
    entered = threading.Event()

    def write() -> None:
        with second.writer():
            entered.set()

    with first.writer():
        other = threading.Thread(target=write)
        other.start()
        time.sleep(0.5)
        assert not entered.is_set()  # the other instance waits …
    assert entered.wait(10)  # … until this one is done
    other.join(timeout=10)


def test_posts_at_once_from_instances_to_one_conversation_get_distinct_turns(url: str) -> None:
    logs = [ChatLog(url) for _ in range(POSTS)]
    log = logs[0]
    conversation = log.new_conversation_id()
    log.add_exchange("Hva er Rekom?", Answer(conversation, "Rekom er …"), first=True)
    # Every post has read the conversation's last turn before any of them inserts: the race, every time.
    barrier = threading.Barrier(POSTS, timeout=10)
    waited = threading.local()

    def hold_first_insert(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO messages") and not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()

    for each in logs:
        event.listen(each.engine, "before_cursor_execute", hold_first_insert)
    errors: list[BaseException] = []

    def post(n: int) -> None:
        try:
            logs[n].add_exchange(f"Oppfølging {n}", Answer(conversation, f"svar {n}"))
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
