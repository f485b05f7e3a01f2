"""The eval's report on disk: report.json with every figure (and, unless the set is sealed, every
question's result) and a per-category figure."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from assistant.evaluation.runner import QuestionResult


def write_report(summary: dict[str, Any], results: list[QuestionResult], out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "report.json"
    payload = {"summary": summary, "questions": [asdict(r) for r in results]}
    report.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    plot = out_dir / "per_category.png"
    _plot(summary["per_category"], plot)
    return report, plot


def write_sealed_report(summary: dict[str, Any], out_dir: Path) -> Path:
    """A sealed set's report: the aggregate figures only, never a question, an answer or an id."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "report.json"
    report.write_text(json.dumps({"summary": summary}, ensure_ascii=False, indent=2), "utf-8")
    return report


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
