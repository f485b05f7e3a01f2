"""Benchmark /api/chat over HTTP: the nynorsk twins beside their bokmål originals, warm p50/p95 one request
at a time, then throughput with N concurrent clients. Questions come from the eval set, so the mix of answers
and abstentions is realistic.

    python eval/bench_api.py                      # starts `assistant serve` on a free port
    python eval/bench_api.py --no-cache           # every request pays for its query embedding
    python eval/bench_api.py --url http://127.0.0.1:8000 --clients 8 --seconds 30
    python eval/bench_api.py --twins-only         # only nynorsk against bokmål

The twins phase (eval/nynorsk.yaml) asks each bokmål question and its nynorsk twin one after the other, so
both see the same load, and reports what answering in nynorsk costs (two Apertium translations); it runs
first, once over the twins, so that no nynorsk question or answer is in the translation cache yet.
The concurrent phase cycles through the eval questions, so with the (default) query-vector cache most
of its requests repeat a question; --no-cache measures the cost of questions never seen before.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import yaml

HERE = Path(__file__).resolve().parent


def questions() -> list[str]:
    raw = yaml.safe_load((HERE / "questions.yaml").read_text("utf-8"))
    return [q["question"] for q in raw if not q.get("history")]


def twins() -> list[tuple[str, str]]:
    """(bokmål question, its nynorsk twin) for every twin in eval/nynorsk.yaml."""
    by_id = {q["id"]: q["question"] for q in yaml.safe_load((HERE / "questions.yaml").read_text("utf-8"))}
    raw = yaml.safe_load((HERE / "nynorsk.yaml").read_text("utf-8"))
    return [(by_id[t["twin"]], t["question"]) for t in raw]


@contextmanager
def started_server(env: dict[str, str], timeout: float = 300) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HF_HUB_OFFLINE": "1", **env},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("assistant serve did not become ready")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def one(client: httpx.Client, question: str) -> tuple[float, int]:
    start = time.perf_counter()
    status = client.post("/api/chat", json={"message": question}).status_code
    return (time.perf_counter() - start) * 1000, status


def sequential(url: str, qs: list[str], rounds: int) -> dict[str, float]:
    with httpx.Client(base_url=url, timeout=30) as client:
        for q in qs[:10]:  # warm-up
            one(client, q)
        samples = [one(client, q) for q in qs * rounds]
    ms = [m for m, _ in samples]
    return {
        "requests": len(samples),
        "errors": sum(1 for _, s in samples if s != 200),
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
    }


TWINS_WARM_UP = 4  # pairs asked before the measured ones: the first nynorsk answers start Apertium


def languages(url: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Bokmål and nynorsk p50/p95 on the same questions, each pair asked back to back (in alternating
    order), so the difference is what the nynorsk answer's translations cost."""
    ms: dict[str, list[float]] = {"nb": [], "nn": []}
    errors = 0
    with httpx.Client(base_url=url, timeout=30) as client:
        for i, (nb, nn) in enumerate(pairs):
            asked = [("nb", nb), ("nn", nn)] if i % 2 == 0 else [("nn", nn), ("nb", nb)]
            for maalform, question in asked:
                took, status = one(client, question)
                errors += status != 200
                if i >= TWINS_WARM_UP:
                    ms[maalform].append(took)
    result: dict[str, Any] = {
        m: {"requests": len(v), "p50_ms": float(np.percentile(v, 50)), "p95_ms": float(np.percentile(v, 95))}
        for m, v in ms.items()
    }
    result["nn_minus_nb_p95_ms"] = result["nn"]["p95_ms"] - result["nb"]["p95_ms"]
    result["errors"] = errors
    return result


def concurrent(url: str, qs: list[str], clients: int, seconds: float) -> dict[str, float]:
    lock = threading.Lock()
    samples: list[tuple[float, int]] = []
    stop = time.monotonic() + seconds
    source = itertools.cycle(qs)

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            while time.monotonic() < stop:
                with lock:
                    q = next(source)
                result = one(client, q)
                with lock:
                    samples.append(result)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    ms = [m for m, _ in samples]
    return {
        "clients": clients,
        "requests": len(samples),
        "errors": sum(1 for _, s in samples if s != 200),
        "requests_per_s": len(samples) / elapsed,
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="A running service; without it one is started.")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=1, help="Passes over the questions, one at a time.")
    parser.add_argument(
        "--no-cache", action="store_true", help="Start the server without its query-vector cache."
    )
    parser.add_argument("--twins-only", action="store_true", help="Only the nynorsk twins phase.")
    parser.add_argument("--out", type=Path, default=Path("data/bench/api.json"))
    args = parser.parse_args()
    qs = questions()
    env = {"ASSISTANT_QUERY_CACHE_SIZE": "0"} if args.no_cache else {}
    with started_server(env) if args.url is None else _given(args.url) as url:
        result: dict[str, Any] = {"twins": languages(url, twins()), "cpu_count": os.cpu_count()}
        if not args.twins_only:
            result["sequential"] = sequential(url, qs, args.rounds)
            result["concurrent"] = concurrent(url, qs, args.clients, args.seconds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), "utf-8")
    tw = result["twins"]
    print(
        f"/api/chat, {tw['nb']['requests']} bokmål questions and their nynorsk twins, back to back: "
        f"bokmål p50 {tw['nb']['p50_ms']:.1f} ms, p95 {tw['nb']['p95_ms']:.1f} ms; nynorsk p50 "
        f"{tw['nn']['p50_ms']:.1f} ms, p95 {tw['nn']['p95_ms']:.1f} ms "
        f"(p95 {tw['nn_minus_nb_p95_ms']:+.1f} ms), {tw['errors']} errors"
    )
    if args.twins_only:
        return
    seq, con = result["sequential"], result["concurrent"]
    print(
        f"/api/chat warm, one at a time: p50 {seq['p50_ms']:.1f} ms, p95 {seq['p95_ms']:.1f} ms, "
        f"{seq['requests']} requests, {seq['errors']} errors"
    )
    print(
        f"/api/chat, {con['clients']} clients: {con['requests_per_s']:.1f} req/s, "
        f"p50 {con['p50_ms']:.1f} ms, p95 {con['p95_ms']:.1f} ms, {con['requests']} requests, "
        f"{con['errors']} errors"
    )


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()
