"""An amount asked for one scheme is answered only by a figure for that scheme. "Hvor mye får
Kompetanseløftet i Nordland i 2026?" is not answered by the county's 2026 total («11 mill. barnehage, 17 mill.
skole = 28 mill») nor by another part's line («Dekom: 12 200 000,-»): a line that gives a figure answers it
when it names the scheme (or one of its aliases, «Kpl»), or when the passage it is in is about that scheme
alone. A line that names a year answers only for that year. When no line for the scheme and year is found,
the line for the scheme in another year is quoted under a sentence that says what is not given; with no line
for the scheme at all, the question is not answered."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answer.citations import CLAIM, MARKER, asked_and_context, named_in
from assistant.freshness import YEAR
from assistant.models import Citation, ScoredPassage
from assistant.rules import GuardRules, ScopeRules, rule_file

# The schemes a text names (catalogue ids), and those a passage is about.
Named = Callable[[str], Sequence[str]]
Tags = Callable[[ScoredPassage], frozenset[str]]

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class FigureLine:
    """A line that gives a figure, with the heading it stands under («2025:»), in a passage."""

    header: str
    line: str
    hit: ScoredPassage | None = None

    @property
    def said(self) -> str:
        return f"{self.header}\n{self.line}" if self.header else self.line


def money_asked(question: str) -> bool:
    """Whether the question's asking sentence asks how much money (guard.yaml `money_question`)."""
    pattern = rule_file(GuardRules).money_question
    return bool(pattern and re.search(pattern, asked_and_context(question)[0], re.IGNORECASE))


def _lines(text: str) -> list[tuple[str, str]]:
    """(heading, line) for each line of a text that gives an amount of money (guard.yaml `money_figure`); a
    heading is a line ending in a colon that gives none («Midler tildelt 2026:», «2025:»), and holds until
    the next one."""
    pattern = rule_file(GuardRules).money_figure
    if not pattern:
        return []
    amount = re.compile(pattern, re.IGNORECASE)
    found: list[tuple[str, str]] = []
    header = ""
    for raw in text.split("\n"):
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        gives = bool(amount.search(YEAR.sub(" ", line)))
        if line.endswith(":") and not gives:
            header = line
        elif gives:
            found.append((header, line))
    return found


def answer_lines(answer: str) -> list[tuple[FigureLine, int]]:
    """The figure lines an answer quotes, each with the number of the source it cites."""
    quoted = []
    for claim, n in CLAIM.findall(answer):
        for header, line in _lines(MARKER.sub(" ", claim)):
            quoted.append((FigureLine(header, line), int(n)))
    return quoted


def passage_lines(hit: ScoredPassage) -> list[FigureLine]:
    return [FigureLine(header, line, hit) for header, line in _lines(hit.passage.text)]


def _parts() -> dict[str, set[str]]:
    return {umbrella: set(held) for umbrella, held in rule_file(ScopeRules).parts.items()}


def _down(asked: Sequence[str]) -> set[str]:
    """The schemes asked and the parts they hold: an umbrella's amount is answered by its parts' lines."""
    parts = _parts()
    return set(asked) | {p for a in asked for p in parts.get(a, ())}


def _is_part(scheme: str) -> bool:
    return any(scheme in held for held in _parts().values())


def scheme_fits(asked: Sequence[str], line: str, tags: frozenset[str], named: Named) -> bool:
    """Whether a figure line is for a scheme asked about: it names one (or a part of one), or it names none
    and its passage is about no other scheme. A line that names no scheme in a passage about an umbrella is
    the umbrella's figure, no answer for one of its parts."""
    down = _down(asked)
    said = set(named(line))
    if said:
        return bool(said & down)
    if not tags or tags <= down:
        return True
    return not any(_is_part(a) for a in asked) and bool(tags & down)


def years_fit(years: set[str], line: str) -> bool:
    """A line that names a year answers for that year only; one that names none is not judged here."""
    said = set(YEAR.findall(line))
    return not years or not said or bool(years & said)


def asked_schemes(question: str, named: Named) -> list[str]:
    """The schemes the asking sentence names (not who asks: "Vi har Dekom-midler. Hvor mye får vi?")."""
    return list(named(asked_and_context(question)[0]))


def _placed(question: str, hit: ScoredPassage) -> bool:
    """A place the asking sentence names is in the passage ("Hvor mye fikk Kpl i Oslo og Viken?")."""
    p = hit.passage
    context = "\n".join((p.title, p.section, p.text, p.document)).lower().replace("-", " ")
    return all(name in context for name in named_in(asked_and_context(question)[0]))


def _claim_fits(
    question: str, claim: str, source: Citation | None, years: set[str], named: Named
) -> bool | None:
    """Whether a quoted claim gives a figure for the scheme and year asked: None when it gives no figure."""
    asked = asked_schemes(question, named)
    lines = _lines(MARKER.sub(" ", claim))
    if not lines:
        return None
    tags = frozenset(named(f"{source.section}\n{source.text}")) if source is not None else frozenset()
    if source is not None and not tags:
        tags = frozenset(named(source.title))
    return any(
        scheme_fits(asked, said, tags, named) and years_fit(years, said)
        for said in (FigureLine(h, line).said for h, line in lines)
    )


def off_claims(
    question: str, answer: str, citations: Sequence[Citation], years: set[str], named: Named
) -> list[str]:
    """The quoted claims (with their marker) whose figures are all for something else than the scheme asked
    about, in an answer that also quotes one for it: "Hvor mye får Kompetanseløftet i Nordland?" answered
    with «Kpl: 9 689 000,-» and the county's total besides. Empty when none fits (`misfit` handles that)."""
    if not asked_schemes(question, named) or not money_asked(question):
        return []
    by_n = {c.n: c for c in citations}
    judged = [
        (m.group(0), _claim_fits(question, m.group(1), by_n.get(int(m.group(2))), years, named))
        for m in CLAIM.finditer(answer)
    ]
    if not any(fit for _, fit in judged):
        return []
    return [claim for claim, fit in judged if fit is False]


def misfit(question: str, answer: str, citations: Sequence[Citation], years: set[str], named: Named) -> bool:
    """Whether an answer to a money question about a scheme quotes figures, none of them for that scheme
    and year: "Hvor mye får Kompetanseløftet i 2026?" answered with the county's 2026 total."""
    asked = asked_schemes(question, named)
    if not asked or not money_asked(question):
        return False
    by_n = {c.n: c for c in citations}
    quoted = answer_lines(answer)
    if not quoted:
        return False

    def fits(figure: FigureLine, n: int) -> bool:
        source = by_n.get(n)
        tags = frozenset(named(f"{source.section}\n{source.text}")) if source is not None else frozenset()
        if source is not None and not tags:
            tags = frozenset(named(source.title))
        return scheme_fits(asked, figure.said, tags, named) and years_fit(years, figure.said)

    return not any(fits(figure, n) for figure, n in quoted)


def _own(asked: Sequence[str], line: str, tags: frozenset[str], named: Named) -> bool:
    """A line to quote for a scheme: it names the scheme (or a part of it), or its passage is about that
    scheme alone; a line in a passage about no scheme is not taken for any."""
    said = set(named(line))
    return bool(said & _down(asked)) if said else bool(tags) and tags <= _down(asked)


@dataclass(frozen=True)
class Found:
    """The lines for the scheme asked about: `exact` for the year asked too, else for other years."""

    lines: tuple[FigureLine, ...]
    exact: bool


def lines_for(
    question: str,
    hits: Sequence[ScoredPassage],
    years: set[str],
    named: Named,
    tags: Tags,
    named_only: bool = False,
) -> Found | None:
    """The figure lines among `hits` for the scheme the question asks about, in the place it names: those for
    the year asked when there are any, else those for other years; None when no line is for the scheme.
    `named_only`: only lines that name the scheme (or a part of it), not lines of a passage about it."""
    asked = asked_schemes(question, named)
    if not asked:
        return None
    no_tags: frozenset[str] = frozenset()
    schemed = [
        f
        for h in hits
        if _placed(question, h)
        for f in passage_lines(h)
        if _own(asked, f.said, no_tags if named_only else tags(h), named)
    ]
    # a line that names a scheme of its own is the one to quote; of the same line found twice, the first
    unique: dict[str, FigureLine] = {}
    for f in schemed:
        unique.setdefault(f.said, f)
    if not unique:
        return None
    exact = [f for f in unique.values() if years_fit(years, f.said)]
    if exact:
        return Found(tuple(exact), True)
    return Found(tuple(unique.values()), False)


def written(found: Found) -> tuple[str, list[ScoredPassage]]:
    """The lines as an answer cites them ("2025:\\n- Kpl: 9 689 000,- [1]"), with the hits cited in order."""
    hits: list[ScoredPassage] = []
    blocks: list[str] = []
    by_header: dict[tuple[int, str], list[str]] = {}
    order: list[tuple[int, str]] = []
    for f in found.lines:
        assert f.hit is not None
        if f.hit not in hits:
            hits.append(f.hit)
        key = (hits.index(f.hit), f.header)
        if key not in by_header:
            by_header[key] = []
            order.append(key)
        by_header[key].append(f.line)
    for key in order:
        n, header = key
        lines = by_header[key]
        body = "\n".join(f"- {line}" for line in lines) if header else " ".join(lines)
        blocks.append(f"{header}\n{body} [{n + 1}]" if header else f"{body} [{n + 1}]")
    return "\n".join(blocks), hits


def other_years(found: Found) -> list[str]:
    """The years the lines are for («2025»), in order."""
    return sorted({y for f in found.lines for y in YEAR.findall(f.said)})


def national_unsaid(question: str, answer: str, citations: Sequence[Citation]) -> bool:
    """Whether a money question about the whole country ("Hvor mye er det i ordningen på landsbasis?") is
    answered only with one county's figures (guard.yaml `national`, `regional_source`)."""
    rules = rule_file(GuardRules)
    if not (rules.national and rules.regional_source and money_asked(question)):
        return False
    if not re.search(rules.national, asked_and_context(question)[0], re.IGNORECASE):
        return False
    by_n = {c.n: c for c in citations}
    sources = [by_n[n] for _, n in answer_lines(answer) if n in by_n]
    regional = re.compile(rules.regional_source, re.IGNORECASE)
    return bool(sources) and all(regional.search(c.document) for c in sources)
