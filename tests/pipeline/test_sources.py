"""Source stage: cited outlets, on short texts written for these tests."""
import pytest

import kronika
from kronika.output import to_record


def _sources(text: str, lang: str = "pl") -> set[str]:
    return {s["name"] for s in to_record(kronika.load(lang)(text))["sources"]}


@pytest.mark.parametrize("text,name", [
    ("Według Reutersa w stolicy doszło do starć.", "Reuters"),
    ("Rząd planuje reformę – podaje CNN.", "CNN"),
    ("Jak relacjonuje \"New York Times\", negocjacje utknęły w martwym punkcie.", "New York Times"),
    ("– Nie ustąpimy – powiedział radiu NPR dowódca oddziału.", "NPR"),
    ("Minister udzielił wywiadu, w rozmowie z Onetem mówił o reformie.", "Onet"),
])
def test_polish_citations(text, name):
    assert name in _sources(text)


@pytest.mark.parametrize("text,name", [
    ("The minister told the BBC that talks would resume.", "BBC"),
    ("According to the Wall Street Journal, the deal is worth $2bn.", "Wall Street Journal"),
    ("Prices rose sharply, the Russian newspaper Kommersantovsky Vestnik reported.", "Kommersantovsky Vestnik"),
])
def test_english_citations(text, name):
    assert name in _sources(text, "en")


@pytest.mark.parametrize("text,lang", [
    ("Amerykańskie media piszą o kryzysie w regionie.", "pl"),
    ("Prezydent opublikował wpis na platformie X.", "pl"),
    ("Dziennikarz Reutersa został ranny podczas protestu.", "pl"),
    ("Fot. PAP/EPA", "pl"),
])
def test_not_sources(text, lang):
    assert _sources(text, lang) == set()


def test_cited_outlet_reported_once_with_all_mentions():
    rec = to_record(kronika.load("pl")("Reuters to agencja z Londynu. Według Reutersa rozmowy trwają."))
    assert [s["name"] for s in rec["sources"]] == ["Reuters"]
    assert len(rec["sources"][0]["mentions"]) == 2


def test_capitalised_demonym_between_cue_and_outlet_and_written_name():
    text = "Oil deal signed.\n\nAccording to Russian newspaper Vedomosti, the credits will repay old loans."
    assert _sources(text, "en") == {"Vedomosti"}


@pytest.mark.parametrize("text,expected", [
    ("Samoloty wróciły do bazy. Źródło: PAP/ Fakt.pl Kolejny tekst serwisu.", {"PAP", "Fakt"}),
    ("Aktor na nagraniach archiwalnych Źródło: Reuters Archive Posłuchaj artykułu.", set()),
    ("Kot na dachu tramwaju Źródło: 2023 Cable News Network. Wszelkie prawa zastrzeżone. Czytaj dalej.", set()),
    ("Samolot rozbił się na pustyni. — News.Az (@news_az) December 3, 2025 To nie pierwszy taki wypadek.",
     {"News.Az"}),
])
def test_source_lines_credits_and_post_signatures(text, expected):
    assert _sources(text) == expected


def test_institution_named_after_a_via_phrase_is_not_an_outlet():
    text = ("Fundacja przekazała darowiznę. W komunikacie podano, że pieniądze trafiły za pośrednictwem diecezjalnej "
            "Komisji ds. Pomocy Uchodźcom.")
    assert _sources(text) == set()


def test_outlet_found_twice_is_reported_once_without_punctuation():
    text = ("Nad portem w Cork przeleciał balon - informuje irlandzki serwis The Journal. Według relacji świadków, "
            "jak pisze The Journal, balon leciał nisko.")
    names = _sources(text)
    assert len(names) == 1 and not any(n.endswith(".") for n in names)
