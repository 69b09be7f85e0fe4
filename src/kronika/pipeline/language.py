"""Language stage: records the text's language (lingua) and how sure the detector is."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kronika.langid import detect
from kronika.pipeline.extensions import text_of


@Language.factory("kronika_language", default_config={}, assigns=["doc._.language", "doc._.language_score"])
def make_language(nlp: Language, name: str) -> "LanguageStage":
    return LanguageStage(nlp.lang)


class LanguageStage:
    """Keeps a language the driver already detected (it chose this pipeline by it); detects it otherwise."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        record = doc._.record or {}
        if record.get("detected_lang"):
            doc._.language, doc._.language_score = record["detected_lang"], record.get("lang_score")
        else:
            code, score = detect(text_of(doc))
            doc._.language, doc._.language_score = code or self.lang, score
        return doc
