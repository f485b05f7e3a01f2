"""Question analysis as a value: how a question is read before anything is retrieved or written.

`plan_question` reads a standalone bokmål question once into an `AnswerPlan`: its type (hvem, hva, når,
hvor, hvor mye, hvor mange, hvordan, ja/nei, liste), its focus (what is asked for: "leder" in "Hvem leder
forumet?"), its topic (what it is about), the schemes in scope (named in the question, else in the
conversation), and its parts when it asks several things at once. Retrieval, the advisor and the composer
read the plan; none of them parses the question again. The patterns and word lists are in plan.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal, cast

from assistant.index.lexical import content_words
from assistant.models import AnswerPlan, QuestionType
from assistant.rules import PlanRules, rule_file

# The schemes a text names, as catalogue ids in order of mention; the service passes the catalogue's.
FindSchemes = Callable[[str], list[str]]
# The sectors a text names (schemes.questions.asked_sectors).
FindSectors = Callable[[str], tuple[str, ...]]
_WORD = re.compile(r"[\w-]+")


def plan_question(
    question: str,
    previous: Sequence[str] = (),
    find_schemes: FindSchemes | None = None,
    find_sectors: FindSectors | None = None,
    find_field: FindSchemes | None = None,
) -> AnswerPlan:
    """The plan for `question` (standalone, bokmål). `previous` are the conversation's earlier questions
    (resolved, oldest first): a question that names no scheme keeps the scheme the conversation is about,
    and one that names no sector the sectors it named. `find_field`: the schemes whose field a text speaks
    of ("yrkesfag"), when neither the question nor the conversation names one."""
    text = " ".join(question.split())
    kind = question_type(text)
    focus, topic = _focus_and_topic(text)
    schemes, source = _scope(text, previous, find_schemes, find_field)
    sectors: tuple[str, ...] = ()
    if find_sectors is not None:
        sectors = next((found for t in (text, *reversed(previous)) if (found := find_sectors(t))), ())
    return AnswerPlan(text, kind, focus, topic, schemes, source, split_parts(text), sectors)


def direct(text: str) -> str:
    """The question plainly: without filler words ("egentlig"), an indirect yes/no question as the direct
    one ("… lurer på om vi kan delta?" → "Kan vi delta?"), a reported one as what it asks ("Hva sier
    Udir om hva som skal til?" → "Hva skal til?"); the sentences around it kept."""
    rules = rule_file(PlanRules)
    text = _asked_directly(_paraphrased(_without_fillers(text)))
    if rules.hearsay and (heard := re.search(rules.hearsay, text, re.IGNORECASE)):
        # "Vi har hørt at X – stemmer det?" → "Stemmer det at X?": the claim is what is asked
        start = max(text.rfind(c, 0, heard.start()) for c in ".?!") + 1
        asked = f"Stemmer det at {heard.group('claim').strip()}?"
        text = " ".join(p for p in (text[:start].strip(), asked, text[heard.end() :].strip()) if p)
    if rules.tag_question and (tagged := re.search(rules.tag_question, text, re.IGNORECASE)):
        text = _tag_asked(text, tagged)
    if rules.reported and (frame := re.search(rules.reported, text, re.IGNORECASE)):
        # "… om hva som skal til?" → "Hva skal til?": the question word opens, its "som" goes
        rest = re.sub(r"^(\w+) som\b", r"\1", text[frame.end() :])
        text = text[: frame.start()] + rest[:1].upper() + rest[1:]
    if rules.request and (request := re.search(rules.request, text, re.IGNORECASE)):
        # "Kan du gi meg en oversikt over X: hva gjør Udir?" → "En oversikt over X. Hva gjør Udir?"
        topic = request.group("topic")
        rest = re.sub(r"^(\w+) som\b", r"\1", text[request.end() :])  # "hvem som leder" → "hvem leder"
        before = (
            f"{text[: request.start()]}{topic[:1].upper()}{topic[1:].strip()}. "
            if topic
            else text[: request.start()]
        )
        text = before + rest[:1].upper() + rest[1:]
    text = _named_back(_told_about(text, rules), rules)
    pattern = rules.indirect
    found = re.search(pattern, text, re.IGNORECASE) if pattern else None
    if found is not None:
        start = text.rfind(".", 0, found.start()) + 1  # the sentence it opens: "Kollegaene mine og jeg …"
        subject = found.group("subject")
        # Who passed the question on says whose it is: "Vi har fått spørsmål fra en privat skoleeier om de
        # kan delta" asks whether a private owner may ("Kan en privat skoleeier delta?"); with a subject of
        # its own, the sender is kept as a sentence before it.
        passed_on = text[start : found.start() + found.group(0).lower().find(" om ")].strip()
        sender = re.search(r"\s(?:fra|frå)\s+(?P<who>.+)$", passed_on, re.IGNORECASE)
        if sender is not None and subject.lower() in _RELAYED_PRONOUNS:
            subject = sender.group("who")
        asked = f"{found.group('verb').capitalize()} {subject} {found.group('rest').strip()}?"
        if sender is not None and subject != sender.group("who"):
            asked = f"{passed_on}. {asked}"
        text = f"{text[:start]} {asked}{text[found.end() :]}".strip()
    return _as_body_asking(_without_reply_request(text, rules), rules)


def _tag_asked(text: str, tagged: re.Match[str]) -> str:
    """ "Vi er to kommuner som vurderer å gå sammen om X, er det lov?" → "Vi er to kommuner. Er det lov å gå
    sammen om X?": the plan is what the tag asks may be done; what the askers say of themselves stays."""
    start = max(text.rfind(c, 0, tagged.start()) for c in ".?!") + 1
    said = re.sub(r"\s+(?:og|men|så)$", "", tagged.group("said").strip(), flags=re.IGNORECASE)
    who = f"{text[tagged.start() : tagged.start('said')]} {said}." if said else ""
    asked = f"Er det lov å {tagged.group('deed').strip()}?"
    return " ".join(p for p in (text[:start].strip(), who, asked, text[tagged.end() :].strip()) if p)


def _as_body_asking(text: str, rules: PlanRules) -> str:
    """ "Jeg jobber hos Statsforvalteren. Kan vi være med i forumet?" asks whether Statsforvalteren may: "vi"
    is the body who asks works at (plan.yaml `asker_bodies`, by «hos»/«i» before it), when it is one that
    acts in the schemes rather than owns (`we_bodies`); an owner's «vi» is left to the advisor's profile."""
    asking = asking_sentence(text)
    we = _WE_ASKING.match(asking)
    context = asker_context(text)
    if we is None or not context:
        return text
    at = [
        (found.start(), name)
        for name, pattern in rules.asker_bodies.items()
        if (found := re.search(rf"\b(?:hos|i|ved|fra|frå)\s+(?:{pattern})", context, re.IGNORECASE))
    ]
    body = min(at)[1] if at else None
    if body is None or body not in rules.we_bodies:
        return text
    asked = f"{asking[: we.start('we')]}{body}{asking[we.end('we') :]}"
    return text.replace(asking, asked, 1)


_WE_ASKING = re.compile(
    r"^(?:kan|skal|må|får|har|bør|burde|kunne|skulle|er)\s+(?P<we>vi|me)\b(?!\s+(?:en|ein|et|eit|ei)\b)",
    re.IGNORECASE,
)


# The pronouns a passed-on question uses of whoever sent it ("… fra en kommune om de kan delta").
_RELAYED_PRONOUNS = frozenset({"de", "dei", "den", "han", "hun", "ho", "dem"})


def _without_reply_request(text: str, rules: PlanRules) -> str:
    """ "Kan PPT delta? Hva kan vi svare?" asks what the first sentence asks: how to reply is no question
    of its own beside it, and left in, it keeps the question from being read as the yes/no it is."""
    sentences = split_sentences(text)
    kept = _not_reply_requests(sentences, rules)
    return text if len(kept) == len(sentences) else " ".join(kept)


def _not_reply_requests(sentences: list[str], rules: PlanRules) -> list[str]:
    """The sentences without those that ask how to reply (`reply_request`), when another one asks; all
    of them when none does ("Hva kan jeg svare?" alone is the question)."""
    if not rules.reply_request:
        return sentences
    kept = [s for s in sentences if not re.match(rules.reply_request, s, re.IGNORECASE)]
    return kept if any(s.endswith("?") for s in kept) else sentences


# A clause whose subject runs longer than this before its verb is left in the order it was written.
_MAX_SUBJECT_WORDS = 4
# What asks for a kind of thing by its noun ("hvilke tiltak", "hvor mye penger"), and pronouns that are a
# clause's subject, never that noun.
_COUNTED = re.compile(r"(?:hvor|kor)\s+(?:mye|mykje|mange)|hvilke[nt]?|kva\s+for", re.IGNORECASE)
_SUBJECTS = frozenset({"vi", "me", "de", "dei", "jeg", "eg", "du", "man", "en", "ein", "det", "den", "dere"})
_PRESENT = re.compile(r"\w{2,}(?:er|es|ar|ast)$", re.IGNORECASE)


def _asked_directly(text: str) -> str:
    """ "Kommunen lurer på hvem som kan delta, hvor de holdes og om det koster noe." asks three questions
    in one sentence: each is asked directly ("Hvem kan delta? Hvor holdes de? Koster det noe?"), so that
    none is lost as the context of another. What the sentence says before its frame is kept as a sentence
    of its own when it says more than who asks ("… en privat eier som lurer på …": "… en privat eier.")."""
    rules = rule_file(PlanRules)
    if not rules.asking_frame or not rules.embedded_openers:
        return text
    openers = "|".join(re.escape(w) for w in sorted(rules.embedded_openers, key=len, reverse=True))
    for frame in re.finditer(rules.asking_frame, text, re.IGNORECASE):
        rest = text[frame.end() :]
        if not re.match(rf"(?:{openers})\b", rest, re.IGNORECASE):
            continue
        end = re.search(r"[.?!](?:\s|$)|$", rest)
        assert end is not None
        opens = rf"(?=(?:{openers})\b)"
        clauses = re.split(
            rf"\s*,\s*(?:og\s+|eller\s+)?{opens}|\s+(?:og|eller)\s+{opens}", rest[: end.start()], flags=re.I
        )
        asked = _joined_short(clauses, rules.min_part_words)
        if not asked or (len(asked) < 2 and re.match(r"om\b", asked[0], re.IGNORECASE)):
            continue  # one indirect yes/no question is read by `indirect` below
        start = max(text.rfind(c, 0, frame.start()) for c in ".?!") + 1
        if len(asked) < 2 and "?" in text[:start] + rest[end.end() :]:
            # "Hva forventes …? Skal svare en bedrift som lurer på hva …": beside a direct question, one
            # indirect clause is what the question is about or who asks, no question of its own
            continue
        # Alone, one question-word clause is asked directly too ("Vi vil gjerne vite hvor ofte vi må
        # rapportere, og til hvem." → "Hvor ofte må vi rapportere, og til hvem?"): read as it stands, its
        # frame hides what it asks (a letter's question gave up on it).
        before = re.sub(r"\s+(?:som|og)$", "", text[start : frame.start()].strip(), flags=re.IGNORECASE)
        said = f"{before.rstrip(' ,:')}. " if len(_WORD.findall(before)) >= 3 else ""
        questions = " ".join(_direct_clause(c, rules.finite_verbs) for c in asked)
        after = rest[end.end() :].strip()
        return " ".join(p for p in (text[:start].strip(), f"{said}{questions}", after) if p)
    return text


def _paraphrased(text: str) -> str:
    """ "Hva er poenget med X?" as "Hva er målet med X?" (plan.yaml `paraphrases`), once each."""
    # the fuller readings first ("Hva er målet med"), so that a bare one after them is a repetition
    for paraphrase in sorted(rule_file(PlanRules).paraphrases, key=lambda p: -len(p.read_as)):
        found = re.search(paraphrase.pattern, text, re.IGNORECASE)
        if found is None:
            continue
        if paraphrase.read_as.lower() in text[: found.start()].lower():
            # "Hva er poenget med X – hva skal vi sitte igjen med?" asks the goal twice: once is enough
            text = text[: found.start()].rstrip(" –—-,;") + text[found.end() :].lstrip()
        else:
            before = text[: found.start()].rstrip()
            read = paraphrase.read_as  # mid-sentence ("…, og hva er målet?") in lower case, as asked
            read = read[:1].lower() + read[1:] if before and before[-1] not in ".?!" else read
            text = text[: found.start()] + read + text[found.end() :]
    return text


def _joined_short(clauses: list[str], min_words: int) -> list[str]:
    """The clauses, one too short to ask anything ("… og når") joined to the one before it."""
    joined: list[str] = []
    for clause in (c.strip(" ,") for c in clauses):
        if joined and len(_WORD.findall(clause)) < min_words:
            joined[-1] = f"{joined[-1]} og {clause}"
        elif clause:
            joined.append(clause)
    return joined


def _direct_clause(clause: str, verbs: Sequence[str]) -> str:
    """An indirect question as the direct one: "om det koster noe" → "Koster det noe?", "hvem som
    arrangerer" → "Hvem arrangerer?", "når midlene blir utbetalt" → "Når blir midlene utbetalt?"."""
    pattern = rule_file(PlanRules).question_phrase
    asks = re.match(r"om\s+", clause, re.IGNORECASE) or (
        re.match(rf"{pattern}\s*", clause, re.IGNORECASE) if pattern else None
    )
    if asks is None:
        return _capitalised(f"{clause}?")
    word = "" if asks.group(0).strip().lower() == "om" else asks.group(0).strip()
    rest = clause[asks.end() :]
    verbs_ = {v.lower() for v in verbs}
    # "hvilke tiltak som …", "hvor mye penger vi …": the noun asked about belongs to what asks
    first = rest.split(maxsplit=1)
    if word and _COUNTED.fullmatch(word) and len(first) == 2 and first[0].lower() not in verbs_ | _SUBJECTS:
        word, rest = f"{word} {first[0]}", first[1]
    if re.match(r"som\s+", rest, re.IGNORECASE):  # "hvem som leder" → "hvem leder"
        rest = rest.split(maxsplit=1)[1]
    else:
        rest = _verb_first(rest, verbs_)
    return _capitalised(f"{word} {rest}".strip().rstrip(".") + "?")


def _verb_first(clause: str, verbs: set[str]) -> str:
    """ "de holdes i Bodø" → "holdes de i Bodø": the clause's finite verb before its subject (at most
    `_MAX_SUBJECT_WORDS` words); unchanged when no verb is found there."""
    words = clause.split()
    for i, w in enumerate(words[: _MAX_SUBJECT_WORDS + 1]):
        if i and (w.lower() in verbs or (i == 1 and _PRESENT.fullmatch(w))):
            return " ".join([w, *words[:i], *words[i + 1 :]])
    return clause


def asking_sentence(text: str) -> str:
    """The sentence that asks: in "Vi er en kommune. Hvilke ordninger passer?" the second."""
    sentences = split_sentences(text)
    asking = [s for s in sentences if s.endswith("?")] or sentences or [text]
    return asking[0]


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def question_type(text: str) -> QuestionType:
    lowered = _without_fillers(asking_sentence(text).lower().strip()).strip()
    first = rule_file(PlanRules).yes_no_first
    if first is not None and re.search(first, lowered):
        return "ja_nei"  # "Bør planen omfatte evaluering?", "Bestemmer Udir hvilke parter …?"
    for kind, patterns in _type_patterns():
        if any(not indirect(lowered, m) for p in patterns for m in p.finditer(lowered)):
            if kind == "naar" and asks_conditions(lowered):
                continue
            return kind
    return "hva"


# A question word that starts an ask inside a sentence ("… hvor mye hver kommune får", "… når det skjer"); a
# noun found ("Hva er fristen?") is what the question asks after, not a clause.
_ASK_WORD = re.compile(r"(?:hvor|kor|når|hvem|kven|hvilke[nt]?|kva\s+tid)\b", re.IGNORECASE)
# A question word that opens a sentence ("Hvem bestemmer …", "Hva avgjør …").
_OPENING_ASK = re.compile(r"^(?:og\s+)?(?:hvem|kven|hva|kva|hvordan|korleis|hvorfor|kvifor)\b", re.IGNORECASE)


def indirect(text: str, found: re.Match[str]) -> bool:
    """Whether an ask found in the text sits in a clause that another question word opens: "Hvem bestemmer
    hvor mye hver kommune får?" asks who, and "hvor mye" is what that one decides. After a comma or «og» it
    is a question of its own ("Hva er det, og hvor mye får vi?")."""
    start = max(text.rfind(end, 0, found.start()) for end in (". ", "? ", "! ", "\n"))
    before = text[start + 1 : found.start()].strip()
    if not before or "," in before or re.search(r"\s(?:og|eller)\s", f" {before} "):
        return False
    return bool(_OPENING_ASK.match(before)) and bool(_ASK_WORD.match(text[found.start() :]))


def asks_members(question: str) -> bool:
    """Whether the question asks who a body is made of ("Hvem sitter i samarbeidsforumet?", plan.yaml
    `members_question`): the body's members answer it, not what the body does."""
    pattern = rule_file(PlanRules).members_question
    return bool(pattern and re.search(pattern, _without_fillers(asking_sentence(question)), re.IGNORECASE))


def asks_audience(question: str) -> bool:
    """Whether the question asks who a scheme is for ("Hvem er målgruppen for Kompetanseløftet?", plan.yaml
    `audience_question`): the sentence that opens with the target groups answers it."""
    pattern = rule_file(PlanRules).audience_question
    return bool(pattern and re.search(pattern, _without_fillers(asking_sentence(question)), re.IGNORECASE))


def members_asked(question: str) -> str:
    """A question asking who a body is made of, without the clause that only says which body it is:
    "Hvem sitter i forumet som fordeler pengene?" → "Hvem sitter i forumet?" (plan.yaml `body_clause`).
    Any other question as it is."""
    pattern = rule_file(PlanRules).body_clause
    if not pattern or not asks_members(question):
        return question
    found = re.search(pattern, question, re.IGNORECASE)
    return question if found is None else question[: found.start("clause")] + question[found.end("clause") :]


def searched_for(question: str) -> str:
    """What retrieval searches for: a question about a body's members without the clause that only says
    which body (`members_asked`), and one asking who may join a scheme's measures with the documents' word
    for its target groups (plan.yaml `audience_word`) when it does not say it."""
    rules = rule_file(PlanRules)
    asked = members_asked(question)
    word, joining = rules.audience_word, rules.audience_joining
    if not (word and joining and asks_audience(question) and re.search(joining, question, re.IGNORECASE)):
        return asked
    return asked if word.lower()[:-1] in asked.lower() else f"{asked} {word}"


def asks_conditions(question: str) -> bool:
    """Whether a "når" question asks in which cases ("Når kan en kommune få tilskudd?", "Når gjelder
    kravet?") rather than at what time ("Når kan vi søke?", "Når gjelder reglene fra?"): its answer is a
    condition, and a time must not be required of it."""
    rules = rule_file(PlanRules)
    if not rules.conditional_when or not re.search(rules.conditional_when, question, re.IGNORECASE):
        return False
    return not (rules.dated and re.search(rules.dated, question, re.IGNORECASE))


def asks_in_which_cases(question: str) -> bool:
    """Whether the question's asking sentence is a "når" question of in which cases (`asks_conditions`)."""
    return asks_conditions(_without_fillers(asking_sentence(question).lower().strip()).strip())


def _without_fillers(text: str) -> str:
    fillers = rule_file(PlanRules).fillers
    if not fillers:
        return text
    return re.sub(rf"\s*\b(?:{'|'.join(map(re.escape, fillers))})\b", "", text, flags=re.IGNORECASE)


@lru_cache
def _type_patterns() -> tuple[tuple[QuestionType, tuple[re.Pattern[str], ...]], ...]:
    types = rule_file(PlanRules).types  # the schema allows only QUESTION_TYPES as keys
    return tuple(
        (cast(QuestionType, kind), tuple(re.compile(p, re.IGNORECASE) for p in patterns))
        for kind, patterns in types.items()
    )


def _focus_and_topic(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The focus is the first naming word after the question word (the verb or noun asked about: "leder",
    "prioriterer", "frist"), or the head of the noun phrase a "Hva er det …" question asks after; the
    topic is the rest. A yes/no question's focus is what it asks about
    ("delta", "søke"), found the same way."""
    asking = question_words()
    rules = rule_file(PlanRules)
    sentence = asking_sentence(text)
    if rules.asker_apposition:
        sentence = re.sub(rules.asker_apposition, " ", sentence, flags=re.IGNORECASE)
    naming = [w for w in content_words(sentence) if w.lower() not in asking]
    if not naming:
        return (), tuple(w for w in content_words(text) if w.lower() not in asking)
    focus = naming[0]
    asked = _without_fillers(asking_sentence(text))
    for frame in rules.deferred_focus:
        if deferred := re.search(frame, asked, re.IGNORECASE):
            later = [w for w in content_words(deferred.group("rest")) if w.lower() not in asking]
            focus = later[0] if later else focus
            break
    # "Hva er det overordnede målet med …?" asks after the noun its phrase ends in, not the adjective
    # before it: Norwegian noun phrases end in their head.
    phrase = re.search(rules.noun_phrase, asked, re.IGNORECASE) if rules.noun_phrase else None
    if phrase is not None:
        head = [w for w in content_words(phrase.group("phrase")) if w.lower() not in asking]
        focus = head[-1] if head else focus
    said = focus
    done = re.search(rules.verb_asked, asked, re.IGNORECASE) if rules.verb_asked else None
    if done is not None and done.group("verb") in naming:
        # "Hva kan midlene brukes til?" asks after the use, not the money; in the documents' word for it
        said = done.group("verb")
        focus = rules.verb_read_as.get(said.lower(), said)
    rest = [w for w in content_words(text) if w.lower() not in asking and w not in (focus, said)]
    return (focus,), tuple(dict.fromkeys(rest))


@lru_cache
def question_words() -> frozenset[str]:
    """Words that ask (plan.yaml): neither a question's focus nor its topic."""
    return frozenset(w.lower() for w in rule_file(PlanRules).question_words)


def _scope(
    text: str,
    previous: Sequence[str],
    find_schemes: FindSchemes | None,
    find_field: FindSchemes | None = None,
) -> tuple[tuple[str, ...], Literal["question", "conversation", "none"]]:
    if find_schemes is None:
        return (), "none"
    named = find_schemes(text)
    if named:
        return tuple(dict.fromkeys(named)), "question"
    for earlier in reversed(previous):
        if found := find_schemes(earlier):
            return tuple(dict.fromkeys(found)), "conversation"
    if find_field is not None:
        if field := find_field(text):
            return tuple(dict.fromkeys(field)), "question"
        for earlier in reversed(previous):
            if found := find_field(earlier):
                return tuple(dict.fromkeys(found)), "conversation"
    return (), "none"


def split_parts(text: str) -> tuple[str, ...]:
    """The questions in one question: split after "?" and before a comma or "og" that opens a
    new question ("…, og hva kan pengene brukes til?"). A part too short to stand alone stays with the one
    before it. () when there is only one."""
    rules = rule_file(PlanRules)
    openers = "|".join(re.escape(w) for w in rules.part_openers)
    sentences = split_sentences(text)
    asking = [s for s in sentences if s.endswith("?")] or [text.strip()]
    asking = _not_reply_requests(asking, rules)  # "…? Hva kan jeg svare?" asks nothing beside them
    # What the asker says before the first question ("Vi er en skole i Viken.") is context for the first
    # part; a statement after a question ("Vil gjerne ringe noen.") is no part of its own.
    first = sentences.index(asking[0]) if asking[0] in sentences else 0
    context = " ".join(sentences[:first])
    asking = _contrast_of_context(asking, context, rules)
    parts: list[str] = []
    topics: list[str] = []  # of each part, the topic put before its question word (or "")
    whole: list[bool] = []  # of each part, whether it is a sentence of its own ending in "?"
    for piece in _before_contrast(asking):
        # "To ting: hvilke …?", "Og hva kan vi søke om?": a lead-in or a joining word before the question
        piece = re.sub(rules.part_lead_in, "", piece, flags=re.IGNORECASE) if rules.part_lead_in else piece
        # "Hva er forskjellen på A og B?" is answered by what each of them is.
        contrasted = re.search(rules.contrast, piece, re.IGNORECASE) if rules.contrast else None
        if contrasted:
            one, other = _contrasted_pair(contrasted)
            if len(one.split()) == 1 and len(other.split()) == 2 and _describes(one):
                # "regional og desentralisert ordning": the noun after the second describing word is
                # the first one's too
                one = f"{one} {other.split()[1]}"
            parts += [rules.contrast_part.format(term=term) for term in (one, other)]
            topics += ["", ""]
            whole += [False, False]
            piece = piece[contrasted.end() :].strip(" ,?.")
        # "… X, eller er den bare for Y?" offers alternatives in one question; only "og" and a comma join.
        joiners = f"|{rules.part_joiners}" if rules.part_joiners else ""
        between = rf"\s*(?:,\s*(?:og|og så)?|\s+og{joiners})\s+(?=(?:{openers})\b|{_ELLIPTIC_ASKING}\s*\??$)"
        split = _gapped(_elliptic(_sharing_verb(_at_inverted(re.split(between, piece)))))
        topic = ""
        for i, chunk in enumerate(split):
            chunk = chunk.strip(" ,")
            if not chunk:
                continue
            if i == 0 and len(split) > 1 and not _asks(chunk) and not _inverted(chunk):
                # "Og hospiteringsordningen, hvem er den for, og …?": what the questions after it are about;
                # "Koster det noe, og hvem …?" opens with a verb and its subject: a yes/no part of its own
                topic = chunk
            elif parts and len(_WORD.findall(chunk)) < rules.min_part_words:
                parts[-1] = f"{parts[-1].rstrip('?')} {chunk}"
            else:
                parts.append(chunk)
                topics.append(topic)
                whole.append(len(split) == 1 and chunk.endswith("?"))
    parts = [p if p.endswith("?") else f"{p.rstrip('.')}?" for p in parts]
    # A sentence of its own that ends in "?" and opens with a verb asks, whatever the verb ("Koster det noe
    # å delta?"); "For eksempel X?" does not.
    questions = [
        _with_topic(topic, p)
        for p, topic, alone in zip(parts, topics, whole, strict=True)
        if (alone and _opens_with_verb(p)) or _asks(p) or _inverted(p)
    ]
    if len(questions) < 2:
        return ()
    if context:
        questions[0] = f"{context} {_capitalised(questions[0])}"
    return tuple(_capitalised(p) for p in questions[: rules.max_parts])


# What asks for a contrast before its «forskjellen på …» ("…, og hva er forskjellen på A og B?")
_ASKS_CONTRAST = re.compile(r"[\s,]*(?:\bog\s+)?\b(?:hva|kva)\s+(?:er|var|blir)\s+(?:egentlig\s+)?$", re.I)


def _inverted(part: str) -> bool:
    """A yes/no question opened by a verb and a subject pronoun ("Koster det noe …?", "Trenger vi …?")."""
    inverted = rule_file(PlanRules).inverted_part
    return bool(inverted and re.match(inverted, part, re.IGNORECASE))


def _at_inverted(chunks: list[str]) -> list[str]:
    """The chunks, each split again after a comma (and "og") that a yes/no question opened by a verb and a
    subject pronoun follows ("Hva er en kompetansepakke, og koster det noe å bruke den?"). Without a comma
    before it, "… og sender det til …" is the first question's verb and its object, not a question."""
    if not rule_file(PlanRules).inverted_part:
        return chunks
    split: list[str] = []
    for chunk in chunks:
        start = 0
        for comma in re.finditer(r",\s*(?:og\s+(?:så\s+)?)?", chunk, re.IGNORECASE):
            if comma.start() > start and _inverted(chunk[comma.end() :]):
                split.append(chunk[start : comma.start()])
                start = comma.end()
        split.append(chunk[start:])
    return split


def _told_about(text: str, rules: PlanRules) -> str:
    """ "Jeg er ny rektor. Kan du fortelle litt om ABLU?" → "Jeg er ny rektor. Hva er ABLU?": a request to
    tell about a thing, as its last sentence, asks what the thing is."""
    if not rules.tell_about:
        return text
    body = text.rstrip(" ?.!")
    start = max(body.rfind(c) for c in ".?!") + 1
    told = re.match(rules.tell_about, text[start:].strip(), re.IGNORECASE)
    if told is None:
        return text
    return f"{text[:start].strip()} Hva er {told.group('topic').strip()}?".strip()


def _named_back(text: str, rules: PlanRules) -> str:
    """ "Jeg har hørt om noe som heter X. Hva går den ordningen ut på?" → "… Hva er X?": a bare question about
    "it" after a sentence that gives a name asks what the named thing is."""
    if not (rules.named_before and rules.named_back):
        return text
    sentences = split_sentences(text)
    if len(sentences) < 2 or not re.match(rules.named_back, sentences[-1].strip(), re.IGNORECASE):
        return text
    named = re.search(rules.named_before, sentences[-2].strip(), re.IGNORECASE)
    if named is None:
        return text
    return " ".join([*sentences[:-1], f"Hva er {named.group('topic').strip()}?"])


def _contrasted_pair(found: re.Match[str]) -> tuple[str, str]:
    """The two terms of a contrast: «forskjellen på A og B»."""
    return found.group("a"), found.group("b")


def _contrast_of_context(asking: list[str], context: str, rules: PlanRules) -> list[str]:
    """ "Jeg skal forklare forskjellen på A og B. Hva skiller dem?": the bare contrast question asks about
    the pair the sentence before it names, as "Hva er forskjellen på A og B?" would."""
    if len(asking) != 1 or not (rules.contrast_back and rules.contrast):
        return asking
    pair = re.search(rules.contrast, context, re.IGNORECASE)
    if pair is None or not re.match(rules.contrast_back, asking[0].strip(), re.IGNORECASE):
        return asking
    one, other = _contrasted_pair(pair)
    return [f"Hva er forskjellen på {one} og {other}?"]


def _describes(word: str) -> bool:
    """Whether a word reads as an adjective that needs a noun ("regional", "desentralisert", "kollektiv"):
    by its ending, as Norwegian adjectives of this kind end."""
    return bool(re.search(r"(?:al|ert|ell|iv|isk|ig|lig|leg)$", word.lower()))


def _before_contrast(asking: list[str]) -> list[str]:
    """The asking sentences, one that asks something before a contrast ("Hva er formålet med X, og hva er
    forskjellen på A og B?") as two: what it asks first is a part of its own, not lost to the contrast's."""
    contrast = rule_file(PlanRules).contrast
    pieces: list[str] = []
    for piece in asking:
        found = re.search(contrast, piece, re.IGNORECASE) if contrast else None
        before = _ASKS_CONTRAST.sub("", piece[: found.start()]).strip(" ,") if found else ""
        if found and before and re.search(r"\w", before):
            pieces += [f"{before}?", f"Hva er {piece[found.start() :]}"]
        else:
            pieces.append(piece)
    return pieces


# "…, og til hvem?": a question word after a preposition, asked of the part before it
_ELLIPTIC_ASKING = r"(?:til|for|med|fra|hos|av)\s+(?:hvem|kven|hva|kva|hvilke[nt]?)"
# What can be the subject right after a part's verb: a pronoun, a name, a noun in the definite form
_SUBJECT = re.compile(
    r"^(?:vi|me|de|dei|dere|de|jeg|eg|man|det|den|[A-ZÆØÅ][\w-]*|[\w-]+(?:ene|ane|en|et|a))$"
)


def _elliptic(chunks: list[str]) -> list[str]:
    """ "Hva må fylkeskommunene rapportere, og til hvem?", "Kan vi søke, og når?": a part that is only what
    asks (with its preposition) is asked of the verb and subject of the part before it ("Til hvem må
    fylkeskommunene rapportere?", "Når kan vi søke?"). When the part before has no subject of its own
    after its verb ("Hvem kan søke, og hvordan?"), the bare words stay with it, as one question."""
    pattern = rule_file(PlanRules).question_phrase
    if not pattern or len(chunks) < 2:
        return chunks
    kept = [chunks[0].strip()]
    for chunk in (c.strip() for c in chunks[1:]):
        bare = re.fullmatch(rf"(?:og\s+)?(?:{_ELLIPTIC_ASKING}|{pattern[1:]})\s*\??", chunk, re.IGNORECASE)
        if not bare or not kept[-1].strip(" ,?"):
            kept.append(chunk)
            continue
        before = kept[-1].strip(" ,?")
        asking = re.match(pattern, before, re.IGNORECASE)
        rest = before[asking.end() :].strip() if asking else before
        words = rest.split()
        verbs = {v.lower() for v in rule_file(PlanRules).finite_verbs}
        verb = words[0].lower() in verbs or bool(words and _PRESENT.fullmatch(words[0]))
        if len(words) >= 2 and verb and _SUBJECT.match(words[1]):
            asked = re.sub(r"^og\s+", "", chunk.strip(" ?"), flags=re.IGNORECASE)
            kept.append(f"{asked} {rest[:1].lower()}{rest[1:]}")
        else:
            kept[-1] = f"{before}, {chunk}"
    return kept


# The prepositions that open the phrase a gapped part keeps of its own ("…, og hvem i yrkesfagordningen?")
_GAP_PREPOSITIONS = ("i", "for", "til", "innen", "innenfor", "innanfor", "under", "hos", "på", "fra", "frå")
# A gapped part is its question words and one short phrase: no more words than this after the preposition
_MAX_GAP_WORDS = 5


def _gapped(chunks: list[str]) -> list[str]:
    """ "Hvem søker i regional ordning, og hvem i yrkesfagordningen?": a part that is only what asks and a
    phrase opened by a preposition, with no verb, asks what the part before it asks, of that phrase in place
    of the one there opened by the same preposition ("Hvem søker i yrkesfagordningen?"); with no such phrase
    there, of its own phrase put after it ("Hvem prioriterer tiltakene, og hvem i Dekom?")."""
    rules = rule_file(PlanRules)
    pattern = rules.question_phrase
    if not pattern or len(chunks) < 2:
        return chunks
    verbs = {v.lower() for v in rules.finite_verbs}
    preposition = "|".join(_GAP_PREPOSITIONS)
    kept = [chunks[0]]
    for chunk in chunks[1:]:
        asking = re.match(pattern, chunk.strip(), re.IGNORECASE)
        rest = chunk.strip()[asking.end() :].strip(" ,?") if asking else ""
        gap = re.fullmatch(rf"(?P<prep>{preposition})\s+(?P<object>[\w-]+(?:\s+[\w-]+)*)", rest, re.I)
        before = kept[-1].strip(" ,?")
        asked_before = re.match(pattern, before, re.IGNORECASE)
        object_words = gap.group("object").split() if gap else []
        if (
            asking is None
            or gap is None
            or asked_before is None
            or len(object_words) > _MAX_GAP_WORDS
            or any(w.lower() in verbs for w in object_words)
        ):
            kept.append(chunk)
            continue
        said = before[asked_before.end() :].strip()
        prep = gap.group("prep").lower()
        # the phrase of the part before opened by the same preposition, up to the next preposition or the end
        there = re.search(rf"\b{prep}\s+.+?(?=\s+(?:{preposition})\s|$)", said, re.IGNORECASE)
        phrase = f"{prep} {gap.group('object')}"
        said = f"{said[: there.start()]}{phrase}{said[there.end() :]}" if there else f"{said} {phrase}"
        asked = re.sub(r"^og\s+", "", asking.group(0).strip(), flags=re.IGNORECASE)
        kept.append(f"{asked} {said}")
    return kept


def _sharing_verb(chunks: list[str]) -> list[str]:
    """ "Når og hvor er de?" asks both question words of one verb and subject: a chunk that is only what
    asks ("Når") gets what follows the asking words of the chunk after it ("Når er de?"), so that no part
    is a bare question word and none loses its subject."""
    pattern = rule_file(PlanRules).question_phrase
    if not pattern:
        return chunks
    shared = [c.strip() for c in chunks]
    for i in range(len(shared) - 2, -1, -1):
        bare = re.match(pattern, shared[i], re.IGNORECASE)
        after = re.match(pattern, shared[i + 1], re.IGNORECASE)
        rest = shared[i + 1][after.end() :].strip(" ,") if after else ""
        if bare and not shared[i][bare.end() :].strip(" ,?") and rest.strip("?"):
            shared[i] = f"{shared[i].strip(' ,?')} {rest}"
    return shared


def _with_topic(topic: str, part: str) -> str:
    """The part about the topic put before the question words: in place of the one pronoun that stands
    for it («Kompetansepakkene» and "hva er de?": "Hva er kompetansepakkene?"), else as a sentence of its
    own before the question, which is still read by its question word."""
    if not topic:
        return part
    rules = rule_file(PlanRules)
    pronouns = list(re.finditer(rules.topic_pronoun, part, re.IGNORECASE)) if rules.topic_pronoun else []
    noun = re.sub(r"^(?:og|men|så)\s+", "", topic, flags=re.IGNORECASE)
    if len(pronouns) != 1 or not noun:
        return f"{topic}. {_capitalised(part)}"
    if noun[1:2].islower():  # "Kompetansepakkene", not "Rekom" or "PPT"… as written mid-sentence
        noun = noun[:1].lower() + noun[1:]
    pronoun = pronouns[0]
    return _capitalised(f"{part[: pronoun.start()]}{noun}{part[pronoun.end() :]}")


def said_referent(part: str) -> str:
    """The part's question with its pronoun put for what the sentence before it speaks of: "Vi har hørt om
    kompetansepakker. Hva er det?" asks "Hva er kompetansepakker?", and "Statsforvalteren skal ha workshop i
    vår. Når er de?" asks when the workshop is. What is spoken of is what follows "om", else the statement's
    last naming word (its object); a name of a place or a body is no such thing. "" when the part's question
    has no pronoun that ends it, or no statement before it."""
    rules = rule_file(PlanRules)
    sentences = split_sentences(part)
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), 0)
    if not first or sentences[first - 1].endswith("?") or not rules.topic_pronoun:
        return ""
    asking, before = sentences[first], sentences[first - 1]
    pronouns = list(re.finditer(rules.topic_pronoun, asking, re.IGNORECASE))
    if len(pronouns) != 1 or len(_WORD.findall(asking)) > _MAX_POINTING_WORDS:
        return ""
    # "Stemmer det?" asks about the whole statement, not a thing in it
    if not (rules.question_phrase and re.match(rules.question_phrase, asking, re.IGNORECASE)):
        return ""
    noun = _spoken_of(before)
    if not noun:
        return ""
    pronoun = pronouns[0]
    return _capitalised(f"{asking[: pronoun.start()]}{noun}{asking[pronoun.end() :]}")


def _spoken_of(statement: str) -> str:
    """What a statement speaks of: the word after "om" ("hørt om kompetansepakker"), else the first naming
    word after its verb that ends its phrase, before a preposition or the end ("ha workshop i vår", "kommer en
    ny plan for …"); not a name written with a capital ("Nordland"). "" when there is none."""
    topic = set(plan_question(statement).topic)
    tokens: list[str] = _WORD.findall(statement)
    lowered = [t.lower() for t in tokens]
    if not tokens or lowered[0] in _POINTING_SUBJECTS:
        return ""  # "Den om programmering høres bra ut." speaks of what was said before it, not of its words
    for i, word in enumerate(lowered[:-1]):
        if word == "om" and lowered[i + 1] in topic:
            return tokens[i + 1]
    verbs = {v.lower() for v in rule_file(PlanRules).finite_verbs}
    verb = next((i for i, w in enumerate(lowered) if w in verbs or _PRESENT.fullmatch(w)), None)
    if verb is None:
        return ""
    for i in range(verb + 1, len(tokens)):
        ends = i + 1 == len(tokens) or lowered[i + 1] in _PREPOSITIONS
        if lowered[i] in topic and ends and not tokens[i][:1].isupper():
            return tokens[i]
    return ""


_POINTING_SUBJECTS = frozenset({"den", "det", "de", "dei", "dette", "denne", "disse"})
_PREPOSITIONS = frozenset(
    {"i", "på", "for", "til", "med", "om", "fra", "av", "hos", "ved", "under", "etter", "innen"}
)


# A question that points back by one pronoun is short ("Hva er det?", "Når og hvor er de?").
_MAX_POINTING_WORDS = 6


def _asks(part: str) -> bool:
    """A part that is a question (not a greeting or a statement such as "Vi er en kommune")."""
    first = part.split(maxsplit=1)[0].lower() if part.strip() else ""
    return first in {w.lower() for w in rule_file(PlanRules).part_openers} or question_type(part) != "hva"


def _opens_with_verb(part: str) -> bool:
    first = part.split(maxsplit=1)[0].lower() if part.strip() else ""
    return first in {v.lower() for v in rule_file(PlanRules).finite_verbs} or bool(_PRESENT.fullmatch(first))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# "vår rolle", "våre oppgaver": what belongs to who asks
_OURS = re.compile(r"\b(?:vår|vårt|våre)\s+(?=[\w-])", re.IGNORECASE)
_FIRST_PERSON_SENTENCE = re.compile(r"^(?:jeg|eg|vi|me)\b", re.IGNORECASE)


def asker_context(question: str) -> str:
    """The sentences about who asks before the first asking sentence ("Jeg jobber i fylkeskommunen.")."""
    sentences = split_sentences(question)
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), 0)
    return " ".join(s for s in sentences[:first] if _FIRST_PERSON_SENTENCE.match(s))


def without_asker(text: str) -> str:
    """The text without its sentences about who asks ("Jeg er rådgiver i en kommune."); the text itself
    when every sentence is one."""
    kept = [s for s in split_sentences(text) if not _FIRST_PERSON_SENTENCE.match(s) or s.endswith("?")]
    return " ".join(kept) or text


def as_askers_body(part: str, context: str) -> str:
    """ "Hva er vår rolle?" after "Jeg er saksbehandler hos Statsforvalteren." asks "Hva er Statsforvalterens
    rolle?": what is "ours" is the body's that who asks says they work in (`asker_bodies`), when they name
    one and the part asks what a body does (`role_question`). The part as it is otherwise."""
    rules = rule_file(PlanRules)
    if not context or not _OURS.search(part) or not rules.role_question:
        return part
    if not re.search(rules.role_question, part, re.IGNORECASE):
        return part
    bodies = rules.asker_bodies
    named = [name for name, pattern in bodies.items() if re.search(pattern, context, re.IGNORECASE)]
    if len(named) != 1:
        return part
    return _OURS.sub(f"{named[0]}s ", part, count=1)
