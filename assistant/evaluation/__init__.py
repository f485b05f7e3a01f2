"""The eval harness: retrieval (hit@k, MRR), answers (facts, abstention, markers), latency, and for the
realistic sets whether each answer is acceptable (right, direct, free of wrong claims).

Retrieval is scored for the full pipeline and, in the same run, for plain BM25, dense-only and
un-reranked hybrid, so every figure has its baseline beside it.

| module | its one job |
| --- | --- |
| `questions` | load eval questions (both formats) into one `Question` |
| `acceptability` | pure checks: is one answer or reply letter acceptable, and if not, why |
| `runner` | run questions through the pipeline and score each answer |
| `figures` | the retrieval/fact/abstention figures, twins, floors and their table |
| `acceptability_figures` | acceptability figures overall, per user group and per type; failure patterns |
| `report` | report.json and the per-category figure |
| `api_client` | Search, Ask and Draft over HTTP (`eval --api`) |
"""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.acceptability import (
    CHECKS,
    PRECISION_FLOOR,
    Phrases,
    Reply,
    Verdict,
    judge,
    judge_answer,
    load_phrases,
    reply_from_answer,
    reply_from_letter,
)
from assistant.evaluation.acceptability_figures import (
    format_acceptability,
    format_not_acceptable,
    summarize_acceptability,
)
from assistant.evaluation.api_client import api_client
from assistant.evaluation.figures import (
    check_floors,
    compare_twins,
    format_summary,
    format_twins,
    set_floor_failures,
    summarize,
)
from assistant.evaluation.questions import Part, Question, load_questions, load_twins, norm, nynorsk_facts
from assistant.evaluation.report import write_report, write_sealed_report
from assistant.evaluation.runner import (
    BASELINES,
    MULTI_TURN,
    Ask,
    Draft,
    Judging,
    QuestionResult,
    Search,
    evaluate_question,
    gold_rank,
    run,
)

__all__ = [
    "BASELINES",
    "CHECKS",
    "MULTI_TURN",
    "PRECISION_FLOOR",
    "Ask",
    "Draft",
    "Judging",
    "Part",
    "Phrases",
    "Question",
    "QuestionResult",
    "Reply",
    "Search",
    "Verdict",
    "api_client",
    "check_floors",
    "compare_twins",
    "evaluate_question",
    "format_acceptability",
    "format_not_acceptable",
    "format_summary",
    "format_twins",
    "gold_rank",
    "is_sealed",
    "judge",
    "judge_answer",
    "load_phrases",
    "load_questions",
    "load_twins",
    "norm",
    "nynorsk_facts",
    "reply_from_answer",
    "reply_from_letter",
    "run",
    "set_floor_failures",
    "summarize",
    "summarize_acceptability",
    "write_report",
    "write_sealed_report",
]


def is_sealed(questions: Path) -> bool:
    """A sealed question file (eval/realistic_sealed.yaml) is never read by a person: its eval prints
    and writes aggregate figures only."""
    return "sealed" in questions.stem
