"""Synthetic corpora for the scaling benchmark (eval/bench_scale.py): variants of the real documents in
corpus/, never verbatim copies.

Each variant of a document swaps its place names, scheme names, years and amounts, replaces some words
by synonyms, and shuffles the paragraphs within each section, so that its passages are new texts of the
same kind and length as the real ones (a corpus of one document repeated would flatter BM25 and HNSW
alike). Variants are written as real files and counted with the real chunker, until the corpus holds the
number of passages asked for.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.chunking import chunk_document
from assistant.ingest.limits import Budget, IngestLimits
from assistant.ingest.loaders import load_document
from assistant.ingest.units import split_units

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "corpus"

PLACES = (
    "Agder", "Innlandet", "Møre og Romsdal", "Rogaland", "Troms", "Finnmark", "Trøndelag", "Vestland",
    "Vestfold", "Telemark", "Buskerud", "Akershus", "Østfold", "Bodø", "Tromsø", "Alta", "Harstad",
    "Narvik", "Mo i Rana", "Steinkjer", "Molde", "Ålesund", "Førde", "Stavanger", "Haugesund", "Arendal",
    "Kristiansand", "Hamar", "Lillehammer", "Gjøvik", "Drammen", "Tønsberg", "Skien", "Fredrikstad",
    "Sarpsborg", "Lillestrøm", "Kongsberg", "Vadsø", "Kirkenes", "Hammerfest",
)  # fmt: skip
KNOWN_PLACES = ("Oslo og Viken", "Nordland", "Viken", "Oslo")
SCHEMES = (
    "Kompetanseløftet", "Kompetansepakken", "Desentralisert ordning", "Samarbeidsforum",
    "Fagfornyelsen", "Lærerløftet", "Kunnskapsløftet", "Yrkesfagløftet", "Leseløftet", "Realfagssatsingen",
    "Vurderingsløftet", "Barnehageløftet", "Inkluderingsløftet", "Regionalordningen",
)  # fmt: skip
SYNONYMS = {
    "viktig": ("sentral", "vesentlig"),
    "styrke": ("forsterke", "bygge opp"),
    "bidra": ("medvirke", "hjelpe"),
    "samarbeid": ("samhandling", "felles arbeid"),
    "gjennomføre": ("utføre", "sette i verk"),
    "midler": ("penger", "tilskuddsmidler"),
    "behov": ("ønsker", "utfordringer"),
    "utvikle": ("videreutvikle", "forbedre"),
    "tiltak": ("aktiviteter", "innsatser"),
    "målet": ("formålet", "hensikten"),
    "skal": ("må", "bør"),
    "ansatte": ("medarbeidere", "tilsatte"),
    "lokale": ("stedlige", "regionale"),
    "ordningen": ("modellen", "satsingen"),
    "kommuner": ("kommunene", "lokalsamfunn"),
}
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_AMOUNT = re.compile(r"\b\d{1,3}(?: \d{3})+\b")
_WORD = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Corpus:
    path: Path
    documents: int
    passages: int
    units: int
    chars: int

    @property
    def texts(self) -> int:
        """What ingest embeds: every passage and every unit."""
        return self.passages + self.units


def sources() -> list[Path]:
    return sorted(p for p in SOURCES.iterdir() if p.suffix in (".md", ".txt"))


def variant(text: str, rng: random.Random) -> str:
    """One variant of a document's text: front matter kept in form, its title and dates changed too."""
    front, body = _split_front_matter(text)
    place = rng.choice(PLACES)
    schemes = {s: rng.choice(SCHEMES) for s in SCHEMES}
    shift = rng.randint(-8, 4)
    factor = rng.uniform(0.4, 2.5)

    def vary(s: str) -> str:
        for known in KNOWN_PLACES:
            s = s.replace(known, place)
        for old, new in schemes.items():
            s = s.replace(old, new)
        s = _YEAR.sub(lambda m: str(int(m.group()) + shift), s)
        s = _AMOUNT.sub(lambda m: _amount(int(m.group().replace(" ", "")) * factor), s)
        return _WORD.sub(lambda m: _synonym(m.group(), rng), s)

    front = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} – {place}", front, count=1, flags=re.M)
    return vary(front) + _shuffled(vary(body), rng)


def _split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            return text[: end + 5], text[end + 5 :]
    return "", text


def _shuffled(body: str, rng: random.Random) -> str:
    """Paragraphs shuffled within each section; headings stay where they are."""
    out: list[str] = []
    section: list[str] = []
    for para in body.split("\n\n"):
        if para.lstrip().startswith("#"):
            rng.shuffle(section)
            out += [*section, para]
            section = []
        else:
            section.append(para)
    rng.shuffle(section)
    return "\n\n".join(out + section)


def _amount(value: float) -> str:
    return f"{round(value):,}".replace(",", " ")


def _synonym(word: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return word
    new = rng.choice(SYNONYMS[word.lower()])
    return new.capitalize() if word[0].isupper() else new


def build(target: Path, passages: int, seed: int = 0, max_chars: int = 1000) -> Corpus:
    """Variants of the real documents, in turn, until they give at least `passages` passages."""
    rng = random.Random(seed)
    originals = [(p, p.read_text("utf-8")) for p in sources()]
    target.mkdir(parents=True, exist_ok=True)
    docs = n_passages = n_units = chars = 0
    while n_passages < passages:
        src, text = originals[docs % len(originals)]
        name = f"d{docs // 500:03d}/{src.stem}-v{docs:06d}{src.suffix}"
        data = variant(text, rng).encode("utf-8")
        path = target / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        doc = load_document(path, name, data, Budget(IngestLimits(), path.name))
        chunks = chunk_document(doc, max_chars)
        n_passages += len(chunks)
        n_units += sum(len(split_units(p.text, 0)) for p in chunks)
        chars += len(data)
        docs += 1
    return Corpus(target, docs, n_passages, n_units, chars)


def sample_texts(corpus: Path, n: int, max_chars: int = 1000) -> list[str]:
    """The first `n` texts ingest would embed (passages and units, in its mix), for timing the embedder."""
    out: list[str] = []
    for path in sorted(corpus.rglob("*.*")):
        data = path.read_bytes()
        doc = load_document(path, path.name, data, Budget(IngestLimits(), path.name))
        chunks = chunk_document(doc, max_chars)
        out += [p.contextual_text for p in chunks]
        out += [f"{p.section}\n\n{u.render()}" for p in chunks for u in split_units(p.text, 0)]
        if len(out) >= n:
            break
    return out[:n]
