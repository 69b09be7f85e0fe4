"""Pipelines for the events tests with a tiny stand-in actor stage, so that the tests check the events stage alone
(whatever the real actor stage finds). Sentences are written for these tests."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

import kronika.pipeline.factories  # noqa: F401

ACTORS = {
    # surface form: (code, sector)
    "Rosja": ("RUS", None), "Rosji": ("RUS", None), "Rosję": ("RUS", None), "Moskwy": ("RUS", "GOV"),
    "rosyjskie": ("RUS", None), "rosyjska": ("RUS", None), "Ukrainę": ("UKR", None), "Ukrainy": ("UKR", None),
    "Ukraina": ("UKR", None), "Kijowa": ("UKR", "GOV"), "Polska": ("POL", None), "Polsce": ("POL", None),
    "Litwa": ("LTU", None), "Łotwa": ("LVA", None), "Niemcy": ("DEU", None), "Niemiec": ("DEU", None),
    "Francji": ("FRA", None), "Unia Europejska": ("EU", None), "Iranowi": ("IRN", None), "Iranu": ("IRN", None),
    "Chiny": ("CHN", None), "Japonia": ("JPN", None), "Japonii": ("JPN", None), "Kanada": ("CAN", None),
    "Russia": ("RUS", None), "Ukraine": ("UKR", None), "Japan": ("JPN", None), "South Korea": ("KOR", None),
    "Israel": ("ISR", None), "Israeli": ("ISR", None), "Iran": ("IRN", None), "China": ("CHN", None),
    "Canada": ("CAN", None), "Germany": ("DEU", None), "France": ("FRA", None), "Kremlin": ("RUS", "GOV"),
    "Kazachstan": ("KAZ", None), "Kazachstanu": ("KAZ", None), "Kanada": ("CAN", None), "Polską": ("POL", None),
    "Polscy": ("POL", None), "Rosją": ("RUS", None), "Russian": ("RUS", None),
    "Kanady": ("CAN", None), "Zełenskim": ("UKR", "GOV"),
    "Litwy": ("LTU", None), "Kanadę": ("CAN", None), "Kanadzie": ("CAN", None), "Chinami": ("CHN", None),
    "polskiego": ("POL", None), "Ukrainie": ("UKR", None), "Rosyjski": ("RUS", None), "Izraelskie": ("ISR", None),
    "Libanie": ("LBN", None), "Tajwanu": ("TWN", None), "USA": ("USA", None),
}
PERSONS = {"Zełenskim"}
ADJECTIVES = {"Rosyjski", "Izraelskie"}


def mark_actors(doc, actors: dict[str, tuple[str, str | None, str]]):
    """Stand-in for the actor stage: every whole-word occurrence of a listed form (longest first) becomes an actor
    mention; `actors` maps a surface form to (code, sector, mention kind)."""
    spans, taken = [], set()
    for form in sorted(actors, key=len, reverse=True):
        start = 0
        while (k := doc.text.find(form, start)) >= 0:
            start = k + 1
            end = k + len(form)
            if (k and doc.text[k - 1].isalnum()) or (end < len(doc.text) and doc.text[end].isalnum()):
                continue
            sp = doc.char_span(k, end)
            if sp is None or any(i in taken for i in range(sp.start, sp.end)):
                continue
            taken.update(range(sp.start, sp.end))
            code, sector, kind = actors[form]
            s = Span(doc, sp.start, sp.end, label=code, kb_id=form)
            s._.actor, s._.sector, s._.mention_kind = code, sector, kind
            spans.append(s)
    doc.spans["kronika_actors"] = sorted(spans, key=lambda s: s.start)
    return doc


@Language.factory("test_stub_actors")
def make_stub(nlp: Language, name: str):
    actors = {form: (code, sector, "person" if form in PERSONS else "adjective" if form in ADJECTIVES else "name")
              for form, (code, sector) in ACTORS.items()}
    return lambda doc: mark_actors(doc, actors)


def _build(lang: str) -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("kronika_sentences")
    if lang == "pl":
        nlp.add_pipe("kronika_morphology")
    nlp.add_pipe("test_stub_actors")
    nlp.add_pipe("kronika_events")
    return nlp


@pytest.fixture(scope="session")
def pl_nlp() -> Language:
    return _build("pl")


@pytest.fixture(scope="session")
def en_nlp() -> Language:
    return _build("en")


def run(nlp: Language, text: str, published: str | None = None):
    doc = nlp.make_doc(text)
    doc._.meta = {"published": published}
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def triples(doc, visible_only: bool = False) -> set[tuple]:
    out = set()
    for sp in doc.spans["kronika_events"]:
        ev = sp._.event
        if visible_only and ev["modality"] in ("hypothetical", "negated"):
            continue
        out.add((ev["source"]["actor"], ev["type"], (ev["target"] or {}).get("actor"), ev["modality"]))
    return out


def visible_triples(doc) -> set[tuple]:
    """(source, type, target) of the events the scorer counts: not hypothetical, not negated."""
    return {t[:3] for t in triples(doc, visible_only=True)}
