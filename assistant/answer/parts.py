"""A multi-part question's answers as one answer: each part under its own question, one citation list.

Each part is answered on its own (retrieval and composition per part), so a second part is never lost
behind the first. A part the sources do not answer says so, instead of being left out or filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant import texts
from assistant.answer.citations import MARKER
from assistant.answer.plan import plan_question
from assistant.index.lexical import stem, words
from assistant.models import Citation
from assistant.rules import PlanRules, rule_file


@dataclass(frozen=True)
class PartAnswer:
    question: str  # the part as the reader asked it
    text: str | None  # the verified answer with its own [n] markers; None when the sources don't answer
    citations: list[Citation]
    abstain_reason: str | None = None  # why the sources don't answer it, as the reader would be told
    asked: str = ""  # the part as the pipeline read it (standalone, bokmål), if not `question`
    # Answered by the scheme advisor, which read what the part asks about ("…, og hva skjer etterpå?": the
    # scheme's process), so its answer says it whatever words the part has of its own.
    advised: bool = False


# Whether what is left of a part's answer, once earlier parts' sentences are taken out, still gives what
# it asks for: (the part as read, that text, its citations) → True if it does.
StillAnswers = Callable[[str, str, list[Citation]], bool]
# Whether an answer says what the part asks after, not only something near it: (the part as read, the
# answer, its citations) → True if it does (answer/relevance.py).
SpeaksTo = StillAnswers


@dataclass(frozen=True)
class Merged:
    text: str
    citations: list[Citation]
    answered: tuple[bool, ...]  # of each part, whether it is answered here or above (not "not covered")


# Whether a sentence an earlier part showed says what the part asks, where its own answer does not:
# (the part as read, what earlier parts showed, its own new text) → True if so (answer/relevance.py).
SaidAbove = Callable[[str, Sequence[str], str], bool]


def merge_parts(
    parts: Sequence[PartAnswer],
    still_answers: StillAnswers | None = None,
    speaks_to: SpeaksTo | None = None,
    said_above: SaidAbove | None = None,
) -> Merged:
    """One text with a heading per part and one numbering of the citations: a passage cited by two
    parts keeps one number, in order of first use. A later part whose answer gave its amount or date
    only in a sentence an earlier part showed ("…, og hvor mye av det gikk til PPT?" answered with the
    total) is not answered; nor is a part whose answer doesn't say what it asks after (a loosely related
    sentence is no answer), and a part whose new sentences don't, while those an earlier part showed do,
    points to them."""
    numbers: dict[tuple[str, str, str], int] = {}
    merged: list[Citation] = []
    blocks: list[str] = []
    answered: list[bool] = []
    shown: set[str] = set()
    shown_units: list[str] = []
    earlier: list[str] = []  # what the parts before asked, as read
    for part in parts:
        asked = part.asked or part.question
        earlier.append(asked)
        text = part.text if answers(part, speaks_to) else None
        # A yes/no part's lead («Ja.») is its own, not part of the sentence after it: that sentence shown
        # above by an earlier part is not shown again, and the lead stays.
        lead, body = _lead_of(text) if text is not None else ("", None)
        # The sentence the lead rests on stays with it, shown above or not («Nei. Det er samarbeidsforum
        # som …», «Ja. Statsforvalteren kan delta … som observatør.»): a lead before a side remark misleads.
        reason = {_key(_units(body)[0])} if lead and body is not None else set()
        unshown = _unshown(body, shown - reason) if body is not None else None
        fresh = f"{lead} {unshown}" if lead and unshown is not None else unshown
        gives = part.advised or still_answers is None or still_answers(asked, fresh or "", part.citations)
        above_only = text is not None and not gives
        if above_only and (
            _gives_above(asked, text or "", shown, part, still_answers, speaks_to)
            or _figure_above(asked, earlier[:-1], text or "", shown)
        ):
            # "…, og hvor ofte må de rapportere?" whose own answer is the duty list an earlier part showed,
            # «Å rapportere årlig …» in it: the sources answer it, above
            answered.append(True)
            blocks.append(f"**{part.question}**\n{f'{lead} ' if lead else ''}{texts.PART_SAID_ABOVE}")
            continue
        if text is None or not gives:
            blocks.append(f"**{part.question}**\n{texts.PART_NOT_COVERED}")
            answered.append(False)
            continue
        answered.append(True)
        judged = asked  # the reading of the part its new sentences are held to
        if fresh is not None and speaks_to is not None and not part.advised:
            # the advisor's answer (schemes and how they fit) is its own reading of the part
            judged = _read_by(part, fresh, text, speaks_to)
            fresh = fresh if judged else None  # what is new beside what was shown above is not what it asks
        if fresh is not None and said_above is not None and said_above(judged, shown_units, fresh):
            fresh = None  # a sentence shown above says it, and the part's own answer only something near it
        if fresh is None:  # what the sources say to this part was said under an earlier one
            # ... and if they don't say it directly, that is said first
            indirect = text.startswith(texts.NOT_DIRECTLY)
            said = f"{texts.NOT_DIRECTLY} {texts.PART_SAID_ABOVE}" if indirect else texts.PART_SAID_ABOVE
            said = f"{lead} {said}" if lead and not indirect else said  # «Ja. Det kildene sier …, står over.»
            blocks.append(f"**{part.question}**\n{said}")
            continue
        shown.update(_key(u) for u in _units(fresh))
        shown_units.extend(_units(fresh))
        used = {int(n) for n in MARKER.findall(fresh)}
        renumber: dict[int, int] = {}
        for citation in (c for c in part.citations if c.n in used):
            key = (citation.document, citation.section, citation.text)
            if key not in numbers:
                numbers[key] = len(merged) + 1
                merged.append(replace(citation, n=numbers[key]))
            renumber[citation.n] = numbers[key]
        blocks.append(f"**{part.question}**\n{_renumbered(fresh, renumber)}")
    return Merged("\n\n".join(blocks), merged, tuple(answered))


def _read_by(part: PartAnswer, fresh: str, text: str, speaks_to: SpeaksTo) -> str:
    """The reading of the part that what is new in its answer, beside what earlier parts showed, says
    what it asks by: the part as read, or as asked when it was read with an earlier part's words for its
    pronoun ("…, og hva skiller B fra det?" read as "Hva skiller B fra A?"). Those words are said above,
    so its new sentences need say only what it asks in words of its own («B har …»), when its whole
    answer says all it asks. "" when they say neither."""
    asked = part.asked or part.question
    if speaks_to(asked, fresh, part.citations):
        return asked
    own = part.question
    if asked != own and speaks_to(own, fresh, part.citations) and speaks_to(asked, text, part.citations):
        return own
    return ""


def answers(part: PartAnswer, speaks_to: SpeaksTo | None = None) -> bool:
    """Whether the part is answered: the sources gave an answer, and it says what the part asks after."""
    if part.text is None:
        return False
    asked = part.asked or part.question
    return part.advised or speaks_to is None or speaks_to(asked, part.text, part.citations)


def _gives_above(
    asked: str,
    text: str,
    shown: set[str],
    part: PartAnswer,
    gives: StillAnswers | None,
    speaks: SpeaksTo | None,
) -> bool:
    """Whether the sentences of the part's own answer that an earlier part showed give, by themselves,
    what the part asks and say what it asks after: then the part is answered above, not uncovered. Not
    without a check of what the part asks after (a total shown above is no share of it for PPT)."""
    if gives is None or speaks is None or plan_question(asked).type in _AMOUNT:
        return False
    above = "\n".join(u for u in _units(text) if _shown_in(u, shown) and MARKER.search(u))
    cited = part.citations
    return bool(above) and gives(asked, above, cited) and speaks(asked, above, cited)


# What asks for an amount, a count or a date: a figure or date shown above is of what the earlier part
# asked («Når skal planen vedtas?» after the draft's date), not of this.
_AMOUNT = ("hvor_mye", "hvor_mange", "naar")


# The leads a yes/no answer opens with (answer/extractive.py, the advisor): the answer to the part, not
# words of the sentence it is put before.
_LEADS = tuple(
    sorted(
        {texts.LEAD_YES, texts.LEAD_AS_A_RULE_NOT, texts.LEAD_NOT_NECESSARILY, texts.YES_NO_LEADS["nei"]},
        key=len,
        reverse=True,
    )
)


def _lead_of(text: str) -> tuple[str, str]:
    """The yes/no lead a part's answer opens with and the rest («Ja.», «Kompetansepakker er …»), or ("", the
    text) when it opens with none."""
    for lead in _LEADS:
        if text.startswith(f"{lead} ") and text[len(lead) + 1 :].strip():
            return lead, text[len(lead) + 1 :]
    return "", text


def _figure_above(asked: str, before: Sequence[str], text: str, shown: set[str]) -> bool:
    """Whether an amount or count part ("…, og hvor mye av det gikk til barnehage?", "…, og hvor mange
    moduler har den?") is answered by a line an earlier part showed: a line of the part's own answer, shown
    above, that gives a figure of the kind asked and says what the part asks of its own (the words it asks
    after that the earlier parts did not), every one of them its answer uses. A total shown above is no
    share of it for PPT: no line says PPT."""
    kind = plan_question(asked).type
    figure = rule_file(PlanRules).answers.get(kind) if kind in ("hvor_mye", "hvor_mange") else None
    if not figure or not before:
        return False
    read = plan_question(asked)
    said_before = {stem(w) for b in before for w in words(b)}
    own = {stem(w) for w in (*read.focus, *read.topic)} - said_before
    used = {stem(w) for w in words(MARKER.sub("", text))}
    wanted = own & used
    # a place, a name or a year the part asks of its own that its answer never says: a figure of another
    named = {stem(w.lower()) for w in _NAMED.findall(asked.split(maxsplit=1)[-1])} - said_before
    if not wanted or named - used:
        return False
    above = [u for u in _units(text) if _shown_in(u, shown) and MARKER.search(u)]
    lines = [line for unit in above for line in unit.splitlines()]
    return any(
        re.search(figure, line, re.IGNORECASE) and wanted <= {stem(w) for w in words(line)} for line in lines
    )


_NAMED = re.compile(r"\b(?:[A-ZÆØÅ][\w-]+|\d{4})\b")


def _unshown(text: str, shown: set[str]) -> str | None:
    """The part's sentences and lists that no earlier part showed (a list stays whole with its lead-in);
    None when there are none."""
    fresh: list[str] = []
    kept = False
    for unit in _units(text):
        # «De kan brukes …» right after the sentence that names them is kept with it, shown above or not:
        # without it that sentence answers nothing («Ja. Kompetansepakker er nettbaserte tilbud …»)
        kept = not _shown_in(unit, shown) or (kept and _GOES_ON.match(unit) is not None)
        if kept:
            fresh.append(unit)
    # A lead-in left with nothing it leads in ("Dette er det de sier:") says nothing either.
    return "\n".join(fresh) if any(MARKER.search(u) for u in fresh) else None


def _shown_in(unit: str, shown: set[str]) -> bool:
    """Whether an earlier part showed the unit, or, for a list, one of its items by itself (the item that
    says what a term is, quoted alone above: the list around it adds only the other terms)."""
    if _key(unit) in shown:
        return True
    items = [line[2:] for line in unit.splitlines() if line.startswith("- ")]
    return any(_key(item) in shown for item in items)


# A sentence led by a pronoun that stands for what the sentence before it names.
_GOES_ON = re.compile(r"^(?:De|Dei|Den)\s+(?:er|har|skal|kan|må|vil|blir|ble|gjelder|får)\b")


def _units(text: str) -> list[str]:
    return re.split(r"\n(?!- )", text.strip())


# The heading a bare sentence is shown under («Arbeidslivet: De har også …»): the same sentence either way
_LABEL = re.compile(r"^[A-ZÆØÅ][\w-]*(?:\s[\w-]+){0,3}:\s+(?=\S)")


def _key(unit: str) -> str:
    return " ".join(_LABEL.sub("", MARKER.sub("", _lead_of(unit)[1])).split()).lower()


def _renumbered(text: str, renumber: dict[int, int]) -> str:
    return MARKER.sub(lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)
