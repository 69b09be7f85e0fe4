"""Events stage: passive participles, domestic targets, adverbials before a light verb's object, titles before
names, requested and promised acts. Sentences written for these tests."""
from __future__ import annotations

from tests.events.conftest import run, triples

PUB = "2024-05-10T10:00:00+02:00"


def test_polish_passive_participle_read_as_adjective(pl_nlp):
    # 'zaatakowana' after 'została' is a passive participle even where the tagger reads an adjective
    got = triples(run(pl_nlp, "Ukraina została zaatakowana przez Rosję.", PUB))
    assert ("RUS", "ASSAULT", "UKR", "asserted") in got


def test_polish_agentless_passive_takes_the_place_state(pl_nlp):
    got = triples(run(pl_nlp, "Obywatel Kanady został aresztowany w Rosji.", PUB))
    assert ("RUS", "COERCE", "CAN", "asserted") in got


def test_polish_domestic_group_target(pl_nlp):
    got = triples(run(pl_nlp, "Rosja aresztowała w sobotę demonstrantów.", PUB))
    assert ("RUS", "COERCE", "RUS", "asserted") in got


def test_polish_domestic_noun_as_subject_is_no_target(pl_nlp):
    # the group is the source's own noun, not the object: no same-country event
    got = triples(run(pl_nlp, "Rosyjscy demonstranci zaatakowali.", PUB))
    assert not any(t[0] == t[2] == "RUS" for t in got)


def test_polish_light_verb_object_after_adverbial(pl_nlp):
    got = triples(run(pl_nlp, "Niemcy kontynuowały w ubiegłym roku dostawy broni do Ukrainy.", PUB))
    assert ("DEU", "AID", "UKR", "asserted") in got


def test_polish_title_before_name_takes_its_preposition(pl_nlp):
    got = triples(run(pl_nlp, "Polska rozmawiała w poniedziałek z prezydentem Zełenskim.", PUB))
    assert ("POL", "CONSULT", "UKR", "asserted") in got


def test_polish_requested_act_is_not_a_fact(pl_nlp):
    got = triples(run(pl_nlp, "Polska wezwała Rosję do wycofania wojsk z Ukrainy.", PUB))
    assert not any(t[0] == "RUS" and t[3] in ("asserted", "future") for t in got)


def test_english_urged_act_is_not_a_fact(en_nlp):
    got = triples(run(en_nlp, "Germany urged Russia to withdraw its troops from Ukraine.", PUB))
    assert not any(t[0] == "RUS" and t[3] in ("asserted", "future") for t in got)


def test_english_readiness_is_agree(en_nlp):
    got = triples(run(en_nlp, "France is ready to send troops to Ukraine.", PUB))
    assert ("FRA", "AGREE", "UKR", "asserted") in got
