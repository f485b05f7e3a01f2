"""Logging is configured once, by the entry point (CLI or API start-up), never on import."""

from __future__ import annotations

import logging


def configure_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    # bm25s sets its own logger to DEBUG when imported, so import it first, then set our level.
    import bm25s  # noqa: F401

    logging.getLogger("bm25s").setLevel(logging.INFO if verbose else logging.WARNING)
