"""Bokmål and nynorsk: detect the written standard of a text (`detection`), translate between the two
with Apertium (`apertium`, through its HTTP service `apy` when the server has it up), and read questions
and render answers with Apertium's slips repaired (`rendering`)."""

from assistant.language.apertium import TranslationUnavailable, apertium_available, translate, warm_spares
from assistant.language.detection import detect
from assistant.language.rendering import MARKERS, Asked, Rendered, read_question, render
from assistant.models import Maalform

__all__ = [
    "MARKERS",
    "Asked",
    "Maalform",
    "Rendered",
    "TranslationUnavailable",
    "apertium_available",
    "detect",
    "read_question",
    "render",
    "translate",
    "warm_spares",
]
