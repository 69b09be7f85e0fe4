"""Scoring one gold record against kronika's output for it, and running a whole gold file."""
from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kronika.errors import KronikaError, Problem
from kronika.evaluation.metrics import (Scoreboard, event_triples, fold, greedy_match, match_quotes, outlet_key,
                                        same_outlet, same_person, same_time)
from kronika.records import Record


def score_record(board: Scoreboard, gold: dict, pred: dict) -> None:
    """Adds one record's comparison to the board; only layers the gold record annotates are scored."""
    rid, text, meta = gold["id"], gold["text"], gold.get("meta") or {}
    if meta.get("title"):
        board.acc("title").add(fold(pred.get("title")) == fold(meta["title"]))
    if meta.get("authors"):
        board.acc("authors").add(sorted(map(fold, pred.get("authors") or [])) == sorted(map(fold, meta["authors"])))
    if meta.get("published") and "T" in meta["published"]:
        ok = same_time(meta["published"], pred.get("published"))
        board.acc("published").add(ok)
        if not ok:
            board.error(rid, "published", f"gold {meta['published']} got {pred.get('published')}")
    if "actors" in gold:
        g, p = set(gold["actors"]), {a.get("code") for a in pred.get("actors") or []} - {None}
        board.layer("actors").add(len(g & p), len(p - g), len(g - p))
        if g ^ p:
            board.error(rid, "actors", f"missed {sorted(g - p)} extra {sorted(p - g)}")
    if "sources" in gold:
        names = list({outlet_key(s["name"]): s["name"] for s in pred.get("sources") or []}.values())
        tp, missed, extra = greedy_match(gold["sources"], names, same_outlet)
        board.layer("sources").add(tp, len(extra), len(missed))
        if missed or extra:
            board.error(rid, "sources", f"missed {missed} extra {extra}")
    if "quotes" in gold:
        gq, pq = gold["quotes"], pred.get("quotes") or []
        pairs = match_quotes(text, gq, pq)
        good = [(gi, pi) for gi, pi in pairs if not gq[gi].get("speaker") or same_person(gq[gi]["speaker"],
                                                                                           pq[pi].get("speaker"))]
        board.layer("quotes").add(len(pairs), len(pq) - len(pairs), len(gq) - len(pairs))
        board.layer("quotes_attributed").add(len(good), len(pq) - len(good), len(gq) - len(good))
        matched = {gi for gi, _ in pairs}
        for gi, q in enumerate(gq):
            if gi not in matched:
                board.error(rid, "quote missed", q["text"][:90])
        for gi, pi in set(pairs) - set(good):
            board.error(rid, "speaker", f"gold {gq[gi].get('speaker')!r} got {pq[pi].get('speaker')!r}")
    if "events" in gold:
        g, p = event_triples(gold["events"]), event_triples(pred.get("events") or [])
        board.layer("events").add(len(g & p), len(p - g), len(g - p))
        gt, pt = {t[1] for t in g}, {t[1] for t in p}
        board.layer("event_types").add(len(gt & pt), len(pt - gt), len(gt - pt))
        if g ^ p:
            board.error(rid, "events", f"missed {sorted(g - p, key=str)} extra {sorted(p - g, key=str)}")
    if "entities" in gold:
        g = {(fold(e["lemma"]), e["label"].upper()) for e in gold["entities"]}
        p = {(fold(e.get("lemma") or e.get("text")), (e.get("label") or "").upper()) for e in pred.get("entities") or []}
        board.layer("entities_normalized").add(len(g & p), len(p - g), len(g - p))
        gf, pf = {fold(e["text"]) for e in gold["entities"]}, {fold(e.get("text")) for e in pred.get("entities") or []}
        board.layer("entities_forms").add(len(gf & pf), len(pf - gf), len(gf - pf))


def evaluate_file(path: str, lang: str = "auto", show_errors: int = 10) -> dict:
    """Analyse every gold record's text and score it; a broken gold line is an error, not a silent skip."""
    from kronika.analysis import Analyzer

    p = Path(path)
    if not p.is_file():
        raise KronikaError(f"{path}: no such gold file")
    analyzer, board, n = Analyzer(lang), Scoreboard(), 0
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
            rec = Record(id=str(gold["id"]), text=gold["text"], url=gold.get("url"), where=f"{path}:{lineno}")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise KronikaError(f"{path}:{lineno}: not a gold record ({type(exc).__name__}: {exc})") from None
        pred = analyzer.analyze(rec)
        score_record(board, gold, pred if not isinstance(pred, Problem) else {})
        n += 1
    return {"articles": n, "scores": board.scores(), "errors": board.errors[:show_errors]}


def print_report(console: Console, report: dict) -> None:
    t = Table(title=f"kronika eval · {report['articles']} articles", title_justify="left")
    for col in ("layer", "P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(col, justify="right" if col != "layer" else "left")
    for name, s in report["scores"].items():
        if isinstance(s, dict):
            t.add_row(name, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", str(s["tp"]), str(s["fp"]),
                      str(s["fn"]))
        else:
            t.add_row(name, "", "", f"{s:.3f}", "", "", "")
    console.print(t)
    for rid, layer, what in report["errors"]:
        console.print(f"  {rid} | {layer} | {what}", markup=False)
