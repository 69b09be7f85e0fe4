"""Office holders by name and date: who acted for which polity when an article was written."""
from __future__ import annotations

from functools import lru_cache

from kronika.kb.loader import office_holders
from kronika.kb.model import OfficeHolder
from kronika.textnorm import fold


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, ...]]:
    """Folded full names and surnames -> holder indices."""
    idx: dict[str, list[int]] = {}
    for i, h in enumerate(office_holders()):
        for name in h.names():
            idx.setdefault(fold(name), []).append(i)
            words = name.split()
            if len(words) > 1:
                idx.setdefault(fold(words[-1]), []).append(i)
    return {k: tuple(dict.fromkeys(v)) for k, v in idx.items()}


def pick_holder(indices: tuple[int, ...] | list[int], date: str | None) -> OfficeHolder | None:
    """The holder in office on the date; else the most recent tenure (a former leader still belongs to the polity)."""
    hs = [office_holders()[i] for i in indices]
    if not hs:
        return None
    current = [h for h in hs if h.in_office(date)]
    pool = current or hs
    return max(pool, key=lambda h: (h.end is None, h.end or "", h.start))


def resolve_person(name: str, lang: str = "pl", date: str | None = None) -> tuple[str, str] | None:
    """(actor code, sector) of a known office holder named by full name or surname, in base form; None if unknown.

    A bare surname shared by holders of different polities resolves only through the date (who was in office)."""
    if not name:
        return None
    key = fold(name)
    indices = _index().get(key)
    if not indices and len(name.split()) > 1:
        indices = _index().get(fold(name.split()[-1]))
        if indices:   # a full name whose surname is known but first name differs is another person
            first = fold(name.split()[0])
            indices = tuple(i for i in indices if any(fold(n).split()[0] == first
                                                      for n in office_holders()[i].names()))
    if not indices:
        return None
    holder = pick_holder(indices, date)
    codes = {office_holders()[i].code for i in indices if office_holders()[i].in_office(date)}
    if len(codes) > 1:
        return None
    return (holder.code, holder.sector) if holder else None
