"""An inquiry's separate questions: one per list item, question mark or indirect question ("Videre lurer
vi på om …"), with greeting and signature left out. Written for bokmål and nynorsk alike."""

from __future__ import annotations

import re

from assistant.schemes.matching import listed_group

_INTERROGATIVE = (
    r"(?:om|hva|hvem|hvor|hvordan|hvorfor|hvilke|hvilken|hvilket|når|kva|kven|kor|korleis|kvifor|kvar)"
)
# "Videre lurer vi på om …", "Eg undrar meg på kva …", "Vi ønsker å vite hvem …", "Me spør om …".
_INDIRECT = re.compile(
    rf"\b(?:lurer|lurar|undrer|undrar|lure)\b(?:\s+\S+){{0,3}}?\s+på\s+{_INTERROGATIVE}\b"
    rf"|\b(?:vite|veta|vete|klarhet|klårleik)\s+(?:i\s+)?{_INTERROGATIVE}\b"
    rf"|\b(?:spør|spørre|spørje)\s+(?:\S+\s+){{0,2}}?{_INTERROGATIVE}\b",
    re.IGNORECASE,
)
# "Kan dere hjelpe oss?" asks for the reply, not about a scheme.
_META = re.compile(r"^(?:kan|vil|har)\s+(?:dere|de|du)\s+(?:hjelpe|hjelpa|svare|svara|tid)\b", re.IGNORECASE)
_THANKS = re.compile(r"^(?:takk|på førehand takk|på forhånd takk)\b", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:mvh|m\.v\.h\.?|med\s+(?:vennlig|venleg|vennleg)\s+(?:hilsen|helsing)"
    r"|(?:vennlig|venleg|vennleg|beste)\s+(?:hilsen|helsing)|hilsen|helsing)\b",
    re.IGNORECASE | re.MULTILINE,
)
_GREETING_LINE = re.compile(
    r"^\s*(?:hei|hallo|heisann|god\s+(?:dag|morgen|morgon)|(?:kjære|til)\s+[^?.!,:]{1,60})\s*[,.!:]?\s*$",
    re.IGNORECASE,
)
_GREETING_PREFIX = re.compile(
    r"^\s*(?:hei|hallo|heisann|god\s+(?:dag|morgen|morgon))(?:\s+[^\s,.!?:]+){0,4}\s*[,.!:]\s*",
    re.IGNORECASE,
)
# A list marker: "1)", "(2)", "3.", "a)" anywhere after a space or line start; bullets only at a line start.
_NUMBER_MARKER = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2}|[a-j])([.)])(?=\s)", re.MULTILINE)
_MARKER_AT_START = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-j])[.)]|[-*•–])\s+")
_BEFORE_MARKER = re.compile(r"(?<=:)\s+(?=\(?(?:\d{1,2}|[a-j])[.)]\s)")
_BULLET = re.compile(r"^[ \t]*[-*•–][ \t]+", re.MULTILINE)
_ITEM_END = re.compile(r"(?<=[.?!:])[ \t]*\n|\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[?!])\s+|(?<=\.)\s+(?=[«\"(]?[A-ZÆØÅ0-9])")


def split_inquiry(text: str) -> list[str]:
    """The separate questions in an inquiry, in order, as written. Greeting and signature are dropped.
    Items of a numbered or bulleted list are one question each (with any context written in the item);
    in running text every sentence that ends in a question mark or asks indirectly ("Videre lurer vi på
    om …") is one. An inquiry with no recognisable question is one question as a whole."""
    body = _strip_greeting(_strip_signature(text.replace("\r\n", "\n")))
    intro, items, rest = _list_items(body)
    listed = [q for q in (_item_question(item) for item in items) if q]
    before, after = _questions_in(intro), _questions_in(rest)
    if (before or after) and not any(_is_question(item) for item in listed):
        listed = []  # a list of facts ("1. Vi er en kommune"), the questions are in the running text
    questions = [*before, *listed, *after] or ([_flat(body)] if body.strip() else [])
    return list(dict.fromkeys(questions))


# "Vi er en privat skole …", "Eg er rektor …", "Vi driver tre barnehagar …": who asks, which the answer
# to «Har vi krav på …?» depends on.
_SELF = re.compile(
    r"^(?:vi|jeg|eg|me)\s+(?:er|driver|eier|eig|eiger|har\s+ansvar|representerer|jobber|jobbar|arbeider)\b",
    re.IGNORECASE,
)
# "Vi i fagskulen har fått høyre at …", "Vi ved PP-tjenesten planlegger …": where the asker is, said as the
# subject's apposition; who asks is «Vi er fagskulen.», the rest of the sentence what they heard or plan.
_SELF_AT = re.compile(
    r"^(?P<we>vi|me)\s+(?:i|ved|på)\s+(?P<place>(?:[\wæøå-]+\s+){0,3}?[\wæøå-]+)"
    r"(?=\s+(?:har|hadde|vil|skal|ønsker|ønskjer|vurderer|vurderar|planlegger|planlegg|lurer|lurar|jobber|jobbar)\b)",
    re.IGNORECASE,
)
# "… og vurderer å melde behov for første gang", "… og har hørt om ordningen": what the asker plans or has
# heard, in a clause of its own after who they are. Leading each question, its words outweigh the
# question's own ("Kan vi være med i ordningen?" then finds sentences about melding behov); the scheme
# it names is the letter's scheme already.
_PLANS = re.compile(
    r",?\s+(?:og|men)\s+(?:har|hadde|vil|skal|kan|må|ønsker|ønskjer|vurderer|vurderar|planlegger|planlegg"
    r"|tenker|tenkjer|lurer|lurar|søker|søkjer|holder|held|skulle|ville)\b.*$",
    re.IGNORECASE,
)
# The asker as the question's subject: «Har vi …», «Hva kan vi …», «Hvilke ordninger kan jeg …». Not «Kan
# lærerne våre …»: that asks about a group, which the asker's description would only pull off the point.
_ASKER_ASKS = re.compile(r"^(?:[\wæøå-]+\s+){1,3}?(?:vi|jeg|eg|me)\b", re.IGNORECASE)
# The asker as what is asked of or for: «Hva forventes av oss …?», «… kan dere gi oss et oppdrag?». Not
# «… barnehagen som ligger hos oss»: that only says where what is asked about is.
_ASKER_OBJECT = re.compile(r"\b(?<!hos\s)(?:oss|meg)\b", re.IGNORECASE)
# The asker's own people: «Kan lærarane våre vere med …?» asks about the teachers of the body the asker said
# they are («Vi er ein fagskule»), fagskolelærere, not teachers at large.
_ASKER_OWNS = re.compile(r"(?<=[\wæøå])\s+(?:våre|vore|vår|vårt)\b", re.IGNORECASE)


def around_questions(text: str, questions: list[str]) -> str:
    """An inquiry's text around its questions ("Vi prøver å forstå midlene for fag- og yrkesopplæringen"):
    what the letter is about and who asks, which its questions don't say."""
    for question in questions:
        text = text.replace(question, " ")
    return text


def situated(text: str, questions: list[str]) -> list[str]:
    """Each question as the asker would be understood: one that asks about «vi» or «jeg» is led by the
    inquiry's sentences on who the asker is, which sit outside the questions."""
    around = _flat(_strip_greeting(_strip_signature(around_questions(text, questions))))
    sentences = _SENTENCE_END.split(around)
    who = " ".join(w for w in (_who(s.strip()) for s in sentences if s.strip().endswith(".")) if w)
    asked = [_named_back(_whole(q)) for q in questions]
    if not who:
        return asked
    return [f"{who} {q}" if _about_asker(_asking(q)) else q for q in asked]


# «… egne tiltak for fagskolelærerne …»: the question is about that group, whoever asks.
_FOR_GROUP = re.compile(r"\bfor\s+(?:de\s+|dei\s+)?(?P<group>[\wæøå-]+)", re.IGNORECASE)


def _about_asker(asking: str) -> bool:
    if any(listed_group(found.group("group")) for found in _FOR_GROUP.finditer(asking)):
        return False
    return any(p.search(asking) for p in (_ASKER_ASKS, _ASKER_OBJECT, _ASKER_OWNS))


# A list item that goes on from the sentence before the list ("Kan de forklare kort – kva rolle Udir har, –
# kor ofte vi må rapportere, og til kven,"): a clause opened by a question word in lower case.
_CLAUSE_ITEM = re.compile(rf"^(?:(?:og|samt|eller)\s+)?(?={_INTERROGATIVE}\b)(?!om\b)[a-zæøå]")


def _whole(question: str) -> str:
    """A list item that is only an indirect clause, framed as the asker's question («Vi lurer på kor ofte vi
    må rapportere, og til kven?»), which the planner reads as the direct one. Alone, the clause asks nothing
    it can read, and the letter said it was not covered. A clause with «om» is read as it stands."""
    found = _CLAUSE_ITEM.match(question)
    if found is None:
        return question
    return f"Vi lurer på {question[found.end() - 1 :].rstrip(' ,;.?')}?"


# "PP-tjenesten vår ønsker å være med. Kan de delta i tiltakene?": the item's statement names who «de» are,
# its subject before its verb; a subject that is itself a pronoun or the asker names nobody new.
_STATED = re.compile(
    r"^(?P<subject>(?!(?:vi|jeg|eg|me|de|dei|det|den|dette|denne|disse|han|hun|ho|dere|du)\b)"
    r"(?:[\wæøå-]+\s+){0,3}?[\wæøå-]+)\s+(?:ønsker|ønskjer|vil|har|er|skal|driver|jobber|jobbar|lurer|lurar)\b",
    re.IGNORECASE,
)
_POINTING_BACK = re.compile(r"^(?P<verb>kan|får|må|skal|bør|er|har|vil)\s+(?:de|dei)\b", re.IGNORECASE)


def _named_back(question: str) -> str:
    """An item's question whose subject only points back («Kan de delta …?») names what the statement
    before it is about («Kan PP-tjenesten vår delta …?»): asked alone, «de» were anyone."""
    sentences = [s for s in _SENTENCE_END.split(question) if s]
    if len(sentences) < 2 or not _is_question(sentences[-1]) or _is_question(sentences[-2]):
        return question
    stated, pointing = _STATED.match(sentences[-2]), _POINTING_BACK.match(sentences[-1])
    if stated is None or pointing is None:
        return question
    subject = stated.group("subject")
    if subject[1:2].islower():  # «Lærerne våre …» mid-sentence, but «PP-tjenesten»
        subject = subject[:1].lower() + subject[1:]
    asked = f"{pointing.group('verb')} {subject}{sentences[-1][pointing.end() :]}"
    return " ".join([*sentences[:-1], asked])


def _who(sentence: str) -> str:
    """The sentence's part that says who asks: «Vi eier fire barnehager og vurderer å søke …» → «Vi eier
    fire barnehager.», «Vi i fagskulen har høyrt …» → «Vi er fagskulen.»; "" when it does not say."""
    if (at := _SELF_AT.match(sentence)) is not None:
        return f"{at.group('we').capitalize()} er {at.group('place')}."
    if not _SELF.match(sentence):
        return ""
    cut = _PLANS.sub("", sentence.rstrip(".:"))
    return f"{cut}." if cut != sentence.rstrip(".:") else sentence


def _asking(question: str) -> str:
    """The sentences that ask: in «Vi har hørt at X. Stemmer det?» the asker is not what is asked about."""
    return " ".join(s for s in _SENTENCE_END.split(question) if _is_question(s)) or question


def addressee(text: str) -> str:
    """Whom the inquiry is written to, as its greeting names them («Til Statsforvalteren», «Hei
    fylkeskommunen,» → "Statsforvalteren", "fylkeskommunen"); "" when the greeting names no one."""
    first = next((line for line in text.strip().split("\n") if line.strip()), "")
    found = _ADDRESSED.match(first)
    return found.group("whom").strip() if found else ""


# A greeting with whom it is to: «Til …», «Kjære …», «Hei …» or «Hallo …» before a name.
_ADDRESSED = re.compile(
    r"^\s*(?:til|kjære|hei|hallo)\s+(?P<whom>[^?.!,:\n]{2,60}?)\s*[,.!:]?\s*$", re.IGNORECASE
)


def _strip_signature(text: str) -> str:
    match = _SIGNOFF.search(text)
    return text[: match.start()] if match else text


def _strip_greeting(text: str) -> str:
    lines = text.strip().split("\n")
    while lines and (not lines[0].strip() or _GREETING_LINE.match(lines[0])):
        lines.pop(0)
    if lines:
        lines[0] = _GREETING_PREFIX.sub("", lines[0], count=1)
    return "\n".join(lines)


def _list_items(text: str) -> tuple[str, list[str], str]:
    """(text before the list, the items, text after it). The list is the longest run of markers counting
    1, 2, 3 … (or a, b, c …), so "2. desember" in running text does not start a list; failing that, lines
    that start with a bullet. The last item ends with its line when the line ends a sentence (a wrapped
    line does not), or at a blank line."""
    starts = _numbered_run(text) or [m.start() for m in _BULLET.finditer(text)]
    if len(starts) < 2:
        return text, [], ""
    items = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    last, *rest = _ITEM_END.split(items[-1].strip(), maxsplit=1)
    return text[: starts[0]], [*items[:-1], last], "".join(rest)


def _numbered_run(text: str) -> list[int]:
    best: list[int] = []
    # The closer and the kind ("3." vs "c)") must stay the same through a run.
    markers = [
        (m.start(), _ordinal(m.group(1)), (m.group(2), m.group(1).isdigit()))
        for m in _NUMBER_MARKER.finditer(text)
    ]
    for i, (start, value, closer) in enumerate(markers):
        if value != 1:
            continue
        run, expected = [start], 2
        for other, number, other_closer in markers[i + 1 :]:
            if number == expected and other_closer == closer:
                run.append(other)
                expected += 1
        if len(run) > len(best):
            best = run
    return best


def _ordinal(marker: str) -> int:
    return int(marker) if marker.isdigit() else ord(marker.lower()) - ord("a") + 1


def _item_question(item: str) -> str:
    """The item without its marker, cut after its last question; thanks and closing words go."""
    text = _flat(_MARKER_AT_START.sub("", item, count=1))
    sentences = [s for s in _SENTENCE_END.split(text) if s and not _THANKS.match(s)]
    asks = [i for i, s in enumerate(sentences) if _is_question(s)]
    return " ".join(sentences[: asks[-1] + 1] if asks else sentences)


def _questions_in(text: str) -> list[str]:
    # A list of one ("Ett spørsmål: 1) Hvordan …?") is running text, but its marker starts a question.
    pieces = (p for s in _SENTENCE_END.split(_flat(text)) for p in _BEFORE_MARKER.split(s))
    sentences = (_MARKER_AT_START.sub("", s, count=1) for s in pieces)
    return [s for s in sentences if _is_question(s) and not _META.match(s)]


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(' »")').endswith("?") or bool(_INDIRECT.search(sentence))


def _flat(text: str) -> str:
    return " ".join(text.split())
