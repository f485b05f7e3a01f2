"""The chat database as several instances share it, on a real PostgreSQL: the schema, the index version,
and the index's one writer across instances."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assistant.chatlog import ChatLog, metadata
from tests.postgres_server import postgres_server


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
