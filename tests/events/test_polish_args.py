"""Polish argument rules of the events stage: unknown foreign names, coordination across role nouns, relative
clauses, agentless passives, deontic 'że X musi', time phrases, object-conditioned senses. Sentences and names are
written for these tests; a stub actor stage marks the actor mentions so only the events stage is checked."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import kronika.pipeline.factories  # noqa: F401
from tests.events.conftest import mark_actors, run, triples

DATE = "2024-05-10T10:00:00+02:00"
# surface form: (code, sector, mention kind)
ACTORS = {
    "Abdelaziz Bouteflika": ("DZA", "GOV", "person"), "Marokowi": ("MAR", None, "name"),
    "Polscy": ("POL", None, "adjective"), "Niemieckie": ("DEU", None, "adjective"), "Litwie": ("LTU", None, "name"),
    "Witold Nowacki": ("POL", None, "person"), "Francji": ("FRA", None, "name"), "Niemiec": ("DEU", None, "name"),
    "Jean Dupont": ("FRA", "GOV", "person"), "Hans Weber": ("DEU", "GOV", "person"), "Rosja": ("RUS", None, "name"),
    "Ukraina": ("UKR", None, "name"), "Polska": ("POL", None, "name"), "Japonia": ("JPN", None, "name"),
    "rosyjskiej": ("RUS", None, "adjective"), "Litwą": ("LTU", None, "name"),
}


@Language.factory("test_pl_args_actors")
def _make_stub(nlp: Language, name: str):
    return lambda doc: mark_actors(doc, ACTORS)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipe = spacy.blank("pl")
    pipe.add_pipe("kronika_sentences")
    pipe.add_pipe("kronika_morphology")
    pipe.add_pipe("test_pl_args_actors")
    pipe.add_pipe("kronika_events")
    return pipe


def visible(nlp: Language, text: str) -> set[tuple]:
    return {t[:3] for t in triples(run(nlp, text, DATE), visible_only=True)}


def test_foreign_name_unknown_to_the_dictionary_is_a_subject(nlp):
    got = visible(nlp, "Prezydent Abdelaziz Bouteflika zagroził Marokowi sankcjami.")
    assert ("DZA", "THREATEN", "MAR") in got


def test_calling_off_a_strike_concedes_to_own_government(nlp):
    assert ("POL", "CONCEDE", "POL") in visible(nlp, "Polscy rolnicy odwołali strajk.")


def test_agentless_passive_deployment_is_the_subjects_mobilisation(nlp):
    assert ("DEU", "MOBILIZE", None) in visible(nlp, "Niemieckie myśliwce zostały rozlokowane na Litwie.")


def test_agentless_sentence_of_a_person_is_his_states_court(nlp):
    got = visible(nlp, "Witold Nowacki został skazany na pięć lat więzienia.")
    assert ("POL", "SANCTION", "POL") in got


def test_coordinated_phrases_each_with_own_role_noun(nlp):
    got = visible(nlp, "Prezydent Francji Jean Dupont i kanclerz Niemiec Hans Weber podpisali umowę handlową.")
    assert {("FRA", "AGREE", "DEU"), ("DEU", "AGREE", "FRA")} <= got


def test_relative_clause_takes_its_antecedent_not_an_earlier_actor(nlp):
    got = visible(nlp, "Rosja wprowadziła nowe przepisy, które zmusiły wielu obywateli do wyjazdu.")
    assert not any(t[0] == "RUS" and t[1] in ("SANCTION", "COERCE") for t in got)


def test_deontic_content_clause_is_a_demand(nlp):
    assert ("RUS", "REQUEST", "UKR") in visible(nlp, "Rosja oświadczyła, że Ukraina musi wycofać wojska.")
    # no speaker named and no quote: nobody demands anything
    assert visible(nlp, "Według sondażu Polska musi zwiększyć wydatki.") == set()


def test_time_phrase_does_not_swallow_the_addressee(nlp):
    got = visible(nlp, "Japonia wydała w piątek Francji dwóch zbiegów.")
    assert ("JPN", "COOPERATE", "FRA") in got


def test_post_verbal_object_is_not_read_as_subject(nlp):
    got = visible(nlp, "Nieznani sprawcy podpalili budynki rosyjskiej ambasady.")
    assert not any(t[0] == "RUS" for t in got)


def test_exercises_alone_mobilise_and_with_a_partner_cooperate(nlp):
    assert ("POL", "MOBILIZE", None) in visible(nlp, "Polska rozpoczęła wczoraj manewry wojskowe.")
    assert ("POL", "COOPERATE", "LTU") in visible(nlp, "Polska rozpoczęła wspólne manewry z Litwą.")
