"""Quote stage: direct and reported speech with speakers, on short texts written for these tests."""
import pytest

import kronika
from kronika.output import to_record


def _quotes(text: str, lang: str = "pl") -> list[dict]:
    return to_record(kronika.load(lang)(text))["quotes"]


@pytest.mark.parametrize("text,quote,speaker", [
    ("Minister odwiedził Gdańsk.\n– Nie zgodzimy się na żadne ustępstwa – powiedział Jan Kowalski, minister obrony.",
     "Nie zgodzimy się na żadne ustępstwa", "Jan Kowalski"),
    ("Wizyta trwała dwa dni.\n– Rozmowy były trudne – oświadczyła Anna Nowak.", "Rozmowy były trudne", "Anna Nowak"),
    ("Ekspert Piotr Zieliński ocenia sytuację. „Sankcje działają bardzo powoli” – stwierdził Piotr Zieliński.",
     "Sankcje działają bardzo powoli", "Piotr Zieliński"),
])
def test_polish_direct_speech_with_speaker(text, quote, speaker):
    qs = _quotes(text)
    hit = [q for q in qs if q["text"] == quote]
    assert hit, qs
    assert hit[0]["kind"] == "direct"
    assert speaker in (hit[0]["speaker"] or "")


def test_implied_speaker_takes_previous_fitting_gender():
    text = ("Spotkanie odbyło się w Warszawie.\n– Jesteśmy gotowi do rozmów – powiedziała Maria Wiśniewska.\n"
            "Potem głos zabrał Tomasz Lis.\n– To dobry dzień – powiedział Tomasz Lis.\n"
            "– Czekamy na odpowiedź – dodała w rozmowie z dziennikarzami.")
    qs = {q["text"]: q for q in _quotes(text)}
    assert qs["Czekamy na odpowiedź"]["speaker"] == "Maria Wiśniewska"


def test_split_utterance_gives_two_quotes_same_speaker():
    text = "Konferencja trwała godzinę.\n– Nie boimy się – powiedział Adam Malinowski. – Będziemy walczyć do końca."
    qs = _quotes(text)
    texts = [q["text"] for q in qs]
    assert "Nie boimy się" in texts and "Będziemy walczyć do końca." in texts or "Będziemy walczyć do końca" in texts
    assert {q["speaker"] for q in qs} == {"Adam Malinowski"}


@pytest.mark.parametrize("text", [
    "Premier obejrzał program \"Gość Wieczoru\" w telewizji.",
    "Armia rozpoczęła operację \"Burza\" na wschodzie kraju.",
])
def test_scare_quotes_and_titles_are_not_quotes(text):
    assert _quotes(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("Prezydent Jan Nowak stwierdził, że rząd musi obniżyć podatki.", "rząd musi obniżyć podatki", "Jan Nowak"),
    ("Zdaniem Katarzyny Lewandowskiej, gospodarka wkrótce zwolni.", "gospodarka wkrótce zwolni",
     "Katarzyna Lewandowska"),
])
def test_polish_indirect(text, content, speaker):
    qs = [q for q in _quotes(text) if q["kind"] == "indirect"]
    assert qs and qs[0]["text"] == content
    assert speaker in (qs[0]["speaker"] or "")


def test_headline_name_colon_is_direct_quote():
    qs = _quotes("Kowalski: Nie oddamy ani kawałka ziemi\n\nPolityk mówił o granicy.")
    assert qs[0]["text"] == "Nie oddamy ani kawałka ziemi" and qs[0]["speaker"] == "Kowalski"


@pytest.mark.parametrize("text,quote,speaker", [
    ("Talks ended late.\n\n\"We will not give up our claims,\" said Foreign Minister John Carter.",
     "We will not give up our claims", "John Carter"),
    ("Talks ended late.\n\n\"The plan is dead,\" Mr Carter said.", "The plan is dead", "Carter"),
])
def test_english_direct(text, quote, speaker):
    qs = [q for q in _quotes(text, "en") if q["text"] == quote]
    assert qs and qs[0]["speaker"] == speaker


def test_english_indirect_and_pronoun():
    text = ("Mary Brown, the finance minister, spoke in London. She said that the budget deficit was too large.")
    qs = [q for q in _quotes(text, "en") if q["kind"] == "indirect"]
    assert qs and qs[0]["text"] == "the budget deficit was too large"
    assert qs[0]["speaker"] == "Mary Brown"


def test_capitalised_common_noun_is_a_description_linked_to_the_named_person():
    text = ("Rynek paliw\n\nDr Tomasz Wójcik, analityk Instytutu Energetyki, komentował ceny ropy. "
            "\"Ceny spadną w przyszłym roku\" Ekspert zauważył, że rynek jest przeciążony. "
            "– Zapasy rosną od miesięcy – powiedział.")
    qs = _quotes(text)
    assert qs and all(q["speaker"] == "Tomasz Wójcik" for q in qs), qs


def test_subject_before_apposition_and_participle_phrase():
    text = ("Debata o szpitalach.\n\nProfesor Ewa Kalinowska, dyrektorka szpitala w Lublinie, komentując reformę, "
            "stwierdziła, że \"bez nowych lekarzy nic się nie zmieni\".")
    qs = _quotes(text)
    assert [q["speaker"] for q in qs] == ["Ewa Kalinowska"], qs


def test_short_name_links_to_full_name_in_nominative():
    text = ("Sąd skazał Oskara Herrerę na dwa lata więzienia.\n\nHerrera przyznał, że popełnił poważny błąd "
            "w swojej pracy.")
    qs = _quotes(text)
    assert qs and qs[0]["speaker"] == "Oskar Herrera", qs


def test_unattributed_dash_speech_after_introducing_a_person():
    text = ("Spór o szkołę\n\nDziennikarze poprosili o komentarz burmistrza miasta Karola Jabłońskiego.\n"
            "– Nie będziemy zamykać tej szkoły, bo dzieci muszą mieć gdzie się uczyć.")
    qs = _quotes(text)
    assert qs and qs[0]["speaker"] == "Karol Jabłoński", qs


def test_generic_media_report_is_not_a_quote():
    text = "Wybory w regionie.\n\nWcześniej media podawały, że kandydat wycofa się z wyścigu przed drugą turą."
    assert _quotes(text) == []


# ------------------------------------------------------------------------------------------------ English (parse)

@pytest.mark.parametrize("text,content,speaker", [
    ("Schools in the city face cuts.\n\nLaura Benton, a teacher at a local school, said parents still want "
     "small classes for their children.", "parents still want small classes for their children", "Laura Benton"),
    ("The council met on Monday.\n\nThe mayor said during a press conference on Tuesday that the bridge would "
     "reopen next spring.", "the bridge would reopen next spring", "mayor"),
    ("Talks resumed in Geneva.\n\nThe proposal, Oliver Grant said, would cut emissions by half within a decade.",
     "would cut emissions by half within a decade", "Oliver Grant"),
    ("Markets fell sharply.\n\nInvestors are worried about the rising cost of energy, Helen Moss said.",
     "Investors are worried about the rising cost of energy", "Helen Moss"),
])
def test_english_reported_speech_from_the_parse(text, content, speaker):
    qs = _quotes(text, "en")
    hit = [q for q in qs if q["text"] == content]
    assert hit, qs
    assert hit[0]["kind"] == "indirect" and speaker in (hit[0]["speaker"] or ""), hit


def test_english_infinitive_after_expect_is_not_reported_speech():
    text = "Steel prices rose.\n\nAnalysts had expected the company to accept a smaller increase in prices."
    assert _quotes(text, "en") == []


def test_english_nested_report_is_part_of_the_outer_content():
    text = "Campaign news.\n\nThe senator said she thinks the country is strongest when people work together."
    qs = _quotes(text, "en")
    assert [q["text"] for q in qs] == ["she thinks the country is strongest when people work together"], qs


def test_quoted_paragraphs_flattened_into_one_line_are_separate_quotes():
    text = ('Embassies to close.\n\nIn a statement, Mr Harlow said: "The savings will fund our priorities in the '
            'region and beyond. "Some staff will also move to new posts in other countries next year."')
    qs = _quotes(text, "en")
    assert [q["text"] for q in qs] == ["The savings will fund our priorities in the region and beyond.",
                                       "Some staff will also move to new posts in other countries next year."], qs


@pytest.mark.parametrize("text,content", [
    # a second speech verb sharing the subject opens a new utterance
    ("Farm news.\n\nThe governor is telling farmers that the harvest was poor and says he will cut fuel taxes.",
     "he will cut fuel taxes"),
    # a speech verb in a fronted adverbial clause reports only that clause
    ("Budget hearing.\n\nWhen the senator noted that the budget had doubled, the chairman interrupted her.",
     "the budget had doubled"),
    # a past tense the tagger may read as a participle
    ("Budget doubts.\n\nEconomists said the figures raised fresh doubts over the spending plan.",
     "the figures raised fresh doubts over the spending plan"),
    # a concessive clause and a clause after a semicolon are the writer's own
    ("Tax row.\n\nHe claimed that paying no taxes was smart, although he refused to release his returns.",
     "paying no taxes was smart"),
    ("Talks stall.\n\nThe ministry said the talks had failed; the opposition blamed the government for weeks.",
     "the talks had failed"),
    # a single outlet speaking is a speaker, even when the article names none
    ("Town hall.\n\nThe newspaper reported that the mayor had resigned after the vote.",
     "the mayor had resigned after the vote"),
])
def test_english_reported_content_boundaries(text, content):
    qs = [q for q in _quotes(text, "en") if q["kind"] == "indirect"]
    assert content in [q["text"] for q in qs], qs


def test_english_reported_speech_before_an_attributed_quotation_is_kept():
    text = ("Museum opens.\n\nThe curator said the exhibits would change how children learn history. "
            "''We have waited for this day for many years,'' she said.")
    qs = {q["text"]: q for q in _quotes(text, "en")}
    assert "the exhibits would change how children learn history" in qs, qs
    assert qs["We have waited for this day for many years"]["kind"] == "direct"


@pytest.mark.parametrize("text,content,speaker", [
    ("Budget Cuts Will Hurt Rural Schools, Teachers Union Says.\n\nThe union spoke on Monday.",
     "Budget Cuts Will Hurt Rural Schools", "Teachers Union"),
    ("Mayor Grant Says City Will Rebuild Old Bridge.\n\nWork starts in May.",
     "City Will Rebuild Old Bridge", "Mayor Grant"),
])
def test_english_title_case_headline_speech(text, content, speaker):
    hit = [q for q in _quotes(text, "en") if q["text"] == content]
    assert hit and speaker.split()[-1] in (hit[0]["speaker"] or ""), _quotes(text, "en")


def test_english_headline_without_speech_verb_is_no_quote():
    assert _quotes("Rural Schools Face Deep Budget Cuts, Report Shows.\n\nThe report came out on Monday.", "en") == []


def test_a_quotation_is_not_attributed_across_a_paragraph_or_a_full_stop():
    text = ('Drills.\n\n"We are ready for any scenario," the general told reporters. "Our units have trained for this '
            'exercise for many months now."\n\nThe ministry said the drills would end on Friday.')
    qs = {q["text"]: q for q in _quotes(text, "en")}
    second = next(q for t, q in qs.items() if t.startswith("Our units"))
    assert "general" in (second["speaker"] or "")


def test_a_short_quoted_sentence_after_a_quotation_goes_on_with_it():
    text = 'Strike.\n\n"We will not give up," the union leader said. "Our members are ready."\n\nTalks resume today.'
    got = {q["text"]: q for q in _quotes(text, "en")}
    assert "union leader" in (got["Our members are ready."]["speaker"] or "")
