"""NKJP/morfeusz2 tags -> UD (UPOS, FEATS), driven by data/tagset.tsv.

The conversion is pure table lookup so that the mapping can be reviewed and corrected without touching code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "tagset.tsv"


def _feats(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in text.split("|"):
        if "=" in item:
            k, v = item.split("=", 1)
            out[k] = v
    return out


@dataclass
class Tagset:
    """The loaded mapping; see data/tagset.tsv for the meaning of each kind of row."""

    classes: dict[str, tuple[str, dict[str, str], int]] = field(default_factory=dict)
    attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    classattrs: dict[str, dict[str, str]] = field(default_factory=dict)
    drops: dict[str, frozenset[str]] = field(default_factory=dict)
    lemmas: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    name_kinds: frozenset[str] = frozenset()

    def rank(self, tag: str) -> int:
        """Preference rank of a tag's class (lower = preferred); unknown classes rank last."""
        entry = self.classes.get(tag.split(":", 1)[0])
        return entry[2] if entry else 99

    def upos_class(self, tag: str) -> str:
        entry = self.classes.get(tag.split(":", 1)[0])
        return entry[0] if entry else "X"


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Tagset:
    """Load data/tagset.tsv once."""
    ts = Tagset()
    names = set()
    lines = (Path(path) if path else DATA).read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines if ln and not ln.startswith("#")]
    header = rows[0].split("\t")
    for ln in rows[1:]:
        row = dict(zip(header, ln.split("\t")))
        kind, key, upos, feats = row["kind"], row["key"], row.get("upos", ""), row.get("feats", "")
        if kind == "class":
            ts.classes[key] = (upos, _feats(feats), int(row.get("rank") or 99))
        elif kind == "attr":
            ts.attrs[key] = _feats(feats)
        elif kind == "classattr":
            ts.classattrs[key] = _feats(feats)
        elif kind == "drop":
            ts.drops[key] = frozenset(feats.split("|"))
        elif kind == "lemma":
            ts.lemmas[key] = (upos, _feats(feats))
        elif kind == "name":
            names.add(key)
    ts.name_kinds = frozenset(names)
    return ts


def is_proper(lemma: str, names: tuple[str, ...] | list[str]) -> bool:
    """True for a proper-noun reading: a capitalised lemma whose SGJP `names` mark a name."""
    return bool(lemma[:1].isupper()) and any(n in load().name_kinds for n in names)


def to_ud(tag: str, lemma: str = "", proper: bool = False) -> tuple[str, str]:
    """Convert one NKJP tag (no alternatives; with alternatives the first is used) to (UPOS, FEATS string).

    `lemma` lets pronouns/auxiliaries get their UD class (ten/adj -> DET, być/fin -> AUX); `proper` marks a
    proper-noun reading (subst/depr -> PROPN).
    """
    # only the few lemmas with a `lemma` row change the result: cache per tag, not per (tag, lemma)
    key = f"{lemma}/{tag.split(':', 1)[0]}"
    return _to_ud(tag, key if key in load().lemmas else "", proper)


@lru_cache(maxsize=50_000)
def _to_ud(tag: str, lemma_key: str, proper: bool) -> tuple[str, str]:
    ts = load()
    parts = tag.split(":")
    cls = parts[0]
    upos, base, _ = ts.classes.get(cls, ("X", {}, 99))
    feats = dict(base)
    for value in parts[1:]:
        value = value.split(".", 1)[0]
        feats.update(ts.attrs.get(value, {}))
        extra = ts.classattrs.get(f"{cls}+{value}")
        if extra:
            feats.update(extra)
    if "Number" in feats and feats["Number"] != "Ptan" and "pt" in parts[1:]:
        feats["Number"] = "Ptan"
    override = ts.lemmas.get(lemma_key) if lemma_key else None
    if override:
        upos = override[0] or upos
        feats.update(override[1])
    if proper and upos == "NOUN" and cls in ("subst", "depr"):
        upos = "PROPN"
    for name in ts.drops.get(cls, ()):
        feats.pop(name, None)
    return upos, "|".join(f"{k}={feats[k]}" for k in sorted(feats))
