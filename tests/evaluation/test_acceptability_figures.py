"""Acceptability figures: overall, per user group and per type, the failure patterns of a tuning set,
nothing per item for a sealed set, and each set held to its own floors."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation import (
    check_floors,
    format_acceptability,
    format_not_acceptable,
    is_sealed,
    set_floor_failures,
    summarize_acceptability,
)
from assistant.evaluation.acceptability import Verdict
from assistant.evaluation.runner import QuestionResult


def verdict(
    *reasons: str, lead: bool | None = None, must_not: tuple[str, ...] = (), abstained: bool = False
) -> Verdict:
    return Verdict(
        facts_found=0 if "facts" in reasons or abstained else 1,
        facts_total=1,
        missing_facts=("et faktum",) if "facts" in reasons else (),
        must_not=must_not,
        lead=lead,
        list_missing=None,
        precision=0.5 if "precision" in reasons else 1.0,
        abstained=abstained,
        gap_named=None,
        part_mismatches=None,
        reasons=reasons,
    )


def result(id: str, group: str, type: str, v: Verdict, answerable: bool = True) -> QuestionResult:
    return QuestionResult(
        id=id,
        category=type,
        answerable=answerable,
        rank=None,
        baseline_ranks={},
        facts_found=v.facts_found,
        facts_total=v.facts_total,
        abstained=v.abstained,
        dangling=0,
        latency_ms=1.0,
        answer="svaret",
        user_group=group,
        type=type,
        verdict=v,
    )


RESULTS = [
    result("a1", "eier", "ja_nei", verdict(lead=True)),
    result("a2", "eier", "ja_nei", verdict("lead", "facts", lead=False)),
    result("a3", "skole", "hva", verdict("must_not", "precision", must_not=("feil",))),
    result("a4", "skole", "hva", verdict("false_abstention", abstained=True)),
]


def test_figures_overall_per_user_group_and_per_type() -> None:
    summary = summarize_acceptability(RESULTS)
    assert summary["n"] == 4 and summary["acceptable"] == 0.25
    assert summary["must_not"] == 1 and summary["false_abstention"] == 0.25
    assert summary["precision"] == 0.875 and summary["fact_coverage"] == 0.5
    assert summary["lead_accuracy"] == 0.5 and summary["list_completeness"] is None
    assert summary["per_user_group"]["eier"]["acceptable"] == 0.5
    assert summary["per_type"]["hva"]["must_not"] == 1
    assert summary["failed_checks"]["facts"] == 1 and summary["failed_checks"]["lead"] == 1
    assert [f["id"] for f in summary["not_acceptable"]] == ["a2", "a3", "a4"]
    table = format_acceptability(summary)
    assert "per spørsmålstype" in table and "mangler fakta" in table
    assert "a3" in format_not_acceptable(summary) and "feil: feil" in format_not_acceptable(summary)


def test_a_sealed_summary_holds_aggregates_only() -> None:
    summary = summarize_acceptability(RESULTS, sealed=True)
    assert set(summary) >= {"acceptable", "must_not", "false_abstention", "per_user_group"}
    assert not {"per_type", "not_acceptable"} & set(summary)
    assert summary["failed_checks"]["lead"] == 1  # counts name no item
    dumped = json.dumps(summary)
    assert not any(r.id in dumped or r.answer in dumped for r in RESULTS)
    assert "per spørsmålstype" not in format_acceptability(summary)
    assert is_sealed(Path("eval/realistic_sealed.yaml")) and not is_sealed(Path("eval/realistic.yaml"))


def test_each_question_file_is_held_to_its_own_floors() -> None:
    floors = {
        "hit_at_5": 0.95,
        "realistic": {"acceptable": 0.5, "must_not_max": 0},
        "realistic_sealed": {"acceptable": 0.2, "false_abstention_max": 0.3},
    }
    summary = {"hit_at_5": 0.5, "acceptability": summarize_acceptability(RESULTS)}
    assert len(set_floor_failures(summary, floors, Path("eval/realistic.yaml"))) == 2
    assert set_floor_failures(summary, floors, Path("eval/realistic_sealed.yaml")) == []
    assert set_floor_failures({"hit_at_5": 0.5}, floors, Path("eval/questions.yaml")) == check_floors(
        {"hit_at_5": 0.5}, {"hit_at_5": 0.95}
    )
