"""Whether a part's answer says what the part asks after, or only something near it.

Each part of a question is retrieved and composed on its own, and the composer always finds a best
sentence: when the documents don't answer a part ("…, og hvor ofte møtes forumet?"), that sentence is
about the same matter but not about what is asked, and it must not stand in for the part's answer. A part
is answered when its quotes say its focus (the word asked after, analyser's reading) in some form the
documents use: an inflection, a compound, a glossary synonym ("pengene": «midlene»). A focus the documents
never use ("finansierer") can't be quoted; then most of the part's other words the documents use must be, and
a part none of whose words they use is not answered by anything they say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import texts
from assistant.answer.citations import MARKER, asks_for_value
from assistant.answer.extractive import asks_role, names_body, names_members
from assistant.answer.plan import asking_sentence, asks_audience, asks_members, plan_question, question_words
from assistant.index.lexical import LexicalIndex, content_words
from assistant.models import Citation
from assistant.rules import GuardRules, PlanRules, rule_file

# «Det er opp til X å …»: the documents' way of saying whose call something is, in a verb of its own
# («vurdere», not the question's «bestemmer»).
_WHO_IS_LEFT = re.compile(r"\bDet\s+er\s+opp\s+til\s+\w+", re.IGNORECASE)
# With a focus the documents never use, the share of the part's other naming words (idf-weighted) its quotes
# must say.
_REST_SAID = 0.5
# An item of a list that names things is short ("Nord universitet"), not a sentence about them.
_MAX_NAME_WORDS = 8
# "Hvor mange … ?" and "Hvilke …?": a count asked for, then which of those counted
_HOW_MANY = re.compile(r"\b(?:hvor|kor)\s+mange\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_WHICH = re.compile(r"^\W*(?:og\s+)?(?:hvilke|hvilken|hvilket|kva\s+for)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# "i Nordland", "i Oslo og Viken": a place the asked kind's members are in
_IN_PLACE = re.compile(r"\b(?:i|på)\s+[A-ZÆØÅ]\w+")
# A rule asked ("… kan søke?", "… må melde?"): who may, a category, not the names of who did.
_RULE_ASKED = re.compile(r"\b(?:kan|må|skal|bør|kunne|burde|får\s+lov)\b", re.IGNORECASE)
# A compound counts for a word as its last part from this many letters ("pakk" of "pakkene" in
# «kompetansepakker»), as its first part from one more.
_MIN_TAIL = 4
# A said stem this long, the asked one less at most this many letters, is the same word cut further.
_MIN_STEM_PREFIX = 8
_CUT_LETTERS = 2


def speaks_to(index: LexicalIndex, question: str, text: str, citations: Sequence[Citation] = ()) -> bool:
    """Whether `text` (an answer with [n] markers citing `citations`) says what `question` (one part,
    standalone) asks after; the headings of a cited passage count as said with it («Workshop II – Vår
    2026» is what «24.03.26: Thon hotel Brønnøysund» is about). A yes/no part is always answered (its lead
    says whether the sources settle it), and so is one whose answer already says the sources don't say it
    directly, and one asking for an amount, a date or a duration: the answer check judges that by the value
    it gives (citations.unsupported_answer_reason)."""
    asking = asking_sentence(question)
    plan = plan_question(asking)
    if plan.type == "ja_nei" or not plan.focus or text.startswith(texts.NOT_DIRECTLY):
        return True
    if asks_for_value(asking):
        return True
    audience = rule_file(PlanRules).audience
    if audience and asks_audience(asking) and re.search(audience, MARKER.sub(" ", text), re.I | re.M):
        return True  # "Hvem kan delta i tiltakene?" is answered by who the measures are for («Målgrupper …»)
    if asks_members(asking) and names_members(MARKER.sub(" ", text)):
        return True  # "Hvem sitter i forumet?" is answered by whom it includes («… skal inkludere …»)
    if _says_composition(asking, text):
        return True  # "Hvordan er de delt opp?" is answered by what they consist of («… består av …»)
    headings = _cited_headings(text, citations)
    if asks_role(plan) and any(names_body(index, heading, asking) for heading in headings):
        # "Hvilken rolle har arbeidslivet?" is answered under the heading «Arbeidslivet» («De deltar i …»),
        # whose sentences never say «rolle»
        return True
    said = _said(index, text, headings)
    focus = plan.focus[0]
    by_word = _by_word(index, asking)
    if focus not in by_word and (read := _by_word(index, focus).get(focus)) and _found(read[0], said):
        return True  # the documents' word for the one asked («brukes» for "benyttes"), quoted
    if focus in by_word and _found(by_word[focus][0], said):
        return True
    # A focus the documents never use ("sender" of money they say is «utbetalt») can't be quoted: most of the
    # part's other words that they do use must be (idf-weighted). A part none of whose words they use
    # ("Hvem dekker reiseutgiftene?") asks what they don't speak of.
    asking_only = question_words()
    rest = [s for w, s in by_word.items() if w != focus and w not in asking_only and _used(index, w, s[0])]
    total = sum(weight for _, weight in rest)
    found = sum(weight for variants, weight in rest if _found(variants, said))
    # "Hvem bestemmer hvem andre som kan være representert?": «Det er opp til fylkeskommunene å vurdere
    # hvilke andre samarbeidsparter som kan være representert …» names who, in a verb of its own; it answers
    # when it says most of what the part asks of the rest, as an answer to a focus no document uses does
    deciding = focus.lower() in {v.lower() for v in rule_file(PlanRules).deciding_verbs}
    whose_call = plan.type == "hvem" and deciding and _WHO_IS_LEFT.search(MARKER.sub(" ", text)) is not None
    if focus in by_word and _used(index, focus, by_word[focus][0]) and not whose_call:
        return False
    return bool(total) and found / total >= _REST_SAID


def says_how(index: LexicalIndex, question: str, text: str, citations: Sequence[Citation] = ()) -> bool:
    """Whether the answer to a single "Hvordan …?" question whose verb is what it asks after ("Hvordan skal
    vi rapportere …?", "Hvordan beregnes …?") says that verb in some form the documents use: a sentence on
    the scheme the question names, without the act, tells nothing of how it is done. True for any other
    question, for a verb that only asks how something goes («fungerer», «skjer»: plan.yaml process_verbs),
    and for a verb the documents never use (left to the unspoken-matter and retrieval checks)."""
    asking = asking_sentence(question)
    plan = plan_question(asking)
    if plan.type != "hvordan" or plan.multi_part or not plan.focus or text.startswith(texts.NOT_DIRECTLY):
        return True
    focus = plan.focus[0]
    rules = rule_file(PlanRules)
    how_verb = rules.how_verb.replace("{verb}", re.escape(focus)) if rules.how_verb else None
    verb_first = re.match(how_verb, asking, re.IGNORECASE) if how_verb else None
    if verb_first is None or focus.lower() in {v.lower() for v in rules.process_verbs}:
        return True
    variants = _by_word(index, asking).get(focus)
    if variants is None or not _used(index, focus, variants[0]):
        return True
    said = _said(index, text, _cited_headings(text, citations))
    return _found(variants[0], said)


def _cited_headings(text: str, citations: Sequence[Citation]) -> list[str]:
    """The headings of the passages the text cites: they count as said with it."""
    cited = {int(n) for n in MARKER.findall(text)}
    return [c.section for c in citations if c.n in cited]


def _said(index: LexicalIndex, text: str, headings: Sequence[str]) -> set[str]:
    """The terms an answer says, its markers left out, with the headings of what it cites."""
    return set(index.analyzer.terms("\n".join([MARKER.sub(" ", text), *headings])))


def _says_composition(asking: str, text: str) -> bool:
    """Whether the part asks how a thing is made up (plan.yaml `composition_question`) and the answer says
    what it consists of (`composition`)."""
    rules = rule_file(PlanRules)
    if not (rules.composition_question and rules.composition):
        return False
    asked = re.search(rules.composition_question, asking, re.IGNORECASE)
    return bool(asked and re.search(rules.composition, MARKER.sub(" ", text), re.IGNORECASE))


def _by_word(index: LexicalIndex, asking: str) -> dict[str, tuple[set[str], float]]:
    """Each content word of the asking sentence, with its acceptable stems and its weight."""
    words = dict.fromkeys(content_words(asking))
    return dict(zip(words, index.weighted_query_sets(asking), strict=True))


def _used(index: LexicalIndex, word: str, variants: set[str]) -> bool:
    """Whether the documents use the word in some form (`variants`: its stems, parts and synonyms)."""
    return index.in_documents(word) or any(index.in_documents(v) for v in variants)


def _found(variants: set[str], said: set[str]) -> bool:
    if variants & said:
        return True
    return any(
        (len(v) > _MIN_TAIL and s.startswith(v))
        or (len(v) >= _MIN_TAIL and s.endswith(v))
        or _stemmed_shorter(v, s)
        for v in variants
        for s in said
    )


def _stemmed_shorter(variant: str, said: str) -> bool:
    """The stemmer cuts a long compound's bare form further than its inflected one («sekretariatsansvar»
    to "sekretariatsansv", «sekretariatsansvaret» to "sekretariatsansvar"): a said stem that is the asked
    one less its last letters, one syllable at most, is the same word."""
    cut = len(variant) - len(said)
    return len(said) >= _MIN_STEM_PREFIX and variant.startswith(said) and cut <= _CUT_LETTERS


def asks_which_of_counted(question: str, earlier: Sequence[str]) -> bool:
    """Whether `question` asks which ones ("Hvilke UH er det?", "…, og hvilke barnehager er det?") after
    an earlier question asked how many: a count given, the names are what is asked."""
    return bool(_WHICH.match(asking_sentence(question))) and any(_HOW_MANY.search(e) for e in earlier)


def asks_which_named(question: str) -> str | None:
    """The kind a "Hvilke X …?" asks to have named, as the asker wrote it, when X is a kind whose members
    carry names of their own (guard.yaml named_kinds: «universiteter», «høgskoler»): None for any other
    question, and for "Hvilke skoler kan søke?", which asks what kinds."""
    asking = asking_sentence(question)
    found = _WHICH.match(asking)
    if not found:
        return None
    rules = rule_file(GuardRules)
    rest = asking[found.end() :]
    after = _WORD.findall(rest)[:1]
    named = next((w for w in after if any(w.lower().startswith(k) for k in rules.named_kinds)), None)
    if named is not None or not (_IN_PLACE.search(rest) and not _RULE_ASKED.search(rest)):
        return named
    return next((w for w in after if any(w.lower().startswith(k) for k in rules.named_in_place)), None)


# The verb a "Hvem …?" asks with: «bestemmer» in "Hvem (er det som) bestemmer …?"
_ASKED_VERB = re.compile(
    r"(?:og\s+|men\s+)?(?:hvem|kven)\s+(?:(?:er\s+)?det\s+som\s+)?(?P<verb>[\w-]+)", re.IGNORECASE
)


def decider_unsaid(index: LexicalIndex, question: str, text: str, citations: Sequence[Citation] = ()) -> bool:
    """Whether a whole "Hvem bestemmer …?" (a hvem question whose focus is a deciding verb, plan.yaml
    deciding_verbs) is answered by sentences that name no one deciding: «Kommuner som over tid har svake
    resultater … får tilbud …» says who gets it, not who chooses them. The same reading as a part's
    (`speaks_to`): the verb or the documents' word for it quoted, or «Det er opp til X å …»."""
    asking = asking_sentence(question)
    plan = plan_question(asking)
    deciding = {v.lower() for v in rule_file(PlanRules).deciding_verbs}
    # "Hvem bestemmer hvilke tiltak som prioriteres?" keeps its deciding verb though its focus is
    # «prioriteres» (plan.yaml deferred_focus): the answer must still say who does it
    verb = _ASKED_VERB.match(asking)
    asked = verb.group("verb").lower() if verb else ""
    if plan.type != "hvem" or not plan.focus or not (plan.focus[0].lower() in deciding or asked in deciding):
        return False
    return not speaks_to(index, question, text, citations)


def unsaid_kind(
    index: LexicalIndex, question: str, text: str, citations: Sequence[Citation] = ()
) -> str | None:
    """The kind a "Hvilke X …?" asks after, when X is a kind of body or place (guard.yaml named_in_place:
    «fylkeskommuner», «skoler») and the answer, its cited headings with it, never says X in
    any form: «Gjennom hospiteringsordningen kan lærere …» says nothing of which fylkeskommuner take part.
    None for any other question, and when the answer says X."""
    asking = asking_sentence(question)
    found = _WHICH.match(asking)
    if not found:
        return None
    rules = rule_file(GuardRules)
    # the kinds with names of their own are judged by names_instances, which keeps a count the answer gives
    kinds = rules.named_in_place
    after = _WORD.findall(asking[found.end() :])[:1]
    kind = next((w for w in after if any(w.lower().startswith(k) for k in kinds)), None)
    if kind is None:
        return None
    by_word = _by_word(index, asking)
    variants = by_word[kind][0] if kind in by_word else {kind.lower()}
    said = _said(index, text, _cited_headings(text, citations))
    return None if _found(variants, said) else kind


def names_instances(
    index: LexicalIndex, question: str, text: str, citations: Sequence[Citation] = ()
) -> bool:
    """Whether `text` names the things a "Hvilke X …?" asks for, not only says X: a list of short items
    led in by a line (or under a heading) that says X, or a sentence that says X and a name the question
    doesn't (a capitalised word inside it: «Nord universitet», «KS»). «Partnerskap: 11 UH» counts them
    and «Universiteter og høyskoler som bidrar …» speaks of them; neither says which they are."""
    asking = asking_sentence(question)
    plan = plan_question(asking)
    if not plan.focus:
        return True
    focus = plan.focus[0]
    by_word = _by_word(index, asking)
    variants = by_word[focus][0] if focus in by_word else {focus}

    def says(words: str) -> bool:
        return _found(variants, set(index.analyzer.terms(words)))

    def counts(item: str) -> bool:
        return bool(_NUMBER.search(item)) and says(item)

    # the heading right over the passage, not the document's title above it
    cited = {c.n: c.section.split(" > ")[-1] for c in citations}
    asked = {w.lower() for w in _WORD.findall(asking)}
    for unit in re.split(r"\n(?!- )", text.strip()):
        lines = [MARKER.sub("", line).strip() for line in unit.splitlines()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        headings = [cited.get(int(n), "") for n in MARKER.findall(unit)]
        if len(items) >= 2:
            lead = lines[0] if not lines[0].startswith("- ") and lines[0].endswith(":") else ""
            # «Barnehage – 12 behovsmeldinger» counts them; «Nord universitet» names one
            names = [i for i in items if len(i.split()) <= _MAX_NAME_WORDS and not counts(i)]
            short = len(names) * 2 > len(items)
            if short and says(" ".join([lead, *headings])):
                return True
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(lines)):
            tail = _WORD.findall(sentence)[1:]
            named = [w for w in tail if w[:1].isupper() and w.lower() not in asked]
            if named and says(sentence):
                return True
    return False


# A sentence shown under an earlier part says what a later part asks when it has this share of the part's
# words (idf-weighted), and the part's own answer this much less.
_ABOVE_SAYS = 0.99
_ABOVE_MARGIN = 0.3


def said_above(index: LexicalIndex, question: str, shown: Sequence[str], text: str) -> bool:
    """Whether a sentence an earlier part showed (`shown`, its sentences and lists) says what `question`
    (a later part) asks, word for word where the part's own answer (`text`) does not: "…, og hvilke lærere
    prioriterer forumet tiltak for der?" is answered by «Forumet … prioriterer kompetansetiltak for
    yrkesfaglærere i friskolene.» shown above it, not by the forum's member list its own search found."""
    asking = asking_sentence(question)
    skip = question_words()
    words = [(w, s) for w, s in _by_word(index, asking).items() if w not in skip and _used(index, w, s[0])]
    total = sum(weight for _, (_, weight) in words)
    if not total or len(words) < 2:
        return False

    def share(unit: str) -> float:
        said = set(index.analyzer.terms(MARKER.sub(" ", unit)))
        return sum(weight for _, (variants, weight) in words if _found(variants, said)) / total

    own = max((share(u) for u in _sentences(text)), default=0.0)
    above = max((share(u) for unit in shown for u in _sentences(unit)), default=0.0)
    return above >= _ABOVE_SAYS and above - own >= _ABOVE_MARGIN


def _sentences(text: str) -> list[str]:
    """A text's sentences; a list with its lead-in is one."""
    units = re.split(r"\n(?!- )", text.strip())
    return [s for u in units for s in ([u] if "\n- " in u else re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", u))]
