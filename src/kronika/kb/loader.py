"""Reading the knowledge base's data files (kb/data/, each naming its sources in SOURCES.md)."""
from __future__ import annotations

from functools import lru_cache

from kronika.kb.model import Actor, Alias, OfficeHolder, Role
from kronika.resources import data_path, read_tsv


def kb_file(name: str):
    return data_path("kb", "data", name)


@lru_cache(maxsize=1)
def actors() -> dict[str, Actor]:
    return {r["code"]: Actor(r["code"], r["kind"], r["name_en"], r["name_pl"], r.get("parent") or None)
            for r in read_tsv(kb_file("actors.tsv"))}


def actor_name(code: str, lang: str = "en") -> str | None:
    """The actor's usual name in the language (Polish or English)."""
    a = actors().get(code)
    return a.name(lang) if a else None


@lru_cache(maxsize=1)
def aliases() -> tuple[Alias, ...]:
    return tuple(Alias(r["code"], r["lang"], r["kind"], r["form"], r.get("sector") or None,
                       frozenset(f.strip() for f in (r.get("flags") or "").split(",") if f.strip()))
                 for r in read_tsv(kb_file("aliases.tsv")))


@lru_cache(maxsize=1)
def office_holders() -> tuple[OfficeHolder, ...]:
    return tuple(OfficeHolder(r["code"], r["sector"] or "GOV", r["role"], r["name_en"], r["name_pl"],
                              tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()),
                              r["start"], r.get("end") or None)
                 for r in read_tsv(kb_file("office_holders.tsv")))


@lru_cache(maxsize=1)
def group_aliases() -> tuple[Alias, ...]:
    """Named groups of states (E3, Grupa Wyszehradzka, Baltic states); `code` holds the members, |-separated."""
    return tuple(Alias(r["codes"], r["lang"], r["kind"], r["form"], None,
                       frozenset(f.strip() for f in (r.get("flags") or "").split(",") if f.strip()))
                 for r in read_tsv(kb_file("groups.tsv")))


@lru_cache(maxsize=1)
def places() -> tuple[Alias, ...]:
    """Cities and regions (kind city | region) that locate a text in a state; never actors in events."""
    return tuple(Alias(r["code"], r["lang"], r["kind"], r["form"], None,
                       frozenset(f.strip() for f in (r.get("flags") or "").split(",") if f.strip()))
                 for r in read_tsv(kb_file("places.tsv")))


@lru_cache(maxsize=2)
def roles(lang: str) -> tuple[Role, ...]:
    """The language's role nouns (roles.tsv), read once for every stage that asks what a title names."""
    return tuple(Role(r["form"].lower(), r["role"], r.get("sector") or "", r.get("notes") or "",
                      r["form"] != r["form"].lower())
                 for r in read_tsv(kb_file("roles.tsv")) if r["lang"] == lang and r["form"].strip())
