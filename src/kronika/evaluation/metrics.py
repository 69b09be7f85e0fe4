"""Precision/recall/F1 per layer, matching the conventions of shared/eval/FORMAT.md (written for kronika).

Names are compared folded (case, accents, punctuation ignored); quotes match when their spans overlap by at least half
of the longer one; events are unique (source, type, target) triples, hypothetical and negated ones not counted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kronika.textnorm import fold

UNCOUNTED_MODALITIES = {"hypothetical", "negated"}


def outlet_key(name: str) -> str:
    return fold(name).removeprefix("the ").replace(" ", "")


def same_outlet(a: str, b: str) -> bool:
    """Loose outlet identity: equal keys, or one a prefix/suffix of the other (NPR ~ NPR News)."""
    a, b = outlet_key(a), outlet_key(b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 3 and (long_.startswith(short) or long_.endswith(short)))


def same_person(a: str | None, b: str | None) -> bool:
    ta, tb = set(fold(a).split()), set(fold(b).split())
    return bool(ta and tb) and (ta <= tb or tb <= ta)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    ok: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.ok += bool(ok)
        self.total += 1


def greedy_match(gold: list, pred: list, same) -> tuple[int, list, list]:
    """One-to-one matching: (matches, missed gold items, unmatched predictions)."""
    left, tp, missed = list(pred), 0, []
    for g in gold:
        for i, p in enumerate(left):
            if same(g, p):
                tp += 1
                del left[i]
                break
        else:
            missed.append(g)
    return tp, missed, left


def _spans(text: str, q: dict) -> list[tuple[int, int]]:
    if isinstance(q.get("start"), int) and isinstance(q.get("end"), int) and q["end"] > q["start"]:
        return [(q["start"], q["end"])]
    needle, out = (q.get("text") or "").strip(), []
    i = text.find(needle) if needle else -1
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def match_quotes(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, best overlaps first, each quote used once."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            best = max((_overlap(a, b) for a in _spans(text, g) for b in _spans(text, p)), default=0.0)
            if best >= 0.5:
                cands.append((best, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _best, gi, pi in sorted(cands, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _code(x) -> str | None:
    if isinstance(x, dict):
        return x.get("actor") or x.get("code")
    return x


def event_triples(events: list[dict]) -> set[tuple]:
    return {(_code(e.get("source")), e.get("type"), _code(e.get("target"))) for e in events
            if (e.get("modality") or "asserted") not in UNCOUNTED_MODALITIES and _code(e.get("source"))}


def same_time(a: str | None, b: str | None) -> bool:
    try:
        x, y = datetime.fromisoformat(a.replace("Z", "+00:00")), datetime.fromisoformat(b.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return False
    return bool(x.tzinfo and y.tzinfo) and abs((x - y).total_seconds()) < 60


@dataclass
class Scoreboard:
    layers: dict[str, Counts] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def layer(self, name: str) -> Counts:
        return self.layers.setdefault(name, Counts())

    def acc(self, name: str) -> Accuracy:
        return self.accuracy.setdefault(name, Accuracy())

    def error(self, rid: str, layer: str, what: str) -> None:
        self.errors.append((rid, layer, what))

    def scores(self) -> dict:
        out: dict = {k: v.scores() for k, v in sorted(self.layers.items())}
        out.update({f"{k}_accuracy": round(v.ok / v.total, 4) for k, v in self.accuracy.items() if v.total})
        return out
