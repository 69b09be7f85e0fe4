"""Building kronika's spaCy pipelines from their configs (configs/<lang>.cfg)."""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import Config

from kronika.errors import UsageError
from kronika.resources import data_path

LANGS = ("pl", "en")


def model_dir(name: str):
    """Where a trained model ships inside the package (src/kronika/models/<name>)."""
    return data_path("models", name)


def pipeline_config(lang: str) -> Config:
    """The language's config with model paths filled in; sourced components whose model is missing are left out."""
    if lang not in LANGS:
        raise UsageError(f"language {lang!r} is not supported (supported: {', '.join(LANGS)})")
    cfg = Config().from_disk(data_path("configs", f"{lang}.cfg"), interpolate=False)
    for key in list(cfg.get("paths", {})):
        path = model_dir(key)
        present = (path / "config.cfg").exists()
        cfg["paths"][key] = str(path) if present else None
        if not present:
            dropped = [name for name, comp in cfg["components"].items() if comp.get("source") == f"${{paths.{key}}}"]
            for name in dropped:
                del cfg["components"][name]
            cfg["nlp"]["pipeline"] = [p for p in cfg["nlp"]["pipeline"] if p not in dropped]
    return cfg


@lru_cache(maxsize=len(LANGS))
def load(lang: str = "pl") -> Language:
    """kronika's pipeline for a language: a spaCy Language whose stages add kronika's layers to the Doc.

    Cached per process: a pipeline is built once and reused for every document.
    """
    import kronika.pipeline.factories  # noqa: F401  (registers the components)

    cfg = pipeline_config(lang)
    nlp = spacy.util.load_model_from_config(cfg.interpolate(), auto_fill=True, validate=True)
    # The loaded pipeline holds over a million long-lived objects (lexicons, matchers, models); freezing them keeps
    # Python's cyclic garbage collector from rescanning them during every document (~20% of a stage's time).
    gc.freeze()
    return nlp
