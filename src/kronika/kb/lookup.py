"""Asking the knowledge base directly: what does a name (in any inflected form) stand for on a given date?"""
from __future__ import annotations

from dataclasses import dataclass

from kronika.kb.loader import actors, office_holders
from kronika.kb.people import pick_holder


@dataclass
class Answer:
    text: str              # the part of the query that matched
    code: str
    name: str
    kind: str              # alias kind, or person / surname
    sector: str | None
    base: str
    holder: str | None     # "role, start – end" for people


def lookup(query: str, lang: str = "pl", date: str | None = None) -> list[Answer]:
    """Every knowledge-base name inside the query, resolved as the actor stage would resolve it (by date for
    people); an actor code ("KAZ", "NATO") is answered with that actor's office holders on the date."""
    from kronika.kb.forms import mention_matcher

    q = query.strip()
    if q.upper() in actors():
        code = q.upper()
        holders = [h for h in office_holders() if h.code == code and h.in_office(date)]
        return [Answer(code, code, actors()[code].name(lang), "actor", h.sector, h.name_pl if lang == "pl" else
                       h.name_en, f"{h.role}, {h.start} – {h.end or 'now'}") for h in holders] or \
            [Answer(code, code, actors()[code].name(lang), "actor", None, code, None)]
    out: list[Answer] = []
    groups: dict[tuple[int, int], list] = {}
    for hit in mention_matcher(lang).find(q):
        groups.setdefault((hit.start, hit.end), []).append(hit)
    for (s, e), hits in groups.items():
        people = [h for h in hits if h.payload.holder is not None]
        holder = pick_holder([h.payload.holder for h in people], date) if people else None
        for h in hits:
            m = h.payload
            if m.holder is not None and (holder is None or office_holders()[m.holder] != holder):
                continue
            role = f"{holder.role}, {holder.start} – {holder.end or 'now'}" if m.holder is not None else None
            for code in m.code.split("|"):
                a = actors().get(code)
                out.append(Answer(q[s:e], code, a.name(lang) if a else code, m.kind, m.sector, m.base, role))
    seen: dict[tuple, Answer] = {}
    for a in out:   # one row per actor and person: a full-name hit and its surname hits say the same
        seen.setdefault((a.text, a.code, a.holder) if a.holder else (a.text, a.code, a.kind), a)
    return list(seen.values())
