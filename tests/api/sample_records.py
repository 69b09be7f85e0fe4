"""Hand-made analysed records (texts written for these tests) and a store filled from them.

Used by tests/api and tests/web; spans are found in the text, so they are always right.
"""
from __future__ import annotations

from pathlib import Path

TOKEN = "s3cret-test-token"    # the write token of the test servers


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    return at, at + len(phrase)


def mention(text: str, phrase: str, nth: int = 0, sector: str | None = None) -> dict:
    s, e = span(text, phrase, nth)
    return {"start": s, "end": e, "text": phrase, "sector": sector}


def party(text: str, code: str, phrase: str, sector: str | None = "GOV", nth: int = 0) -> dict:
    s, e = span(text, phrase, nth)
    return {"actor": code, "sector": sector, "text": phrase, "start": s, "end": e}


def event(text: str, type_: str, src: dict, tgt: dict, evidence: str, goldstein: float, quad: str,
          modality: str = "asserted", date: str | None = None) -> dict:
    s, e = span(text, evidence)
    ev = {"type": type_, "mode": None, "source": src, "target": tgt, "modality": modality, "confidence": 0.8,
          "cameo": None, "goldstein": goldstein, "quad_class": quad, "start": s, "end": e, "evidence": evidence}
    if date:
        ev["date"] = date
    return ev


def quote(text: str, phrase: str, speaker: str, actor: str | None, kind: str = "direct") -> dict:
    s, e = span(text, phrase)
    return {"start": s, "end": e, "text": phrase, "kind": kind, "speaker": speaker, "speaker_actor": actor,
            "speaker_span": list(span(text, speaker)) if speaker in text else None, "cue": None}


def record(id_: str, text: str, title: str, published: str, language: str, actors: dict[str, tuple[str, list]],
           events: list[dict], quotes: list[dict] = (), sources: dict[str, list[str]] | None = None,
           url: str | None = None) -> dict:
    return {
        "id": id_, "text": text, "title": title, "url": url, "published": published, "published_date": published[:10],
        "language": language, "authors": ["Redakcja Testowa"],
        "actors": [{"code": c, "name": name, "mentions": len(spans), "spans": spans}
                   for c, (name, spans) in actors.items()],
        "entities": [],
        "sources": [{"name": n, "mentions": [dict(zip(("start", "end"), span(text, m)), text=m) for m in ms]}
                    for n, ms in (sources or {}).items()],
        "quotes": list(quotes), "events": events,
    }


T1 = ("Rosja ostrzelała Charków. Kijów oskarża Moskwę\n\nRosyjskie wojska ostrzelały w nocy Charków, podała agencja "
      "Reuters. Ukraina oskarżyła Rosję o atak na cele cywilne. „Nie pozwolimy się zastraszyć” – powiedział "
      "prezydent Wołodymyr Zełenski.")
T2 = ("Rozmowy w Stambule\n\nDelegacje Rosji i Ukrainy rozmawiały we wtorek o wymianie jeńców. Ukraina i Rosja "
      "zgodziły się, że wymiana odbędzie się w przyszłym tygodniu. „To pierwszy krok” – ocenił ukraiński minister "
      "Dmytro Kułeba.")
T3 = ("Kyiv asks Moscow to reopen the corridor\n\nUkraine asked Russia on Sunday to reopen a humanitarian corridor, "
      "the BBC reported. The European Union imposed new sanctions on Russia. \"We expect an answer within days,\" a "
      "Ukrainian official said.")
T4 = ("Astana i Moskwa o energii\n\nKazachstan i Rosja podpisały umowę o współpracy w energetyce. Według agencji "
      "Interfax umowa obejmuje dostawy gazu.")


def records() -> list[dict]:
    """Four articles: RUS-UKR over three months (conflict, talks, a request), and KAZ-RUS cooperation."""
    r1 = record("pl-001", T1, "Rosja ostrzelała Charków. Kijów oskarża Moskwę", "2023-01-15T08:00:00+01:00", "pl", {
        "RUS": ("Rosja", [mention(T1, "Rosja"), mention(T1, "Moskwę"), mention(T1, "Rosyjskie wojska", sector="MIL"),
                          mention(T1, "Rosję")]),
        "UKR": ("Ukraina", [mention(T1, "Charków"), mention(T1, "Kijów"), mention(T1, "Charków", 1),
                            mention(T1, "Ukraina"), mention(T1, "prezydent Wołodymyr Zełenski", sector="GOV")])},
        [event(T1, "ASSAULT", party(T1, "RUS", "Rosyjskie wojska", "MIL"), party(T1, "UKR", "Charków", None, 1),
               "Rosyjskie wojska ostrzelały w nocy Charków", -9.0, "material_conflict"),
         event(T1, "ACCUSE", party(T1, "UKR", "Ukraina"), party(T1, "RUS", "Rosję"),
               "Ukraina oskarżyła Rosję o atak na cele cywilne", -2.0, "verbal_conflict")],
        [quote(T1, "Nie pozwolimy się zastraszyć", "Wołodymyr Zełenski", "UKR")],
        {"Reuters": ["Reuters"]}, url="https://example.org/pl-001")
    r2 = record("pl-002", T2, "Rozmowy w Stambule", "2023-02-10T12:30:00+01:00", "pl", {
        "RUS": ("Rosja", [mention(T2, "Rosji"), mention(T2, "Rosja")]),
        "UKR": ("Ukraina", [mention(T2, "Ukrainy"), mention(T2, "Ukraina"), mention(T2, "ukraiński minister")])},
        [event(T2, "CONSULT", party(T2, "RUS", "Rosji"), party(T2, "UKR", "Ukrainy"),
               "Delegacje Rosji i Ukrainy rozmawiały we wtorek o wymianie jeńców", 1.0, "verbal_cooperation"),
         event(T2, "AGREE", party(T2, "UKR", "Ukraina"), party(T2, "RUS", "Rosja"),
               "Ukraina i Rosja zgodziły się, że wymiana odbędzie się w przyszłym tygodniu", 3.0,
               "verbal_cooperation", modality="future")],
        [quote(T2, "To pierwszy krok", "Dmytro Kułeba", "UKR")])
    r3 = record("en-003", T3, "Kyiv asks Moscow to reopen the corridor", "2023-03-05T09:00:00+00:00", "en", {
        "UKR": ("Ukraine", [mention(T3, "Kyiv"), mention(T3, "Ukraine"), mention(T3, "Ukrainian official")]),
        "RUS": ("Russia", [mention(T3, "Moscow"), mention(T3, "Russia"), mention(T3, "Russia", 1)]),
        "EU": ("European Union", [mention(T3, "The European Union")])},
        [event(T3, "REQUEST", party(T3, "UKR", "Ukraine"), party(T3, "RUS", "Russia"),
               "Ukraine asked Russia on Sunday to reopen a humanitarian corridor", 3.0, "verbal_cooperation"),
         event(T3, "SANCTION", party(T3, "EU", "The European Union"), party(T3, "RUS", "Russia", nth=1),
               "The European Union imposed new sanctions on Russia", -5.0, "material_conflict")],
        [quote(T3, "We expect an answer within days", "a Ukrainian official", "UKR")],
        {"BBC": ["BBC"]}, url="https://example.org/en-003")
    r4 = record("feeds/kz/004", T4, "Astana i Moskwa o energii", "2023-03-20T10:00:00+06:00", "pl", {
        "KAZ": ("Kazachstan", [mention(T4, "Astana"), mention(T4, "Kazachstan")]),
        "RUS": ("Rosja", [mention(T4, "Moskwa"), mention(T4, "Rosja")])},
        [event(T4, "COOPERATE", party(T4, "KAZ", "Kazachstan"), party(T4, "RUS", "Rosja"),
               "Kazachstan i Rosja podpisały umowę o współpracy w energetyce", 6.0, "material_cooperation")],
        [], {"Interfax": ["Interfax"]})
    return [r1, r2, r3, r4]


def build_store(path: Path) -> Path:
    """A store at `path` holding records()."""
    from kronika.store import Store

    with Store(path) as st:
        st.add_records(records())
    return path


def fake_analyze(text: str, lang: str = "auto", **fields) -> dict:
    """A fast stand-in for kronika.analyze with its error behaviour: one actor per capitalised known name."""
    from kronika.errors import KronikaError

    if lang not in ("auto", "pl", "en"):
        raise KronikaError(f"--lang must be one of auto, pl, en, not {lang!r}")
    if "Sprache" in text:
        raise KronikaError("text: language 'de' is not supported (supported: pl, en); use --lang to force one")
    actors = {}
    for code, name in (("POL", "Polska"), ("RUS", "Rosja")):
        spans = [{"start": i, "end": i + len(name), "text": name, "sector": None}
                 for i in range(len(text)) if text.startswith(name, i)]
        if spans:
            actors[code] = {"code": code, "name": name, "mentions": len(spans), "spans": spans}
    return {"id": fields.get("id", "text"), "language": "pl" if lang == "auto" else lang,
            "title": fields.get("title"), "published": fields.get("published"), "authors": [],
            "actors": list(actors.values()), "entities": [], "sources": [], "quotes": [], "events": []}
