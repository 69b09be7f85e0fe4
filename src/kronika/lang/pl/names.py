"""What SGJP (morfeusz2's dictionary) knows about a word as a proper name."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz()


@lru_cache(maxsize=65536)
def name_kinds(word: str) -> frozenset[str]:
    """SGJP name qualifiers of any reading of the word: 'imię', 'nazwisko', 'nazwa_geograficzna', ..."""
    kinds: set[str] = set()
    for _i, _j, (_form, _lemma, _tag, names, _quals) in _morfeusz().analyse(word):
        kinds.update(names)
    return frozenset(kinds)


def is_given_name(word: str) -> bool:
    return "imię" in name_kinds(word)
