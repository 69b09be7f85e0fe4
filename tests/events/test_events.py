"""Events stage: type, source, target and modality on short sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.events.conftest import run, triples

PL_CASES = [
    ("Rosja zaatakowała Ukrainę w nocy z wtorku na środę.", ("RUS", "ASSAULT", "UKR", "asserted")),
    ("Unia Europejska nałożyła nowe sankcje na Rosję.", ("EU", "SANCTION", "RUS", "asserted")),
    ("Niemcy nałożą sankcje na Rosję.", ("DEU", "SANCTION", "RUS", "future")),
    ("Kanada nie nałożyła sankcji na Rosję.", ("CAN", "SANCTION", "RUS", "negated")),
    ("Japonia mogłaby nałożyć sankcje na Rosję.", ("JPN", "SANCTION", "RUS", "hypothetical")),
    ("Polska skrytykowała Rosję za ostrzał Kijowa.", ("POL", "ACCUSE", "RUS", "asserted")),
]


@pytest.mark.parametrize("text,expected", PL_CASES)
def test_polish_events(pl_nlp, text, expected):
    assert expected in triples(run(pl_nlp, text, "2024-05-10T10:00:00+02:00"))


def test_polish_coordinated_sources(pl_nlp):
    got = triples(run(pl_nlp, "Litwa i Łotwa nałożyły sankcje na Rosję."))
    assert ("LTU", "SANCTION", "RUS", "asserted") in got
    assert ("LVA", "SANCTION", "RUS", "asserted") in got


def test_polish_symmetric_agreement(pl_nlp):
    got = triples(run(pl_nlp, "Polska i Ukraina podpisały porozumienie."))
    assert {("POL", "AGREE", "UKR", "asserted"), ("UKR", "AGREE", "POL", "asserted")} <= got


def test_polish_historical_year(pl_nlp):
    got = triples(run(pl_nlp, "W 2014 roku Rosja zaatakowała Ukrainę.", "2024-05-10T10:00:00+02:00"))
    assert ("RUS", "ASSAULT", "UKR", "historical") in got


def test_polish_no_source_no_event(pl_nlp):
    # a non-actor subject ('Eksperci') must not lend the event to the nearest state
    assert not triples(run(pl_nlp, "Sankcje wobec Rosji zostały przedłużone o pół roku."), visible_only=True) - {
        t for t in triples(run(pl_nlp, "Sankcje wobec Rosji zostały przedłużone o pół roku.")) if t[0] is None}
    assert not run(pl_nlp, "Pogoda w Polsce była słoneczna.").spans["kronika_events"]


EN_CASES = [
    ("Russia attacked Ukraine on Tuesday.", ("RUS", "ASSAULT", "UKR", "asserted")),
    ("Canada imposed sanctions on Iran.", ("CAN", "SANCTION", "IRN", "asserted")),
    ("Germany will impose sanctions on Russia.", ("DEU", "SANCTION", "RUS", "future")),
    ("France did not condemn China.", ("FRA", "ACCUSE", "CHN", "negated")),
    ("Japan could impose sanctions on China.", ("JPN", "SANCTION", "CHN", "hypothetical")),
    ("Israel was attacked by Iran overnight.", ("IRN", "ASSAULT", "ISR", "asserted")),
]


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_english_events(en_nlp, text, expected):
    assert expected in triples(run(en_nlp, text, "2024-05-10T10:00:00Z"))


def test_english_coordination_symmetric(en_nlp):
    got = triples(run(en_nlp, "Japan and South Korea agreed to resume security talks."))
    assert ("JPN", "AGREE", "KOR", "asserted") in got and ("KOR", "AGREE", "JPN", "asserted") in got


def test_event_record_fields(en_nlp):
    doc = run(en_nlp, "Canada imposed sanctions on Iran.")
    ev = doc.spans["kronika_events"][0]._.event
    assert ev["cameo"] and isinstance(ev["goldstein"], float) and ev["quad_class"] == "verbal_conflict"
    assert ev["source"]["text"] == "Canada" and ev["target"]["text"] == "Iran"
