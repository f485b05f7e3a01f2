"""A question read into bokmål for the pipeline, and an answer rendered in the reader's written
standard, with Apertium's known slips repaired and markers, numbers and quotes kept."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from assistant import texts
from assistant.index.lexical import shared_start
from assistant.language import apertium, sentences
from assistant.language.apertium import TranslationUnavailable
from assistant.language.detection import detect, markers
from assistant.models import Maalform
from assistant.rules import LanguageRules, rule_file

logger = logging.getLogger(__name__)

_NUMBER = re.compile(r"\d+")
_QUOTE = re.compile(r"«[^«»]*»")
_PUNCTUATION = "«»\"'()[]{}.,;:!?"
MARKERS = re.compile(r"\[\d{1,3}\]")


@dataclass(frozen=True)
class Asked:
    """A question as the pipeline reads it: retrieval, follow-up rules and the advisor work in bokmål,
    the corpus's written standard; `maalform` is how the user wrote."""

    bokmal: str
    maalform: Maalform
    translated: bool = False


@dataclass(frozen=True)
class Rendered:
    text: str
    maalform: Maalform  # what the text is written in now


def read_question(
    question: str,
    corpus_word: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> Asked:
    """A nynorsk question is translated for retrieval. Without Apertium it goes through as written:
    the glossary and the stemmer still match much of nynorsk. `corpus_word` says whether the sources
    use a word as written; such words are kept, since Apertium sometimes "translates" a bokmål-looking
    compound it does not know ("prøvenemndsmedlemmer" came out as "prøverådmedlemmer"). `known` says
    whether the sources use a word in some form: a word they know is not replaced by one they never use
    ("prøvenemnda" came out as "prøverådet")."""
    written = detect(question)
    if written == "nb":
        return Asked(question, "nb")
    try:
        translated = apertium.translate(question, "nn", "nb")
    except TranslationUnavailable:
        return Asked(question, "nn")
    return Asked(_repair(question, translated, corpus_word, known), "nn", translated=True)


def _repair(
    original: str,
    translated: str,
    corpus_word: Callable[[str], bool] | None,
    known: Callable[[str], bool] | None = None,
) -> str:
    nynorsk = markers().words["nn"]

    def fix(before: str, after: str) -> str:
        core = _core(before)
        if before == after or core in nynorsk:
            return _linking_s(before, after)
        if corpus_word is not None and corpus_word(core):
            return _punctuated_as(before, after)
        if known is not None and known(core) and not known(_core(after)):
            return _punctuated_as(before, after)
        return _linking_s(before, after)

    translated = _word_by_word(original, translated, fix)
    for pattern, replacement in _repairs():
        translated = pattern.sub(replacement, translated)
    return translated


def _word_by_word(original: str, translated: str, fix: Callable[[str, str], str]) -> str:
    """`fix(original word, translated word)` for each translated word and the original word it comes
    from: the one it shares the longest start with (at least three letters). Apertium may merge words
    ("kva for ei" → "hvilken"), so position is no guide. The translation's spacing is kept."""
    before = original.split()

    def source(word: str) -> str | None:
        """The longest shared start wins; of equals, the word most alike ("behovsmeldingane", not
        "behov", for "behovmeldingene"; "yrkesfaglærarar", not "yrkesgrupper", for "yrkefaglærere").
        Punctuation is no part of a word ("barnehagar," is not "barnehage?")."""
        lower = _core(word)
        scored = [
            (shared_start(_core(c), lower), SequenceMatcher(None, _core(c), lower).ratio(), c) for c in before
        ]
        best = max(scored, default=None)
        return best[2] if best is not None and best[0] >= 3 else None

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        origin = source(word)
        return word if origin is None else fix(origin, word)

    return re.sub(r"\S+", replace, translated)


def _linking_s(before: str, after: str) -> str:
    """Apertium rebuilds compounds it knows the parts of and can lose the joint's s: "yrkesfaglærarar"
    came back as "yrkefaglærere", "prøvenemndsmedlemmer" as "prøvenemndmedlemmer". Where the original
    has an s between two parts and the translation has the second part without it, the s goes back."""
    for i in range(3, len(before) - 4):
        if before[i] != "s" or not before[i + 1 : i + 5].isalpha():
            continue
        j = after.find(before[i + 1 : i + 5], 3)
        if j > 0 and after[j - 1].isalpha() and after[j - 1] != "s":
            return f"{after[:j]}s{after[j:]}"
    return after


def _punctuated_as(before: str, after: str) -> str:
    """The original word, with the punctuation of the translated token it stands in for."""
    core = before.strip(_PUNCTUATION)
    word = after.strip(_PUNCTUATION)
    start = after.find(word) if word else len(after)
    return f"{after[:start]}{core}{after[start + len(word) :]}"


def _core(token: str) -> str:
    return token.strip(_PUNCTUATION).lower()


@lru_cache
def _repairs() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in rule_file(LanguageRules).repairs_nb)


def render(text: str, current: Maalform, target: Maalform, *, quotes: bool = True) -> Rendered:
    """The answer text in the reader's written standard. Citation markers, list layout and every
    number pass through unchanged; if a number would change, the text stays as it was. The reader is
    told once that the answer was translated and, if it has `quotes`, that they keep the sources'
    wording."""
    if current == target or target == "nb":
        return Rendered(text, current)
    # Quotes in «» are the sources' words (the advisor quotes them) and stay as they are.
    quoted = _QUOTE.findall(text)
    numbers = itertools.count()
    held = _QUOTE.sub(lambda _: f"«[[{next(numbers)}]]»", text)
    try:
        translated = _word_by_word(held, _translated(held, current, target), _linking_s)
    except TranslationUnavailable as exc:
        notice = texts.NYNORSK_UNAVAILABLE if exc.message == texts.APERTIUM_MISSING else texts.NYNORSK_FAILED
        return Rendered(f"{text}\n\n{notice}", current)
    if _NUMBER.findall(translated) != _NUMBER.findall(held) or MARKERS.findall(translated) != MARKERS.findall(
        held
    ):
        logger.warning("Apertium changed a number or a citation marker; the answer stays in %s", current)
        return Rendered(f"{text}\n\n{texts.NYNORSK_FAILED}", current)
    translated = re.sub(r"«\[\[(\d+)\]\]»", lambda m: quoted[int(m.group(1))], translated)
    note = texts.NYNORSK_NOTE if quotes else texts.NYNORSK_NOTE_NO_QUOTES
    return Rendered(f"{translated}\n\n{note}", target)


def _translated(text: str, source: Maalform, target: Maalform) -> str:
    """Sentence by sentence while apertium-apy is up, with the corpus's sentences from the store
    (assistant/language/sentences.py); else the whole text in one Apertium pipeline, as a pipeline
    started for each sentence would take seconds. The two can differ in a word a sentence's neighbours
    decide ("Vi" or "Me")."""
    if apertium.apy_ready():
        return sentences.translate_text(text, source, target)
    return apertium.translate(text, source, target)
