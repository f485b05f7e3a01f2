"""The eval's figures: retrieval (hit@k, MRR) against its baselines, facts, abstention, routing and
latency; the nynorsk twins beside their bokmål originals; floors; the printed table."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from assistant.evaluation.runner import BASELINES, MULTI_TURN, QuestionResult


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
    summary["routing_accuracy"] = sum(1 for r in results if r.routed_right) / len(results)
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


def set_floor_failures(summary: dict[str, Any], floors: dict[str, Any], questions: Path) -> list[str]:
    """The floors of the question file that was run: a realistic set has its own section in
    eval/floors.yaml, named after the file (`realistic`, `realistic_sealed`), for its acceptability
    figures; any other file is held to the top-level floors."""
    section = floors.get(questions.stem)
    if isinstance(section, dict) and "acceptability" in summary:
        return check_floors(summary["acceptability"], section)
    return check_floors(summary, floors)


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
    ]
    if "per_category" not in summary:  # a sealed set: no breakdown
        return "\n".join(lines)
    lines += ["", f"{'kategori':14s} {'n':>3s}  hit@5   MRR    fakta  avstått"]
    for cat, m in summary["per_category"].items():
        lines.append(
            f"{cat:14s} {int(m['n']):3d}  {m['hit_at_5']:.2f}   {m['mrr']:.2f}   {m['fact_coverage']:.2f}   "
            f"{m['abstained']:.2f}"
        )
    return "\n".join(lines)
