from kronika.evaluation.metrics import event_triples, match_quotes, same_outlet, same_person


def test_outlets_match_loosely():
    assert same_outlet("The Wall Street Journal", "Wall Street Journal")
    assert same_outlet("NPR", "NPR News")
    assert not same_outlet("BBC", "CNN")


def test_person_names_match_by_contained_words():
    assert same_person("Władimir Putin", "Putin")
    assert not same_person("Władimir Putin", "Dmitrij Pieskow")


def test_quotes_match_by_half_overlap():
    text = "Ala ma kota. Kot ma Alę i psa."
    gold = [{"text": "Kot ma Alę i psa"}]
    assert match_quotes(text, gold, [{"start": 13, "end": 25}]) == [(0, 0)]
    assert match_quotes(text, gold, [{"start": 13, "end": 16}]) == []


def test_hypothetical_events_are_not_counted():
    events = [{"source": {"actor": "RUS"}, "type": "THREATEN", "target": {"actor": "NATO"}},
              {"source": "POL", "type": "AID", "target": "UKR", "modality": "hypothetical"},
              {"source": None, "type": "ASSAULT", "target": "UKR"}]
    assert event_triples(events) == {("RUS", "THREATEN", "NATO")}
