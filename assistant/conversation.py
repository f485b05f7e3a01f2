"""Follow-up resolution: turn "Gjelder det også fagskolelærere?" into a question that stands alone.

Deterministic rules, no language model. The previous question's topic (from the first scheme it names
or its first prepositional phrase that names something, to the end of the clause) is put where the
follow-up points back: a pronoun or a bare "ordningen" is replaced by it, "Og hva med X?" puts X into the
previous question, and a question that only asks ("Hvem kan søke?") gets the topic attached. A question
that names its own topic is returned unchanged: a false rewrite hurts retrieval more than a missed one.
Word lists and limits live in conversation.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from assistant.answer.cleft import names_actor
from assistant.answer.plan import asking_sentence, question_words
from assistant.freshness import YEAR
from assistant.index.lexical import Glossary, LexicalIndex, content_words, stem, words
from assistant.rules import ConversationLimits, ConversationRules, PlanRules, rule_file

Tokens = list[re.Match[str]]

_WORD = re.compile(r"\w[\w-]*")
_ELLIPSIS = (
    re.compile(r"^(?:og |men )?(?:hva|kva) (?:så |da |då )?med (?P<x>.+)$"),
    re.compile(r"^(?:og|men|enn)(?: (?:for|i|til|på|om|hos|innen|innan))? (?P<x>.+)$"),
    re.compile(r"^(?:og )?(?:gjelder|gjeld) (?:det|dette) (?:samme|same) (?:for|i|til|på) (?P<x>.+)$"),
    # "Er det likt for fag- og yrkesopplæring?", "Er det same i Rekom?": the question before, asked of X
    re.compile(
        r"^(?:og |men )?(?:er|blir|vert) (?:det|dette) (?:også |og )?(?:likt|likeins|likedan|(?:det )?samme|"
        r"(?:det )?same|slik|sånn) (?:for|i|til|på) (?P<x>.+)$"
    ),
)
# "Og for fag- og yrkesopplæringen da, hvem utbetaler der?": a place asked about, then a question of its own
# that points to it ("der"); the question is asked of that place, not added to the one before.
_ELLIPSIS_THEN_ASKED = re.compile(
    r"^(?:og|men|enn)\s+(?P<prep>for|i|til|på|hos|innen|innan)\s+(?P<x>[^,?]+?)(?:\s+(?:da|då))?\s*,\s*"
    r"(?P<ask>(?:hva|kva|hvem|kven|hvilk\w*|kva\s+for|når|hvor|kor|hvordan|korleis)\b[^?]*?)"
    r"(?:\s+(?:der|her|da|då))?\s*\??$",
    re.IGNORECASE,
)
# "Er det Statsforvalteren, sånn som i …?" after "Hvem betaler ut pengene …?": a cleft without its
# "som …", which is the who-question's. What follows a comma or a "sånn som" compares; it asks nothing.
_BARE_CLEFT = re.compile(
    r"^(?:og\s+|men\s+)?(?P<verb>er|blir|var)\s+det\s+(?P<actor>(?:(?!\b(?:som|sånn|slik)\b)[^,?])+?)"
    r"(?:\s*,[^?]*|\s+(?:sånn|slik)\s+som\b[^?]*)?\s*\??$",
    re.IGNORECASE,
)
# "Hvilke er det?", "Kven er dei?": which, of what was asked about just before, and nothing more
_WHICH_ARE_THEY = re.compile(
    r"^(?:og\s+)?(?:hvilke|hvem|kven|kva\s+for\s+nokre)\s+(?:er|var)\s+(?:det|de|dei)$", re.IGNORECASE
)
# "Hvilke av disse passer for oss?": which of the things the question before asked which of
_WHICH_OF_THOSE = re.compile(
    r"^(?:og\s+|men\s+)?(?P<which>hvilke|hvilken|hvilket|kva\s+for\s+(?:nokre|ein|ei|eit))\s+av\s+"
    r"(?:disse|dem|de|desse|dei|deim)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_ASKER = re.compile(r"\b(?:oss|vi|meg|eg|jeg|me)\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\b(hvor|kor)\s+mange\s+(?P<rest>[^?]+)\?", re.IGNORECASE)
_WHO_DOES = re.compile(
    r"^(?:og\s+)?(?:hvem|kven)\s+(?:er\s+det\s+som\s+|som\s+)?(?P<does>[^?]+)\?", re.IGNORECASE
)


def _rules() -> ConversationRules:
    return rule_file(ConversationRules)


def _limits() -> ConversationLimits:
    return _rules().limits


@lru_cache
def _words(key: str) -> frozenset[str]:
    """One of the word lists of conversation.yaml by its name, lower-cased."""
    words: list[str] = getattr(_rules(), key)
    return frozenset(w.lower() for w in words)


@lru_cache
def _stems(key: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _words(key))


@lru_cache
def _slots() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w.lower()) for w in group) for group in _rules().slots)


def resolve_follow_up(
    question: str,
    previous: Sequence[str],
    lexical: LexicalIndex | None = None,
    people: Callable[[str], bool] | None = None,
) -> str:
    """Return a standalone question. `previous` = the earlier user questions of the conversation
    (already resolved, oldest first). A question that already stands alone is returned unchanged."""
    text = _clause(question)
    if not previous or not text:
        return question
    before = asking_sentence(previous[-1])
    relative = (dated := _dated(text, before)) != text
    if relative:  # "Og året før?" after "… i 2022?": "Og i 2021?"
        text, question = dated, _finish(dated)
    if (which := _which_of_those(text, before)) is not None:
        return which
    resolved = _resolved(question, text, previous, lexical, people)
    if relative:  # the topic put in may bring the year asked about before along
        for year in set(YEAR.findall(before)) - set(re.findall(r"\b\d{4}\b", text)):
            resolved = re.sub(rf"\s+(?:i|for)\s+{year}\b", "", resolved)
    # "Hvor mye av det gikk til skole?" is of the amount asked about just before: its place and year
    partitive = _rules().partitive
    of_amount = resolved == question and partitive and re.search(partitive, text, re.IGNORECASE)
    if of_amount and (setting := _setting(before, text)):
        return _finish(f"{text} {' '.join(setting)}")
    return resolved


def _resolved(
    question: str,
    text: str,
    previous: Sequence[str],
    lexical: LexicalIndex | None,
    people: Callable[[str], bool] | None = None,
) -> str:
    if (then := _ELLIPSIS_THEN_ASKED.match(_clause(asking_sentence(question)))) is not None and len(
        then.group("x").split()
    ) <= _limits().max_ellipsis_words:
        return _finish(f"{then.group('ask')} {then.group('prep').lower()} {then.group('x')}")
    if (x := _ellipsis(text)) is not None:
        return _resolve_ellipsis(text, x, _clause(previous[-1]), lexical, people)
    # "Takk. Er det Statsforvalteren?": the sentence that asks
    asking = _clause(asking_sentence(question))
    if (cleft := _completed_cleft(asking, asking_sentence(previous[-1]))) is not None:
        return cleft
    if (which := _which_of_counted(text, asking_sentence(previous[-1]))) is not None:
        return which
    if _asks_about_event(text):  # "Når skjer det?": when what was asked about happens
        return _finish(f"{_clause(asking_sentence(previous[-1]))} – {text[:1].lower()}{text[1:]}")
    # The topic is in the sentence that asks ("Hvem sender pengene til …?"), not in the "Vi jobber i en
    # fylkeskommune." before it; unless the asking sentence points back itself ("Stemmer det?"), so that the
    # topic is in the sentence before it ("Vi har hørt at Statsforvalteren sitter i forumet.").
    topic = next((t for p in reversed(previous) if (t := _previous_topic(p, lexical))), None)
    tokens = list(_WORD.finditer(text))
    if (things := _things_asked(text, tokens, asking_sentence(previous[-1]), lexical)) is not None:
        return things
    if topic is None or _scheme_span(text, tokens, lexical) is not None:
        return question
    naming = _naming_words(text, lexical)
    if (found := _anaphor(tokens)) is not None:
        start, end, kind = found
        # "ordningen" may be meant generally, "den" hardly; the noun itself names nothing of its own
        limit = 1 if kind in ("noun", "demonstrative") else _limits().enough_topic - 1
        if kind in ("noun", "demonstrative"):
            naming = _naming_words(text[:start] + text[end:], lexical)
        if naming > limit:
            return question
        noun = text[start:end].split()[-1]
        if kind == "demonstrative":  # "disse samlingene" are those of what was talked about
            return _finish(f"{text[:start]}{noun} i {topic}{text[end:]}")
        if kind == "noun" and _only_places(topic, lexical):
            # "Hvor mye fikk Oslo og Viken i 2021? … når ble ordningen iverksatt?": a place is no scheme
            return question
        if kind == "noun" and noun.lower() in _words("kept_nouns"):
            # "forumet" is the scheme's forum: kept, with the scheme after it, if a scheme was talked about
            if not _names_scheme(topic, lexical):
                return question
            if stem(topic.split()[0].lower()) in _stems("kept_nouns"):  # the topic is that forum itself
                return _finish(f"{text[:start]}{topic}{text[end:]}")
            return _finish(f"{text[:start]}{noun} i {topic}{text[end:]}")
        if kind == "noun" and (whole := _compound_of(noun, topic)) is not None:
            # "…kriteriene i yrkesfagordningen, og hvem forvalter ordningen?": «ordningen» is the topic's
            # «yrkesfagordningen», not all of what was asked about
            return _finish(f"{text[:start]}{whole}{text[end:]}")
        places = _rules().place_pronouns
        place = f"{places[kind]} " if kind in places else ""
        return _finish(text[:start] + place + topic + text[end:])
    bare = not _naming_words(text, None) and 0 < len(content_words(text)) <= _limits().max_bare_words
    also = any(t.group().lower() in _words("also") for t in tokens)
    if bare or (also and naming <= 1 and _prep_start(text, tokens) is None):
        return _finish(_attach(text, tokens, topic))
    return question


def _only_places(topic: str, lexical: LexicalIndex | None) -> bool:
    """Whether a topic names only places ("fikk Nordland tildelt" of "Hvor mye fikk Nordland tildelt
    …?"): its names are all places, and it names no scheme."""
    names = [w.lower() for w in _WORD.findall(topic) if w[:1].isupper()]
    places = _slots()[-1]
    return bool(names) and all(stem(w) in places for w in names) and not _names_scheme(topic, lexical)


def _compound_of(noun: str, topic: str) -> str | None:
    """The topic from its word that is a kind of `noun` on («yrkesfagordningen» of «kriteriene i
    yrkesfagordningen» for «ordningen»; «tilskuddsordningen for …» whole); None when no such word."""
    head = stem(noun.lower())
    found = [
        m
        for m in _WORD.finditer(topic)
        if len(m.group()) > len(noun) and stem(m.group().lower()).endswith(head)
    ]
    return topic[found[0].start() :] if found else None


def _dated(text: str, before: str) -> str:
    """A year said relative to the one asked about before ("året før") as that year."""
    years = YEAR.findall(before)
    if not years:
        return text
    for phrase, shift in _rules().relative_years.items():
        pattern = re.compile(rf"\b(?:i\s+|for\s+)?{re.escape(phrase)}\b", re.IGNORECASE)
        text = pattern.sub(f"i {int(years[-1]) + shift}", text)
    return text


def _setting(before: str, text: str) -> list[str]:
    """The places and years of the question before ("i Nordland", "i 2026") that this one lacks."""
    places = _slots()[-1]
    said = {stem(w) for w in words(text)}
    found = []
    for m in re.finditer(r"\b(?:(i|for|frå|fra)\s+)?(\w[\w-]*)\b", before):
        word = m.group(2)
        is_year = YEAR.fullmatch(word) is not None
        if (is_year or stem(word.lower()) in places) and stem(word.lower()) not in said:
            found.append(f"{m.group(1) or 'i'} {word}")
    return list(dict.fromkeys(found))


def points_back(question: str, lexical: LexicalIndex | None = None, *, explicitly: bool = False) -> bool:
    """Whether the question leans on something said before ("Hvem leder det forumet?", "Hvem kan søke?")
    and names too little to stand alone: with nothing before it, it needs a clarifying question, not a
    refusal. `explicitly`: only by a pronoun or a demonstrative ("det forumet", "den"), not by a bare
    "ordningen", which is often meant generally."""
    text = _clause(question)
    tokens = list(_WORD.finditer(text))
    if not text or _scheme_span(text, tokens, lexical) is not None:
        return False
    naming = _naming_words(text, lexical)
    if (found := _anaphor(tokens)) is not None:
        start, end, kind = found
        if kind == "noun":  # "det forumet" with its demonstrative, or a bare "ordningen"
            return " " in text[start:end] or not explicitly
        return naming <= _limits().enough_topic - 1
    bare = not _naming_words(text, None) and 0 < len(content_words(text)) <= _limits().max_bare_words
    return bare and not explicitly


def _which_of_counted(text: str, previous: str) -> str | None:
    """ "Hvilke er det?" after "Hvor mange universiteter er med som partnere?" asks which of those
    counted: "Hvilke universiteter er med som partnere?"."""
    if not _WHICH_ARE_THEY.match(text) or not (counted := _HOW_MANY.search(previous)):
        return None
    which = "kva for" if counted.group(1).lower() == "kor" else "hvilke"
    return _finish(f"{which} {counted.group('rest').strip()}")


def _which_of_those(text: str, previous: str) -> str | None:
    """ "Hvilke av disse passer for oss?" after "Hvilke videreutdanningstilbud har Udir?" asks which of
    those things fit the asker: "Hvilke videreutdanningstilbud passer for oss?", in the earlier question's
    own words. Only of what fits the asker: "Hvilken av dem har bredest målgruppe?" after "Hvilke tre
    ordninger inngår i …?" is of the three, which the words before the pronoun alone would lose."""
    pattern = _rules().which_asked
    asked = re.search(pattern, previous, re.IGNORECASE) if pattern else None
    which = _WHICH_OF_THOSE.match(text)
    if asked is None or which is None or not _ASKER.search(which.group("rest")):
        return None
    if asked.group("thing").lower() in _words("numbers"):
        return None
    return _finish(f"{asked.group(0).strip()}{which.group('rest')}")


def _things_asked(text: str, tokens: Tokens, before: str, lexical: LexicalIndex | None) -> str | None:
    """ "Hvor holdes de?" after "Hvilke workshops har Statsforvalteren i Nordland?" asks where the
    workshops are held: a plural pronoun stands for the things the question before asked which of
    (conversation.yaml `which_asked`), not for the body named beside them."""
    pattern = _rules().which_asked
    asked = re.search(pattern, before, re.IGNORECASE) if pattern else None
    found = _anaphor(tokens)
    if asked is None or found is None or _naming_words(text, lexical) > _limits().enough_topic - 1:
        return None
    start, end, kind = found
    if kind != "pronoun" or text[start:end].lower() not in _words("plural_pronouns"):
        return None
    return _finish(f"{text[:start]}{asked.group('thing')}{text[end:]}")


def _clause(text: str) -> str:
    return text.strip().rstrip("?!. ").strip()


def _finish(text: str) -> str:
    text = re.sub(r"^(?:og|men|så)\s+", "", text.strip(), flags=re.IGNORECASE)
    return text[:1].upper() + text[1:] + "?"


def _names(text: str) -> bool:
    generic, prepositions = _stems("generic"), _words("prepositions")
    return any(
        not w.isdigit() and len(w) > 2 and w not in prepositions and stem(w) not in generic
        for w in content_words(text)
    )


def _naming_words(text: str, lexical: LexicalIndex | None) -> int:
    """How many words name what is asked about; with an index, words used nearly everywhere don't count."""
    named = [w for w in content_words(text) if _names(w)]
    return sum(lexical is None or lexical.idf(w) >= _limits().min_topic_idf for w in named)


def _names_scheme(topic: str, lexical: LexicalIndex | None) -> bool:
    """Whether a topic is a scheme ("den desentraliserte ordningen", "Dekom", whose glossary group says
    "ordning"), not a body ("Udir")."""
    said = [topic, *(t for _, others in (lexical.glossary.matches(topic) if lexical else ()) for t in others)]
    return any(m in w for text in said for w in words(text) for m in _words("scheme_markers"))


def _is_scheme_word(word: str) -> bool:
    """A word that names a scheme: "hospiteringsordningen", not "ordningen" or "skolefritidsordning"."""
    s, marked = stem(word), any(m in word for m in _words("scheme_markers"))
    return marked and s not in _stems("generic") and all(s not in g for g in _slots())


@lru_cache(maxsize=4)
def _scheme_glossary(glossary: Glossary) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(term, its stems) of each glossary group with a scheme word or a name like "regional ordning"."""
    markers = tuple(_words("scheme_markers"))

    def names_scheme(term: str) -> bool:
        words = term.lower().split()
        return any(_is_scheme_word(w) or (len(words) > 1 and w.startswith(markers)) for w in words)

    groups = [g for g in glossary.groups if any(names_scheme(t) for t in g)]
    return tuple((t, tuple(stem(w) for w in content_words(t))) for g in groups for t in g)


def _scheme_span(question: str, tokens: Tokens, lexical: LexicalIndex | None) -> tuple[int, int] | None:
    """Token span of the first scheme name: a glossary term ("Rekom", "Kpl"), or a scheme word with the
    naming words just before it ("Yrkesfaglærer 2-ordningen")."""
    seq = [stem(w) for w in content_words(question)]
    terms = [t for t, sub in (_scheme_glossary(lexical.glossary) if lexical else ()) if _contains(seq, sub)]
    spans = [m.span() for t in terms for m in re.finditer(rf"\b{re.escape(t)}\b", question, re.IGNORECASE)]
    for i, tok in enumerate(tokens):
        if ends := [e for s, e in spans if s == tok.start()]:
            return i, next(k for k, t in enumerate(tokens) if t.end() >= max(ends))
        if _is_scheme_word(tok.group().lower()):
            first = i
            while first > 0 and _names(tokens[first - 1].group()):
                first -= 1
            return first, i
    return None


def _contains(seq: list[str], sub: tuple[str, ...]) -> bool:
    return bool(sub) and any(tuple(seq[i : i + len(sub)]) == sub for i in range(len(seq)))


def _topic(question: str, lexical: LexicalIndex | None) -> str | None:
    """What a question is about: from its first scheme name or prepositional phrase that names
    something to the end of the clause; else its first run of naming words the corpus knows."""
    frame = _rules().about_frame
    about = re.search(frame, question, re.IGNORECASE) if frame else None
    if about is not None:  # "Hva sier retningslinjene for X om en langsiktig plan?" is about the plan
        return about.group("topic").strip()
    tokens = list(_WORD.finditer(question))
    scheme = _scheme_span(question, tokens, lexical)
    if found := [s for s in (scheme[0] if scheme else None, _prep_start(question, tokens)) if s is not None]:
        return question[tokens[min(found)].start() : _phrase_end(tokens, min(found), question)]
    # a verb is no name: "Hvor mye fikk Nordland i 2025?" is about Nordland, not "fikk Nordland"
    verbs = {v.lower() for v in rule_file(PlanRules).finite_verbs}
    run = [i for i, t in enumerate(tokens) if _names(t.group()) and t.group().lower() not in verbs]
    end = next((k for k, i in enumerate(run) if i != run[0] + k), len(run)) if run else 0
    if not run or (lexical and not any(lexical.knows(tokens[i].group()) for i in run[:end])):
        return None
    return question[tokens[run[0]].start() : tokens[run[end - 1]].end()]


def _prep_start(question: str, tokens: Tokens) -> int | None:
    """Start of the first prepositional phrase that names something, with the definite noun it belongs to
    ("kompetansepakken for …"), unless that noun only asks ("målgruppen for …", "sekretariatsansvaret")."""
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1].group().lower()
        opens = tok.group().lower() in _words("prepositions") and nxt not in _words("phrase_breaks")
        if opens and _names(question[tokens[i + 1].start() : _phrase_end(tokens, i + 1, question)]):
            head = tokens[i - 1].group().lower() if i else ""
            # "samarbeidsforum i …" is the forum of what follows, as "samarbeidsforumet i …" is
            kept = _stems("kept_nouns") - _stems("generic")
            definite = head.endswith(tuple(_words("definite_endings"))) or stem(head) in kept
            definite = definite or _asked_to_exist(tokens, i - 1)
            # "tilskotsordninga for …" names a scheme, though "ordning" alone only asks
            scheme = any(m in head for m in _words("scheme_markers"))
            asks = not scheme and any(stem(head).endswith(g) for g in _stems("generic") if len(g) > 3)
            return i - 1 if definite and (_names(head) or scheme) and not asks else i + 1
    return None


def _asked_to_exist(tokens: Tokens, i: int) -> bool:
    """Whether token i is the noun a "Finnes det X …?" asks to exist (right after «finnes det»)."""
    before = [t.group().lower() for t in tokens[max(0, i - 2) : i]]
    return len(before) == 2 and before[0] in _words("existence_verbs") and before[1] == "det"


def _phrase_end(tokens: Tokens, start: int, text: str) -> int:
    last = start
    for k in range(start + 1, len(tokens)):
        between = text[tokens[k - 1].end() : tokens[k].start()]
        word = tokens[k].group().lower()
        ends = word in _words("phrase_breaks") or word in _words("predicatives")
        if "," in between or ";" in between or ends:
            break
        last = k
    trailing = _words("prepositions") | _words("joiners") | _words("particles")
    while last > start and tokens[last].group().lower() in trailing:
        last -= 1
    return tokens[last].end()


def _anaphor(tokens: Tokens) -> tuple[int, int, str] | None:
    """Character span of the last word that points back, and its kind: "noun" for a bare "ordningen"
    (with its "denne"), "demonstrative" for any definite noun after one ("disse samlingene"), a place word
    like "der" (at the end), or "pronoun". The last, because a dummy
    "det" comes before the real one: "Hvor mye er det i den?"."""
    lowered, found = [t.group().lower() for t in tokens], None
    for i, word in enumerate(lowered):
        after = lowered[i + 1] if i + 1 < len(lowered) else None
        if word in _words("anaphoric_nouns") and after not in _words("prepositions"):
            first = i - 1 if i and lowered[i - 1] in _words("pronouns") else i
            found = tokens[first].start(), tokens[i].end(), "noun"
        elif word in _words("demonstratives") and after is not None and _definite(after):
            found = tokens[i].start(), tokens[i + 1].end(), "demonstrative"
        elif word in _rules().place_pronouns and all(w in _words("adverbs") for w in lowered[i + 1 :]):
            found = tokens[i].start(), tokens[i].end(), word
        elif word in _words("pronouns") and after not in _words("anaphoric_nouns"):
            found = (tokens[i].start(), tokens[i].end(), "pronoun") if _points_back(lowered, i) else found
    return found


def _points_back(lowered: list[str], i: int) -> bool:
    """A pronoun is the thing talked about, not a dummy "det" or a determiner, when only adverbs stand
    between it and a preposition or the end, when it is the subject of "gjelder" and its like, when it
    is the object of a preposition before a verb, or when it is a singular "den"/"ho" before a verb."""
    if _in_cleft(lowered, i) or _presents(lowered, i):
        return False
    j = _past_adverbs(lowered, i + 1)
    if j == len(lowered) or lowered[j] in _words("prepositions"):
        return True
    before, after = lowered[i - 1] if i else "", lowered[j]
    # "den støtten" is a determiner with its noun, not "den" before the verb "støtte"
    asking = stem(after) in _stems("generic") and not (j == i + 1 and _definite(after))
    verb_after = asking or not content_words(after)
    # "Når blir den ferdig?", "Hvem er den for?": a singular pronoun right after the verb that follows the
    # question word is the question's subject
    inverted = i == 2 and lowered[0] in question_words() and lowered[i] in _words("singular_pronouns")
    return (
        before in _words("pronoun_verbs")
        or (before in _words("prepositions") and asking)
        or (lowered[i] in _words("singular_pronouns") and verb_after and after not in _words("phrase_breaks"))
        or (
            inverted
            and lowered[i] != "dette"
            and after not in _words("phrase_breaks")
            and not _definite(after)
        )
    )


def _past_adverbs(lowered: list[str], start: int) -> int:
    """The position of the first word from `start` that is no adverb, of one word or of more."""
    phrases = [p.split() for p in _words("adverb_phrases")]
    k = start
    while k < len(lowered):
        if lowered[k] in _words("adverbs"):
            k += 1
        elif (n := next((len(p) for p in phrases if lowered[k : k + len(p)] == p), 0)) > 0:
            k += n
        else:
            break
    return k


def _previous_topic(question: str, lexical: LexicalIndex | None) -> str | None:
    """The topic of an earlier question: of its asking sentence, unless that one itself points back ("Stemmer
    det?"), and then of the sentences that lead up to it."""
    asking = _clause(asking_sentence(question))
    topic = _topic(asking, lexical)
    if asking == _clause(question) or (topic is not None and not points_back(asking, lexical)):
        return topic
    lead = [_clause(s) for s in re.split(r"(?<=[.!?])\s+", question.strip()) if s.strip()]
    return next((t for s in reversed(lead) if s != asking and (t := _topic(s, lexical))), topic)


def _asks_about_event(text: str) -> bool:
    """Whether "det" is the subject of a verb of happening ("Hvordan skjer det?"), with nothing else named."""
    lowered = [t.lower() for t in _WORD.findall(text)]
    events = _words("event_verbs")
    after_event = any(w == "det" and i and lowered[i - 1] in events for i, w in enumerate(lowered))
    return after_event and not any(_names(w) for w in content_words(text) if w not in events)


def _definite(word: str) -> bool:
    """A definite noun ("støtten", "fristen", "beløpet"), which no verb form of the generic words is."""
    return any(word.endswith(e) and len(word) > len(e) + 2 for e in _words("definite_endings"))


def _presents(lowered: list[str], i: int) -> bool:
    """The dummy "det" after a presentational verb, with a preposition and a noun after it: "Hvor mange
    behovsmeldinger kom det fra skolene?" asks how many came from the schools. Not with a pronoun after the
    preposition ("Hva står det i den?" leans on what "den" is) nor with the preposition last ("Hvem er det
    for?")."""
    if lowered[i] != "det" or not i:
        return False
    verb, before = lowered[i - 1], lowered[i - 2] if i >= 2 else ""
    copula = verb in _words("presentational_copulas") and before and before not in question_words()
    if verb not in _words("presentational_verbs") and not copula:
        return False
    j = next((k for k in range(i + 1, len(lowered)) if lowered[k] not in _words("adverbs")), len(lowered))
    if j >= len(lowered) or lowered[j] not in _words("prepositions"):
        return False
    # "… er det med i partnerskap …": a particle before the preposition
    k = next((k for k in range(j, len(lowered)) if lowered[k] not in _words("prepositions")), len(lowered))
    return k < len(lowered) and bool(content_words(lowered[k])) and lowered[k] not in _words("pronouns")


def _in_cleft(lowered: list[str], i: int) -> bool:
    """The dummy "det" of a cleft: "Hvem er det til slutt som avgjør …?" asks who decides."""
    return (
        lowered[i] == "det"
        and i >= 2
        and lowered[i - 1] in ("er", "var")
        and lowered[i - 2] in ("hvem", "kven", "hva", "kva")
        and "som" in lowered[i + 1 :]
    )


def _attach(text: str, tokens: Tokens, topic: str) -> str:
    """Attach the topic after the question's last asking word: "Hvem kan søke" → "… søke om <topic>"."""
    attach = {stem(w): prep for prep, ws in _rules().attach.items() for w in ws}
    asking = [t for t in tokens if stem(t.group().lower()) in _stems("generic") | attach.keys()]
    default = _rules().default_attach
    if not asking:
        return f"{text} {default} {topic}"
    cut = asking[-1].end() if content_words(text[asking[-1].end() :]) else len(text)
    return f"{text[:cut]} {attach.get(stem(asking[-1].group().lower()), default)} {topic}{text[cut:]}"


def _completed_cleft(text: str, before: str) -> str | None:
    """ "Er det Statsforvalteren?" after "Hvem betaler ut pengene?" asks "Er det Statsforvalteren som betaler
    ut pengene?"; None unless it is such a cleft after such a question."""
    bare, who = _BARE_CLEFT.match(text.strip()), _WHO_DOES.match(before.strip())
    if bare is None or who is None or not names_actor(bare.group("actor")):
        return None
    actor, does = bare.group("actor").strip(), who.group("does").strip()
    return f"{bare.group('verb').capitalize()} det {actor} som {does}?"


def _ellipsis(text: str) -> str | None:
    """X of "Og hva med X?", "Og for X?", "Gjelder det samme for X?"."""
    most = _limits().max_ellipsis_words
    for pattern in _ELLIPSIS:
        if m := pattern.match(text.lower()):
            x = re.sub(r",?\s+(?:da|då)$", "", text[m.start("x") :], flags=re.IGNORECASE).strip()
            words = x.lower().split()
            if words and words[0] not in _words("phrase_breaks") and len(words) <= most:
                return x
    return None


def _resolve_ellipsis(
    text: str, x: str, base: str, lexical: LexicalIndex | None, people: Callable[[str], bool] | None = None
) -> str:
    """X replaces the words of its kind in the previous question, or its scheme; else the follow-up is
    added to the previous question as the user put it."""
    if swapped := _swap_slot(base, x, lexical, people):
        return _finish(swapped)
    frame = _rules().audience_frame
    if people is not None and people(x) and frame and (whose := re.match(frame, base, re.IGNORECASE)):
        # "Hva med fagskolelærere?" after who the scheme is for: whether they are
        return _finish(f"Er {x} i målgruppen {whose.group('rest').strip()}")
    tokens = list(_WORD.finditer(base))
    if _scheme_span(x, list(_WORD.finditer(x)), lexical) is not None:
        if span := _scheme_span(base, tokens, lexical):
            return _finish(base[: tokens[span[0]].start()] + x + base[tokens[span[1]].end() :])
        if topic := _topic(base, lexical):
            return _finish(base.replace(topic, _kept_noun(topic, x), 1))
    return _finish(f"{base} – {text[:1].lower()}{text[1:]}")


def _kept_noun(topic: str, x: str) -> str:
    """What a scheme X takes the place of the previous question's topic as: "samarbeidsforumet for yrkesfag"
    is that scheme's forum, and "Og i Dekom?" asks after Dekom's forum ("samarbeidsforumet i Dekom"), not
    after Dekom. A topic that is no kept noun's phrase is X itself."""
    head, _, rest = topic.partition(" ")
    prep = rest.split()[0].lower() if rest.split() else ""
    if stem(head.lower()) not in _stems("kept_nouns") or prep not in _words("prepositions"):
        return x
    own = x.split()[0].lower() in _words("prepositions")
    return f"{head} {x}" if own else f"{head} {prep} {x}"


def _swap_slot(
    base: str, x: str, lexical: LexicalIndex | None, people: Callable[[str], bool] | None = None
) -> str | None:
    """The previous question with X in place of the words of its kind: a year, words of a slot group
    ("skolen" → "barnehage"), or a compound with the same last part ("utdanningsstipend")."""
    if year := re.fullmatch(r"(?:(?:i|for)\s+)?(\d{4})", x, re.IGNORECASE):
        years = list(re.finditer(r"\b\d{4}\b", base))
        return base[: years[-1].start()] + year.group(1) + base[years[-1].end() :] if years else None
    x_words = _WORD.findall(x.lower())
    group = next((g for g in _slots() if {stem(w) for w in x_words} & g), frozenset())
    tokens = list(_WORD.finditer(base))
    members = [i for i, t in enumerate(tokens) if stem(t.group().lower()) in group]
    if not members and lexical and len(x_words) == 1:
        head = _compound_head(x_words[0], lexical)
        heads = [_compound_head(t.group().lower(), lexical) for t in tokens]
        members = [i for i, h in enumerate(heads) if head and h == head]
    if not members:
        return _swap_group(base, x, people) if people is not None else None
    end = members[0]
    while end + 1 in members or (end + 2 in members and tokens[end + 1].group().lower() in _words("joiners")):
        end += 1 if end + 1 in members else 2
    return base[: tokens[members[0]].start()] + x + base[tokens[end].end() :]


def _swap_group(base: str, x: str, people: Callable[[str], bool]) -> str | None:
    """ "Hva med helsesykepleiere?" after "Kan PPT være med i Kompetanseløftet?": a group of people the
    word lists know (`people`: the advisor's target_groups.yaml, given by the caller, a layer above) takes
    the place of the one group the previous question names (of none, or of two, which is meant is not
    clear)."""
    if not people(x):
        return None
    tokens = list(_WORD.finditer(base))
    named = [t for t in tokens if people(t.group())]
    if len(named) != 1:
        return None
    return base[: named[0].start()] + x + base[named[0].end() :]


def _compound_head(word: str, lexical: LexicalIndex) -> str | None:
    """Stem of the longest known word a compound ends with: "rekrutteringsstipend" → "stipend"."""
    vocabulary = lexical.analyzer.vocabulary
    min_head = _limits().min_head
    tail = next((word[i:] for i in range(1, len(word) - min_head + 1) if word[i:] in vocabulary), None)
    return stem(tail) if tail else None
