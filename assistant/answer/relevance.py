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

from collections.abc import Sequence

from assistant import texts
from assistant.answer.citations import MARKER, asks_for_value
from assistant.answer.plan import asking_sentence, plan_question, question_words
from assistant.index.lexical import LexicalIndex, content_words
from assistant.models import Citation

# With a focus the documents never use, the share of the part's other naming words (idf-weighted) its quotes
# must say.
_REST_SAID = 0.5
# A compound counts for a word as its last part from this many letters ("pakk" of "pakkene" in
# «kompetansepakker»), as its first part from one more.
_MIN_TAIL = 4


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
    cited = {int(n) for n in MARKER.findall(text)}
    headings = [c.section for c in citations if c.n in cited]
    said = set(index.analyzer.terms("\n".join([MARKER.sub(" ", text), *headings])))
    focus = plan.focus[0]
    sets = index.weighted_query_sets(asking)
    words = list(dict.fromkeys(content_words(asking)))
    by_word = dict(zip(words, sets, strict=True))
    if focus in by_word and (_found(by_word[focus][0], said) or _used(index, focus, by_word[focus][0])):
        return _found(by_word[focus][0], said)
    # A focus the documents never use ("sender" of money they say is «utbetalt») can't be quoted: most of the
    # part's other words that they do use must be (idf-weighted). A part none of whose words they use
    # ("Hvem dekker reiseutgiftene?") asks what they don't speak of.
    asking_only = question_words()
    rest = [s for w, s in by_word.items() if w != focus and w not in asking_only and _used(index, w, s[0])]
    total = sum(weight for _, weight in rest)
    found = sum(weight for variants, weight in rest if _found(variants, said))
    return bool(total) and found / total >= _REST_SAID


def _used(index: LexicalIndex, word: str, variants: set[str]) -> bool:
    """Whether the documents use the word in some form (`variants`: its stems, parts and synonyms)."""
    return index.in_documents(word) or any(index.in_documents(v) for v in variants)


def _found(variants: set[str], said: set[str]) -> bool:
    if variants & said:
        return True
    return any(
        (len(v) > _MIN_TAIL and s.startswith(v)) or (len(v) >= _MIN_TAIL and s.endswith(v))
        for v in variants
        for s in said
    )
