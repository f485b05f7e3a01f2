"""The acceptability figures of a realistic set: overall, per user group and per question type; for a
tuning set also which checks the unacceptable answers fail, item by item. A sealed set gets aggregates
only, so nobody tunes against its questions."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from assistant.evaluation.acceptability import CHECKS, Verdict
from assistant.evaluation.runner import QuestionResult

Judged = tuple[QuestionResult, Verdict]

# How the printed table names each check (the JSON keeps the ids in CHECKS).
CHECK_NAMES = {
    "false_abstention": "avstod feil",
    "should_abstain": "skulle avstått",
    "facts": "mangler fakta",
    "must_not": "feil påstand",
    "lead": "feil innledning",
    "list": "ufullstendig liste",
    "precision": "lav presisjon",
    "gap": "sier ikke hva som mangler",
    "parts": "del ikke håndtert",
}


def _share(items: Sequence[Judged], hit: Callable[[Judged], bool]) -> float | None:
    return sum(1 for item in items if hit(item)) / len(items) if items else None


def figures(judged: Sequence[Judged]) -> dict[str, Any]:
    """The acceptability figures of some judged answers. A figure no answer applies to is None."""
    answerable = [(r, v) for r, v in judged if r.answerable]
    unanswerable = [(r, v) for r, v in judged if not r.answerable]
    facts_total = sum(v.facts_total for _, v in answerable)
    with_lead = [(r, v) for r, v in judged if v.lead is not None]
    lists = [(r, v) for r, v in judged if v.list_missing is not None]
    partial = [(r, v) for r, v in judged if v.gap_named is not None]
    with_parts = [(r, v) for r, v in judged if v.part_mismatches is not None]
    return {
        "n": len(judged),
        "acceptable": _share(judged, lambda j: j[1].acceptable) or 0.0,
        "must_not": sum(1 for _, v in judged if v.must_not),
        "false_abstention": _share(answerable, lambda j: j[1].abstained) or 0.0,
        "abstention_accuracy": _share(unanswerable, lambda j: j[1].abstained),
        "precision": sum(v.precision for _, v in judged) / len(judged) if judged else 0.0,
        "fact_coverage": sum(v.facts_found for _, v in answerable) / facts_total if facts_total else None,
        "lead_accuracy": _share(with_lead, lambda j: bool(j[1].lead)),
        "list_completeness": _share(lists, lambda j: not j[1].list_missing),
        "gap_named": _share(partial, lambda j: bool(j[1].gap_named)),
        "parts_handled": _share(with_parts, lambda j: j[1].part_mismatches == 0),
        "part_mismatches": sum(v.part_mismatches or 0 for _, v in with_parts),
    }


def _grouped(judged: Sequence[Judged], key: Callable[[QuestionResult], str]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Judged]] = defaultdict(list)
    for r, v in judged:
        groups[key(r)].append((r, v))
    return {name: figures(items) for name, items in sorted(groups.items())}


def summarize_acceptability(results: Sequence[QuestionResult], sealed: bool = False) -> dict[str, Any]:
    """Overall, per user group and how many unacceptable answers fail each check (counts say which
    check to work on, and name no item); unless `sealed`, also per type and the unacceptable items with
    their reasons."""
    judged = [(r, r.verdict) for r in results if r.verdict is not None]
    failing = [(r, v) for r, v in judged if not v.acceptable]
    counts = Counter(reason for _, v in failing for reason in v.reasons)
    summary = {
        **figures(judged),
        "per_user_group": _grouped(judged, lambda r: r.user_group),
        "failed_checks": {check: counts[check] for check in CHECKS},
    }
    if sealed:
        return summary
    return {
        **summary,
        "per_type": _grouped(judged, lambda r: r.type),
        "not_acceptable": [_failure(r, v) for r, v in failing],
    }


def _failure(r: QuestionResult, v: Verdict) -> dict[str, Any]:
    return {
        "id": r.id,
        "type": r.type,
        "user_group": r.user_group,
        "reasons": list(v.reasons),
        "missing_facts": list(v.missing_facts),
        "must_not": list(v.must_not),
        "list_missing": list(v.list_missing or ()),
        "precision": round(v.precision, 3),
        "part_mismatches": v.part_mismatches,
    }


# The table's columns: heading and figure, in order.
COLUMNS = (
    ("akseptabel", "acceptable"),
    ("feil påst.", "must_not"),
    ("avstod feil", "false_abstention"),
    ("presisjon", "precision"),
    ("fakta", "fact_coverage"),
    ("innledning", "lead_accuracy"),
    ("hel liste", "list_completeness"),
    ("sier hull", "gap_named"),
    ("deler ok", "parts_handled"),
)
HEADER = f"{'':14s} {'n':>3s}" + "".join(f" {heading:>11s}" for heading, _ in COLUMNS)


def _cell(value: float | None) -> str:
    if value is None:
        return f" {'–':>11s}"
    return f" {value:11d}" if isinstance(value, int) else f" {value:11.2f}"


def _row(name: str, m: dict[str, Any]) -> str:
    return f"{name:14s} {m['n']:3d}" + "".join(_cell(m[key]) for _, key in COLUMNS)


def format_acceptability(summary: dict[str, Any]) -> str:
    """The acceptability table: overall, per user group and (tuning) per type and failure patterns."""
    lines = ["Akseptable svar", HEADER, _row("alle", summary)]
    lines += ["", "per brukergruppe", *(_row(g, m) for g, m in summary["per_user_group"].items())]
    if "per_type" in summary:
        lines += ["", "per spørsmålstype", *(_row(t, m) for t, m in summary["per_type"].items())]
    if summary.get("abstention_accuracy") is not None:
        lines += ["", f"avstått riktig (ubesvarbare)  {summary['abstention_accuracy']:.2f}"]
    if "failed_checks" in summary:
        failing = round(summary["n"] * (1 - summary["acceptable"]))
        lines += ["", f"ikke akseptable: {failing}; sjekkene de feiler (et svar kan feile flere):"]
        counts = summary["failed_checks"].items()
        lines += [f"  {CHECK_NAMES[check]:28s} {count}" for check, count in counts if count]
    return "\n".join(lines)


def format_not_acceptable(summary: dict[str, Any]) -> str:
    """One line per unacceptable answer of a tuning set: id, type, the checks it fails and what is
    missing or wrong. Never called for a sealed set."""
    lines = ["Ikke akseptable svar:"]
    for f in summary.get("not_acceptable", []):
        detail = []
        if f["missing_facts"]:
            detail.append("mangler: " + "; ".join(f["missing_facts"]))
        if f["must_not"]:
            detail.append("feil: " + "; ".join(f["must_not"]))
        if f["list_missing"]:
            detail.append("liste mangler: " + "; ".join(f["list_missing"]))
        if "precision" in f["reasons"]:
            detail.append(f"presisjon {f['precision']:.2f}")
        reasons = ", ".join(CHECK_NAMES[r] for r in f["reasons"])
        lines.append(f"  {f['id']:6s} {f['type']:11s} {f['user_group']:12s} {reasons}")
        lines += [f"         {d}" for d in detail]
    return "\n".join(lines)
