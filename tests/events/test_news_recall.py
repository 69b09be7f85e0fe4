"""Events stage, recall classes seen in news: the 'przez' agent of a verbal noun, pardons with no addressee, the
speaker of a direct quote as the source of a demand or of support, the antecedent of 'który' in a passive clause,
verb lemmas the tagger gets wrong, bare titles that point back to the previous subject, and new lexicon rows.
Sentences written for these tests."""
from __future__ import annotations

from spacy.tokens import Span

from tests.events.conftest import triples

PUB = "2024-05-10T10:00:00+02:00"


def _run(nlp, text: str, quote: tuple[str, str] | None = None):
    """Run the stub pipeline; `quote` = (quoted text, speaker's polity) marks a direct quote before the events."""
    doc = nlp.make_doc(text)
    doc._.meta = {"published": PUB}
    for name, proc in nlp.pipeline:
        if name == "kronika_events" and quote is not None:
            k = text.index(quote[0])
            sp = doc.char_span(k, k + len(quote[0]), label="direct", alignment_mode="expand")
            sp._.quote = {"kind": "direct", "speaker": "Jan Nowak", "speaker_actor": quote[1]}
            doc.spans["kronika_quotes"] = [sp]
        doc = proc(doc)
    return doc


# -- a verbal noun's agent in a 'przez' phrase ----------------------------------------------------------------------
def test_verbal_noun_agent_after_genitive_object(pl_nlp):
    got = triples(_run(pl_nlp, "Rząd zwołał naradę po naruszeniu granicy Litwy przez rosyjskie śmigłowce."))
    assert ("RUS", "COERCE", "LTU", "asserted") in got


def test_przez_as_route_gives_no_agent(pl_nlp):
    # 'dostawy broni przez Polskę': Poland is the route, not the giver
    got = triples(_run(pl_nlp, "Trwają dostawy broni przez Polskę."))
    assert not any(t[0] == "POL" for t in got)


# -- pardons ----------------------------------------------------------------------------------------------------------
def test_pardon_of_a_private_person_has_no_target(pl_nlp):
    got = triples(_run(pl_nlp, "Bankier to już trzeci finansista ułaskawiony przez Kanadę."))
    assert ("CAN", "RETREAT", None, "asserted") in got


def test_release_of_a_person_still_needs_an_addressee(pl_nlp):
    # release of hostages is no pardon: without an addressee no event is read
    got = triples(_run(pl_nlp, "Rosja uwolni w przyszłym tygodniu zakładnika."))
    assert not any(t[1] == "RETREAT" and t[2] is None for t in got)


# -- the speaker of a direct quote ------------------------------------------------------------------------------------
def test_demand_in_direct_quote_is_the_speakers(pl_nlp):
    text = "– Rosja musi natychmiast wycofać swoje wojska – powiedział minister."
    got = triples(_run(pl_nlp, text, ("Rosja musi natychmiast wycofać swoje wojska", "POL")))
    assert ("POL", "REQUEST", "RUS", "asserted") in got


def test_demand_outside_quotes_needs_a_speech_verb(pl_nlp):
    got = triples(_run(pl_nlp, "Rosja musi wycofać swoje wojska."))
    assert not any(t[1] == "REQUEST" for t in got)


def test_first_person_support_in_a_quote(pl_nlp):
    text = "– Wysyłamy dziś jasny sygnał wsparcia dla Litwy – powiedział minister."
    got = triples(_run(pl_nlp, text, ("Wysyłamy dziś jasny sygnał wsparcia dla Litwy", "DEU")))
    assert ("DEU", "SUPPORT", "LTU", "asserted") in got


def test_unattributed_act_with_no_subject_gives_nothing(pl_nlp):
    got = triples(_run(pl_nlp, "Wysyłamy dziś jasny sygnał wsparcia dla Litwy."))
    assert not got


# -- the antecedent of 'który' ----------------------------------------------------------------------------------------
def test_relative_passive_takes_the_antecedent_as_target(pl_nlp):
    got = triples(_run(pl_nlp, "Ambasada wezwała do uwolnienia polskiego fotografa, który został zatrzymany w Rosji."))
    assert ("RUS", "COERCE", "POL", "asserted") in got


def test_relative_passive_deployment_is_the_antecedents(pl_nlp):
    got = triples(_run(pl_nlp, "W porcie stoi rosyjska fregata, która została rozlokowana na Bałtyku."))
    assert ("RUS", "MOBILIZE", None, "asserted") in got


# -- lemmas and titles ------------------------------------------------------------------------------------------------
def test_wrong_tagger_lemma_of_a_verb_is_recovered(pl_nlp):
    # 'udzieli' is often lemmatised as 'udziać'
    got = triples(_run(pl_nlp, "Kanada udzieli Ukrainie nowej pożyczki."))
    assert ("CAN", "AID", "UKR", "future") in got or ("CAN", "AID", "UKR", "asserted") in got


def test_bare_title_points_back_to_previous_subject(pl_nlp):
    got = triples(_run(pl_nlp, "Kanada wysłała delegację do Japonii. Minister rozmawiał tam z Chinami."))
    assert any(t[:3] == ("CAN", "CONSULT", "CHN") for t in got)


def test_bare_country_noun_is_no_title(pl_nlp):
    got = triples(_run(pl_nlp, "Kanada wysłała delegację do Japonii. Kraj zapowiedział współpracę z Chinami."))
    assert not any(t[0] == "CAN" and t[2] == "CHN" for t in got)


# -- lexicon rows -----------------------------------------------------------------------------------------------------
def test_new_aid_support_and_visit_rows(pl_nlp):
    assert ("LTU", "AID", "UKR", "asserted") in triples(_run(pl_nlp, "Litwa przesłała Ukrainie generatory."))
    assert ("POL", "SUPPORT", "UKR", "asserted") in triples(_run(pl_nlp, "Polska stanęła po stronie Ukrainy."))
    assert ("LTU", "SUPPORT", "POL", "asserted") in triples(_run(pl_nlp, "Litwa okazała solidarność z Polską."))
    got = triples(_run(pl_nlp, "Premier Japonii przebywał z wizytą w Kanadzie."))
    assert ("JPN", "CONSULT", "CAN", "asserted") in got


def test_travel_without_an_official_word_is_no_visit(pl_nlp):
    got = triples(_run(pl_nlp, "Polscy kibice pojechali do Niemiec."))
    assert not any(t[1] == "CONSULT" for t in got)


# -- mentions and arguments -------------------------------------------------------------------------------------------
def test_capitalised_adjective_opening_a_sentence_is_the_source(pl_nlp):
    # the tagger reads 'Rosyjski' at the start of a sentence as a noun
    got = triples(_run(pl_nlp, "Rosyjski atak na Ukrainę trwał do rana."))
    assert ("RUS", "ASSAULT", "UKR", "asserted") in got


def test_title_in_genitive_names_the_author_of_a_verbal_noun(pl_nlp):
    got = triples(_run(pl_nlp, "Chiny skrytykowały wizytę prezydenta Tajwanu w USA."))
    assert ("TWN", "CONSULT", "USA", "asserted") in got
    assert ("CHN", "CONSULT", "USA", "asserted") not in got


def test_receiving_from_a_giver_is_the_givers_aid(pl_nlp):
    got = triples(_run(pl_nlp, "Ukraina otrzymała od Kanady nowe generatory."))
    assert ("CAN", "AID", "UKR", "asserted") in got
    assert not any(t[0] == "UKR" and t[1] == "AID" for t in got)


def test_attack_on_objects_in_a_country_targets_it(pl_nlp):
    got = triples(_run(pl_nlp, "Izraelskie lotnictwo zbombardowało magazyny broni w Libanie."))
    assert ("ISR", "ASSAULT", "LBN", "asserted") in got


def test_quoted_act_takes_no_addressee_across_another_verb(pl_nlp):
    text = "– Potrzebujemy jedności i musimy chłodno oceniać plany Rosji – powiedział minister."
    got = triples(_run(pl_nlp, text, ("Potrzebujemy jedności i musimy chłodno oceniać plany Rosji", "POL")))
    assert not any(t[0] == "POL" and t[2] == "RUS" for t in got)


def test_act_of_the_addressee_in_a_quote_is_not_the_speakers(pl_nlp):
    # second person: the speaker reproaches, the attack is not his
    text = "– Zaatakowałeś Ukrainę bez powodu – powiedział minister."
    got = triples(_run(pl_nlp, text, ("Zaatakowałeś Ukrainę bez powodu", "POL")))
    assert ("POL", "ASSAULT", "UKR", "asserted") not in got
