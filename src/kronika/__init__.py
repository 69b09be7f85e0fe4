"""kronika: who did what to whom, read from news (Polish first, English as well).

    import kronika
    nlp = kronika.load("pl")                  # a spaCy Language with kronika's stages
    record = kronika.analyze(text)            # the output record (shared/eval/OUTPUT.md contract)
"""
from __future__ import annotations

__version__ = "0.1.0"



def load(lang: str = "pl"):
    """kronika's spaCy pipeline for a language (see kronika.loading.load); imported lazily, so that commands that
    only query the store never pay for importing spaCy."""
    from kronika.loading import load as _load

    return _load(lang)


def analyze(text: str, lang: str = "auto", **fields) -> dict:
    """Analyse one text and return its output record; `fields` may give id, title, url, published, authors."""
    from kronika.analysis import Analyzer
    from kronika.errors import KronikaError
    from kronika.records import Record

    rec = Record(id=str(fields.pop("id", "text")), text=text, **fields)
    result = Analyzer(lang).analyze(rec)
    if not isinstance(result, dict):
        raise KronikaError(str(result))
    return result


__all__ = ["load", "analyze", "__version__"]
