"""The eval harness: retrieval (hit@k, MRR), answers (facts, abstention, markers) and latency.

Retrieval is scored for the full pipeline and, in the same run, for plain BM25, dense-only and
un-reranked hybrid, so every figure has its baseline beside it.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.answer.citations import dangling_markers
from assistant.models import Answer, ScoredPassage
from assistant.retrieval import Mode

logger = logging.getLogger(__name__)

Search = Callable[[str, int, Mode, bool], list[ScoredPassage]]
# (question, earlier questions of the same conversation) → the answer, whose resolved_question is
# what retrieval searched for.
Ask = Callable[[str, Sequence[str]], Answer]
_RANK_DEPTH = 10


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    category: str
    user_group: str
    maalform: str
    answerable: bool
    gold: tuple[str, ...]
    facts: tuple[str, ...]
    history: tuple[str, ...] = ()  # earlier user turns of a multi-turn question
    route: str = "retrieval"  # who should answer: "retrieval" or the scheme "advisor"
    twin: str | None = None  # a nynorsk twin: the id of the bokmål question it mirrors
    # For nynorsk twins: each fact as the nynorsk answer may word it (Apertium's rendering of the
    # bokmål fact); a fact counts as found in either wording.
    fact_renderings: tuple[str, ...] = ()


@dataclass
class QuestionResult:
    id: str
    category: str
    answerable: bool
    rank: int | None  # 1-based rank of the first gold passage, full pipeline
    baseline_ranks: dict[str, int | None]
    facts_found: int
    facts_total: int
    abstained: bool
    dangling: int
    latency_ms: float
    answer: str = ""
    missing_facts: list[str] = field(default_factory=list)
    resolved_question: str = ""
    route_expected: str = "retrieval"
    route: str = "retrieval"
    scored: bool = True  # has gold passages, so counts in hit@k and MRR (advisor-only questions do not)
    maalform: str = "nb"  # the written standard the answer came back in
    twin: str | None = None

    @property
    def passed(self) -> bool:
        """Gold in the top 5, every fact in the answer, no abstention; or, if unanswerable, abstained."""
        if not self.answerable:
            return self.abstained
        found = not self.scored or (self.rank is not None and self.rank <= 5)
        return found and not self.abstained and self.facts_found == self.facts_total


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def load_questions(
    path: Path, render_facts: Callable[[Sequence[str]], list[str]] | None = None
) -> list[Question]:
    """`render_facts` gives the facts of nynorsk questions as a nynorsk answer words them (their
    answers are rendered in nynorsk; the facts are written in the corpus's bokmål)."""
    raw = yaml.safe_load(path.read_text("utf-8")) or []
    questions = [
        Question(
            id=str(q["id"]),
            question=str(q["question"]),
            category=str(q["category"]),
            user_group=str(q.get("user_group", "alle")),
            maalform=str(q.get("maalform", "nb")),
            answerable=bool(q.get("answerable", True)),
            gold=tuple(q.get("gold") or ()),
            facts=tuple(q.get("facts") or ()),
            history=tuple(q.get("history") or ()),
            route=str(q.get("route", "retrieval")),
        )
        for q in raw
    ]
    if render_facts is None:
        return questions
    nynorsk = [q for q in questions if q.maalform == "nn"]
    rendered = iter(render_facts([f for q in nynorsk for f in q.facts]))
    renderings = {q.id: tuple(next(rendered) for _ in q.facts) for q in nynorsk}
    return [replace(q, fact_renderings=renderings.get(q.id, ())) for q in questions]


def nynorsk_facts(facts: Sequence[str]) -> list[str]:
    """The facts as a nynorsk answer words them: the same Apertium rendering the answers get, in one
    call. Without Apertium the bokmål wording stands."""
    from assistant.language import TranslationUnavailable, translate

    if not facts:
        return []
    try:
        lines = translate("\n".join(" ".join(f.split()) for f in facts), "nb", "nn").split("\n")
    except TranslationUnavailable:
        return list(facts)
    return lines if len(lines) == len(facts) else list(facts)


def load_twins(
    path: Path, questions: list[Question], render_facts: Callable[[Sequence[str]], list[str]] | None = None
) -> list[Question]:
    """Nynorsk twins of bokmål questions: the twin's gold, facts and expectations, the nynorsk
    wording. `render_facts` gives the facts as a nynorsk answer would word them."""
    by_id = {q.id: q for q in questions}
    raws = yaml.safe_load(path.read_text("utf-8")) or []
    originals = [by_id[str(raw["twin"])] for raw in raws]
    facts = [f for q in originals for f in q.facts]
    rendered = iter(render_facts(facts) if render_facts else facts)
    twins = []
    for raw, original in zip(raws, originals, strict=True):
        renderings = tuple(next(rendered) for _ in original.facts)
        twins.append(
            replace(
                original,
                id=str(raw["id"]),
                question=str(raw["question"]),
                maalform="nn",
                twin=original.id,
                fact_renderings=renderings,
            )
        )
    return twins


def compare_twins(results: list[QuestionResult], twins: list[QuestionResult]) -> dict[str, Any]:
    """Bokmål and nynorsk on the same questions: retrieval, facts, abstention, and how many nynorsk
    questions were answered in nynorsk; latency shows what translation costs."""
    by_id = {r.id: r for r in results}
    originals = [by_id[t.twin] for t in twins if t.twin in by_id]

    def side(rs: list[QuestionResult]) -> dict[str, Any]:
        answerable = [r for r in rs if r.answerable]
        facts_total = sum(r.facts_total for r in answerable)
        latencies = [r.latency_ms for r in rs]
        return {
            **_retrieval([r.rank for r in answerable if r.scored]),
            "fact_coverage": sum(r.facts_found for r in answerable) / facts_total if facts_total else 0.0,
            "abstention_accuracy": (
                sum(1 for r in rs if not r.answerable and r.abstained)
                / max(1, sum(1 for r in rs if not r.answerable))
            ),
            "false_abstentions": sum(1 for r in answerable if r.abstained),
            "latency_p50_ms": float(np.percentile(latencies, 50)) if latencies else 0.0,
            "latency_p95_ms": float(np.percentile(latencies, 95)) if latencies else 0.0,
        }

    nb, nn = side(originals), side(twins)
    return {
        "pairs": len(twins),
        "nb": nb,
        "nn": nn,
        "answered_in_nynorsk": sum(1 for t in twins if t.maalform == "nn"),
        "answered_in_nynorsk_share": sum(1 for t in twins if t.maalform == "nn") / max(1, len(twins)),
        "hit_at_5_gap": nb["hit_at_5"] - nn["hit_at_5"],
        "mrr_gap": nb["mrr"] - nn["mrr"],
        "fact_coverage_gap": nb["fact_coverage"] - nn["fact_coverage"],
        "false_abstentions_added": nn["false_abstentions"] - nb["false_abstentions"],
        "translation_ms_p50": nn["latency_p50_ms"] - nb["latency_p50_ms"],
    }


def format_twins(comparison: dict[str, Any]) -> str:
    nb, nn = comparison["nb"], comparison["nn"]
    lines = [
        f"Nynorsk-tvillingar: {comparison['pairs']} par",
        f"{'':10s} hit@1   hit@5   MRR     fakta   avstått feil   p50 ms",
    ]
    for name, m in (("bokmål", nb), ("nynorsk", nn)):
        lines.append(
            f"{name:10s} {m['hit_at_1']:.3f}   {m['hit_at_5']:.3f}   {m['mrr']:.3f}   "
            f"{m['fact_coverage']:.3f}   {m['false_abstentions']:>13d}   {m['latency_p50_ms']:.0f}"
        )
    lines.append(f"svar på nynorsk: {comparison['answered_in_nynorsk']} av {comparison['pairs']}")
    return "\n".join(lines)


def gold_rank(hits: list[ScoredPassage], gold: tuple[str, ...]) -> int | None:
    targets = [norm(g) for g in gold]
    for rank, hit in enumerate(hits, start=1):
        text = norm(hit.passage.text)
        if any(t in text for t in targets):
            return rank
    return None


MULTI_TURN = "oppfolging"

BASELINES: dict[str, tuple[Mode, bool]] = {
    "bm25": ("bm25", False),
    "dense": ("dense", False),
    "hybrid_no_rerank": ("hybrid", False),
}


def evaluate_question(q: Question, search: Search, ask: Ask) -> QuestionResult:
    start = time.perf_counter()
    answer = ask(q.question, q.history)
    latency = (time.perf_counter() - start) * 1000
    searched = answer.resolved_question or q.question  # a follow-up is scored on what it resolved to
    scored = q.answerable and bool(q.gold)  # advisor questions are scored on routing and facts only
    rank = gold_rank(search(searched, _RANK_DEPTH, "hybrid", True), q.gold) if scored else None
    baselines = {
        name: gold_rank(search(searched, _RANK_DEPTH, mode, rerank), q.gold) if scored else None
        for name, (mode, rerank) in BASELINES.items()
    }
    text = norm(answer.answer) if not answer.abstained else ""
    renderings = q.fact_renderings or q.facts
    missing = [
        f for f, r in zip(q.facts, renderings, strict=True) if norm(f) not in text and norm(r) not in text
    ]
    return QuestionResult(
        id=q.id,
        category=q.category,
        answerable=q.answerable,
        rank=rank,
        baseline_ranks=baselines,
        facts_found=len(q.facts) - len(missing),
        facts_total=len(q.facts),
        abstained=answer.abstained,
        dangling=dangling_markers(answer.answer, answer.citations),
        latency_ms=latency,
        answer=answer.answer,
        missing_facts=missing,
        resolved_question=searched,
        route_expected=q.route,
        route=answer.route,
        scored=scored,
        maalform=answer.maalform,
        twin=q.twin,
    )


def _retrieval(ranks: list[int | None]) -> dict[str, float]:
    if not ranks:
        return {"hit_at_1": 0.0, "hit_at_5": 0.0, "mrr": 0.0}
    return {
        "hit_at_1": sum(1 for r in ranks if r == 1) / len(ranks),
        "hit_at_5": sum(1 for r in ranks if r is not None and r <= 5) / len(ranks),
        "mrr": sum(1 / r for r in ranks if r is not None) / len(ranks),
    }


def summarize(results: list[QuestionResult]) -> dict[str, Any]:
    answerable = [r for r in results if r.answerable]
    retrievable = [r for r in answerable if r.scored]
    unanswerable = [r for r in results if not r.answerable]
    facts_total = sum(r.facts_total for r in answerable)
    latencies = [r.latency_ms for r in results]
    summary: dict[str, Any] = {
        "questions": len(results),
        **_retrieval([r.rank for r in retrievable]),
        "fact_coverage": sum(r.facts_found for r in answerable) / facts_total if facts_total else 0.0,
        "abstention_accuracy": (
            sum(1 for r in unanswerable if r.abstained) / len(unanswerable) if unanswerable else 1.0
        ),
        "false_abstention_rate": (
            sum(1 for r in answerable if r.abstained) / len(answerable) if answerable else 0.0
        ),
        "dangling_markers": sum(r.dangling for r in results),
        "latency_p50_ms": float(np.percentile(latencies, 50)) if latencies else 0.0,
        "latency_p95_ms": float(np.percentile(latencies, 95)) if latencies else 0.0,
    }
    multi_turn = [r for r in results if r.category == MULTI_TURN]
    summary["multi_turn_passed"] = sum(1 for r in multi_turn if r.passed)
    summary["multi_turn_total"] = len(multi_turn)
    summary["multi_turn_failed"] = len(multi_turn) - summary["multi_turn_passed"]
    summary["baselines"] = {
        name: _retrieval([r.baseline_ranks[name] for r in retrievable]) for name in BASELINES
    }
    summary["routing_accuracy"] = sum(1 for r in results if r.route == r.route_expected) / len(results)
    summary["advisor_routed"] = sum(
        1 for r in results if r.route_expected == "advisor" and r.route == "advisor"
    )
    summary["advisor_total"] = sum(1 for r in results if r.route_expected == "advisor")
    summary["per_category"] = _per_category(results)
    return summary


def _per_category(results: list[QuestionResult]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[QuestionResult]] = defaultdict(list)
    for r in results:
        groups[r.category].append(r)
    out: dict[str, dict[str, float]] = {}
    for cat, rs in sorted(groups.items()):
        ans = [r for r in rs if r.answerable]
        total = sum(r.facts_total for r in ans)
        out[cat] = {
            "n": len(rs),
            **_retrieval([r.rank for r in ans if r.scored]),
            "fact_coverage": sum(r.facts_found for r in ans) / total if total else 0.0,
            "abstained": sum(1 for r in rs if r.abstained) / len(rs),
        }
    return out


def check_floors(summary: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Norwegian lines for every figure below its floor; empty when all hold."""
    failures = []
    for key, floor in floors.items():
        if isinstance(floor, dict):  # a section with its own figures, e.g. `nynorsk` (eval --nynorsk)
            if key in summary:
                failures += [f"{key}: {line}" for line in check_floors(summary[key], floor)]
            continue
        if key.endswith("_max"):
            name = key[: -len("_max")]
            if summary[name] > floor:
                failures.append(f"{name} = {summary[name]:.3f} er over taket {floor}")
        elif summary[key] < floor:
            failures.append(f"{key} = {summary[key]:.3f} er under gulvet {floor}")
    return failures


def write_report(summary: dict[str, Any], results: list[QuestionResult], out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "report.json"
    payload = {"summary": summary, "questions": [r.__dict__ for r in results]}
    report.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    plot = out_dir / "per_category.png"
    _plot(summary["per_category"], plot)
    return report, plot


def _plot(per_category: dict[str, dict[str, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = list(per_category)
    metrics = ["hit_at_5", "mrr", "fact_coverage", "abstained"]
    x = np.arange(len(cats))
    width = 0.2
    fig, ax = plt.subplots(figsize=(max(8, len(cats) * 1.3), 4.5))
    for i, m in enumerate(metrics):
        ax.bar(x + (i - 1.5) * width, [per_category[c][m] for c in cats], width, label=m)
    ax.set_xticks(x, [f"{c}\n(n={int(per_category[c]['n'])})" for c in cats], fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_title("Kompetanseassistenten – eval per kategori")
    ax.legend(fontsize=8, ncols=4, loc="lower center", bbox_to_anchor=(0.5, -0.32))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(questions: list[Question], search: Search, ask: Ask, warmup: int = 3) -> list[QuestionResult]:
    for q in questions[:warmup]:  # latency is reported warm
        ask(q.question, ())
    return [evaluate_question(q, search, ask) for q in questions]


def format_summary(summary: dict[str, Any]) -> str:
    lines = [f"Spørsmål: {summary['questions']}", "", f"{'gjenfinning':22s} hit@1   hit@5   MRR"]
    rows = {"hybrid + rerank (svar)": summary, **summary["baselines"]}
    for name, m in rows.items():
        lines.append(f"{name:22s} {m['hit_at_1']:.3f}   {m['hit_at_5']:.3f}   {m['mrr']:.3f}")
    lines += [
        "",
        f"faktadekning            {summary['fact_coverage']:.3f}",
        f"avstått riktig          {summary['abstention_accuracy']:.3f}",
        f"avstått feil            {summary['false_abstention_rate']:.3f}",
        f"hengende [n]-markører   {summary['dangling_markers']}",
        f"oppfølging bestått      {summary['multi_turn_passed']} av {summary['multi_turn_total']}",
        f"ruting riktig           {summary['routing_accuracy']:.3f} "
        f"(rådgiver {summary['advisor_routed']} av {summary['advisor_total']})",
        f"svartid p50 / p95       {summary['latency_p50_ms']:.1f} ms / {summary['latency_p95_ms']:.1f} ms",
        "",
        f"{'kategori':14s} {'n':>3s}  hit@5   MRR    fakta  avstått",
    ]
    for cat, m in summary["per_category"].items():
        lines.append(
            f"{cat:14s} {int(m['n']):3d}  {m['hit_at_5']:.2f}   {m['mrr']:.2f}   {m['fact_coverage']:.2f}   "
            f"{m['abstained']:.2f}"
        )
    return "\n".join(lines)


def api_client(base_url: str, timeout: float = 30.0) -> tuple[Search, Ask]:
    """Search and Ask over HTTP, so the same harness scores a running service (`eval --api URL`)."""
    import httpx

    from assistant.models import Citation, Passage

    client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)

    def search(question: str, k: int, mode: Mode, rerank: bool) -> list[ScoredPassage]:
        params: dict[str, str | int] = {"q": question, "k": k, "mode": mode, "rerank": str(rerank).lower()}
        response = client.get("/api/search", params=params)
        response.raise_for_status()
        return [
            ScoredPassage(
                Passage(
                    id=f"{h['document']}#{h['rank']}",
                    document=h["document"],
                    title=h["title"],
                    section=h["section"],
                    text=h["text"],
                    chunk_index=0,
                    content_hash="",
                    page=h["page"],
                    url=h["url"],
                    published=h["published"],
                ),
                score=h["score"],
                dense=h["dense"],
                lexical=h["lexical"],
                coverage=h["coverage"],
            )
            for h in response.json()
        ]

    def ask(question: str, history: Sequence[str]) -> Answer:
        conversation_id = None
        for earlier in history:
            response = client.post("/api/chat", json={"message": earlier, "conversation_id": conversation_id})
            response.raise_for_status()
            conversation_id = response.json()["conversation_id"]
        response = client.post("/api/chat", json={"message": question, "conversation_id": conversation_id})
        response.raise_for_status()
        data = response.json()
        return Answer(
            conversation_id=data["conversation_id"],
            answer=data["answer"],
            citations=[Citation(**c) for c in data["citations"]],
            abstained=data["abstained"],
            resolved_question=data["resolved_question"],
            message_id=data["message_id"],
            route=data.get("route", "retrieval"),
            maalform=data.get("maalform", "nb"),
        )

    return search, ask
