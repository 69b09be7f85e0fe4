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
