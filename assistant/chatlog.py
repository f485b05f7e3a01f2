"""Conversations, their messages (with citations) and feedback, kept in SQL through SQLAlchemy.

SQLite under the data directory by default; the URL is a setting so several API instances can share
Postgres. Each call opens its own short session, so the log is safe to use from many threads. The schema is
Alembic's (assistant/migrations): opening the log brings the database to the newest revision.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from assistant import texts
from assistant.errors import ConversationNotFound, DataDirUnwritable, MessageNotFound
from assistant.index.store import unavailable
from assistant.migrations import upgrade
from assistant.models import Answer

logger = logging.getLogger(__name__)

# Posts to one conversation at once may pick the same next turn; the unique constraint refuses all but
# one, and the others try again with the turn after it. Each retry means another post got in first.
_TURN_ATTEMPTS = 10
_WRITER_LOCK = 0x4B41_5752  # "KAWR": pg_advisory_lock's key for the index's writer


class _TurnTaken(Exception):
    """An exchange refused because another post stored the same turn of its conversation first."""

    def __init__(self, error: IntegrityError) -> None:
        super().__init__(str(error))
        self.error = error


class _Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


class ConversationRow(_Base):
    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MessageRow(_Base):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("conversation_id", "turn", name="uq_messages_conversation_turn"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), index=True)
    turn: Mapped[int] = mapped_column(Integer)  # 1, 2, … within the conversation
    # One row per exchange: the user's words, what retrieval searched for, and the reply.
    question: Mapped[str] = mapped_column(Text)
    resolved_question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    citations: Mapped[str] = mapped_column(Text)  # JSON list, the public citation shape
    abstained: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    # Who answered ("retrieval" or "advisor") and in which written standard ("nb" or "nn"); None for
    # messages stored before revision 0002.
    route: Mapped[str | None] = mapped_column(String(16))
    maalform: Mapped[str | None] = mapped_column(String(2))


class FeedbackRow(_Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"), index=True)
    rating: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class IndexVersionRow(_Base):
    """One row (id 1): the shared index's version. Every write to the index bumps it; every API instance
    reads it once a second and rebuilds its in-memory snapshot when it changed (api/index_watch.py)."""

    __tablename__ = "index_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)


# The models as the newest migration leaves the schema (tests compare the two; autogenerate diffs them).
metadata = _Base.metadata


@dataclass(frozen=True)
class FeedbackRecord:
    created_at: str
    conversation_id: str
    message_id: str
    rating: str
    comment: str
    question: str
    answer: str


FEEDBACK_COLUMNS = list(FeedbackRecord.__dataclass_fields__)


@dataclass(frozen=True)
class Exchange:
    """One stored turn as a reader sees it again: what was asked, how it was read, and the reply."""

    message_id: str
    turn: int  # 1, 2, … within the conversation
    question: str
    resolved_question: str
    answer: str
    citations: list[dict[str, Any]]  # the public citation shape, as stored
    abstained: bool
    created_at: str
    route: str | None = None  # "retrieval" or "advisor"; None if stored before it was kept
    maalform: str | None = None  # "nb" or "nn", the answer's written standard; None as for route


@dataclass(frozen=True)
class UnansweredRecord:
    """An exchange the documents did not serve: the assistant abstained, or the asker gave a thumbs down."""

    question: str  # the user's words
    resolved_question: str  # standalone (follow-up resolved), in bokmål: what retrieval searched for
    answer: str
    created_at: datetime
    abstained: bool
    thumbs_down: bool
    comment: str  # the latest thumbs-down comment, "" if none


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes even for timezone=True columns; they were stored in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while a writer commits; busy_timeout waits instead of failing on a lock.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_file(url: str) -> Path | None:
    """The database file of an SQLite URL; None for other databases and in-memory SQLite."""
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else ""
    return Path(path) if path and path != ":memory:" else None


def _file_id(path: Path | None) -> tuple[int, int] | None:
    try:
        stat = path.stat() if path is not None else None
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino) if stat is not None else None


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class ChatLog:
    def __init__(self, url: str) -> None:
        self.engine = _engine(url)
        upgrade(url)  # before the first session: every worker opens the log at start-up
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._url = url
        self._file = _sqlite_file(url)
        self._file_id = _file_id(self._file)
        self._reopening = threading.Lock()
        # SQLite has one writer at a time. Left to its busy timeout, threads of one busy process queue on
        # the file lock while the holder waits for the GIL, and some give up with "database is locked"
        # (a 500). They queue here instead, in turn; Postgres locks rows and needs no such queue.
        self._write_turn = threading.Lock() if url.startswith("sqlite") else None

    @property
    def _session(self) -> sessionmaker[Session]:
        """The session factory, on the database file that is there now. An SQLite file removed (or
        replaced) while the service runs would otherwise go on taking writes through the pool's open
        connections into a file no one can see, all of it lost at the next start: one stat per session
        notices, and the log opens the new file (made with its schema if there is none)."""
        if self._file is not None and _file_id(self._file) != self._file_id:
            with self._reopening:
                if _file_id(self._file) != self._file_id:
                    logger.warning("The chat database %s was removed or replaced: opening anew", self._file)
                    self.engine.dispose()
                    upgrade(self._url)
                    self._file_id = _file_id(self._file)
        return self._sessions

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A write transaction, committed at the end of the block. A full or read-only data directory is
        said by name (503 `data_dir_full`), not as an internal error: the operator's to fix, and nothing
        stored before is touched, since the transaction is rolled back whole."""
        try:
            with self._write_turn or nullcontext(), self._session.begin() as session:
                yield session
        except OperationalError as error:
            refused = unavailable(error)
            if isinstance(refused, DataDirUnwritable):
                raise refused from error
            raise

    @staticmethod
    def new_conversation_id() -> str:
        """An id for a conversation that is stored with its first exchange (one transaction, not two)."""
        return str(uuid.uuid4())

    def require_conversation(self, conversation_id: str) -> None:
        with self._session() as session:
            if session.get(ConversationRow, conversation_id) is None:
                raise ConversationNotFound(texts.CONVERSATION_NOT_FOUND.format(id=conversation_id))

    def resolved_questions(self, conversation_id: str) -> list[str]:
        """The conversation's earlier questions as retrieval saw them, oldest first."""
        with self._session() as session:
            rows = session.scalars(
                select(MessageRow.resolved_question)
                .where(MessageRow.conversation_id == conversation_id)
                .order_by(MessageRow.turn)
            )
            return list(rows)

    def exchanges(self, conversation_id: str) -> list[Exchange]:
        """The whole conversation, oldest first, so a page reload can show it again."""
        self.require_conversation(conversation_id)
        with self._session() as session:
            rows = session.scalars(
                select(MessageRow)
                .where(MessageRow.conversation_id == conversation_id)
                .order_by(MessageRow.turn)
            )
            return [
                Exchange(
                    message_id=row.id,
                    turn=row.turn,
                    question=row.question,
                    resolved_question=row.resolved_question,
                    answer=row.answer,
                    citations=json.loads(row.citations),
                    abstained=row.abstained,
                    created_at=row.created_at.isoformat(timespec="seconds"),
                    route=row.route,
                    maalform=row.maalform,
                )
                for row in rows
            ]

    def add_exchange(self, question: str, answer: Answer, first: bool = False) -> str:
        """Store one exchange as the conversation's next turn; `first` also creates its conversation. A
        turn another post took meanwhile is refused by the unique constraint, and the whole transaction
        is done again with the turn after it."""
        message_id = str(uuid.uuid4())
        for attempt in range(1, _TURN_ATTEMPTS + 1):
            try:
                self._insert_exchange(message_id, question, answer, first)
                return message_id
            except _TurnTaken as taken:
                if attempt == _TURN_ATTEMPTS:
                    raise taken.error from None
                logger.info("Turn taken in %s by a post at the same time; retrying", answer.conversation_id)
        raise AssertionError("unreachable")

    def _insert_exchange(self, message_id: str, question: str, answer: Answer, first: bool) -> None:
        turn = 0
        try:
            with self._writing() as session:
                if first:
                    session.add(ConversationRow(id=answer.conversation_id))
                    session.flush()
                last = session.scalar(
                    select(func.max(MessageRow.turn)).where(
                        MessageRow.conversation_id == answer.conversation_id
                    )
                )
                turn = (last or 0) + 1
                session.add(
                    MessageRow(
                        id=message_id,
                        conversation_id=answer.conversation_id,
                        turn=turn,
                        question=question,
                        resolved_question=answer.resolved_question or question,
                        answer=answer.answer,
                        citations=json.dumps([c.to_dict() for c in answer.citations], ensure_ascii=False),
                        abstained=answer.abstained,
                        route=answer.route,
                        maalform=answer.maalform,
                    )
                )
        except IntegrityError as error:
            if turn and self._holds_turn(answer.conversation_id, turn):
                raise _TurnTaken(error) from error
            raise

    def _holds_turn(self, conversation_id: str, turn: int) -> bool:
        with self._session() as session:
            held = select(MessageRow.id).where(
                MessageRow.conversation_id == conversation_id, MessageRow.turn == turn
            )
            return session.scalar(held) is not None

    def add_feedback(self, conversation_id: str, message_id: str, rating: str, comment: str) -> None:
        with self._writing() as session:
            message = session.get(MessageRow, message_id)
            if message is None or message.conversation_id != conversation_id:
                raise MessageNotFound(texts.MESSAGE_NOT_FOUND.format(id=message_id))
            session.add(
                FeedbackRow(
                    conversation_id=conversation_id, message_id=message_id, rating=rating, comment=comment
                )
            )

    def feedback(self) -> Iterator[FeedbackRecord]:
        with self._session() as session:
            rows = session.execute(
                select(FeedbackRow, MessageRow)
                .join(MessageRow, FeedbackRow.message_id == MessageRow.id)
                .order_by(FeedbackRow.id)
            )
            for fb, msg in rows:
                yield FeedbackRecord(
                    created_at=fb.created_at.isoformat(timespec="seconds"),
                    conversation_id=fb.conversation_id,
                    message_id=fb.message_id,
                    rating=fb.rating,
                    comment=fb.comment,
                    question=msg.question,
                    answer=msg.answer,
                )

    def unanswered(self, limit: int) -> list[UnansweredRecord]:
        """The `limit` most recent abstained or thumbs-down exchanges, newest first. Read-only."""
        down = select(FeedbackRow.message_id).where(FeedbackRow.rating == "down")
        with self._session() as session:
            messages = list(
                session.scalars(
                    select(MessageRow)
                    .where(or_(MessageRow.abstained.is_(True), MessageRow.id.in_(down)))
                    .order_by(MessageRow.created_at.desc(), MessageRow.id)
                    .limit(limit)
                )
            )
            comments: dict[str, str] = {}
            feedback = session.scalars(
                select(FeedbackRow)
                .where(FeedbackRow.rating == "down", FeedbackRow.message_id.in_([m.id for m in messages]))
                .order_by(FeedbackRow.id)
            )
            for fb in feedback:  # oldest first: the latest non-empty comment stays
                comments[fb.message_id] = fb.comment or comments.get(fb.message_id, "")
        return [
            UnansweredRecord(
                question=m.question,
                resolved_question=m.resolved_question,
                answer=m.answer,
                created_at=_aware(m.created_at),
                abstained=m.abstained,
                thumbs_down=m.id in comments,
                comment=comments.get(m.id, ""),
            )
            for m in messages
        ]

    def index_version(self) -> int:
        """The shared index's version: one primary-key read, cheap enough to ask every second."""
        with self._session() as session:
            return int(session.scalar(select(IndexVersionRow.version).where(IndexVersionRow.id == 1)) or 0)

    def bump_index_version(self) -> int:
        """Say that the index changed; returns the new version. The increment is one UPDATE, so bumps from
        several instances at once never share a number."""
        with self._writing() as session:
            session.execute(
                update(IndexVersionRow)
                .where(IndexVersionRow.id == 1)
                .values(version=IndexVersionRow.version + 1)
            )
            return int(session.scalar(select(IndexVersionRow.version).where(IndexVersionRow.id == 1)) or 0)

    @contextmanager
    def writer(self) -> Iterator[None]:
        """The index's one writer across instances: on Postgres an advisory lock, held on a connection of
        its own while the block runs (an instance that dies lets go with its connection); on SQLite, which
        only one instance uses, nothing."""
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _WRITER_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _WRITER_LOCK})
                connection.commit()

    def ping(self) -> None:
        with self._session() as session:
            session.execute(select(1))
