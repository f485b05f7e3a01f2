"""Benchmark follow-up resolution (`assistant.conversation.resolve_follow_up`) in-process: the rules run
on every chat turn before retrieval, so they must stay far below a request's budget.

    python eval/bench_followups.py            # reports mean and p95 per resolution
    python eval/bench_followups.py --check    # exits 1 when the mean is above the 5 ms target

It uses the index in ASSISTANT_DATA_DIR (default data/), ingesting the corpus first if it is empty, and the
multi-turn questions of the eval set with their earlier turns.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.config import Settings
from assistant.conversation import resolve_follow_up
from assistant.service import build_services, ensure_index

HERE = Path(__file__).resolve().parent
TARGET_MEAN_MS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the follow-up questions")
    parser.add_argument("--check", action="store_true", help=f"exit 1 above a mean of {TARGET_MEAN_MS} ms")
    args = parser.parse_args()
    services = build_services(Settings())
    ensure_index(services)
    lexical = services.retriever.lexical
    raw = yaml.safe_load((HERE / "questions.yaml").read_text("utf-8"))
    turns = [(str(q["question"]), [str(h) for h in q["history"]]) for q in raw if q.get("history")]
    resolve_follow_up(*turns[0], lexical)  # loads the word lists
    seconds = []
    for _ in range(args.rounds):
        for question, history in turns:
            start = time.perf_counter()
            resolve_follow_up(question, history, lexical)
            seconds.append(time.perf_counter() - start)
    ms = np.array(seconds) * 1000
    p95 = np.percentile(ms, 95)
    print(f"{len(turns)} follow-ups × {args.rounds}: mean {ms.mean():.2f} ms, p95 {p95:.2f} ms")
    if args.check and ms.mean() > TARGET_MEAN_MS:
        print(f"above the target mean of {TARGET_MEAN_MS} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
