"""Named events and products (kb/named.py): Polish case forms, case rules, ambiguous words, context aliases."""
from kronika.kb import named


def _found(text: str, lang: str) -> dict[str, tuple[str, str]]:
    return {text[a:b]: (base, label) for a, b, base, label in named.find(text, lang)}


def test_polish_inflected_forms_give_base_and_label():
    text = ("Po Brexicie rząd wrócił do sprawy Nord Streamu 2. Historycy spierają się o skutki "
            "II wojny światowej i traktatu lizbońskiego, a opozycja krytykuje brak wdrożenia porozumień mińskich.")
    got = _found(text, "pl")
    assert got["Brexicie"] == ("Brexit", "EVT")
    assert got["Nord Streamu 2"] == ("Nord Stream 2", "PRO")
    assert got["II wojny światowej"] == ("II wojna światowa", "EVT")
    assert got["traktatu lizbońskiego"] == ("traktat lizboński", "PRO")
    assert got["porozumień mińskich"] == ("porozumienia mińskie", "PRO")


def test_compound_adjective_keeps_both_parts():
    got = _found("Od początku wojny rosyjsko-ukraińskiej minęły lata.", "pl")
    assert got == {"wojny rosyjsko-ukraińskiej": ("wojna rosyjsko-ukraińska", "EVT")}
    assert not named.find("Mówiono o wojnie ukraińskiej.", "pl")


def test_lower_case_only_where_the_entry_allows_it():
    got = _found("Zwolennicy brexitu przegrali, a ceny w czasie zimnej wojny rosły.", "pl")
    assert got["brexitu"] == ("Brexit", "EVT")
    assert got["zimnej wojny"] == ("zimna wojna", "EVT")
    assert not named.find("Zamówił nowy facebook i leoparda.", "pl")


def test_ambiguous_word_at_sentence_start_is_not_matched():
    text = "Piorun uderzył w dom. Wojsko kupiło kolejne Pioruny. Telegram przyszedł rano."
    hits = named.find(text, "pl")
    assert [(text[a:b], base) for a, b, base, _ in hits] == [("Pioruny", "Piorun")]


def test_context_alias_reports_only_the_name_and_finds_names_beside_it():
    text = "Minister napisał na platformie X, dawniej Twitterze, że baterie Patriot są już w Polsce."
    got = _found(text, "pl")
    assert got["X"] == ("X", "PRO") and got["Twitterze"] == ("Twitter", "PRO")
    assert got["Patriot"] == ("Patriot", "PRO")
    assert not named.find("Rozdział X opisuje historię.", "pl")


def test_models_with_codes_and_plurals():
    got = _found("Ukraina dostała Leopardy 2, HIMARS-y i kilka F-16, a Turcja sprzedała Bayraktary TB2.", "pl")
    assert got["Leopardy 2"] == ("Leopard 2", "PRO")
    assert got["HIMARS-y"] == ("HIMARS", "PRO")
    assert got["F-16"] == ("F-16", "PRO")
    assert got["Bayraktary TB2"] == ("Bayraktar TB2", "PRO")


def test_capital_inside_a_name_must_be_written():
    assert not named.find("Nowy rok szkolny zaczął się we wtorek.", "pl")
    assert _found("Spotkali się w Nowy Rok.", "pl") == {"Nowy Rok": ("Nowy Rok", "EVT")}


def test_english_matches():
    text = ("After Brexit, Berlin halted the Nord Stream 2 pipeline. Veterans of World War II met in Normandy. "
            "He posted on X, formerly Twitter, that more F-16s and Patriot missiles were coming. "
            "Patriot groups marched.")
    got = _found(text, "en")
    assert got["Brexit"] == ("Brexit", "EVT")
    assert got["Nord Stream 2"] == ("Nord Stream 2", "PRO")
    assert got["World War II"] == ("World War II", "EVT")
    assert got["X"] == ("X", "PRO") and got["Twitter"] == ("Twitter", "PRO")
    assert got["F-16s"] == ("F-16", "PRO")
    assert sum(1 for a, b, base, _ in named.find(text, "en") if base == "Patriot") == 1


def test_hits_do_not_overlap_and_polish_only_names_stay_polish():
    text = "Rocznica powstania warszawskiego i Warsaw Uprising w jednym tekście."
    hits = named.find(text, "pl")
    assert [text[a:b] for a, b, _, _ in hits] == ["powstania warszawskiego"]
    spans = [(a, b) for a, b, _, _ in named.find("Nord Stream 2 and Nord Stream", "en")]
    assert spans == [(0, 13), (18, 29)]


def test_generated_table_is_fresh():
    for lang in ("pl", "en"):
        assert named._read_generated(lang) is not None, "run `kronika kb build`"
