"""The media outlets that articles cite (kb/data/outlets.tsv) and the words that are not sources (non_sources.tsv).

Polish surface forms ("Reutersa", "Gazety Wyborczej", "New York Timesa") are generated with lang/pl/inflection.py and
stored in kb/data/generated/outlets_<lang>.tsv with a fingerprint of the files they came from, like kb/forms.py does
for actors; a stale or missing file is regenerated in memory (and written by `write_generated`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.kb.loader import kb_file
from kronika.kb import generated
from kronika.kb.generated import case_rule
from kronika.kb.matcher import FormMatcher
from kronika.resources import read_tsv

SOURCES = ("outlets.tsv",)
COLUMNS = ("form", "case", "name", "flags")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    lang: str
    flags: frozenset[str]


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    return tuple(Outlet(r["name"], tuple(a.strip() for a in r.get("aliases", "").split("|") if a.strip()),
                        r.get("kind", ""), r.get("country", ""), r.get("lang", ""),
                        frozenset(f.strip() for f in r.get("flags", "").split(",") if f.strip()))
                 for r in read_tsv(kb_file("outlets.tsv")))


@lru_cache(maxsize=4)
def non_sources(lang: str) -> dict[str, str]:
    """Lower-cased form -> kind (generic_media_noun, social_platform, anonymous_source) for one language."""
    return {r["form"].lower(): r["kind"] for r in read_tsv(kb_file("non_sources.tsv")) if r["lang"] == lang}


@lru_cache(maxsize=4)
def media_nouns(lang: str) -> frozenset[str]:
    """Single-word generic media nouns ("dziennik", "newspaper"): before a capitalised name they introduce an outlet."""
    return frozenset(f for f, k in non_sources(lang).items() if k == "generic_media_noun" and " " not in f)


def fingerprint(lang: str) -> str:
    return generated.fingerprint(SOURCES, lang)


def generated_path(lang: str):
    return kb_file("generated") / f"outlets_{lang}.tsv"


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or any(c.isdigit() for c in form) or "." in form)


def _forms(form: str, outlet: Outlet, lang: str) -> set[str]:
    if lang != "pl" or _is_acronym(form):
        return {form}
    from kronika.lang.pl.inflection import phrase_forms

    polish = outlet.lang == "pl" or form[:1].islower()
    return phrase_forms(form, "name" if polish and " " in form else "foreign") | {form}


def is_domain(form: str) -> bool:
    """A web address used as a name ("Fakt.pl", "News.Az", "nytimes.com"): no spaces, a dot before 2+ letters."""
    head, dot, tld = form.rpartition(".")
    return bool(head) and bool(dot) and " " not in form and len(tld) >= 2 and tld.isalpha()


def build_rows(lang: str) -> list[tuple[str, str, str, str]]:
    rows: set[tuple[str, str, str, str]] = set()
    for o in outlets():
        flags = ",".join(sorted(o.flags))
        for written in dict.fromkeys((o.name, *o.aliases)):
            for f in _forms(written, o, lang):
                # a domain is written in any capitalisation ("Fakt.pl" for fakt.pl) and is never an ordinary word
                case = case_rule(f, o.flags - {"case_sensitive"} if is_domain(f) else o.flags)
                rows.add((f, case, o.name, flags))
    return sorted(rows)


def display_name(name: str, written: str, lang: str, text: str) -> str:
    """The name to report: the canonical one, except in English text that never writes it and writes instead a
    plain alias of the KB (a transliteration: "Vedomosti" for "Wiedomosti"); acronyms, domains and aliases that
    contain the name ("The Associated Press", "BBC World") keep the canonical name."""
    w = written[4:] if written.startswith("The ") else written
    if lang != "en" or name.lower() in text.lower() or name.lower() in w.lower() or is_domain(w):
        return name
    if any(ch.isdigit() for ch in w) or any(len(x) >= 2 and x.isupper() for x in w.split()):
        return name
    return w if by_lower_name(lang).get(w.lower()) == name else name


def write_generated(lang: str) -> int:
    """Regenerate kb/data/generated/outlets_<lang>.tsv; returns the number of rows."""
    return generated.write_table(generated_path(lang), COLUMNS, build_rows(lang), "kb/data/outlets.tsv",
                                 fingerprint(lang))


def _read_generated(lang: str) -> list[tuple[str, ...]] | None:
    return generated.read_table(generated_path(lang), fingerprint(lang))


@lru_cache(maxsize=2)
def matcher(lang: str) -> FormMatcher:
    """A FormMatcher over every outlet form; payload (canonical name, flags)."""
    rows = generated.current_rows(lambda: _read_generated(lang), lambda: write_generated(lang),
                                  lambda: build_rows(lang))
    return FormMatcher((form, case, (name, frozenset(x for x in flags.split(",") if x)))
                       for form, case, name, flags in rows)


@lru_cache(maxsize=2)
def by_lower_name(lang: str) -> dict[str, str]:
    """Lower-cased outlet name or alias -> canonical name (to recognise an outlet named as a speaker)."""
    out = {}
    for o in outlets():
        for w in (o.name, *o.aliases):
            out[w.lower()] = o.name
    return out
