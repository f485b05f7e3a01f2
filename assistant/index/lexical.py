"""BM25 for Norwegian: Snowball stemming, compound splitting against the corpus vocabulary, glossary
expansion.

Compounds matter because Norwegian glues words together: "kompetanseutviklingsmidler" must find a
passage about "kompetanseutvikling" and "midler". A word is split when a known corpus word is its head
and the rest (after an optional linking s/e) is itself known, so the splitter only produces parts that
the corpus actually uses.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.index.everyday import unseen_share
from assistant.models import Passage
from assistant.rules import GlossaryRules, read_rule_file

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"[0-9a-zæøåéèüöäó]+", re.IGNORECASE)
_MIN_PART = 4
_MIN_COMPOUND = 8
_CACHE_LIMIT = 100_000


@lru_cache
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_NORWEGIAN

    extra = resources.files("assistant.index").joinpath("stopwords.txt").read_text("utf-8")
    words = [w for line in extra.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(STOPWORDS_NORWEGIAN) | frozenset(words)


@lru_cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("norwegian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Remembered: a snapshot of 50k passages stems some 2.8 million words, most of them the same few."""
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def shared_start(a: str, b: str) -> int:
    """How many first letters two words share ("eierne", «eiere»: 4)."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def is_stopword(word: str) -> bool:
    return word in _stopwords()


def content_words(text: str) -> list[str]:
    return _content(words(text))


def _content(text_words: list[str]) -> list[str]:
    stop = _stopwords()
    return [w for w in text_words if w not in stop and (len(w) > 1 or w.isdigit())]


@dataclass(frozen=True)
class Glossary:
    """Groups of equivalent terms (abbreviations, synonyms, bokmål/nynorsk pairs)."""

    groups: tuple[tuple[str, ...], ...] = ()
    # Each term as its stem sequence, computed once: matching runs several times per question.
    _stemmed: tuple[tuple[tuple[str, ...], ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stemmed = tuple(tuple(tuple(stem(w) for w in content_words(t)) for t in g) for g in self.groups)
        object.__setattr__(self, "_stemmed", stemmed)

    @classmethod
    def load(cls, path: Path | None) -> Glossary:
        if path is None or not path.exists():
            if path is not None:
                logger.warning("Glossary %s not found; queries are not expanded", path)
            return cls()
        rules = read_rule_file(GlossaryRules, path)
        return cls(tuple(tuple(group.terms) for group in rules.groups if group.terms))

    def matches(self, text: str) -> list[tuple[list[str], list[str]]]:
        """For every group the text uses: (the terms it uses, the group's other terms)."""
        seq = tuple(stem(w) for w in content_words(text))
        present = set(seq)
        found = []
        for group, stemmed in zip(self.groups, self._stemmed, strict=True):
            used = [
                t
                for t, sub in zip(group, stemmed, strict=True)
                if sub and sub[0] in present and _contains(seq, sub)
            ]
            if used:
                found.append((used, [t for t in group if t not in used]))
        return found

    def expansions(self, text: str) -> list[str]:
        """Other terms of every group that one of the text's terms belongs to."""
        return list(dict.fromkeys(t for _, others in self.matches(text) for t in others))

    def expand(self, text: str) -> str:
        extra = self.expansions(text)
        return f"{text} {' '.join(extra)}" if extra else text


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    seq, sub = tuple(seq), tuple(sub)
    n = len(sub)
    return n > 0 and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


@dataclass
class Analyzer:
    """Text → index terms. Knows the corpus vocabulary so that it can split compounds."""

    vocabulary: frozenset[str] = frozenset()
    _stems: frozenset[str] = frozenset()
    _cache: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Analyzer:
        return cls.from_content_words(content_words(t) for t in texts)

    @classmethod
    def from_content_words(cls, texts: Iterable[list[str]]) -> Analyzer:
        """From each text's `content_words`, read once by the caller."""
        vocab = frozenset(w for t in texts for w in t if len(w) >= _MIN_PART)
        return cls(vocab, frozenset(stem(w) for w in vocab))

    def compound_parts(self, word: str) -> list[str]:
        """All parts of a compound, recursively: "kompetanseutviklingsmidler" → kompetanseutvikling,
        kompetanse, utvikling, midler."""
        if word not in self._cache:
            if len(self._cache) > _CACHE_LIMIT:  # a long-running service sees endless new words
                self._cache.clear()
            self._cache[word] = self._split(word)
        return self._cache[word]

    def _split(self, word: str) -> list[str]:
        if len(word) < _MIN_COMPOUND:
            return []
        for i in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            head, tail = word[:i], word[i:]
            if head not in self.vocabulary:
                continue
            for rest in (tail, tail[1:] if tail[0] in "se" else ""):
                if len(rest) < _MIN_PART:
                    continue
                rest_parts = self.compound_parts(rest)
                if rest in self.vocabulary or stem(rest) in self._stems or rest_parts:
                    return [head, *self.compound_parts(head), rest, *rest_parts]
        return []

    def term_variants(self, word: str) -> set[str]:
        """The stem of a word and of each of its compound parts, each with its verbal noun or verb where
        the corpus uses it: a question's "koordinerer" finds the documents' "koordinering"."""
        stems = {stem(word), *(stem(p) for p in self.compound_parts(word))}
        return stems | {d for s in stems for d in _derived(s) if d in self._stems}

    def stems(self, text: str) -> list[str]:
        """Stems of the content words, in order, without compound parts."""
        return [stem(w) for w in content_words(text)]

    def terms(self, text: str) -> list[str]:
        return self.terms_of(content_words(text))

    def terms_of(self, text_content_words: list[str]) -> list[str]:
        """`terms` of a text whose `content_words` the caller has."""
        out: list[str] = []
        for w in text_content_words:
            out.append(stem(w))
            out.extend(stem(p) for p in self.compound_parts(w))
        return out


# Norwegian verbal nouns: "vurder" (vurderer) ↔ "vurdering", "forvalt" (forvalter) ↔ "forvaltning".
_VERBAL_NOUN_SUFFIXES = ("ing", "ning")


def _derived(s: str) -> list[str]:
    """A stem's verbal noun, or the verb of a verbal noun; only stems of at least `_MIN_PART` letters."""
    out = [s + suffix for suffix in _VERBAL_NOUN_SUFFIXES]
    out += [s[: -len(suffix)] for suffix in _VERBAL_NOUN_SUFFIXES if s.endswith(suffix)]
    return [d for d in out if len(d) >= _MIN_PART and d != s]


class LexicalIndex:
    """BM25 (bm25s) over the passages' contextual text, rebuilt in memory from the vector store."""

    def __init__(self, passages: list[Passage], glossary: Glossary) -> None:
        import bm25s

        self.passages = passages
        self.glossary = glossary
        # Each passage's words are read once: three reads of 50k passages took most of a snapshot's build.
        tokens = [words(p.contextual_text) for p in passages]
        content = [_content(t) for t in tokens]
        glossary_terms = [t for g in glossary.groups for t in g]
        self.analyzer = Analyzer.from_content_words([*content, *(content_words(t) for t in glossary_terms)])
        corpus = [self.analyzer.terms_of(c) for c in content]
        self._short_words = frozenset(w for t in tokens for w in t if len(w) < 4) | frozenset(
            w for t in glossary_terms for w in words(t)
        )
        # Which passages hold each term: a question's coverage is read from the postings of its few
        # terms, not by testing every passage (at 50k passages that loop alone took seconds a query).
        postings: dict[str, list[int]] = {}
        for i, terms in enumerate(corpus):
            for t in set(terms):
                postings.setdefault(t, []).append(i)
        self._postings = {t: np.asarray(rows, dtype=np.int32) for t, rows in postings.items()}
        self._df: dict[str, int] = {t: len(rows) for t, rows in postings.items()}
        self._bm25 = bm25s.BM25()
        if passages:
            self._bm25.index([terms or ["_"] for terms in corpus], show_progress=False)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """BM25 score for every passage, for the glossary-expanded query."""
        if not self.passages:
            return np.zeros(0, dtype=np.float32)
        terms = list(dict.fromkeys(self.analyzer.terms(self.glossary.expand(query))))
        if not terms:
            return np.zeros(len(self.passages), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)

    def query_term_sets(self, query: str) -> list[set[str]]:
        """One set of acceptable stems per content word of the question: itself, its compound parts,
        and the other terms of any glossary group whose term the word is part of."""
        return self._term_sets(query, self._synonyms(query))

    def _term_sets(self, query: str, synonyms: dict[str, set[str]]) -> list[set[str]]:
        return [
            self.analyzer.term_variants(w) | synonyms.get(stem(w), set())
            for w in dict.fromkeys(content_words(query))
        ]

    def phrase_synonyms(self, word: str, text: str) -> set[str]:
        """The stems the glossary gives `word` by the terms of `text` it is part of ("periode" in «en periode
        i en bedrift»: «hospitering»): only one-word synonyms, for a long name's words («kompetanseutvikling»
        of «Desentralisert ordning for kompetanseutvikling …») are in any sentence; without the text's own."""
        own = {x for w in content_words(text) for x in self.analyzer.terms(w)}
        found: set[str] = set()
        for used, others in self.glossary.matches(text):
            if any(stem(word) == stem(w) for term in used for w in content_words(term)):
                found |= {x for t in others if len(content_words(t)) == 1 for x in self.analyzer.terms(t)}
        return found - own

    def _synonyms(self, query: str) -> dict[str, set[str]]:
        """By a question word's stem: the stems of the other terms of its glossary groups."""
        synonyms: dict[str, set[str]] = {}
        for used, others in self.glossary.matches(query):
            other_terms = {x for t in others for x in self.analyzer.terms(t)}
            for term in used:
                for w in content_words(term):
                    synonyms.setdefault(stem(w), set()).update(other_terms)
        return synonyms

    def knows(self, word: str) -> bool:
        """Whether the indexed text or the glossary uses this word in some inflection or compound."""
        w = word.lower()
        return (
            w in self._short_words
            or w in self.analyzer.vocabulary
            or stem(w) in self._df
            or bool(self.analyzer.compound_parts(w))
        )

    def in_documents(self, word: str) -> bool:
        """Whether the indexed passages use this word or its compound parts; `knows` also counts the
        glossary's words, which no passage may use ("sende" of "sende inn behov")."""
        w = word.lower()
        return any(stem(x) in self._df for x in (w, *self.analyzer.compound_parts(w)))

    def idf(self, word: str, everyday: bool = False) -> float:
        """BM25-style idf of a word's stem; a word the corpus never uses weighs the most, or (`everyday`)
        less as it is more common in Norwegian at large: "tilbake" says less of what is asked than
        "barnetrygd". Whether to answer at all is judged without that discount ("Hva blir været i
        morgen?" is about the weather, however common the word)."""
        df = self._df.get(stem(word), 0)
        highest = _idf(len(self.passages), df)
        return highest * unseen_share(word) if everyday and not df else highest

    def weighted_coverage(self, sets: list[tuple[set[str], float]], terms: set[str]) -> float:
        total = sum(w for _, w in sets)
        return sum(w for s, w in sets if s & terms) / total if total else 0.0

    def weighted_query_sets(
        self, query: str, by_synonym: bool = True, everyday: bool = True
    ) -> list[tuple[set[str], float]]:
        """Each content word's acceptable stems, weighted by how rare the word is (`everyday`: see
        `idf`), or (`by_synonym`) the most common synonym the documents use for it: "penger", which they
        never say, weighs what "midler" does."""
        words = list(dict.fromkeys(content_words(query)))
        synonyms = self._synonyms(query)
        weighted = []
        for variants, w in zip(self._term_sets(query, synonyms), words, strict=True):
            used = [self._df[t] for t in synonyms.get(stem(w), ()) if t in self._df] if by_synonym else []
            own = self._df.get(stem(w), 0)
            weighted.append(
                (variants, self.idf(w, everyday) if own or not used else _idf(len(self.passages), max(used)))
            )
        return weighted

    def coverages(self, query: str) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Per passage: the idf-weighted share of the question's content words it contains in some form,
        twice: with every word at its own rarity, and with everyday words the documents don't use weighing
        less (see `idf`). Abstention reads the first, ranking the second.

        Weighting by idf is what tells "barnetrygd" (unknown here) from "søke" (everywhere). Retrieval
        was calibrated on the words' own rarity (eval/questions.yaml), so synonyms don't weigh here."""
        strict = self.weighted_query_sets(query, by_synonym=False, everyday=False)
        if not strict or not self.passages:
            return np.zeros(len(self.passages)), np.zeros(len(self.passages))
        everyday = self.weighted_query_sets(query, by_synonym=False, everyday=True)
        # Which word each passage has, found once; the two weightings are two dot products of it.
        found = np.zeros((len(self.passages), len(strict)))
        for j, (variants, _) in enumerate(strict):
            for t in variants:
                rows = self._postings.get(t)
                if rows is not None:
                    found[rows, j] = 1.0
        # Row-major (one row per word), not a transposed view: numpy multiplies a view without BLAS, and
        # at 50k passages that took 47 ms a query against 1 ms (the same sums: found is 0 or 1).
        weights = np.array([[a, b] for (_, a), (_, b) in zip(strict, everyday, strict=True)])
        totals = weights.sum(axis=0)
        shares = (found @ weights) / np.where(totals > 0, totals, 1.0)
        return shares[:, 0], shares[:, 1]


def _idf(n: int, df: int) -> float:
    return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
