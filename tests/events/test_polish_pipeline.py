"""Polish events through the shipped Polish pipeline (tagger + actor stage): tagger misreadings that the events
stage must survive. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.events.conftest import visible_triples


@pytest.fixture(scope="module")
def nlp():
    from kronika.loading import load
    return load("pl")


@pytest.mark.parametrize("text, expected", [
    # a capitalised adjective opening the sentence, read by the tagger as a noun
    ("Rosyjski atak na Ukrainę trwał całą noc.", ("RUS", "ASSAULT", "UKR")),
    # a bare title as subject points back to the office holder of the previous sentence
    ("Premier Węgier Viktor Orban przyleciał w środę do Moskwy. Premier skrytykował tam Ukrainę.",
     ("HUN", "ACCUSE", "UKR")),
    # 'udzieli' lemmatised by the tagger as 'udziać'
    ("Hiszpania udzieli azylu obywatelom Wenezueli.", ("ESP", "AID", "VEN")),
])
def test_polish_pipeline_recall(nlp, text, expected):
    assert expected in visible_triples(nlp(text))


def test_bare_title_without_a_previous_actor_gives_nothing(nlp):
    assert not visible_triples(nlp("Premier skrytykował w środę nową ustawę."))


def test_a_noun_in_a_locative_phrase_is_no_object(nlp):
    # "zwrócić X terytorium" is giving land back; "zwrócić się do X ... na swoim terytorium" is a request
    got = visible_triples(nlp("Estonia zwróciła się do Francji o rozmieszczenie batalionu na swoim terytorium."))
    assert ("EST", "REQUEST", "FRA") in got and not any(t[1] == "RETREAT" for t in got)
