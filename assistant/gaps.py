"""What users ask that the documents don't answer: abstained and thumbs-down questions, grouped by meaning.

Each distinct question is embedded as a query (the vector a search of it would use), and groups are
built by average-linkage agglomerative clustering on cosine similarity: the two groups whose questions are
on average most alike merge, until no two are at least `Settings.gap_similarity` alike. Average linkage
and not a greedy pass against a running centroid: e5's vectors of questions in one domain all lie close
together, so a centroid soon resembles every question and swallows unrelated ones (measured, see README).
It is also independent of the order the questions came in, so a report does not reshuffle as rows arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from assistant.chatlog import UnansweredRecord
from assistant.service import Services

MAX_QUESTIONS = 20  # distinct question texts shown per group
# A report reads at most this many exchanges, whatever is asked: each is embedded (about 20 ms cold),
# and the clustering is quadratic in memory and worse in time (1,000 distinct questions: 0.4 s at worst).
MAX_ROWS = 1000

Vector = npt.NDArray[np.float32]  # what an Embedder returns


@dataclass(frozen=True)
class GapGroup:
    count: int  # exchanges in the group
    latest: datetime
    abstained: int
    thumbs_down: int
    example: str  # the most recent question
    answer: str  # the answer the example got
    questions: tuple[str, ...]  # distinct question texts, most recent first, at most MAX_QUESTIONS


@dataclass(frozen=True)
class GapReport:
    groups: list[GapGroup]
    total: int  # exchanges read, the sum of the groups' counts


def unanswered_report(services: Services, limit: int | None = None) -> GapReport:
    """The grouped report of the most recent `limit` (default: the setting) unanswered exchanges."""
    settings = services.settings
    records = services.chatlog.unanswered(min(limit or settings.gap_rows, MAX_ROWS))
    groups = group_unanswered(records, services.embedder.embed_query, settings.gap_similarity)
    return GapReport(groups, total=len(records))


def group_unanswered(
    records: Sequence[UnansweredRecord], embed: Callable[[str], Vector], threshold: float
) -> list[GapGroup]:
    """Groups by count, then by latest question, both descending."""
    newest_first = sorted(records, key=lambda r: r.created_at, reverse=True)
    distinct = list(dict.fromkeys(_grouping_text(r) for r in newest_first))
    if not distinct:
        return []
    vectors = np.stack([_unit(np.asarray(embed(text), dtype=np.float64)) for text in distinct])
    cluster_of = {
        distinct[i]: number
        for number, members in enumerate(average_linkage(vectors, threshold))
        for i in members
    }
    clusters: dict[int, list[UnansweredRecord]] = {}
    for record in newest_first:
        clusters.setdefault(cluster_of[_grouping_text(record)], []).append(record)
    groups = [_group(members) for members in clusters.values()]
    return sorted(groups, key=lambda g: (g.count, g.latest), reverse=True)


def average_linkage(vectors: npt.NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Row indices of unit vectors, clustered: merge the two most similar clusters (mean cosine over
    all their pairs) while that mean is at least `threshold`."""
    n = len(vectors)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    sizes = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]
    while n > 1:
        i, j = divmod(int(np.argmax(sims)), n)
        if sims[i, j] < threshold:
            break
        # Lance-Williams for average linkage; retired rows and columns hold -inf and stay out of reach.
        merged = (sizes[i] * sims[i] + sizes[j] * sims[j]) / (sizes[i] + sizes[j])
        sims[i, :], sims[:, i] = merged, merged
        sims[j, :], sims[:, j] = -np.inf, -np.inf
        sims[i, i] = -np.inf
        sizes[i] += sizes[j]
        members[i] += members[j]
        members[j] = []
    return [m for m in members if m]


def _grouping_text(record: UnansweredRecord) -> str:
    # The resolved question stands on its own: a follow-up ("Og for barnehagene?") carries its topic, and
    # a nynorsk question is in bokmål like the rest. The group still shows the words the user wrote.
    return record.resolved_question or record.question


def _unit(vector: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _group(members: list[UnansweredRecord]) -> GapGroup:
    latest = members[0]  # members are newest first
    questions = tuple(dict.fromkeys(m.question for m in members))[:MAX_QUESTIONS]
    return GapGroup(
        count=len(members),
        latest=latest.created_at,
        abstained=sum(m.abstained for m in members),
        thumbs_down=sum(m.thumbs_down for m in members),
        example=latest.question,
        answer=latest.answer,
        questions=questions,
    )
