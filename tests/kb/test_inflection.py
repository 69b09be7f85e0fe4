"""Polish case forms are generated from base forms (never typed): agreement inside the phrase, fixed dependents."""
import pytest

from kronika.lang.pl.inflection import phrase_forms


@pytest.mark.parametrize("base,kind,expected", [
    ("Stany Zjednoczone", "name", {"Stanów Zjednoczonych", "Stanom Zjednoczonym", "Stanach Zjednoczonych"}),
    ("Rada Bezpieczeństwa ONZ", "name", {"Rady Bezpieczeństwa ONZ", "Radzie Bezpieczeństwa ONZ"}),
    ("Biały Dom", "name", {"Białego Domu", "Białym Domu"}),
    ("Unia Europejska", "name", {"Unii Europejskiej", "Unię Europejską"}),
    ("Nowa Zelandia", "name", {"Nowej Zelandii", "Nową Zelandią"}),
    ("Kreml", "name", {"Kremla", "Kremlu"}),
    ("Moskwa", "name", {"Moskwy", "Moskwie"}),
    ("Rosjanin", "demonym", {"Rosjanie", "Rosjan", "Rosjanom"}),
    ("francuski", "adjective", {"francuskie", "francuskiego", "francuscy", "francuską"}),
    ("Jan Kowalski", "person", {"Jana Kowalskiego", "Janowi Kowalskiemu"}),
    ("Anna Nowak", "person", {"Anny Nowak", "Annie Nowak"}),
    ("Nurłan Bekow", "person", {"Nurłana Bekowa", "Nurłanem Bekowem"}),      # unknown to the dictionary
    ("Ołeh Hruszewski", "person", {"Ołeha Hruszewskiego", "Ołehowi Hruszewskiemu", "Ołehem Hruszewskim"}),
    ("Switłana Hruszewska", "person", {"Switłany Hruszewskiej", "Switłaną Hruszewską"}),
    ("Wasyl Ostapenko", "person", {"Wasyla Ostapenki", "Wasylowi Ostapence", "Wasylem Ostapenką"}),
    ("Financial Times", "foreign", {"Financial Times", "Financial Timesa"}),
])
def test_generated_forms_include(base, kind, expected):
    forms = phrase_forms(base, kind)
    assert expected <= forms, expected - forms


def test_dependents_in_another_case_do_not_inflect():
    forms = phrase_forms("Rada Bezpieczeństwa ONZ", "name")
    assert not any("Bezpieczeństwu" in f or "Bezpieczeństwem" in f for f in forms)


def test_adjectives_agree_with_the_head():
    forms = phrase_forms("Stany Zjednoczone", "name")
    assert "Stanów Zjednoczone" not in forms and "Stany Zjednoczonych" not in forms


def test_guessed_paradigms_combine_case_by_case():
    # neither word is in the dictionary: the first name and the surname take the same case, so a genitive first
    # name never pairs with an instrumental surname, and an oblique first name never stays in its base form
    forms = phrase_forms("Ołeh Hruszewski", "person")
    assert "Ołeha Hruszewskim" not in forms and "Ołeh Hruszewskiego" not in forms
    assert "Switłana Hruszewskiej" not in phrase_forms("Switłana Hruszewska", "person")
