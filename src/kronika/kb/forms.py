"""Surface forms of everything the knowledge base names, per language, for the mention matcher.

Polish forms are generated with morfeusz2 (lang/pl/inflection.py), which takes seconds for the whole knowledge base;
the result is therefore stored in kb/data/generated/forms_<lang>.tsv together with a fingerprint of the data files it
came from, and regenerated (by `kronika kb build`, or in memory when stale) whenever those change.
"""
from __future__ import annotations

import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from kronika.kb.loader import aliases, group_aliases, kb_file, office_holders, places
from kronika.kb import generated
from kronika.kb.generated import case_rule
from kronika.kb.matcher import CASE_INITIAL, FormMatcher, Hit
from kronika.kb.model import Alias, Mention
from kronika.textnorm import plain_spelling

SOURCES = ("actors.tsv", "aliases.tsv", "groups.tsv", "places.tsv", "office_holders.tsv")
COLUMNS = ("form", "case", "code", "kind", "sector", "flags", "base", "holder")
_NAME_PARTICLES = {"von", "van", "der", "de", "da", "di", "del", "al", "bin", "ibn", "la", "le", "du"}
# Surnames that are also ordinary capitalised words in news text; never matched alone.
_EN_SURNAME_STOP = {"may", "march", "june", "major", "power", "rice", "brown", "king", "young", "white", "black",
                    "green", "long", "little", "love", "rich", "hope", "bush", "carter", "lee", "park", "kim", "wang",
                    "li", "zhang", "khan", "ali", "said", "hamas"}


def fingerprint(lang: str) -> str:
    return generated.fingerprint(SOURCES, lang)


def generated_path(lang: str):
    return kb_file("generated") / f"forms_{lang}.tsv"


def _alias_forms(a: Alias) -> set[str]:
    if a.lang == "pl":
        from kronika.lang.pl.inflection import phrase_forms

        if a.kind == "short" or a.form.isupper():
            return {a.form}
        if a.kind in ("city", "region") and a.form[:1].islower():   # "obwód charkowski": a common-noun head
            return phrase_forms(a.form, "name")
        kind = {"adjective": "adjective", "demonym": "demonym"}.get(a.kind, "name")
        return phrase_forms(a.form, kind)
    forms = {a.form}
    if a.kind == "demonym" and not a.form.endswith(("s", "ese", "sh", "ch")):
        forms.add(a.form + "s")
    return forms


def _person_forms(name: str, lang: str) -> set[str]:
    if lang != "pl":
        return {name}
    from kronika.lang.pl.inflection import phrase_forms

    return phrase_forms(name, "person")


def _surname(name: str) -> str | None:
    """The last word of a person's name; monarchs ("Abdullah II", "Hussein of Jordan") have none."""
    if " of " in name or any(re.fullmatch(r"[IVX]+", w) for w in name.split()):
        return None
    words = [w for w in name.split() if w.lower() not in _NAME_PARTICLES]
    if len(words) < 2:
        return None
    last = words[-1]
    return last if len(last) >= 4 and last[:1].isupper() else None


def build_rows(lang: str) -> list[tuple]:
    """(form, case, code, kind, sector, flags, base, holder) rows for one language."""
    rows: set[tuple] = set()
    for a in aliases():
        if a.lang != lang:
            continue
        flags = ",".join(sorted(a.flags))
        for f in _alias_forms(a):
            rows.add((f, case_rule(f, a.flags), a.code, a.kind, a.sector or "", flags, a.form, ""))
    for a in (*group_aliases(), *places()):   # a group's code field holds its members: "DEU|FRA|GBR"
        if a.lang == lang:
            flags = ",".join(sorted(a.flags))
            for f in _alias_forms(a):
                rows.add((f, case_rule(f, a.flags), a.code, a.kind, "", flags, a.form, ""))
    for i, h in enumerate(office_holders()):
        # Polish news often keeps a foreign leader's English spelling ("Mohammed bin Salman"): both are matched
        names = [h.name_pl, h.name_en, *h.aliases] if lang == "pl" else [h.name_en, *h.aliases]
        names = [n for name in names if name for n in (name, plain_spelling(name))]
        for name in dict.fromkeys(names):
            for f in _person_forms(name, lang):
                rows.add((f, CASE_INITIAL, h.code, "person", h.sector, "", name, str(i)))
            sur = _surname(name)
            if sur and not (lang == "en" and sur.lower() in _EN_SURNAME_STOP):
                for f in _person_forms(sur, lang):
                    rows.add((f, CASE_INITIAL, h.code, "surname", h.sector, "surname", name, str(i)))
    return sorted(rows)


def write_generated(lang: str) -> int:
    """Regenerate kb/data/generated/forms_<lang>.tsv; returns the number of rows."""
    return generated.write_table(generated_path(lang), COLUMNS, build_rows(lang), f"kb/data/{', '.join(SOURCES)}",
                                 fingerprint(lang))


def _read_generated(lang: str) -> list[tuple] | None:
    return generated.read_table(generated_path(lang), fingerprint(lang))


def _mention(row: tuple) -> Mention:
    form, case, code, kind, sector, flags, base, holder = row
    return Mention(code, kind, sector or None, frozenset(x for x in flags.split(",") if x), base,
                   int(holder) if holder else None)


class MentionMatcher:
    """The knowledge base's matcher for one language: hits carry Mentions, built only for what a text contains.

    Building the automaton over ~200,000 Polish forms takes seconds, so the built matcher (with its rows) is cached
    in the user's cache folder under the data's fingerprint and loaded from there afterwards.
    """

    def __init__(self, rows: tuple[tuple, ...], matcher: FormMatcher) -> None:
        self.rows = rows
        self.matcher = matcher

    @classmethod
    def build(cls, lang: str) -> "MentionMatcher":
        rows = _read_generated(lang)
        rows = tuple(rows if rows is not None else build_rows(lang))
        return cls(rows, FormMatcher((r[0], r[1], i) for i, r in enumerate(rows)))

    def find(self, text: str) -> list[Hit]:
        return [Hit(h.start, h.end, h.form, self.mention(h.payload)) for h in self.matcher.find(text)]

    def mention(self, index: int) -> Mention:
        return _mention(self.rows[index])


def _cache_file(lang: str) -> Path:
    root = Path(os.environ.get("KRONIKA_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                / "kronika")
    return root / f"mentions-{lang}-{fingerprint(lang)}.pickle"


@lru_cache(maxsize=2)
def mention_matcher(lang: str) -> MentionMatcher:
    """One matcher per language and process: from the cache when its fingerprint matches, else built (and cached)."""
    path = _cache_file(lang)
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = MentionMatcher.build(lang)
    try:   # a read-only or full disk only costs the next start-up its speed
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"mentions-{lang}-*.pickle"):   # earlier versions of the KB: never read again
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return built
