"""Reading plover/data (types.tsv, modes.tsv, cameo.tsv): what each event type and CAMEO code weighs.

Events carry a CAMEO root code and Goldstein value for users of GDELT-style data; the type's own default is the
fallback when a predicate names no CAMEO code (or one the table lacks).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.resources import data_path, read_tsv

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT", "ACCUSE",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


def _file(name: str):
    return data_path("plover", "data", name)


@lru_cache(maxsize=1)
def _types() -> dict[str, dict[str, str]]:
    return {r["type"]: r for r in read_tsv(_file("types.tsv"))}


@lru_cache(maxsize=1)
def _modes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in read_tsv(_file("modes.tsv")):
        out.setdefault(r["type"], set()).add(r["mode"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _cameo() -> dict[str, CameoCode]:
    return {r["cameo"]: CameoCode(r["cameo"], r["name"], float(r["goldstein"] or 0.0), r["plover_type"] or None,
                                  r["plover_mode"] or None)
            for r in read_tsv(_file("cameo.tsv"))}


def cameo_info(code: str | None) -> CameoCode | None:
    """The CAMEO code's record, or None when unknown."""
    return _cameo().get(code or "")


def goldstein(event_type: str, cameo: str | None = None) -> float | None:
    """Goldstein weight of the CAMEO code when known, else the type's mean weight."""
    info = cameo_info(cameo)
    if info is not None:
        return info.goldstein
    row = _types().get(event_type)
    return float(row["goldstein_default"]) if row and row.get("goldstein_default") else None


def quad_class(event_type: str) -> str | None:
    """PLOVER quad class of a type (verbal_cooperation, material_cooperation, verbal_conflict, material_conflict)."""
    row = _types().get(event_type)
    return row["quad_class"] if row else None


def valid_mode(event_type: str, mode: str | None) -> str | None:
    """The mode when modes.tsv knows it for this type (or the type has no listed modes), else None."""
    if not mode:
        return None
    modes = _modes().get(event_type)
    return mode if modes is None or mode in modes else None
