"""Events stage rules: row conditions (purpose clauses, military context), promises coded as their content,
targetless types, purpose clauses as aims, the topic carried over a sentence, parsed English roles.
Sentences are written for these tests."""
from __future__ import annotations

import pytest

from kronika.loading import model_dir
from tests.events.conftest import run, triples

DATE = "2024-05-10T10:00:00+02:00"


def visible(doc) -> set[tuple]:
    return {t[:3] for t in triples(doc, visible_only=True)}


def test_troops_sent_to_help_are_aid(pl_nlp):
    got = visible(run(pl_nlp, "Rosja wysłała żołnierzy do Kazachstanu, by wspomóc tamtejszy rząd.", DATE))
    assert ("RUS", "AID", "KAZ") in got
    assert ("RUS", "MOBILIZE", "KAZ") not in got


def test_troops_sent_without_purpose_are_mobilisation(pl_nlp):
    got = visible(run(pl_nlp, "Rosja wysłała żołnierzy do Kazachstanu.", DATE))
    assert ("RUS", "MOBILIZE", "KAZ") in got


def test_military_context_condition(pl_nlp):
    assert ("LTU", "MOBILIZE", None) in visible(run(pl_nlp, "Litwa zwiększa wydatki na obronę.", DATE))
    # the same verb and object without a military word is no mobilisation
    assert not any(t[1] == "MOBILIZE" for t in visible(run(pl_nlp, "Litwa zwiększa wydatki na szkoły.", DATE)))


def test_mobilisation_takes_no_loose_addressee(pl_nlp):
    got = visible(run(pl_nlp, "Litwa zwiększa wydatki na obronę i zacieśnia współpracę z Polską.", DATE))
    assert ("LTU", "MOBILIZE", None) in got
    assert ("LTU", "MOBILIZE", "POL") not in got
    assert ("LTU", "COOPERATE", "POL") in got


def test_promise_is_coded_as_its_content(pl_nlp):
    got = triples(run(pl_nlp, "Kanada zobowiązała się nałożyć sankcje na Rosję.", DATE))
    assert ("CAN", "SANCTION", "RUS", "future") in got
    assert not any(t[1] == "AGREE" for t in got)


def test_purpose_clause_is_an_aim(pl_nlp):
    got = triples(run(pl_nlp, "Polska zaapelowała do Niemiec, aby nałożyły sankcje na Rosję.", DATE))
    assert ("DEU", "SANCTION", "RUS", "asserted") not in got


def test_topic_carried_over_a_sentence_without_actors(pl_nlp):
    text = ("Kanada ogłosiła nowy plan. Władze zamierzają zwiększyć wydatki na obronę. "
            "Zerwie też stosunki z Rosją.")
    got = visible(run(pl_nlp, text, DATE))
    assert ("CAN", "SANCTION", "RUS") in got


def test_protest_without_addressee_targets_own_authorities(pl_nlp):
    got = visible(run(pl_nlp, "Polscy rolnicy rozpoczęli strajk.", DATE))
    assert ("POL", "PROTEST", "POL") in got


@pytest.fixture(scope="module")
def en_full():
    if not model_dir("en_core").exists():
        pytest.skip("en_core model not installed")
    import spacy

    nlp = spacy.load(model_dir("en_core"))      # tagger, parser, lemmatizer; the stub stands in for the actors
    nlp.add_pipe("test_stub_actors")
    nlp.add_pipe("kronika_events")
    return nlp


def _events(nlp, text: str) -> set[tuple]:
    return triples(run(nlp, text, DATE))


def test_english_parse_roles(en_full):
    assert ("DEU", "SANCTION", "RUS", "asserted") in _events(en_full, "Germany expelled Russian diplomats.")
    got = _events(en_full, "Canada plans to impose sanctions on Iran.")
    assert ("CAN", "SANCTION", "IRN", "future") in got
    assert not any(t[1] == "AGREE" for t in got)
