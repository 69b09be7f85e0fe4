"""The Polish morphology stage: morfeusz2 readings -> lemma, UPOS, UD feats, NKJP tag."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("morfeusz2")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import kronika.pipeline.morphology  # noqa: E402,F401
from kronika.lang.pl import morfeusz as mf  # noqa: E402
from kronika.lang.pl.tagset import to_ud  # noqa: E402

MODEL = Path(__file__).resolve().parents[3] / "src" / "kronika" / "models" / "pl_core"


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("pl")
    nlp.add_pipe("kronika_morphology")
    return nlp


def _doc(nlp: spacy.Language, words: list[str], tags: list[str] | None = None) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    if tags:
        for tok, tag in zip(doc, tags):
            tok.tag_ = tag
    return nlp.get_pipe("kronika_morphology")(doc)


@pytest.mark.parametrize(
    ("tag", "lemma", "upos", "must_have", "must_not_have"),
    [
        ("subst:sg:gen:m1", "", "NOUN", ["Case=Gen", "Animacy=Hum", "Gender=Masc", "Number=Sing"], []),
        ("subst:pl:inst:n:pt", "", "NOUN", ["Case=Ins", "Number=Ptan", "Gender=Neut"], ["Number=Plur"]),
        ("praet:sg:f:perf", "", "VERB", ["Tense=Past", "Aspect=Perf", "Gender=Fem"], []),
        ("fin:sg:ter:perf", "", "VERB", ["Tense=Fut", "Person=3"], ["Tense=Pres"]),
        ("fin:pl:pri:imperf", "", "VERB", ["Tense=Pres", "Person=1", "Number=Plur"], []),
        ("ppas:pl:nom:m1:perf:neg", "", "ADJ", ["VerbForm=Part", "Voice=Pass", "Polarity=Neg"], []),
        ("adj:sg:loc:f:com", "", "ADJ", ["Case=Loc", "Degree=Cmp"], []),
        ("prep:loc:nwok", "", "ADP", ["AdpType=Prep", "Variant=Short"], ["Case=Loc"]),
        ("adj:sg:nom:m3:pos", "ten", "DET", ["PronType=Dem"], []),
        ("fin:sg:ter:imperf", "być", "AUX", ["VerbForm=Fin"], []),
        ("qub", "się", "PRON", ["Reflex=Yes"], []),
        ("interp", "", "PUNCT", [], []),
        ("ign", "", "X", [], []),
    ],
)
def test_to_ud(tag: str, lemma: str, upos: str, must_have: list[str], must_not_have: list[str]) -> None:
    got_upos, feats = to_ud(tag, lemma)
    assert got_upos == upos
    parts = feats.split("|")
    for f in must_have:
        assert f in parts
    for f in must_not_have:
        assert f not in parts


def test_proper_noun_reading_is_propn() -> None:
    assert to_ud("subst:sg:gen:m3", "Kazachstan", True)[0] == "PROPN"


@pytest.mark.parametrize(("raw", "clean"), [("zamek:Sm3", "zamek"), ("by:T", "by"), (":", ":"), ("dom", "dom")])
def test_clean_lemma(raw: str, clean: str) -> None:
    assert mf.clean_lemma(raw) == clean


def test_split_token_reduced_to_its_head() -> None:
    heads = {(r.lemma, r.tag.split(":")[0]) for r in mf.readings("napisałem")}
    assert ("napisać", "praet") in heads
    assert all(r.lemma != "być" for r in mf.readings("napisałem"))


@pytest.mark.parametrize(
    ("words", "index", "lemma", "upos", "case"),
    [
        (["Minister", "rozmawiał", "z", "ambasadorem", "w", "Krakowie", "."], 5, "Kraków", "PROPN", "Loc"),
        (["Minister", "rozmawiał", "z", "ambasadorem", "w", "Krakowie", "."], 3, "ambasador", "NOUN", "Ins"),
        (["Minister", "rozmawiał", "z", "ambasadorem", "w", "Krakowie", "."], 1, "rozmawiać", "VERB", ""),
        (["Delegacja", "przyjechała", "do", "Gdańska", "."], 3, "Gdańsk", "PROPN", "Gen"),
        (["Rząd", "przyjął", "nową", "ustawę", "."], 2, "nowy", "ADJ", "Acc"),
        (["Rząd", "przyjął", "nową", "ustawę", "."], 3, "ustawa", "NOUN", "Acc"),
        (["Posłowie", "spotkali", "się", "wczoraj", "."], 2, "się", "PRON", ""),
        (["Napisałem", "list", "."], 0, "napisać", "VERB", ""),
    ],
)
def test_without_tagger(nlp: spacy.Language, words: list[str], index: int, lemma: str, upos: str,
                        case: str) -> None:
    tok = _doc(nlp, words)[index]
    assert tok.lemma_ == lemma
    assert tok.pos_ == upos
    assert ("Case=" + case in str(tok.morph)) if case else ("Case=" not in str(tok.morph))
    assert ":" not in tok.lemma_
    assert tok.tag_ and tok._.readings


@pytest.mark.parametrize(
    ("words", "tags", "index", "lemma", "upos", "feat"),
    [
        # the tagger's tag picks the reading: "Stanów" is also a town and a verb form
        (["do", "Stanów", "Zjednoczonych"], ["prep:gen:nwok", "subst:pl:gen:n:pt", "ppas:pl:gen:n:perf:aff"],
         1, "Stany", "PROPN", "Number=Ptan"),
        (["do", "Stanów", "Zjednoczonych"], ["prep:gen:nwok", "subst:pl:gen:n:pt", "ppas:pl:gen:n:perf:aff"],
         2, "zjednoczyć", "ADJ", "VerbForm=Part"),
        (["z", "nim", "zostało"], ["prep:inst:nwok", "ppron3:sg:inst:m1:ter:nakc:praep", "praet:sg:n:perf"],
         1, "on", "PRON", "Case=Ins"),
        # a name morfeusz2 does not know: lemma guessed from the tag's case and gender
        (["rozmowa", "z", "Tokajewem"], ["subst:sg:nom:f", "prep:inst:nwok", "subst:sg:inst:m1"],
         2, "Tokajew", "PROPN", "Case=Ins"),
        (["wizyta", "Zacharowej"], ["subst:sg:nom:f", "subst:sg:gen:f"], 1, "Zacharowa", "PROPN", "Gender=Fem"),
        # lowercase unknown words are left alone
        (["hashtagu"], ["subst:sg:gen:m3"], 0, "hashtagu", "NOUN", "Case=Gen"),
    ],
)
def test_with_tagger_tags(nlp: spacy.Language, words: list[str], tags: list[str], index: int, lemma: str,
                          upos: str, feat: str) -> None:
    tok = _doc(nlp, words, tags)[index]
    assert tok.lemma_ == lemma
    assert tok.pos_ == upos
    assert feat in str(tok.morph).split("|")
    assert tok.tag_ == tags[index]  # the tagger's tag is kept


@pytest.mark.skipif(not MODEL.exists(), reason="pl_core model not trained yet")
def test_in_the_shipped_pipeline_after_the_ner() -> None:
    """kronika's Polish pipeline runs the stage after pl_core's NER (no tagger): lemmas and names together."""
    import kronika

    doc = kronika.load("pl")("Prezydent Kazachstanu spotkał się z ministrami w stolicy.")
    lemmas = [t.lemma_ for t in doc]
    assert "Kazachstan" in lemmas and "spotkać" in lemmas and "minister" in lemmas
    assert doc[1].pos_ == "PROPN"


def test_bulk_written_attributes_match_token_api(nlp: spacy.Language) -> None:
    """The stage writes with doc.from_array and user_data; spaCy's token API must read the same values back."""
    words = ["W", "2024", "r", ".", "premier", "rozmawiał", "z", "prezydentem", "\n", "Francji", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, False, True, True, True, True, False, False, False, False])
    doc = nlp.get_pipe("kronika_morphology")(doc)
    for tok in doc:
        if tok.is_space:
            assert tok.pos_ == "SPACE" and tok.lemma_ == tok.text and tok._.readings is None
            continue
        assert tok.tag_ and tok.lemma_ and tok._.readings
        assert all(isinstance(p, tuple) and len(p) == 2 for p in tok._.readings)
        assert str(tok.morph) == "" or tok.has_morph()
        assert tok.morph.key == (nlp.vocab.morphology.add(str(tok.morph)) if str(tok.morph) else 0)
    assert doc[7].lemma_ == "prezydent" and "Case=Ins" in str(doc[7].morph)


def test_repeated_forms_give_the_same_answer(nlp: spacy.Language) -> None:
    """Per-form caches must not leak one context's decision into another (tagged and untagged docs)."""
    a = _doc(nlp, ["Rząd", "przyjął", "nową", "ustawę", "."])
    b = _doc(nlp, ["Rząd", "przyjął", "nową", "ustawę", "."], ["subst:sg:nom:m3", "praet:sg:m3:perf",
                                                             "adj:sg:acc:f:pos", "subst:sg:acc:f", "interp"])
    c = _doc(nlp, ["Rząd", "przyjął", "nową", "ustawę", "."])
    assert [(t.lemma_, t.tag_, str(t.morph)) for t in a] == [(t.lemma_, t.tag_, str(t.morph)) for t in c]
    assert [t.lemma_ for t in b] == ["rząd", "przyjąć", "nowy", "ustawa", "."]
