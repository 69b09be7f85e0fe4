"""How the relation between two actors moves over time: per period, events each way, by type, and a score.

The score of a period (`score`) is the mean Goldstein value of its events: -10 (most conflictual) .. +10 (most
cooperative), from each event's CAMEO code (else its PLOVER type's mean; plover/data/types.tsv). `quad_score` is the
PLOVER quad-class balance, (verbal coop + material coop - verbal conflict - material conflict) / n, in -1 .. +1.
Both directions count; an event is placed at its event_date (the text's date for it, else the article's publication
date); events without a date are left out. Only current article versions are read.
"""
from __future__ import annotations

from typing import Any

from kronika.store.sqlparts import QueryError, Where, actor_arg, connection, date_arg, fetch, modality_arg

PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
EXAMPLES = 3


def relations(con: Any, a: str, b: str, by: str = "month", since: str | None = None, until: str | None = None,
              modalities: tuple[str, ...] | list[str] | str | None = ("asserted", "future", "historical"),
              examples: int = EXAMPLES) -> list[dict]:
    """One row per period with events between `a` and `b` (either direction), oldest first.

    Row: period (label), period_start (ISO date), events, a_to_b, b_to_a, types {TYPE: n},
    types_a_to_b, types_b_to_a, quads {quad class: n}, score (mean Goldstein or None), quad_score, and up to
    `examples` evidence examples (event_id, article_id, start, end, evidence, type, direction, modality, event_date),
    the most confident first.
    """
    a, b = actor_arg(a, "actor A"), actor_arg(b, "actor B")
    if not a or not b:
        raise QueryError("relations needs two actor codes")
    if a == b:
        raise QueryError("relations needs two different actors")
    if by not in PERIODS:
        raise QueryError(f"by must be one of {', '.join(PERIODS)}, not {str(by)[:20]!r}")
    if not 0 <= int(examples) <= 20:
        raise QueryError("examples must be between 0 and 20")
    w = Where("e.event_date IS NOT NULL",
              "(e.source_actor = ? AND e.target_actor = ?) OR (e.source_actor = ? AND e.target_actor = ?)")
    w.params += [a, b, b, a]
    if (mods := modality_arg(modalities)) is not None:
        w.add("list_contains(?, e.modality)", mods)
    if (s := date_arg(since, "since")) is not None:
        w.add("e.event_date >= ?", s)
    if (u := date_arg(until, "until")) is not None:
        w.add("e.event_date <= ?", u)
    cur = connection(con)
    # `by` is one of the fixed keys of PERIODS (checked above), so splicing it is safe
    base = f"""
        SELECT e.*, date_trunc('{by}', e.event_date)::DATE AS period_start,
               CASE WHEN e.source_actor = ? THEN 'a_to_b' ELSE 'b_to_a' END AS direction
        FROM events e JOIN articles ar ON ar.id = e.article_id AND ar.version = e.version AND ar.current
        WHERE {w.sql}"""
    params = [a] + w.params
    groups = fetch(cur, f"""
        SELECT period_start, direction, type, quad_class, count(*) AS n, sum(goldstein) AS gs,
               count(goldstein) AS ngs
        FROM ({base}) GROUP BY ALL ORDER BY period_start""", params)
    picked = fetch(cur, f"""
        SELECT period_start, event_id, article_id, start_char AS start, end_char AS "end", evidence, type,
               direction, modality, event_date
        FROM ({base})
        QUALIFY row_number() OVER (PARTITION BY period_start
                                   ORDER BY confidence DESC NULLS LAST, abs(goldstein) DESC NULLS LAST,
                                            event_date, event_id) <= ?
        ORDER BY period_start, event_date, event_id""", params + [int(examples)]) if examples else []
    rows: dict[str, dict] = {}
    for g in groups:
        row = rows.get(g["period_start"])
        if row is None:
            row = rows[g["period_start"]] = _empty(g["period_start"], by, a, b)
        n = g["n"]
        row["events"] += n
        row[g["direction"]] += n
        row["types"][g["type"]] = row["types"].get(g["type"], 0) + n
        side = row[f"types_{g['direction']}"]
        side[g["type"]] = side.get(g["type"], 0) + n
        if g["quad_class"] in row["quads"]:
            row["quads"][g["quad_class"]] += n
        row["_gs"] += g["gs"] or 0.0
        row["_ngs"] += g["ngs"]
    for p in picked:
        rows[p.pop("period_start")]["examples"].append(p)
    out = []
    for row in rows.values():
        gs, ngs = row.pop("_gs"), row.pop("_ngs")
        q = row["quads"]
        row["score"] = round(gs / ngs, 3) if ngs else None
        row["quad_score"] = round((q["verbal_cooperation"] + q["material_cooperation"] - q["verbal_conflict"]
                                   - q["material_conflict"]) / row["events"], 3)
        row["types"] = dict(sorted(row["types"].items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(row)
    return out


def _empty(start: str, by: str, a: str, b: str) -> dict:
    from datetime import date

    d = date.fromisoformat(start)
    return {"period": d.strftime(PERIODS[by]), "period_start": start, "a": a, "b": b, "events": 0, "a_to_b": 0,
            "b_to_a": 0, "types": {}, "types_a_to_b": {}, "types_b_to_a": {}, "quads": dict.fromkeys(QUADS, 0),
            "score": None, "quad_score": None, "examples": [], "_gs": 0.0, "_ngs": 0}
