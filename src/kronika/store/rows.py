"""Output record (shared/eval/OUTPUT.md) -> rows of the store's tables: the one place that knows both shapes."""
from __future__ import annotations

import hashlib
from datetime import date, datetime

TABLES = ("articles", "entities", "actors", "actor_mentions", "quotes", "sources", "events")


def content_hash(text: str) -> str:
    """What makes two versions of an article the same: their text, byte for byte (sha256, hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def as_date(value) -> date | None:
    """A date from 'YYYY-MM-DD...' (ISO date or datetime); None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _int(v) -> int | None:
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _span(obj) -> tuple[int | None, int | None]:
    """(start, end) from a [start, end] pair or a {start, end} dict."""
    if isinstance(obj, (list, tuple)) and len(obj) == 2:
        return _int(obj[0]), _int(obj[1])
    if isinstance(obj, dict):
        return _int(obj.get("start")), _int(obj.get("end"))
    return None, None


def _arg(ev: dict, side: str) -> dict:
    a = ev.get(side) or {}
    return {f"{side}_actor": a.get("actor"), f"{side}_sector": a.get("sector"), f"{side}_text": a.get("text"),
            f"{side}_start": _int(a.get("start")), f"{side}_end": _int(a.get("end"))}


def event_date(ev: dict, published_date: date | None) -> tuple[date | None, str | None]:
    """When the event happened: the date the text gives it (event 'date'), else the article's publication date."""
    told = as_date(ev.get("date") or ev.get("event_date"))
    if told is not None:
        return told, "text"
    return (published_date, "published") if published_date is not None else (None, None)


def record_rows(rec: dict, digest: str, version: int, current: bool, now: datetime) -> dict[str, list[dict]]:
    """Every table's rows for one article version."""
    aid = str(rec["id"])
    key = {"article_id": aid, "version": version, "current": current}
    pub_date = as_date(rec.get("published_date")) or as_date(rec.get("published"))
    authors = rec.get("authors") or []
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    out["articles"].append({
        "id": aid, "version": version, "content_hash": digest, "current": current, "url": rec.get("url"),
        "title": rec.get("title"),
        "authors": [str(a) for a in authors] if isinstance(authors, list) else [str(authors)],
        "published": rec.get("published"), "published_date": pub_date, "language": rec.get("language"),
        "text": rec.get("text") or "", "ingested_at": now,
        "actor_codes": [a["code"] for a in sorted(rec.get("actors") or [], key=lambda a: -(a.get("mentions") or 0))],
        "n_events": len(rec.get("events") or []), "n_quotes": len(rec.get("quotes") or [])})
    for e in rec.get("entities") or []:
        out["entities"].append(dict(key, start_char=_int(e.get("start")), end_char=_int(e.get("end")),
                                    text=e.get("text"), lemma=e.get("lemma"), label=e.get("label"),
                                    actor=e.get("actor")))
    for a in rec.get("actors") or []:
        spans = a.get("spans") or []
        out["actors"].append(dict(key, code=a["code"], name=a.get("name"),
                                  mentions=_int(a.get("mentions")) or len(spans)))
        for s in spans:
            out["actor_mentions"].append(dict(key, code=a["code"], start_char=_int(s.get("start")),
                                              end_char=_int(s.get("end")), text=s.get("text"),
                                              sector=s.get("sector")))
    for i, q in enumerate(rec.get("quotes") or []):
        s_start, s_end = _span(q.get("speaker_span"))
        out["quotes"].append(dict(key, quote_no=i, start_char=_int(q.get("start")), end_char=_int(q.get("end")),
                                  text=q.get("text"), kind=q.get("kind"), speaker=q.get("speaker"),
                                  speaker_actor=q.get("speaker_actor"), speaker_start=s_start, speaker_end=s_end,
                                  cue=q.get("cue") if isinstance(q.get("cue"), str) else None))
    for s in rec.get("sources") or []:
        mentions = s.get("mentions") or [{}]
        for m in mentions:
            out["sources"].append(dict(key, name=s["name"], start_char=_int(m.get("start")),
                                       end_char=_int(m.get("end")), text=m.get("text")))
    for i, ev in enumerate(rec.get("events") or []):
        when, told = event_date(ev, pub_date)
        gs = ev.get("goldstein")
        conf = ev.get("confidence")
        out["events"].append(dict(
            event_id=f"{aid}:{version}:{i}", article_id=aid, version=version, current=current, event_no=i,
            type=ev["type"],
            mode=ev.get("mode"), modality=ev.get("modality"),
            confidence=float(conf) if isinstance(conf, (int, float)) else None, cameo=ev.get("cameo"),
            goldstein=float(gs) if isinstance(gs, (int, float)) else None, quad_class=ev.get("quad_class"),
            **_arg(ev, "source"), **_arg(ev, "target"), start_char=_int(ev.get("start")),
            end_char=_int(ev.get("end")), evidence=ev.get("evidence"), event_date=when, date_from=told))
    return out
