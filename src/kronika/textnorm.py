"""Folding names for comparison: case, accents and punctuation ignored (Wałęsa ~ walesa, The Guardian ~ guardian);
and the plain spelling news uses for foreign names (Orbán ~ Orban)."""
from __future__ import annotations

import re
import unicodedata


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").replace("ł", "l").replace("Ł", "L")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def plain_spelling(name: str) -> str:
    """The name without the diacritics of other languages ("Orbán" -> "Orban", "Erdoğan" -> "Erdogan", "Lucía" ->
    "Lucia"), as news often writes it; Polish letters stay ("Łukaszenko")."""
    return "".join(ch if ch in _POLISH_LETTERS else
                   "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                   for ch in name)
