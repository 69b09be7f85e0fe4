"""Nominative base forms of whole names: agreement inside the phrase, morfeusz2 generation, guessed declension."""
from __future__ import annotations

import pytest

pytest.importorskip("morfeusz2")

from kronika.lang.pl.base_forms import base_form, base_form_text, guess_lemma  # noqa: E402


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # masculine persons known to SGJP: -a genitive, -em instrumental, -owi dative, -ie locative
        ("Bolesława Prusa", "PER", "Bolesław Prus"),
        ("Tadeuszem Kościuszką", "PER", "Tadeusz Kościuszko"),
        ("Józefowi Piłsudskiemu", "PER", "Józef Piłsudski"),
        ("Adamem Mickiewiczem", "PER", "Adam Mickiewicz"),
        # feminine: -y/-i genitive, -ą instrumental, -ska/-cka adjectival surnames, indeclinable surnames
        ("Marii Konopnickiej", "PER", "Maria Konopnicka"),
        ("Wisławą Szymborską", "PER", "Wisława Szymborska"),
        ("Olgi Tokarczuk", "PER", "Olga Tokarczuk"),
        ("Ireny Sendlerowej", "PER", "Irena Sendlerowa"),
        ("Kaji Kowalczyk", "PER", "Kaja Kowalczyk"),
        # foreign names SGJP does not know: regular Polish endings are guessed
        ("Nursułtana Nazarbajewa", "PER", "Nursułtan Nazarbajew"),
        ("Dmitrijem Miedwiediewem", "PER", "Dmitrij Miedwiediew"),
        ("Szawkatowi Mirzijojewowi", "PER", "Szawkat Mirzijojew"),
        ("Swiatłany Cichanouskiej", "PER", "Swiatłana Cichanouska"),
        # indeclinable parts and particles stay as they are
        ("Charles'a de Gaulle'a", "PER", "Charles'a de Gaulle'a"),
        ("Mario Draghiego", "PER", "Mario Draghi"),
        ("Ursulą van Dijk", "PER", "Ursula van Dijk"),
        # places and organisations: adjectives agree with the head, genitive complements stay
        ("Stanów Zjednoczonych", "LOC", "Stany Zjednoczone"),
        ("Zjednoczonym Królestwie", "LOC", "Zjednoczone Królestwo"),
        ("Korei Północnej", "LOC", "Korea Północna"),
        ("Republiki Czeskiej", "LOC", "Republika Czeska"),
        ("Europejskiego Banku Centralnego", "ORG", "Europejski Bank Centralny"),
        ("Komisji Europejskiej", "ORG", "Komisja Europejska"),
        ("Ministerstwem Obrony Narodowej", "ORG", "Ministerstwo Obrony Narodowej"),
        ("Sądu Najwyższego", "ORG", "Sąd Najwyższy"),
        ("Parlamentu Europejskiego", "ORG", "Parlament Europejski"),
        ("Zgromadzenia Ogólnego ONZ", "ORG", "Zgromadzenie Ogólne ONZ"),
        ("Narodowego Banku Polskiego", "ORG", "Narodowy Bank Polski"),
        # already nominative or foreign organisation names: unchanged
        ("Financial Times", "ORG", "Financial Times"),
        ("Rada Europejska", "ORG", "Rada Europejska"),
        ("OBWE", "ORG", "OBWE"),
    ],
)
def test_base_form_text(text: str, label: str, expected: str) -> None:
    assert base_form_text(text, label) == expected


@pytest.mark.parametrize(
    ("word", "tag", "expected"),
    [
        ("Nazarbajewa", "subst:sg:gen:m1", "Nazarbajew"),
        ("Nazarbajewem", "subst:sg:inst:m1", "Nazarbajew"),
        ("Nazarbajewowi", "subst:sg:dat:m1", "Nazarbajew"),
        ("Cichanouskiej", "subst:sg:gen:f", "Cichanouska"),
        ("Nazarbajew", "subst:sg:nom:m1", "Nazarbajew"),  # nominative: nothing to strip
        ("słowa", "subst:sg:gen:n", "słowa"),  # lowercase words are never guessed
    ],
)
def test_guess_lemma(word: str, tag: str, expected: str) -> None:
    assert guess_lemma(word, tag) == expected


def test_base_form_span_uses_label_and_rejoins_hyphens() -> None:
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("pl")
    doc = nlp("Spotkanie z Nursułtanem Abiszem-Nazarbajewem w Astanie.")
    start = next(t.i for t in doc if t.text.startswith("Nursułtanem"))
    end = next(t.i for t in doc if t.text.endswith("Nazarbajewem")) + 1
    span = Span(doc, start, end, label="PER")
    assert base_form(span) == "Nursułtan Abisz-Nazarbajew"
