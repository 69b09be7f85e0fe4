"""Batch analysis: records go through nlp.pipe together, yet one failing record costs only itself."""
from __future__ import annotations

import kronika.analysis as analysis
from kronika.errors import Problem
from kronika.records import Record

TEXTS = [
    ("a", "Premier Polski spotkał się w Berlinie z kanclerzem Niemiec. Rozmawiali o handlu."),
    ("bad", "Minister spraw zagranicznych Litwy odwiedził Warszawę."),
    ("c", "Prezydent Francji zapowiedział nowe sankcje wobec Rosji."),
]


def _records() -> list[Record]:
    return [Record(id=i, text=t) for i, t in TEXTS]


def test_batch_keeps_order_and_isolates_a_failing_record(monkeypatch) -> None:
    real = analysis.to_record

    def flaky(doc, with_tokens=False):
        if doc._.record["id"] == "bad":
            raise RuntimeError("boom")
        return real(doc, with_tokens=with_tokens)

    monkeypatch.setattr(analysis, "to_record", flaky)
    out = list(analysis.analyze_stream(iter(_records()), lang="pl"))
    assert [item.id for item, _ in out] == ["a", "bad", "c"]
    assert isinstance(out[1][1], Problem) and "boom" in out[1][1].message
    assert out[0][1]["id"] == "a" and out[2][1]["id"] == "c"
    assert any(a["code"] == "FRA" for a in out[2][1]["actors"])


def test_batch_equals_one_by_one() -> None:
    one = analysis.Analyzer("pl")
    singles = [one.analyze(r) for r in _records()]
    assert one.analyze_many(_records()) == singles


def test_memory_zone_gives_the_same_records_and_frees_new_words(monkeypatch) -> None:
    import kronika

    plain = analysis.Analyzer("pl").analyze_many(_records())
    monkeypatch.setattr(analysis, "WARM_ARTICLES", 0)
    zoned = analysis.Analyzer("pl")
    rare = Record(id="rare", text="Minister Zbigniew Qwertyński spotkał się z ambasadorem Niemiec.")
    assert zoned.analyze_many(_records()) == plain
    strings = kronika.load("pl").vocab.strings
    zoned.analyze_many([rare])
    assert "Qwertyński" not in strings      # the zone took the article's new word away again
