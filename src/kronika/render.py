"""Readable terminal summaries of output records (rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _arrow(ev: dict) -> str:
    def side(x: dict | None) -> str:
        if not x or not x.get("actor"):
            return "—"
        return " ".join(v for v in (x.get("actor"), x.get("sector")) if v)

    return f"{side(ev.get('source'))} —{ev.get('type')}→ {side(ev.get('target'))} ({ev.get('modality', 'asserted')})"


def record_panel(rec: dict) -> Panel:
    """One article: metadata line, then actors, entities, sources, quotes and events when present."""
    parts: list = []
    head = Text()
    head.append(rec.get("title") or "(no title)", style="bold")
    meta = [rec.get("language"), rec.get("published") or rec.get("published_date"),
            ", ".join(rec.get("authors") or []) or None,
            f"{rec['reading_time_min']} min read" if rec.get("reading_time_min") else None]
    head.append("\n" + " · ".join(str(m) for m in meta if m), style="dim")
    parts.append(head)
    if rec.get("actors"):
        t = Table(title="Actors", title_justify="left", show_edge=False)
        for col in ("code", "name", "mentions", "as written"):
            t.add_column(col)
        for a in rec["actors"]:
            forms = sorted({s["text"] for s in a.get("spans", [])})
            t.add_row(a["code"], a.get("name") or "", str(a.get("mentions", "")), ", ".join(forms)[:80])
        parts.append(t)
    if rec.get("entities"):
        t = Table(title="Entities", title_justify="left", show_edge=False)
        for col in ("label", "base form", "actor", "n", "as written"):
            t.add_column(col)
        groups: dict[tuple, list[str]] = {}
        for e in rec["entities"]:
            groups.setdefault((e["label"], e.get("lemma") or e["text"], e.get("actor") or ""), []).append(e["text"])
        for (label, lemma, actor), texts in groups.items():
            t.add_row(label, lemma, actor, str(len(texts)), ", ".join(sorted(set(texts)))[:60])
        parts.append(t)
    if rec.get("sources"):
        parts.append(Text("Sources: " + ", ".join(s["name"] for s in rec["sources"])))
    if rec.get("quotes"):
        t = Table(title="Quotes", title_justify="left", show_edge=False)
        for col in ("speaker", "kind", "quote"):
            t.add_column(col)
        for q in rec["quotes"]:
            who = q.get("speaker") or "?"
            if q.get("speaker_actor"):
                who += f" ({q['speaker_actor']})"
            t.add_row(who, q.get("kind", ""), (q.get("text") or "")[:160])
        parts.append(t)
    if rec.get("events"):
        t = Table(title="Events", title_justify="left", show_edge=False)
        t.add_column("event")
        t.add_column("evidence")
        for ev in rec["events"]:
            t.add_row(_arrow(ev), (ev.get("evidence") or "")[:120])
        parts.append(t)
    return Panel(Group(*parts), title=str(rec.get("id")), title_align="left")


def print_record(console: Console, rec: dict) -> None:
    console.print(record_panel(rec))


def conllu(rec: dict) -> str:
    """CoNLL-U view of a record's tokens: lemma, UPOS, tag, features, and the entity and actor layers in MISC."""
    lines = [f"# doc_id = {rec.get('id')}"]
    sent: list[dict] = []

    def flush() -> None:
        if not sent:
            return
        first = sent[0]["i"]
        lines.append("# text = " + "".join(t["text"] + t["space"] for t in sent).strip().replace("\n", " "))
        for k, t in enumerate(sent, 1):
            head = t["head"] - first + 1 if t["head"] is not None and t["dep"] else "_"
            if head != "_" and t["dep"] == "ROOT":
                head = 0
            misc = [f"NER={t['ent']}" if t["ent"] else "", f"Actor={t['actor']}" if t["actor"] else "",
                    "SpaceAfter=No" if not t["space"] else ""]
            misc_s = "|".join(m for m in misc if m) or "_"
            lines.append("\t".join(str(x) for x in (k, t["text"], t["lemma"] or "_", t["pos"] or "_", t["tag"] or "_",
                                                    t["morph"] or "_", head, (t["dep"] or "_").lower(), "_", misc_s)))
        lines.append("")
        sent.clear()

    for t in rec.get("tokens", []):
        if t["text"].isspace():
            continue
        if t["sent_start"] and sent:
            flush()
        sent.append(t)
    flush()
    return "\n".join(lines) + "\n"
