"""Events stage: acts reported with no addressee (agreement, refusal, ceasefire), easing emergency rule (CONCEDE),
reactions to a plan, and sources that only qualify another body. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.events.conftest import run, triples

PUB = "2024-05-10T10:00:00+02:00"


@pytest.mark.parametrize("text,expected", [
    ("Rosja zgodziła się w piątek na wymianę jeńców.", ("RUS", "AGREE", None, "asserted")),
    ("Rosja nie zgodziła się na to.", ("RUS", "REJECT", None, "asserted")),
    ("Rosja zniosła godzinę policyjną w Czeczenii.", ("RUS", "CONCEDE", "RUS", "asserted")),
    ("Niemcy zgłosiły sprzeciw wobec planu Rosji.", ("DEU", "ACCUSE", "RUS", "asserted")),
    ("Rosja przychyliła się do żądań Kazachstanu.", ("RUS", "CONCEDE", "KAZ", "asserted")),
])
def test_polish_open_ended_and_concessions(pl_nlp, text, expected):
    assert expected in triples(run(pl_nlp, text, PUB))


def test_polish_reaction_to_a_plan_is_no_future(pl_nlp):
    got = triples(run(pl_nlp, "Niemcy skrytykowały plan Rosji.", PUB))
    assert ("DEU", "ACCUSE", "RUS", "asserted") in got
    assert not any(t[3] == "future" for t in got)


def test_polish_negated_transitive_act_is_no_open_refusal(pl_nlp):
    # the object went to the genitive of negation; no addressee-less refusal is read from a missing object
    got = triples(run(pl_nlp, "Rosja nie zaprosiła Kanady na szczyt.", PUB))
    assert ("RUS", "REJECT", None, "asserted") not in got


@pytest.mark.parametrize("text,expected", [
    ("Israel agreed to allow access.", ("ISR", "AGREE", None, "asserted")),
    ("Russia refused.", ("RUS", "REJECT", None, "asserted")),
    ("Israel declared a ceasefire.", ("ISR", "RETREAT", None, "asserted")),
    ("Israel lifted the curfew.", ("ISR", "CONCEDE", "ISR", "asserted")),
    ("Russia lifted the state of emergency.", ("RUS", "CONCEDE", "RUS", "asserted")),
])
def test_english_open_ended_and_concessions(en_nlp, text, expected):
    assert expected in triples(run(en_nlp, text, PUB))


def test_english_promise_of_an_act_is_that_act(en_nlp):
    got = triples(run(en_nlp, "Germany has promised to send aid to Ukraine.", PUB))
    assert ("DEU", "AID", "UKR", "future") in got
    assert not any(t[1] == "AGREE" for t in got)


def test_english_company_of_a_country_is_no_source(en_nlp):
    got = triples(run(en_nlp, "Iran's largest bank said it was delaying a share sale.", PUB))
    assert not any(t[0] == "IRN" for t in got)


def test_english_lifting_sanctions_stays_retreat(en_nlp):
    got = triples(run(en_nlp, "Canada lifted sanctions on Iran.", PUB))
    assert ("CAN", "RETREAT", "IRN", "asserted") in got


@pytest.mark.parametrize("nlp_name,text,expected", [
    ("pl_nlp", "Rosja złamała obietnicę.", ("RUS", "REJECT", None, "asserted")),
    ("pl_nlp", "Rosja wycofała się z zobowiązania.", ("RUS", "REJECT", None, "asserted")),
    ("en_nlp", "Russia reneged on its pledge.", ("RUS", "REJECT", None, "asserted")),
])
def test_going_back_on_a_commitment_is_a_refusal(request, nlp_name, text, expected):
    assert expected in triples(run(request.getfixturevalue(nlp_name), text, PUB))


def test_english_demanded_act_under_reported_would_is_not_future(en_nlp):
    # 'would' after 'said' reads as a reported future, but not for the act the demands are about
    got = triples(run(en_nlp, "Iran said it would not meet the demands to release the prisoners.", PUB))
    assert not any(t[1] == "RETREAT" and t[3] in ("future", "asserted") for t in got)
    assert ("IRN", "RETREAT", "IRN", "future") in triples(run(en_nlp, "Iran said it would release the prisoners.",
                                                              PUB))
