"""What SGJP (morfeusz2's dictionary) knows about a word as a proper name, and the international given names it
lacks (data/given_names.tsv: "Mykoła", "Lucía", "Jorge")."""
from __future__ import annotations

from functools import lru_cache

from kronika.textnorm import plain_spelling


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


# Polish case endings of given names, longest first, with what the base form ends in instead ("Mykołą" -> "Mykoła",
# "Jorgego" -> "Jorge", "Ihorem" -> "Ihor"): enough to find a listed name under its inflection.
_ENDINGS = (("ego", "e"), ("owi", ""), ("em", ""), ("ie", ""), ("ą", "a"), ("ę", "a"), ("y", "a"), ("i", "a"),
            ("a", ""), ("u", ""))


@lru_cache(maxsize=1)
def _genders() -> dict[str, frozenset[str]]:
    """Listed given name -> NKJP genders (m1, f) it is given to."""
    from kronika.resources import lang_data, read_tsv

    out: dict[str, set[str]] = {}
    for r in read_tsv(lang_data("pl", "given_names.tsv")):
        out.setdefault(r["name"], set()).update({"m": {"m1"}, "f": {"f"}}.get(r["gender"], {"m1", "f"}))
    return {k: frozenset(v) for k, v in out.items()}


def listed_given_name(word: str) -> frozenset[str]:
    """Genders of a listed international given name written in its base form (empty if it is not one)."""
    return _genders().get(word) or _genders().get(plain_spelling(word)) or frozenset()


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Whether the word is a given name (SGJP's, or a listed international one), in any case form."""
    if not word[:1].isupper():
        return False
    if "imię" in name_kinds(word):
        return True
    if listed_given_name(word):
        return True
    listed = _genders()
    return any(word.endswith(end) and len(word) - len(end) >= 2 and word[: len(word) - len(end)] + base in listed
               for end, base in _ENDINGS)
