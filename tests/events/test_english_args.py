"""English events through the shipped English pipeline (en_core parser + actor stage): parse-based roles, the
lexicon built from PETRARCH2 with generic verbs dropped, tag gating. Sentences written for these tests."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kronika.events.lexicon import load as load_lexicon
from tests.events.conftest import visible_triples

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    from kronika.loading import load
    return load("en")


@pytest.mark.parametrize("text, expected", [
    # a past form the tagger reads as a noun ('lent/NN') still opens the verb row
    ("China lent Pakistan two billion dollars.", ("CHN", "AID", "PAK")),
    # coordination with articles between the names: every member is a target
    ("India called for an overhaul of the WTO, the World Bank and the IMF.", ("IND", "REQUEST", "IMF")),
    ("India called for an overhaul of the WTO, the World Bank and the IMF.", ("IND", "REQUEST", "WORLDBANK")),
    # the addressee of a demand is the subject of its that-clause
    ("The United States demanded that Russia withdraw its troops from Ukraine.", ("USA", "REQUEST", "RUS")),
    # a verbal noun with an adjective source
    ("Canada condemned the Iranian raid on Iraq.", ("CAN", "ACCUSE", "IRN")),
])
def test_english_parsed_events(nlp, text, expected):
    assert expected in visible_triples(nlp(text))


def test_requested_act_is_no_event(nlp):
    got = visible_triples(nlp("The United States demanded that Russia withdraw its troops from Ukraine."))
    assert not any(t[0] == "RUS" for t in got)


def test_pronoun_subject_takes_previous_subject(nlp):
    got = visible_triples(nlp("Japan's foreign minister criticised China on Monday. He also urged Russia to withdraw "
                       "its troops."))
    assert ("JPN", "ACCUSE", "CHN") in got
    assert ("JPN", "REQUEST", "RUS") in got


def test_generic_verbs_and_nouns_give_no_event(nlp):
    assert visible_triples(nlp("Germany took the lead in Europe last year.")) == set()
    assert visible_triples(nlp("Russian forces entered the city on Monday.")) == set()


def test_lexicon_drops_generic_bare_verbs():
    lex = load_lexicon("en")
    for lemma in ("take", "give", "think", "need", "plan", "increase"):
        assert not [r for r in lex.candidates(lemma) if r.pos == "verb" and not r.objects and len(r.lemmas) == 1], \
            lemma
    assert any(r.objects for r in lex.candidates("take"))          # 'take hostage' stays
    assert all(r.type != "-" for rows in lex.by_first.values() for r in rows)
    assert {r.type for r in lex.candidates("arrest") if r.pos == "noun"} == {"COERCE"}


def test_build_merge_drops_dash_rows():
    spec = importlib.util.spec_from_file_location("build_en", REPO / "scripts" / "build_en_event_lexicon.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built = [["give", "verb", "", "", "COOPERATE", "", "060", "petrarch2: verb entry"],
             ["give", "verb", "aid", "", "AID", "", "070", "petrarch2: * AID"]]
    extra = [dict(zip(mod.COLUMNS, ["give", "verb", "", "", "-", "", "", "generic alone"]))]
    merged = mod.merge(built, extra)
    assert [r[2] for r in merged] == ["aid"]


def test_transitive_strike_is_an_attack_intransitive_a_walkout(nlp):
    assert ("ISR", "ASSAULT", "LBN") in visible_triples(nlp("The Israel Defense Forces struck Hezbollah positions overnight."))
    assert not any(t[1] == "PROTEST" for t in visible_triples(nlp("Russian forces struck Ukrainian power plants.")))


def test_an_announced_or_pledged_act_is_coded_as_that_act(nlp):
    got = visible_triples(nlp("The European Union announced it would provide aid to Moldova, while Germany pledged "
                       "to deliver two air defence systems to Kyiv."))
    assert ("EU", "AID", "MDA") in got and ("DEU", "AID", "UKR") in got
    assert not any(t[1] == "AGREE" for t in got)
