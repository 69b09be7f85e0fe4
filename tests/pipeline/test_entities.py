"""Entities: media as PRO/ORG, one label per name in an article, names cut where a known name ends."""
import kronika


def ents(text: str, lang: str = "pl") -> set[tuple[str, str]]:
    return {(e["lemma"], e["label"]) for e in kronika.analyze(text, lang=lang)["entities"]}


def test_outlets_are_products_and_agencies_organisations():
    got = ents("Jak podała telewizja BBC, rząd milczy. Informację potwierdziła agencja Reuters.")
    assert ("BBC", "PRO") in got
    assert ("Reuters", "ORG") in got


def test_plural_demonym_keeps_its_number():
    got = ents("Polacy coraz częściej wyjeżdżają do pracy w Norwegii.")
    assert ("Polacy", "PER") in got


def test_a_known_name_is_not_run_into_the_next():
    got = ents("Przewodniczący Komisja Europejska Jean-Claude Juncker przyjechał do Pragi.")
    assert ("Komisja Europejska", "ORG") in got
    assert ("Jean-Claude Juncker", "PER") in got


def test_one_label_per_name_in_an_article():
    doc = kronika.analyze("Linie Wizz Air odwołały loty. Wizz Air tłumaczy to strajkiem. Rzecznik Wizz Air "
                          "nie odpowiedział na pytania.", lang="pl")
    labels = {e["label"] for e in doc["entities"] if e["lemma"] == "Wizz Air"}
    assert len(labels) <= 1


def test_no_punctuation_at_a_name_edge():
    for e in kronika.analyze("Rozmawiał z Markiem Rutte. Potem wyjechał.", lang="pl")["entities"]:
        assert not e["text"].endswith((".", ","))


def test_english_proper_names_need_a_telling_word():
    got = ents("Senator Maria Calloway criticised the Hartwell Group and the Ministry of Fisheries. "
               "Trevor Blanding smiled.", lang="en")
    assert ("Maria Calloway", "PER") in got
    assert ("Hartwell Group", "ORG") in got
    assert ("Ministry of Fisheries", "ORG") in got
    assert not any(lemma == "Trevor Blanding" for lemma, _ in got)   # no title, no known given name: not guessed


def test_people_the_ner_misses_start_with_a_listed_given_name():
    # foreign names are rare in NKJP: a run of capitalised words led by a given name is a person, in base form
    got = ents("Zakonnica Lucía Fernández opowiedziała o spotkaniu. Rozmawiał też z Ołeksandrem Petrenką.")
    assert ("Lucía Fernández", "PER") in got
    assert ("Ołeksandr Petrenko", "PER") in got


def test_a_given_name_before_a_found_surname_joins_it():
    got = ents("Słowa Tarasa Kowalenki potwierdził dyrektor szkoły.")
    assert ("Taras Kowalenko", "PER") in got


def test_a_sentence_initial_adjective_is_no_entity():
    got = ents("Hiszpańska zakonnica Carmen Ruiz opowiedziała o papieżu.")
    assert not any(lemma.lower().startswith("hiszpańsk") for lemma, _label in got)
    assert ("Carmen Ruiz", "PER") in got


def test_a_name_never_runs_over_a_line_break():
    doc = kronika.load("pl")("Autor: Jan Kowalczyk\nWarszawa to stolica Polski.")
    assert all("\n" not in e.text for e in doc.ents)


def test_a_known_name_inside_a_longer_one_is_someone_else():
    # "Juan Carlos" is a king in the knowledge base; "Juan Carlos Pérez" is another man
    doc = kronika.load("pl")("Rozmawiał wczoraj z Juanem Carlosem Pérezem o pogodzie.")
    assert [(e._.lemma, e.label_) for e in doc.ents] == [("Juan Carlos Pérez", "PER")]
    assert not any(sp.label_ == "ESP" for sp in doc.spans["kronika_actors"])


def test_a_name_does_not_end_in_a_conjunction_or_preposition():
    doc = kronika.load("pl")("Prezydent Andrzej Duda z małżonką odwiedził wczoraj Wilno.")
    assert all(not e.text.endswith((" z", " i")) for e in doc.ents)
    assert "Andrzej Duda" in [e.text for e in doc.ents]
