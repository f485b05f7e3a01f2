"""A small made-up source on a mentoring scheme (no corpus document), for the checks that read which words
the documents use."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.index.lexical import Glossary, LexicalIndex
from assistant.models import Passage


def mentoring_index(sentences: Sequence[str]) -> LexicalIndex:
    """One passage per sentence, in a document on "Mentorordningen"; «midler» and «penger» are synonyms."""
    passages = [
        Passage(f"m::{i}", "m.md", "M", "Mentorordningen", text, i, "h") for i, text in enumerate(sentences)
    ]
    return LexicalIndex(passages, Glossary((("midler", "penger"),)))
