"""Folding names for comparison: case, accents and punctuation ignored (Wałęsa ~ walesa, The Guardian ~ guardian)."""
from __future__ import annotations

import re
import unicodedata


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").replace("ł", "l").replace("Ł", "L")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())
