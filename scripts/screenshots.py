"""Screenshots of the web workbench for the README (docs/screenshots/*.png), taken in headless Debian Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]

The store is made of the hand-made test records (tests/api/sample_records.py) plus a year of short made-up
articles, so the relations chart has something to show; the "analyse" shot runs the real pipeline on
examples/demo_pl.txt. Nothing here is read from ../shared.
"""
from __future__ import annotations

import argparse
import importlib.util
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# (type, Goldstein, quad class, source code, source phrase, target code, target phrase, sentence): made up for the demo
DEMO_EVENTS = [
    ("ASSAULT", -9.0, "material_conflict", "RUS", "Rosja", "UKR", "Odessę", "Rosja ponownie ostrzelała Odessę rakietami."),
    ("CONSULT", 1.0, "verbal_cooperation", "UKR", "Ukraina", "RUS", "Rosją", "Ukraina prowadzi rozmowy z Rosją o wymianie jeńców."),
    ("ACCUSE", -2.0, "verbal_conflict", "RUS", "Moskwa", "UKR", "Kijów", "Moskwa oskarża Kijów o atak na most."),
    ("AGREE", 3.0, "verbal_cooperation", "RUS", "Rosja", "UKR", "Ukrainą", "Rosja porozumiała się z Ukrainą w sprawie korytarza zbożowego."),
    ("THREATEN", -4.4, "verbal_conflict", "RUS", "Kreml", "UKR", "Ukrainie", "Kreml grozi Ukrainie nową ofensywą."),
    ("REJECT", -4.0, "verbal_conflict", "UKR", "Kijów", "RUS", "Moskwy", "Kijów odrzucił propozycję Moskwy."),
    ("COERCE", -7.0, "material_conflict", "RUS", "Rosja", "UKR", "Ukrainy", "Rosja zablokowała porty Ukrainy."),
    ("RETREAT", 2.0, "material_cooperation", "RUS", "Rosyjskie wojska", "UKR", "Chersonia", "Rosyjskie wojska wycofały się z Chersonia."),
]
MONTH_PICKS = [(0, 6), (2, 4), (1, 5), (1, 3), (3, 7), (0, 2), (4, 6), (1, 3), (3, 1)]   # April .. December


def _sample():
    spec = importlib.util.spec_from_file_location("sample_records", ROOT / "tests" / "api" / "sample_records.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def demo_records(sr) -> list[dict]:
    """The test records and one short article a month from April to December 2023."""
    out = sr.records()
    for i, picks in enumerate(MONTH_PICKS):
        month = 4 + i
        body = " ".join(DEMO_EVENTS[k][7] for k in picks)
        title = DEMO_EVENTS[picks[0]][7].rstrip(".")
        text = f"{title}\n\n{body}"
        actors: dict[str, tuple[str, list]] = {"RUS": ("Rosja", []), "UKR": ("Ukraina", [])}
        events = []
        for k in picks:
            typ, gs, quad, sc, sp, tc, tp, sentence = DEMO_EVENTS[k]
            at = text.index(sentence, len(title))
            s0, t0 = at + sentence.index(sp), at + sentence.index(tp)
            actors[sc][1].append({"start": s0, "end": s0 + len(sp), "text": sp, "sector": None})
            actors[tc][1].append({"start": t0, "end": t0 + len(tp), "text": tp, "sector": None})
            events.append({"type": typ, "source": {"actor": sc, "text": sp, "start": s0, "end": s0 + len(sp)},
                           "target": {"actor": tc, "text": tp, "start": t0, "end": t0 + len(tp)},
                           "modality": "asserted", "confidence": 0.7, "goldstein": gs, "quad_class": quad,
                           "start": at, "end": at + len(sentence) - 1, "evidence": sentence[:-1]})
        for code in actors:
            actors[code][1].sort(key=lambda m: m["start"])
        out.append(sr.record(f"demo-{month:02d}", text, title, f"2023-{month:02d}-12T09:00:00+02:00", "pl", actors,
                             events))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    import uvicorn
    from playwright.sync_api import expect, sync_playwright

    from kronika.api import create_app
    from kronika.store import Store

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp()) / "demo.duckdb"
    with Store(db) as st:
        st.add_records(demo_records(_sample()))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    shots = [("articles.png", "/#/articles", "table.list .article-link"),
             ("article.png", "/#/article/pl-001", ".article .doc"),
             ("relations.png", "/#/relations?a=RUS&b=UKR&by=month&p=2023-01", "#evidence"),
             ("actor.png", "/#/actor/RUS", ".actor table.list")]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        for name, url, ready in shots:
            page.goto(base + url)
            page.wait_for_selector(ready)
            page.wait_for_selector("main:not([aria-busy])")
            page.screenshot(path=str(out / name))
            print(out / name)
        page.goto(base + "/#/analyze")
        page.get_by_label("Text").fill((ROOT / "examples" / "demo_pl.txt").read_text(encoding="utf-8"))
        page.get_by_role("button", name="Analyse").click()
        done = page.locator(".result .doc, .result [role=alert]").first
        expect(done).to_be_visible(timeout=300_000)
        if page.locator(".result [role=alert]").count():
            print(f"analyse: {page.locator('.result').inner_text()} (no screenshot)", file=sys.stderr)
        else:
            page.evaluate("document.querySelector('.result h2').scrollIntoView({block: 'start'})")
            page.screenshot(path=str(out / "analyze.png"))
            print(out / "analyze.png")
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
