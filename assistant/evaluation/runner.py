"""Run eval questions through the pipeline: each answer (or reply letter) with its retrieval ranks, facts,
latency and, for the realistic sets, its acceptability verdict."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from assistant.answer.citations import dangling_markers
from assistant.config import PROJECT_ROOT
from assistant.evaluation.acceptability import (
    Phrases,
    Reply,
    Verdict,
    gold_citations,
    judge,
    load_phrases,
    reply_from_answer,
)
from assistant.evaluation.questions import Question, RenderFacts, norm
from assistant.models import Answer, ScoredPassage
from assistant.retrieval import Mode

Search = Callable[[str, int, Mode, bool], list[ScoredPassage]]
# (question, earlier questions of the same conversation) → the answer, whose resolved_question is
# what retrieval searched for.
Ask = Callable[[str, Sequence[str]], Answer]
# inquiry → the reply letter drafted for it
Draft = Callable[[str], Reply]
_RANK_DEPTH = 10

MULTI_TURN = "oppfolging"

BASELINES: dict[str, tuple[Mode, bool]] = {
    "bm25": ("bm25", False),
    "dense": ("dense", False),
    "hybrid_no_rerank": ("hybrid", False),
}


@dataclass(frozen=True)
class Judging:
    """What acceptability verdicts need beside the question and the reply."""

    phrases: Phrases
    render: RenderFacts | None = None  # nynorsk rendering of the gold passages a nynorsk reply cites


@cache
def default_judging() -> Judging:
    return Judging(load_phrases(PROJECT_ROOT / "eval" / "acceptability.yaml"))


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
    user_group: str = ""
    type: str = ""  # a realistic question's type
    verdict: Verdict | None = None  # realistic questions: is the answer acceptable, and if not, why

    @property
    def passed(self) -> bool:
        """Gold in the top 5, every fact in the answer, no abstention; or, if unanswerable, abstained."""
        if not self.answerable:
            return self.abstained
        found = not self.scored or (self.rank is not None and self.rank <= 5)
        return found and not self.abstained and self.facts_found == self.facts_total

    @property
    def routed_right(self) -> bool:
        return self.route_expected in (self.route, "any")


def gold_rank(hits: list[ScoredPassage], gold: tuple[str, ...]) -> int | None:
    targets = [norm(g) for g in gold]
    for rank, hit in enumerate(hits, start=1):
        text = norm(hit.passage.text)
        if any(t in text for t in targets):
            return rank
    return None


def _reply(q: Question, ask: Ask, draft: Draft | None) -> tuple[Reply, Answer | None, float]:
    start = time.perf_counter()
    if q.is_draft:
        if draft is None:
            raise ValueError(f"{q.id} is a reply draft, and no draft function was given")
        reply, answer = draft(q.inquiry), None
    else:
        answer = ask(q.question, q.history)
        reply = reply_from_answer(answer)
    return reply, answer, (time.perf_counter() - start) * 1000


def evaluate_question(
    q: Question, search: Search, ask: Ask, draft: Draft | None = None, judging: Judging | None = None
) -> QuestionResult:
    reply, answer, latency = _reply(q, ask, draft)
    # A follow-up is scored on what it resolved to.
    searched = (answer.resolved_question if answer else None) or q.question
    scored = q.answerable and bool(q.gold) and answer is not None  # advisor questions and drafts: no ranks
    rank = gold_rank(search(searched, _RANK_DEPTH, "hybrid", True), q.gold) if scored else None
    baselines = {
        name: gold_rank(search(searched, _RANK_DEPTH, mode, rerank), q.gold) if scored else None
        for name, (mode, rerank) in BASELINES.items()
    }
    text = norm(reply.text) if not reply.abstained else ""
    renderings = q.fact_renderings or q.facts
    missing = [
        f for f, r in zip(q.facts, renderings, strict=True) if norm(f) not in text and norm(r) not in text
    ]
    route = answer.route if answer else "draft"
    return QuestionResult(
        id=q.id,
        category=q.category,
        answerable=q.answerable,
        rank=rank,
        baseline_ranks=baselines,
        facts_found=len(q.facts) - len(missing),
        facts_total=len(q.facts),
        abstained=reply.abstained,
        dangling=dangling_markers(reply.text, list(reply.citations)),
        latency_ms=latency,
        answer=reply.text,
        missing_facts=missing,
        resolved_question=searched,
        route_expected="draft" if q.is_draft else q.route,
        route=route,
        scored=scored,
        maalform=reply.maalform,
        twin=q.twin,
        user_group=q.user_group,
        type=q.type,
        verdict=_verdict(q, reply, judging or default_judging()) if q.type else None,
    )


def _verdict(q: Question, reply: Reply, judging: Judging) -> Verdict:
    rendered: list[str] = []
    if reply.maalform == "nn" and judging.render is not None:
        rendered = judging.render([c.text for c in gold_citations(q, reply.citations)])
    return judge(q, reply, judging.phrases, rendered)


def run(
    questions: list[Question],
    search: Search,
    ask: Ask,
    warmup: int = 3,
    *,
    draft: Draft | None = None,
    judging: Judging | None = None,
) -> list[QuestionResult]:
    """Every question through the pipeline. `draft` writes reply letters (questions with an inquiry);
    `judging` gives the acceptability checks their phrases and nynorsk rendering."""
    for q in [q for q in questions if not q.is_draft][:warmup]:  # latency is reported warm
        ask(q.question, ())
    return [evaluate_question(q, search, ask, draft, judging) for q in questions]
