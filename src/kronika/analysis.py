"""Running records through the pipelines: language choice, one or many worker processes, order kept.

The CLI, the API and the store all analyse through here, so that a record gives the same output everywhere.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import nullcontext

from kronika.errors import Problem, UsageError
from kronika.langid import SUPPORTED, detect
from kronika.loading import load
from kronika.output import to_record
from kronika.records import Record

LANG_CHOICES = ("auto",) + SUPPORTED
WARM_ARTICLES = 200   # analysed outside a memory zone: their words make the vocabulary's permanent core
CHUNK = 16   # records analysed together (batches help the neural stages); output lags input by one chunk at most


class Analyzer:
    """Analyses single records with the pipeline of their language (`lang="auto"` detects it per record)."""

    def __init__(self, lang: str = "auto", with_tokens: bool = False) -> None:
        if lang not in LANG_CHOICES:
            raise UsageError(f"--lang must be one of {', '.join(LANG_CHOICES)}, not {lang!r}")
        self.lang = lang
        self.with_tokens = with_tokens
        self._seen: dict[str, int] = {}     # articles analysed per language

    def analyze(self, rec: Record) -> dict | Problem:
        """The output record, or a Problem for a record that cannot be analysed (unsupported language)."""
        return self.analyze_many([rec])[0]

    def analyze_many(self, recs: list[Record]) -> list[dict | Problem]:
        """Results in input order. Records of one language go through `nlp.pipe` together, because the neural
        stages run faster on a batch than doc by doc; if a batch fails, its records are redone one by one, so that
        one bad record costs only itself."""
        results: list[dict | Problem | None] = [None] * len(recs)
        groups: dict[str, list[int]] = {}
        found: dict[int, tuple[str, str, float | None]] = {}
        for i, rec in enumerate(recs):
            got = self._language(rec)
            if isinstance(got, Problem):
                results[i] = got
            else:
                found[i] = got
                groups.setdefault(got[0], []).append(i)
        for lang, idx in groups.items():
            nlp = load(lang)
            # spaCy's memory zone frees the strings and lexemes that these articles added to the shared vocabulary
            # once their records are written: without it a long-running worker grows with every new word. The first
            # articles go without one, so that the common words stay in the vocabulary (rebuilding their lexemes for
            # every batch would cost a tenth of the time).
            self._seen[lang] = self._seen.get(lang, 0) + len(idx)
            zone = nlp.memory_zone() if self._seen[lang] > WARM_ARTICLES else nullcontext()
            with zone:
                try:
                    docs = [self._doc(nlp, recs[i], *found[i]) for i in idx]
                    done = list(nlp.pipe(docs, batch_size=max(1, len(idx))))
                except Exception:
                    done = [None] * len(idx)
                for i, doc in zip(idx, done):
                    results[i] = to_record(doc, with_tokens=self.with_tokens) if doc is not None else \
                        self._alone(recs[i])
        return results  # type: ignore[return-value]

    def _alone(self, rec: Record) -> dict | Problem:
        try:
            got = self._language(rec)
            if isinstance(got, Problem):
                return got
            nlp = load(got[0])
            with nlp.memory_zone():
                return to_record(nlp(self._doc(nlp, rec, *got)), with_tokens=self.with_tokens)
        except Exception as exc:  # one record's crash must not kill the batch
            return Problem(rec.where or rec.id, f"internal error while analysing ({type(exc).__name__}: {exc})")

    def _language(self, rec: Record) -> tuple[str, str, float | None] | Problem:
        """(pipeline language, detected language, detector score), or a Problem for an unsupported language."""
        detected, score = detect(rec.text)
        lang = self.lang
        if lang == "auto":
            lang = rec.lang if rec.lang in SUPPORTED else detected
            if lang not in SUPPORTED:
                what = f"language {detected!r} is not supported" if detected else "no recognisable language"
                return Problem(rec.where or rec.id, f"{what} (supported: {', '.join(SUPPORTED)}); "
                                                    f"use --lang to force one")
        return lang, detected or lang, score

    @staticmethod
    def _doc(nlp, rec: Record, lang: str, detected: str, score: float | None):
        """The unprocessed Doc with the record attached (made inside the caller's memory zone)."""
        doc = nlp.make_doc(rec.text)
        doc._.record = dict(rec.fields(), detected_lang=detected, lang_score=score)
        doc._.text = rec.text   # the tokenizer keeps every character, so this is doc.text without rebuilding it
        return doc


_worker_analyzer: Analyzer | None = None   # one per worker process, set by the pool initializer


def _init_worker(lang: str, with_tokens: bool = False) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(lang, with_tokens)


def _analyze_chunk(chunk: list[Record | Problem]) -> list[tuple[Record | Problem, dict | Problem]]:
    assert _worker_analyzer is not None
    recs = [item for item in chunk if not isinstance(item, Problem)]
    try:
        done = iter(_worker_analyzer.analyze_many(recs))
    except Exception:  # noqa: BLE001 - isolate the failing record below
        done = iter([_worker_analyzer._alone(r) for r in recs])
    return [(item, item if isinstance(item, Problem) else next(done)) for item in chunk]


def _chunks(items: Iterable[Record | Problem], size: int) -> Iterator[list[Record | Problem]]:
    chunk: list[Record | Problem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_stream(items: Iterable[Record | Problem], lang: str = "auto",
                   workers: int = 1, with_tokens: bool = False) -> Iterator[tuple[Record | Problem, dict | Problem]]:
    """(input item, result) pairs in input order; reader Problems pass through as their own result."""
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    Analyzer(lang)  # validate the option before any work starts
    if workers == 1:
        _init_worker(lang, with_tokens)
        for chunk in _chunks(items, CHUNK):
            yield from _analyze_chunk(chunk)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(lang, with_tokens)) as pool:
        # Problems travel through the pool too, so that imap keeps every item in input order.
        for done in pool.imap(_analyze_chunk, _chunks(items, CHUNK)):
            yield from done
