"""A bounded load generator for /api/chat: req/s, p50/p95/p99 latency and errors at 1, 8 and 32 concurrent
clients, on the embedded store and on a Chroma server store, with and without the query-vector cache.

    python eval/bench_load.py                                  # every cell, 10 s each (about 5 minutes)
    python eval/bench_load.py --stores embedded --cache off --clients 8 --seconds 15
    python eval/bench_load.py --stores embedded --cache off --clients 8 \\
        --variant ASSISTANT_EMBEDDING_THREADS=1 --rounds 2   # baseline and variant, alternating
    python eval/bench_load.py --json > load.json

It asks /api/chat, not /api/search: a user's request is the whole path (language, plan, retrieval, answer,
citations, chat log), and that is what a number of clients must be served at. Questions are the eval set's
(eval/questions.yaml, one-turn ones), cycled from a different offset by each client. "cache off" starts the
server with ASSISTANT_QUERY_CACHE_SIZE=0, so every request embeds its question (the service has no other
answer cache); "cache on" first asks every question once, so the measured requests all hit the cache.

With --variant KEY=VALUE ..., a second server is started with those settings beside the baseline, and each
cell is measured on both, alternating (A B, then B A on the next round), so a change is measured against its
baseline on the same machine at the same time: figures from a busy machine compare only within one run.

"cpu ms/req" is the CPU time the server process (not its Apertium child) spent per request in the cell:
on a machine shared with other work it is steadier than req/s, which depends on the share of the cores the
server gets (a process with more runnable threads gets more).

A cell is a fixed time (--seconds) or --max-requests, whichever ends first; a request that takes longer than
--timeout is an error. Each server's log is <workdir>/<store>-<n>/serve.log. The corpus is ingested once
into --workdir (kept, so a second run starts faster).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/ (the Chroma server helper) sits beside eval/

from bench_api import questions  # noqa: E402

from tests.chroma_server import chroma_server, free_port  # noqa: E402
from tests.serve_process import assistant_serve  # noqa: E402


@dataclass
class Cell:
    store: str
    cache: str
    variant: str
    clients: int
    requests: int
    errors: int
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    server_cpu_ms_per_request: float
    error_kinds: dict[str, int]


def ask(client: httpx.Client, question: str) -> tuple[float, str]:
    """Milliseconds taken and "200", another status, or the transport error's name."""
    start = time.perf_counter()
    try:
        outcome = str(client.post("/api/chat", json={"message": question}).status_code)
    except httpx.TransportError as exc:
        outcome = type(exc).__name__
    return (time.perf_counter() - start) * 1000, outcome


def server_cpu_s(url: str) -> float:
    """CPU seconds the server process (found by its port in /proc, Linux only) has used so far: on a
    machine that others share, the CPU a request costs is steadier than the requests a second."""
    port = url.rsplit(":", 1)[1]
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if cmdline.read_bytes().split(b"\0")[-3:-1] == [b"--port", port.encode()]:
                fields = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return float("nan")


def run_cell(
    url: str, qs: list[str], clients: int, seconds: float, max_requests: int, timeout: float
) -> dict[str, Any]:
    """`clients` threads, each with its own connection, ask one question after another until the time or
    the request budget is spent. The connections are set up before the clock starts: on a busy machine 32
    of them took longer than a short cell."""
    lock = threading.Lock()
    samples: list[tuple[float, str]] = []
    stop = float("inf")

    def client_loop(client: httpx.Client, offset: int) -> None:
        i = offset
        while time.monotonic() < stop:
            with lock:
                if len(samples) >= max_requests:
                    return
            result = ask(client, qs[i % len(qs)])
            i += 1
            with lock:
                samples.append(result)

    with ExitStack() as stack:
        threads = [
            threading.Thread(
                target=client_loop,
                args=(
                    stack.enter_context(httpx.Client(base_url=url, timeout=timeout)),
                    n * len(qs) // clients,
                ),
            )
            for n in range(clients)
        ]
        cpu_start, start = server_cpu_s(url), time.perf_counter()
        stop = time.monotonic() + seconds
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed, cpu = time.perf_counter() - start, server_cpu_s(url) - cpu_start
    ms = [m for m, _ in samples] or [float("nan")]
    kinds = Counter(outcome for _, outcome in samples if outcome != "200")
    return {
        "clients": clients,
        "requests": len(samples),
        "errors": sum(kinds.values()),
        "requests_per_s": len(samples) / elapsed,
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "p99_ms": float(np.percentile(ms, 99)),
        "server_cpu_ms_per_request": cpu * 1000 / max(len(samples), 1),
        "error_kinds": dict(kinds),
    }


def ingest(workdir: Path, env: dict[str, str]) -> None:
    """The corpus into the store once (incremental: a second run skips unchanged files)."""
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest"],
        env={**os.environ, "HF_HUB_OFFLINE": "1", **env},
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=workdir,
    )


@contextmanager
def store_env(store: str, workdir: Path) -> Iterator[dict[str, str]]:
    """Settings for one store, its corpus ingested: embedded Chroma under a data dir, or a `chroma run`."""
    data = workdir / store
    data.mkdir(parents=True, exist_ok=True)
    # The corpus's nynorsk pre-translation runs in the background after start-up, once per data dir: off
    # here, so it does not compete with the measured requests.
    env = {"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_TRANSLATION_STORE": "false"}
    with ExitStack() as stack:
        if store == "server":
            server = stack.enter_context(chroma_server(workdir / "chroma"))
            env |= {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(server.port)}
        ingest(workdir, env)
        yield env


def started(env: dict[str, str]) -> AbstractContextManager[str]:
    """`assistant serve` on a free loopback port, its log in its data dir (where a 500 is explained)."""
    log = Path(env["ASSISTANT_DATA_DIR"]) / "serve.log"
    return assistant_serve({**os.environ, "HF_HUB_OFFLINE": "1", **env}, free_port(), log, ready_within=600)


def own_data_dir(env: dict[str, str], i: int) -> dict[str, str]:
    """A fresh copy of the ingested data dir for server `i`: two processes must not share an embedded
    Chroma or a SQLite chat log (a Chroma server store is shared, as when scaled out)."""
    ingested = Path(env["ASSISTANT_DATA_DIR"])
    own = ingested.with_name(f"{ingested.name}-{i}")
    shutil.rmtree(own, ignore_errors=True)
    shutil.copytree(ingested, own)
    return env | {"ASSISTANT_DATA_DIR": str(own)}


def warm(url: str, qs: list[str], cache: str) -> None:
    """Start-up costs (first Apertium call, lazy imports) out of the figures; with the cache, every
    question once, so the measured requests find their vectors."""
    with httpx.Client(base_url=url, timeout=60) as client:
        for q in qs if cache == "on" else qs[:10]:
            ask(client, q)


def measure(args: argparse.Namespace) -> list[Cell]:
    qs = questions()
    cells: list[Cell] = []
    for store in args.stores:
        with store_env(store, args.workdir) as env:
            for cache in args.cache:
                base = {**env, **({"ASSISTANT_QUERY_CACHE_SIZE": "0"} if cache == "off" else {})}
                cells += measure_servers(args, qs, store, cache, base)
    return cells


def measure_servers(
    args: argparse.Namespace, qs: list[str], store: str, cache: str, env: dict[str, str]
) -> list[Cell]:
    """Every number of clients on the baseline server and (with --variant) on the variant's, in turn."""
    cells: list[Cell] = []
    servers = {"baseline": env}
    if args.variant:
        servers[" ".join(args.variant)] = env | dict(pair.split("=", 1) for pair in args.variant)
    with ExitStack() as stack:
        urls = {
            name: stack.enter_context(started(own_data_dir(settings, i)))
            for i, (name, settings) in enumerate(servers.items())
        }
        for url in urls.values():
            warm(url, qs, cache)
        for clients in args.clients:
            for r in range(args.rounds):
                for name, url in list(urls.items())[:: 1 if r % 2 == 0 else -1]:
                    result = run_cell(url, qs, clients, args.seconds, args.max_requests, args.timeout)
                    cells.append(Cell(store=store, cache=cache, variant=name, **result))
                    print(table_row(cells[-1]), file=sys.stderr, flush=True)
    return cells


HEADER = (
    "store    cache variant                  clients requests  req/s  p50 ms  p95 ms  p99 ms  "
    "cpu ms/req  errors"
)


def table_row(c: Cell) -> str:
    return (
        f"{c.store:8s} {c.cache:5s} {c.variant[:24]:24s} {c.clients:7d} {c.requests:8d} "
        f"{c.requests_per_s:6.1f} {c.p50_ms:7.1f} {c.p95_ms:7.1f} {c.p99_ms:7.1f} "
        f"{c.server_cpu_ms_per_request:10.1f} {c.errors:7d}" + (f"  {c.error_kinds}" if c.errors else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    stores = ["embedded", "server"]
    parser.add_argument("--stores", nargs="+", choices=stores, default=stores)
    parser.add_argument("--cache", nargs="+", choices=["on", "off"], default=["off", "on"])
    parser.add_argument("--clients", nargs="+", type=int, default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=10, help="Length of each cell.")
    parser.add_argument("--max-requests", type=int, default=5000, help="Requests per cell at most.")
    parser.add_argument("--timeout", type=float, default=30, help="A slower request counts as an error.")
    parser.add_argument("--rounds", type=int, default=1, help="Measurements of each cell (alternating A/B).")
    parser.add_argument(
        "--variant",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="Settings of a second server to compare.",
    )
    parser.add_argument("--workdir", type=Path, default=Path("data/bench/load"))
    parser.add_argument("--json", action="store_true", help="The cells as JSON on stdout.")
    args = parser.parse_args()
    args.workdir = args.workdir.resolve()
    print(HEADER, file=sys.stderr, flush=True)
    cells = measure(args)
    if args.json:
        print(json.dumps({"cpu_count": os.cpu_count(), "cells": [asdict(c) for c in cells]}, indent=2))
    else:
        print(HEADER)
        for c in cells:
            print(table_row(c))


if __name__ == "__main__":
    main()
