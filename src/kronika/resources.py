"""Loading the package's data files (TSV and YAML), cached, so that every stage reads its lexicons the same way."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

PACKAGE_ROOT = Path(str(files("kronika")))


def data_path(*parts: str) -> Path:
    """Path of a package data file, e.g. data_path("lang", "pl", "data", "speech_verbs.tsv")."""
    return PACKAGE_ROOT.joinpath(*parts)


def lang_data(lang: str, name: str) -> Path:
    return data_path("lang", lang, "data", name)


@lru_cache(maxsize=None)
def read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


@lru_cache(maxsize=None)
def read_tsv(path: Path) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file as dicts: '#' lines are comments, the first other line names the columns."""
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader)
