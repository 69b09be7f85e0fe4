"""Imports every kronika component module so that its @Language.factory registration runs.

spaCy resolves a config's `factory = "kronika_..."` through its registry; importing this module before building a
pipeline from a config is what makes those names known.
"""
from kronika.pipeline import extensions  # noqa: F401  (declares Doc/Span/Token extensions)
from kronika.pipeline import language, metadata  # noqa: F401
from kronika.pipeline import sentences  # noqa: F401
from kronika.pipeline import morphology  # noqa: F401
from kronika.pipeline import actors  # noqa: F401
from kronika.pipeline import entities  # noqa: F401
from kronika.pipeline import sources, quotes  # noqa: F401
from kronika.pipeline import events  # noqa: F401
