"""Language identification with lingua, restricted to a handful of languages.

lingua's full model covers 75 languages and takes over 1 GB in memory; kronika only needs to tell its supported
languages (pl, en) from the languages news in this region is most often written in, so that a German or Russian text
is reported as unsupported instead of being analysed as Polish.
"""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("pl", "en")
# Candidates lingua chooses among: the supported ones and the likely others.
CANDIDATES = ("pl", "en", "de", "fr", "es", "it", "ru", "uk", "cs", "sk", "lt", "be", "nl", "pt", "sv", "hu")
SAMPLE_CHARS = 400   # the head of a text decides its language; analysing more costs time and changes nothing


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of the text's language and lingua's confidence, or (None, 0.0) when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(best.value, 3)
