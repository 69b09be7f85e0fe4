"""Thin, cached wrapper around morfeusz2 (SGJP dictionary).

Analysis of a word form is the hot path of the Polish morphology stage, so results are cached per form. One
`Morfeusz` instance per process: creating it loads the dictionary (~0.1 s) and it is not picklable.
morfeusz2 is imported lazily so that English-only use of kronika never needs it.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, NamedTuple

_LOCK = threading.Lock()
_INSTANCE: Any = None
_MAX_PATHS = 16

# Per-form caches: news vocabulary is Zipfian, so 60k forms hold nearly every hit; bigger caches only grow a
# long-running worker towards its 1 GB budget.
_CACHE = 60_000


class Segment(NamedTuple):
    """One interpretation of one segment of a word form (one edge of morfeusz's DAG)."""

    start: int
    end: int
    form: str
    lemma: str          # raw lemma as morfeusz gives it, e.g. "Biały:Sm1"
    tag: str            # e.g. "subst:sg:gen:m1" (dots mark alternatives)
    names: tuple[str, ...]
    quals: tuple[str, ...]


class Reading(NamedTuple):
    """One reading of a whole token: a path through the DAG reduced to lemma + tag of its head segment."""

    lemma: str          # clean lemma ("Biały"), hyphen compounds joined ("polsko-rosyjski")
    tag: str            # tag of the head segment
    raw_lemma: str      # lemma with morfeusz's homonym suffix, usable with generate()
    names: tuple[str, ...]
    quals: tuple[str, ...]
    n_segments: int


def get_morfeusz() -> Any:
    """The process-wide Morfeusz instance (created on first use)."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                try:
                    import morfeusz2
                except ImportError as exc:  # pragma: no cover - depends on the environment
                    raise ImportError(
                        "kronika's Polish morphology needs morfeusz2 (pip install 'morfeusz2>=1.99'); "
                        "it ships the SGJP dictionary"
                    ) from exc
                _INSTANCE = morfeusz2.Morfeusz(expand_tags=False)
    return _INSTANCE


def clean_lemma(lemma: str) -> str:
    """Drop morfeusz's homonym/qualifier suffix ("zamek:Sm3" -> "zamek", "by:T" -> "by"); keep ":" itself."""
    idx = lemma.find(":", 1)
    return lemma[:idx] if idx > 0 else lemma


@lru_cache(maxsize=_CACHE)
def analyse(form: str) -> tuple[Segment, ...]:
    """All DAG edges morfeusz2 gives for `form` (cached)."""
    fast = _fast_analyser()
    if fast is not None:
        return fast(form)
    out = []
    for start, end, (f, lemma, tag, names, quals) in get_morfeusz().analyse(form):
        out.append(Segment(start, end, f, lemma, tag, tuple(names), tuple(quals)))
    return tuple(out)


_FAST: list[Any] = []


def _fast_analyser() -> Any:
    """`analyse` without morfeusz2's Python wrapper, or None where its SWIG layer differs from 1.99.x.

    The wrapper builds several throw-away objects per interpretation and resolves tag/name/label ids to strings
    every time; going to the SWIG functions and caching the id -> string maps makes cold analysis ~1.5x faster and
    creates far fewer objects (which matters: garbage collection of a loaded pipeline's heap is costly).
    """
    if not _FAST:
        try:
            import morfeusz2
            import _morfeusz2 as c

            m = get_morfeusz()._morfeusz_obj
            _FAST.append(_make_fast(m, m.getIdResolver(), morfeusz2.InterpsList, c))
        except (ImportError, AttributeError):  # pragma: no cover - other morfeusz2 builds
            _FAST.append(None)
    return _FAST[0]


def _make_fast(m: Any, resolver: Any, interps_list: Any, c: Any) -> Any:
    run = c._Morfeusz_analyse
    start, end, orth, lemma_of = (c.MorphInterpretation_startNode_get, c.MorphInterpretation_endNode_get,
                                  c.MorphInterpretation__orth_get, c.MorphInterpretation__lemma_get)
    tag_id, name_id, labels_id = (c.MorphInterpretation_tagId_get, c.MorphInterpretation_nameId_get,
                                  c.MorphInterpretation_labelsId_get)
    tags: dict[int, str] = {}
    names: dict[int, tuple[str, ...]] = {}
    labels: dict[int, tuple[str, ...]] = {}

    def fast(form: str) -> tuple[Segment, ...]:
        res = interps_list()
        run(m, form, res)
        out = []
        for i in res:
            t = tag_id(i)
            tag = tags.get(t)
            if tag is None:
                tag = tags[t] = resolver.getTag(t)
            n = name_id(i)
            nm = names.get(n)
            if nm is None:
                raw = resolver.getName(n)
                nm = names[n] = tuple(raw.split("|")) if raw else ()
            q = labels_id(i)
            ql = labels.get(q)
            if ql is None:
                ql = labels[q] = tuple(resolver.getLabels(q))
            out.append(Segment(start(i), end(i), orth(i), lemma_of(i), tag, nm, ql))
        return tuple(out)

    return fast


def _paths(segs: tuple[Segment, ...]) -> list[list[tuple[int, int]]]:
    """Paths (as lists of (start, end) node pairs) from the first to the last node, at most _MAX_PATHS."""
    if not segs:
        return []
    first = min(s.start for s in segs)
    last = max(s.end for s in segs)
    edges: dict[int, list[int]] = {}
    for s in segs:
        if s.end not in edges.setdefault(s.start, []):
            edges[s.start].append(s.end)
    paths: list[list[tuple[int, int]]] = []
    stack: list[tuple[int, list[tuple[int, int]]]] = [(first, [])]
    while stack and len(paths) < _MAX_PATHS:
        node, path = stack.pop()
        if node == last:
            paths.append(path)
            continue
        for nxt in edges.get(node, ()):
            stack.append((nxt, path + [(node, nxt)]))
    paths.sort(key=len)
    return paths


def _compose(path: list[tuple[int, int]], by_edge: dict[tuple[int, int], list[Segment]]) -> list[Reading]:
    """Token readings for one segmentation path."""
    if len(path) == 1:
        return [Reading(clean_lemma(s.lemma), s.tag, s.lemma, s.names, s.quals, 1) for s in by_edge[path[0]]]
    parts = [by_edge[e] for e in path]
    if any(p[0].tag == "interp" and p[0].form == "-" for p in parts[1:-1]):
        # hyphen compound ("polsko-rosyjski", "Kasyma-Żomarta"): readings of the last part, earlier parts joined
        pieces = []
        for p in parts[:-1]:
            s = p[0]
            if s.tag == "interp":
                pieces.append(s.form)
            elif s.tag.startswith("adja"):
                pieces.append(s.form.lower() if not s.form[:1].isupper() else s.form)
            else:
                pieces.append(clean_lemma(s.lemma))
        prefix = "".join(pieces)
        return [Reading(prefix + clean_lemma(s.lemma), s.tag, s.lemma, s.names, s.quals, len(path))
                for s in parts[-1]]
    # agglutinates ("zrobił|em", "zrobił|by|m"): the first segment is the head
    return [Reading(clean_lemma(s.lemma), s.tag, s.lemma, s.names, s.quals, len(path)) for s in parts[0]]


@lru_cache(maxsize=_CACHE)
def readings(form: str) -> tuple[Reading, ...]:
    """Readings of a whole token, over every segmentation that covers it (cached).

    Single-segment readings come first; a token morfeusz splits ("zrobiłem") is reduced to its head segment.
    """
    segs = analyse(form)
    if segs and all(s.start == segs[0].start and s.end == segs[0].end for s in segs):
        # one segment spans the form (most words): no paths to compose
        out, seen = [], set()
        for s in segs:
            lemma = clean_lemma(s.lemma)
            key = (lemma, s.tag, s.lemma)
            if key not in seen:
                seen.add(key)
                out.append(Reading(lemma, s.tag, s.lemma, s.names, s.quals, 1))
        return tuple(out)
    by_edge: dict[tuple[int, int], list[Segment]] = {}
    for s in segs:
        by_edge.setdefault((s.start, s.end), []).append(s)
    out: list[Reading] = []
    seen = set()
    for path in _paths(segs):
        for r in _compose(path, by_edge):
            key = (r.lemma, r.tag, r.raw_lemma)
            if key not in seen:
                seen.add(key)
                out.append(r)
    return tuple(out)


@lru_cache(maxsize=_CACHE)
def trailing_readings(prev: str, form: str) -> tuple[Segment, ...]:
    """Readings of `form` as the tail of `prev + form` ("zrobił" + "em" -> aglt), or () if it is not a tail.

    Used when a tokeniser has already split an agglutinate off its host.
    """
    segs = analyse(prev + form)
    cut = len(prev)
    # nodes are segment indices; find the node where the text offset equals len(prev)
    by_start = {}
    for s in segs:
        by_start.setdefault(s.start, []).append(s)
    offset = {0: 0}
    for node in sorted(by_start):
        if node not in offset:
            continue
        for s in by_start[node]:
            offset.setdefault(s.end, offset[node] + len(s.form))
    nodes = [n for n, off in offset.items() if off == cut]
    if not nodes:
        return ()
    return tuple(s for s in segs if s.start in nodes)


@lru_cache(maxsize=100_000)
def leading_readings(form: str, nxt: str) -> tuple[Reading, ...]:
    """Readings of `form` when analysed together with the following text `nxt` ("r" + "." -> brev "rok",
    "biało" + "-" -> adja), or () if morfeusz does not segment `form + nxt` at the boundary."""
    segs = analyse(form + nxt)
    offset = {0: 0}
    for s in sorted(segs, key=lambda s: s.start):
        if s.start in offset:
            offset.setdefault(s.end, offset[s.start] + len(s.form))
    ends = {n for n, off in offset.items() if off == len(form)}
    return tuple(Reading(clean_lemma(s.lemma), s.tag, s.lemma, s.names, s.quals, 1)
                 for s in segs if s.start == 0 and s.end in ends)


@lru_cache(maxsize=50_000)
def generate(lemma: str) -> tuple[Segment, ...]:
    """All forms of a (raw) lemma; returns () when morfeusz does not know it (cached)."""
    try:
        out = get_morfeusz().generate(lemma)
    except Exception:  # morfeusz raises on lemmas it cannot parse
        return ()
    res = tuple(Segment(0, 1, f, lem, tag, tuple(names), tuple(quals)) for f, lem, tag, names, quals in out)
    if len(res) == 1 and res[0].tag == "ign":
        return ()
    return res


def is_known(form: str) -> bool:
    """True when morfeusz has a dictionary reading (not just `ign`) for `form`."""
    return any(r.tag != "ign" for r in readings(form))


def tag_parts(tag: str) -> tuple[frozenset[str], ...]:
    """Split a tag into positions, each a set of alternatives ("adj:sg:gen.loc:f:pos")."""
    return _tag_parts(tag)


@lru_cache(maxsize=20_000)
def _tag_parts(tag: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(p.split(".")) for p in tag.split(":"))
