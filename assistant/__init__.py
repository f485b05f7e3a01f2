"""Kompetanseassistenten: cited Norwegian answers about state competence-development schemes."""

__version__ = "0.1.0"
