"""kronika_morphology with a tagger upstream: the tagger's scores (or its tag) pick among morfeusz2's readings."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest

pytest.importorskip("morfeusz2")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import kronika.pipeline.morphology  # noqa: E402,F401
from kronika.lang.pl.tag_scores import SCORES_KEY, compatible, resolve_towards  # noqa: E402

MODEL = Path(__file__).resolve().parents[3] / "src" / "kronika" / "models" / "pl_tagger"

LABELS = ("subst:sg:nom:m2", "subst:sg:gen:m2", "subst:sg:acc:m2", "subst:sg:dat:m2", "fin:sg:pri:imperf",
          "qub", "interp", "prep:gen:nwok")


@pytest.fixture(scope="module")
def morph_nlp() -> spacy.Language:
    nlp = spacy.blank("pl")
    nlp.add_pipe("kronika_morphology")
    return nlp


def _scored(nlp: spacy.Language, words: list[str], best: list[dict[str, float]]) -> Doc:
    """A doc whose tagger scores favour, per word, the given labels (everything else scores 0)."""
    doc = Doc(nlp.vocab, words=words)
    scores = numpy.zeros((len(words), len(LABELS)), dtype=numpy.float32)
    for i, favoured in enumerate(best):
        for label, value in favoured.items():
            scores[i, LABELS.index(label)] = value
        doc[i].tag_ = LABELS[int(scores[i].argmax())]
    doc.user_data[SCORES_KEY] = (LABELS, scores)
    return nlp.get_pipe("kronika_morphology")(doc)


@pytest.mark.parametrize(("label", "case"), [("subst:sg:acc:m2", "Acc"), ("subst:sg:gen:m2", "Gen")])
def test_scores_choose_between_cases_the_form_allows(morph_nlp: spacy.Language, label: str, case: str) -> None:
    # "kota" is gen or acc of "kot": the scores decide, and the lemma is the same either way
    doc = _scored(morph_nlp, ["kota"], [{label: 5.0}])
    assert doc[0].lemma_ == "kot"
    assert f"Case={case}" in str(doc[0].morph)
    assert doc[0].tag_.split(":")[2] == case.lower()
    assert doc.user_data.get(SCORES_KEY) is None  # popped: never serialised with the doc


def test_top_tag_the_form_cannot_have_is_passed_over(morph_nlp: spacy.Language) -> None:
    # the tagger's favourite, the dative, is impossible for "kota" (dative is "kotu"): the next compatible wins
    doc = _scored(morph_nlp, ["kota"], [{"subst:sg:dat:m2": 9.0, "subst:sg:gen:m2": 4.0, "subst:sg:acc:m2": 3.0}])
    assert "Case=Gen" in str(doc[0].morph)
    assert doc[0].tag_ == "subst:sg:gen:m2"


def test_unknown_word_keeps_the_argmax_tag(morph_nlp: spacy.Language) -> None:
    doc = _scored(morph_nlp, ["Kowalskiewiczowa"], [{"subst:sg:nom:m2": 2.0}])
    assert doc[0].tag_ == "subst:sg:nom:m2"
    assert "Case=Nom" in str(doc[0].morph)


def test_compatible_and_resolve() -> None:
    flat, starts, order = compatible(("subst:sg:gen.acc:m2", "ign"), (0.0, -5.0), LABELS)
    assert [LABELS[i] for i in flat] == ["subst:sg:gen:m2", "subst:sg:acc:m2"]
    assert list(starts) == [0] and order == (0,)
    assert resolve_towards("subst:sg:nom.acc.voc:m3", "subst:sg:acc:m3") == "subst:sg:acc:m3"
    assert resolve_towards("subst:sg:nom.acc.voc:m3", "subst:sg:gen:m3") == "subst:sg:nom:m3"


@pytest.fixture(scope="module")
def tagged_nlp() -> spacy.Language:
    if not (MODEL / "config.cfg").exists():
        pytest.skip("pl_tagger model not trained yet")
    nlp = spacy.blank("pl")
    nlp.add_pipe("tagger", source=spacy.load(MODEL))
    nlp.add_pipe("kronika_morphology")
    return nlp


@pytest.mark.parametrize(
    ("text", "word", "lemma", "case"),
    [
        # "ustawy": genitive singular, or nominative/accusative plural of "ustawa"; the context decides
        ("Rząd przyjął projekt ustawy.", "ustawy", "ustawa", "Gen"),
        ("Sejm przyjął ustawy o podatkach.", "ustawy", "ustawa", "Acc"),
        ("Wszystkie ustawy trafią do Senatu.", "ustawy", "ustawa", "Nom"),
        # nominative vs accusative of an inanimate noun: subject or object
        ("Rząd przyjął projekt ustawy.", "projekt", "projekt", "Acc"),
        ("Projekt ustawy trafi do Sejmu.", "Projekt", "projekt", "Nom"),
        ("Minister podpisał wczoraj dokument.", "dokument", "dokument", "Acc"),
        # "premier": a nominative masculine noun or the genitive plural of "premiera"
        ("Premier spotkał się wczoraj z ministrem.", "Premier", "premier", "Nom"),
        # dative or locative of "Warszawa": the preposition decides
        ("Spotkanie odbyło się w Warszawie.", "Warszawie", "Warszawa", "Loc"),
        # known misses of the small tagger (kept to show them; strict=False so a better model may pass them):
        # "kota" also reads as the nominative of the rare feminine "kota"; genitive of negation; passive subject
        pytest.param("Wczoraj widziałem kota na dachu.", "kota", "kot", "Acc", marks=pytest.mark.xfail(strict=False)),
        pytest.param("Nie widzę tam psa.", "psa", "pies", "Gen", marks=pytest.mark.xfail(strict=False)),
        pytest.param("Dokument został podpisany wczoraj.", "Dokument", "dokument", "Nom",
                     marks=pytest.mark.xfail(strict=False)),
    ],
)
def test_shipped_tagger_resolves_case_in_context(tagged_nlp: spacy.Language, text: str, word: str, lemma: str,
                                                 case: str) -> None:
    doc = tagged_nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert tok.lemma_ == lemma
    assert f"Case={case}" in str(tok.morph)


def test_shipped_pipeline_has_the_tagger_before_morphology() -> None:
    if not (MODEL / "config.cfg").exists():
        pytest.skip("pl_tagger model not trained yet")
    from kronika.loading import pipeline_config

    names = list(pipeline_config("pl")["nlp"]["pipeline"])
    assert names.index("tagger") < names.index("kronika_morphology")
    assert "tok2vec" in names or "ner" not in names  # pl_core's own tok2vec is untouched


def test_zostac_is_the_passive_auxiliary_only_before_a_participle():
    import kronika

    doc = kronika.load("pl")("Prezes został wybrany w piątek. Minister został w kraju na święta.")
    zostal = [t for t in doc if t.text == "został"]
    assert [t.pos_ for t in zostal] == ["AUX", "VERB"]
