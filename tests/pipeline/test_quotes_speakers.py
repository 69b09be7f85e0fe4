"""Quote stage, second set: reported speech shapes and speaker resolution, on short texts written for these tests."""
import pytest

import kronika
from kronika.output import to_record


def _quotes(text: str, lang: str = "pl") -> list[dict]:
    return to_record(kronika.load(lang)(text))["quotes"]


def _by_text(text: str, lang: str = "pl") -> dict[str, dict]:
    return {q["text"]: q for q in _quotes(text, lang)}


def test_office_description_is_the_named_office_holder():
    qs = _by_text("Rozmowa z Dmitrijem Pieskowem trwała godzinę. Rzecznik Kremla stwierdził, że Rosja nie zamierza "
                  "zmieniać stanowiska w sprawie rozmów.")
    q = qs["Rosja nie zamierza zmieniać stanowiska w sprawie rozmów"]
    assert q["speaker"] == "Dmitrij Pieskow" and q["speaker_actor"] == "RUS"


def test_english_office_description_keeps_the_articles_spelling():
    qs = _by_text("Sergei Lavrov met his counterpart. The Russian foreign minister said that Moscow would not change "
                  "its position.", "en")
    assert qs["Moscow would not change its position"]["speaker"] == "Sergei Lavrov"


def test_office_description_without_the_holder_named_stays_a_description():
    q = _quotes("Rzecznik Kremla stwierdził, że Rosja nie zamierza zmieniać stanowiska w sprawie rozmów.")[0]
    assert "Pieskow" not in (q["speaker"] or "")


def test_implied_subject_is_the_person_named_before():
    qs = _by_text("Szczegóły ujawniła hiszpańska zakonnica Maria Lopez. W rozmowie z radiem opowiedziała, że "
                  "papież przeznaczył pieniądze na pomoc dla szpitali.")
    assert qs["papież przeznaczył pieniądze na pomoc dla szpitali"]["speaker"] == "Maria Lopez"


def test_subject_before_an_unclosed_participle_phrase():
    qs = _by_text("Donald Trump ułaskawił biznesmena. Amerykański prezydent, pytany o podłoże decyzji przekonywał, że "
                  "biznesmen padł ofiarą nagonki politycznej.")
    assert qs["biznesmen padł ofiarą nagonki politycznej"]["speaker"] == "Donald Trump"


def test_platform_after_preposition_is_not_part_of_the_name():
    q = _quotes("Na swoim koncie na Facebooku Kowalczuk napisał, że wraca do pracy w poniedziałek.")[0]
    assert q["speaker"] == "Kowalczuk"


def test_reported_content_stops_at_a_credit_line():
    q = _quotes("Minister napisał, że wraca do pracy w poniedziałek Źródło: PAP Posłuchaj artykułu")[0]
    assert q["text"] == "wraca do pracy w poniedziałek"


@pytest.mark.parametrize("text", [
    "Eksperci nie wiedzą, skąd wzięły się tzw. \"zakłócenia szumowe\" w sieci.",
    "Rząd przyjął program pod hasłem „Bezpieczna Polska dla wszystkich obywateli” w czwartek.",
])
def test_named_terms_in_quotation_marks_are_not_quotes(text):
    assert all(q["kind"] != "direct" for q in _quotes(text))


@pytest.mark.parametrize("text", [
    "Uważa się, że pożar wybuchł od niedopałka papierosa.",
    "Ceny rosły szybko, co sugeruje, że inflacja nie osiągnęła jeszcze szczytu.",
])
def test_impersonal_and_relative_reports_have_no_speaker_and_are_skipped(text):
    assert _quotes(text) == []


def test_polish_appeal_with_aby_clause():
    q = _quotes("Premier zaapelował do opozycji, aby poparła ustawę o obronie cywilnej.")[0]
    assert q["text"] == "poparła ustawę o obronie cywilnej" and q["kind"] == "indirect"


def test_polish_speech_noun_with_content_clause():
    qs = _by_text("Pojawiło się oświadczenie ministerstwa, że wojska wycofały się z przygranicznego miasta.")
    assert "wojska wycofały się z przygranicznego miasta" in qs


def test_hyphenated_names_are_one_name():
    qs = _quotes("– Nie zgadzamy się – powiedziała Anna Nowak-Jeziorańska. – To błąd – dodała Nowak-Jeziorańska.")
    assert {q["speaker"] for q in qs} == {"Anna Nowak-Jeziorańska"}


@pytest.mark.parametrize("text,content,speaker", [
    ("Some households would pay more tax next year, according to an analysis by Laura Smith, a former adviser.",
     "Some households would pay more tax next year", "Laura Smith"),
    ("John Carter warned about inflation. Prices will rise sharply next year, as he warned.",
     "Prices will rise sharply next year", "John Carter"),
])
def test_english_trailing_opinion_cue(text, content, speaker):
    qs = _by_text(text, "en")
    assert content in qs and qs[content]["speaker"] == speaker


def test_english_attribution_after_a_quote_is_not_reported_content():
    qs = _quotes('"The borders have evaporated," said Jo Coelbart, a retired general who works on defence.', "en")
    assert [q["text"] for q in qs] == ["The borders have evaporated"]
    assert qs[0]["speaker"] == "Jo Coelbart"


def test_english_double_apostrophe_quotes():
    qs = _by_text("Mary Holtz-Eakin spoke on Monday. ''This isn't tax reform,'' said Mary Holtz-Eakin, an economist.",
                  "en")
    assert qs["This isn't tax reform"]["speaker"] == "Mary Holtz-Eakin"


def test_english_coordinated_speech_act_ends_the_content():
    qs = _by_text("Morgan said he kept a second phone at the embassy, but he denied that he leaked secret "
                  "documents.", "en")
    assert "he kept a second phone at the embassy" in qs
    assert "he leaked secret documents" in qs


def test_english_speech_noun_with_that_clause():
    qs = _by_text("The ministry issued a warning that prices would rise sharply next year.", "en")
    assert "prices would rise sharply next year" in qs


def test_english_deed_with_infinitive_is_not_speech():
    assert _quotes("Shares of Acme Mining fell after it agreed to pay 40% more for coal.", "en") == []


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    import kronika

    return [(q["speaker"], q["speaker_actor"]) for q in kronika.analyze(text, lang="pl")["quotes"]]


def test_a_state_name_completes_a_description_and_a_title_in_quotes_is_stepped_over():
    got = _speakers("– Nie mamy czasu na długie procedury – powiedział w rozmowie z dziennikiem „Le Monde” "
                    "minister obrony Estonii.")
    assert got == [("minister obrony Estonii", "EST")]


def test_a_quotation_is_not_attributed_across_a_full_stop():
    got = _speakers("Rzecznik rządu Jan Malinowski stwierdził, że decyzja „pogłębi kryzys”. Opozycja "
                    "zapowiedziała protest.")
    assert got and got[0][0] == "Jan Malinowski"


def test_a_sentence_after_the_quotation_may_attribute_it():
    got = _speakers("„Nie cofniemy się”. Tymi słowami zakończył wystąpienie prezydent Francji.")
    assert got == [("prezydent Francji", "FRA")]


def test_a_quotation_signed_with_a_dash_and_a_name():
    import kronika

    text = ("Głosy wyborców.\n\n„Nie ufam politykom, którzy obiecują wszystko wszystkim” — Anna Wrona\n"
            "„Chcę, żeby ktoś wreszcie zajął się szpitalami” — Piotr Mazur\n")
    got = [(q["speaker"], q["text"]) for q in kronika.analyze(text, lang="pl")["quotes"]]
    assert got == [("Anna Wrona", "Nie ufam politykom, którzy obiecują wszystko wszystkim"),
                   ("Piotr Mazur", "Chcę, żeby ktoś wreszcie zajął się szpitalami")]
    en = kronika.analyze("Voters speak.\n\n“We need a leader who keeps promises.” ― Daniel Ortiz\n", lang="en")
    assert [q["speaker"] for q in en["quotes"]] == ["Daniel Ortiz"]


# --------------------------------------------------------------------------- holders of opinions ("według X")

def test_the_witness_after_wedlug_relacji_is_the_speaker_in_the_nominative():
    qs = _by_text("Według relacji jednego z sąsiadów poszkodowanej, straż miejska nie od razu przyjęła zgłoszenie.")
    assert qs["straż miejska nie od razu przyjęła zgłoszenie"]["speaker"] == "jeden z sąsiadów poszkodowanej"


def test_a_capitalised_cue_glued_to_a_heading_opens_an_opinion():
    qs = _by_text("Nocny pożar w porcie Według polskich służb ratowniczych, ogień pojawił się w magazynie paliw.")
    assert qs["ogień pojawił się w magazynie paliw"]["speaker"] == "polskie służby ratownicze"


def test_a_genitive_name_without_a_comma_holds_the_opinion():
    qs = _by_text("Analityk Marek Zieliński napisał raport. Według Zielińskiego rząd przeszacował wpływy z podatków.")
    assert qs["rząd przeszacował wpływy z podatków"]["speaker"] == "Marek Zieliński"


def test_an_institution_holder_keeps_its_whole_name_and_skips_its_acronym():
    qs = _by_text("Według Najwyższej Izby Kontroli (NIK) ministerstwo wydało pieniądze niezgodnie z przepisami.")
    q = next(q for t, q in qs.items() if "wydało pieniądze" in t)
    assert q["speaker"] == "Najwyższa Izba Kontroli" and "NIK" not in q["text"]


def test_an_opinion_ends_before_the_writers_gloss_after_a_dash():
    qs = _by_text("Zdaniem wojskowych analityków, nalot był próbą sił – działaniem, które ma sprawdzić obronę.")
    assert "nalot był próbą sił" in qs


# --------------------------------------------------------------------------- subjects the verb does not show

def test_the_name_before_a_relative_clause_is_the_subject():
    qs = _by_text("Szczegóły ujawniła zakonnica Maria Lopez. Lopez, która od lat pracuje w Afryce i wspiera szpitale "
                  "polowe, przyznała, że decyzja biskupa całkowicie ją zaskoczyła.")
    assert qs["decyzja biskupa całkowicie ją zaskoczyła"]["speaker"] == "Maria Lopez"


def test_a_bare_verb_after_a_narrative_sentence_takes_its_subject():
    qs = _by_text("- Sprawa zostanie wyjaśniona - przekazał Jan Nowak, rzecznik policji. Tomasz Kowalski również "
                  "został poinformowany o postępach śledztwa. Polityk nie krył rozczarowania. - Urzędy muszą "
                  "przestrzegać prawa - ocenił.")
    assert qs["Sprawa zostanie wyjaśniona"]["speaker"] == "Jan Nowak"
    assert qs["Urzędy muszą przestrzegać prawa"]["speaker"] == "Tomasz Kowalski"


def test_a_genitive_behind_a_verb_is_no_narrative_subject():
    qs = _by_text("Szczegóły testamentu biskupa Franciszka ujawniła zakonnica Maria Lopez. W wywiadzie dla radia "
                  "opowiedziała, że biskup przekazał pieniądze szpitalom.")
    assert qs["biskup przekazał pieniądze szpitalom"]["speaker"] == "Maria Lopez"


def test_a_person_noun_with_a_genitive_name_is_a_description():
    got = _speakers("Sąd skazał lekarza Adama Nowaka. Adwokat Kowalskiego pisał o nim „zwykły kłamca”. "
                    "Nowak przyznał, że żerował na pacjentach.")
    assert all(s != "Adwokat Kowalskiego" for s, _ in got)


# --------------------------------------------------------------------------- where dash speech begins and ends

def test_speech_whose_opening_dash_was_lost_starts_after_the_reporting_sentence():
    qs = _by_text("Anna Kowalska, lekarka ze szpitala, zaznaczyła, że nigdy wcześniej tego nie widziała. Nie wiemy "
                  "jeszcze, co się stało. Ustalenie przyczyny może potrwać - powiedziała Kowalska.")
    q = qs["Nie wiemy jeszcze, co się stało. Ustalenie przyczyny może potrwać"]
    assert q["kind"] == "direct" and q["speaker"] == "Anna Kowalska"


def test_media_hearsay_after_a_dash_is_no_speech():
    texts = [q["text"] for q in _quotes("Negocjatorzy twierdzą, że rozmowy idą dobrze. W tle może toczyć się "
                                        "biznes - donosiły media.")]
    assert not any("biznes" in t for t in texts)


def test_unattributed_dash_speech_stops_before_a_sentence_with_a_quotation():
    qs = _by_text("- Nie byłem tam osobiście, ale widziałem nagrania. Żałuję, że nikt się nie zgłosił. Reakcja "
                  "policji. \"Nikt nie chciał z nami rozmawiać\" W sprawie pojawia się jeszcze jeden wątek.")
    speech = next(t for t in qs if t.startswith("Nie byłem tam"))
    assert "W sprawie" not in speech and "Nikt nie chciał z nami rozmawiać" in qs


def test_a_clause_keeps_its_part_before_a_quoted_subordinate_clause():
    qs = _by_text("Analityk zauważył, że delegacja spóźniła się na rozmowy o trzy godziny, aby, jak to ujął, "
                  "\"pokazać gospodarzom, kto tu rządzi\".")
    assert "delegacja spóźniła się na rozmowy o trzy godziny" in qs


def test_the_subject_stands_before_a_prepositional_phrase_with_a_genitive():
    qs = _by_text("Władze gminy oraz strażacy w rejonie miasta potwierdzili, że nie ma zagrożenia powodziowego.")
    assert qs["nie ma zagrożenia powodziowego"]["speaker"].startswith("władze gminy")


def test_an_adverbial_participle_shares_the_subject_of_the_main_verb():
    qs = _by_text("Premier Jan Nowak odwiedził szpital, zapewniając, że rząd przeznaczy pieniądze na remont.")
    assert qs["rząd przeznaczy pieniądze na remont"]["speaker"] == "Jan Nowak"


def test_one_of_a_group_is_the_speaker_of_a_question():
    qs = _by_text("Minister powiedział, że rząd nie zmieni planów. Czy rząd chce wywołać kolejny kryzys? - zapytała "
                  "jedna z uczestniczek spotkania.")
    assert qs["Czy rząd chce wywołać kolejny kryzys?"]["speaker"] == "jedna z uczestniczek spotkania"


def test_a_bare_verb_far_from_any_name_is_the_articles_protagonist():
    qs = _by_text("Jan Kowalski w Gdańsku. Biskup odwiedził port\n\nWe wtorek biskup Jan Kowalski modlił się przy "
                  "pomniku ofiar. Obok stali bliscy ofiar. Trzymali transparent ze zdjęciami. Na transparencie "
                  "widniała data katastrofy. - Miasto odrodzi się silniejsze niż przedtem - powiedział podczas "
                  "wizyty.")
    assert qs["Miasto odrodzi się silniejsze niż przedtem"]["speaker"] == "Jan Kowalski"


def test_a_dash_attribution_to_an_outlet_is_a_source_not_speech():
    texts = [q["text"] for q in _quotes("Dyrekcja zapowiedziała, że pasażerowie będą informowani. W sierpniu "
                                        "przewoźnik doznał strajku – przypomina Agencja Reutera.")]
    assert not any("strajku" in t for t in texts)


def test_a_description_joined_by_i_links_to_the_name_after_it():
    qs = _by_text("Uczestnicy przypomnieli premier, że są wyborcami. Premier powtarzała hasła, ale brakowało "
                  "konkretów - oceniła ekonomistka i inwestorka Anna Wrona.")
    assert qs["Premier powtarzała hasła, ale brakowało konkretów"]["speaker"] == "Anna Wrona"


def test_a_genitive_after_adjectives_stays_genitive_in_the_holder():
    qs = _by_text("Według sympatyków radykalnych ugrupowań, sąd nie powinien był wypuszczać skazanej.")
    assert qs["sąd nie powinien był wypuszczać skazanej"]["speaker"] == "sympatycy radykalnych ugrupowań"


def test_a_description_links_to_a_foreign_name_whatever_its_entity_label():
    qs = _by_text("Plany ujawniła argentyńska misjonarka Inés Moreno. W rozmowie z radiem opowiedziała, że zakon "
                  "otworzy szkołę w Boliwii. - Nigdy nie sądziłam, że to się uda - powiedziała misjonarka.")
    assert qs["zakon otworzy szkołę w Boliwii"]["speaker"] == "Inés Moreno"
    assert qs["Nigdy nie sądziłam, że to się uda"]["speaker"] == "Inés Moreno"


def test_a_description_naming_its_polity_is_not_another_polity_s_named_speaker():
    text = ("Łotwa prosi o wsparcie.\n\n– Potrzebujemy więcej obrony przeciwlotniczej – powiedział minister obrony "
            "Łotwy.\n\nRzecznik Kremla Dmitrij Pieskow stwierdził, że to \"prowokacja wobec Rosji\".")
    got = {q["text"]: q for q in kronika.analyze(text, lang="pl")["quotes"]}
    first = next(q for t, q in got.items() if t.startswith("Potrzebujemy"))
    assert "Pieskow" not in (first["speaker"] or "") and first["speaker_actor"] == "LVA"


def test_a_speaker_introduced_with_a_state_title_acts_for_that_state():
    text = ("Konsulat interweniuje.\n\nKonsul Ukrainy w Lublinie Ołeksandr Hrycenko odwiedził szkołę. "
            "– To niedopuszczalne – powiedział Hrycenko.\n\n– Sprawdzimy to – zapewnił dyrektor szkoły Jan Nowak.")
    got = {q["text"]: q for q in kronika.analyze(text, lang="pl")["quotes"]}
    assert got["To niedopuszczalne"]["speaker_actor"] == "UKR"
    assert got["Sprawdzimy to"]["speaker_actor"] is None
