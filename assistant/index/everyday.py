"""How much a word the documents never use should weigh, from how common it is in Norwegian at large.

Idf gives a word the corpus lacks the highest weight: "barnetrygd" marks a question the documents can't
answer, and a paraphrase in everyday words ("penger") should lean on meaning, not on BM25. But an
everyday word the guidelines happen not to use ("tilbake", "pleier", "tenke") says little of what is
asked, and weighing it as the rarest word drowns the one word that matters ("Hva må vi rapportere
tilbake?" is about "rapportere"). Its weight is scaled down by its frequency in general Norwegian
(wordfreq's Zipf scale: 6 is "og"-common, 3 a word seen once per million words).
"""

from __future__ import annotations

from functools import lru_cache

# Zipf frequency at or above which an unseen word weighs the least, and at or below which it weighs fully.
_COMMON = 5.5
_RARE = 3.5
# The least share of the rarest weight an unseen word keeps.
_FLOOR = 0.25


@lru_cache(maxsize=20_000)
def unseen_share(word: str) -> float:
    """The share of the highest idf that a word no document uses should weigh: 1.0 for a rare word or
    one wordfreq doesn't know (a typo, a name, a nynorsk form), down to _FLOOR for an everyday one."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word.lower(), "nb")
    if zipf <= _RARE:
        return 1.0
    return max(_FLOOR, 1.0 - (1.0 - _FLOOR) * (zipf - _RARE) / (_COMMON - _RARE))
