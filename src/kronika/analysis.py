"""Running records through the pipelines: language choice, one or many worker processes, order kept.

The CLI, the API and the store all analyse through here, so that a record gives the same output everywhere.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from kronika.errors import Problem, UsageError
from kronika.langid import SUPPORTED, detect
from kronika.loading import load
from kronika.output import to_record
from kronika.records import Record

LANG_CHOICES = ("auto",) + SUPPORTED


class Analyzer:
    """Analyses single records with the pipeline of their language (`lang="auto"` detects it per record)."""

    def __init__(self, lang: str = "auto", with_tokens: bool = False) -> None:
        if lang not in LANG_CHOICES:
            raise UsageError(f"--lang must be one of {', '.join(LANG_CHOICES)}, not {lang!r}")
        self.lang = lang
        self.with_tokens = with_tokens

    def analyze(self, rec: Record) -> dict | Problem:
        """The output record, or a Problem for a record that cannot be analysed (unsupported language)."""
        detected, score = detect(rec.text)
        lang = self.lang
        if lang == "auto":
            lang = rec.lang if rec.lang in SUPPORTED else detected
            if lang not in SUPPORTED:
                what = f"language {detected!r}" if detected else "no recognisable language"
                return Problem(rec.where or rec.id, f"{what} is not supported (supported: {', '.join(SUPPORTED)}); "
                                                    f"use --lang to force one")
        nlp = load(lang)
        doc = nlp.make_doc(rec.text)
        doc._.record = dict(rec.fields(), detected_lang=detected or lang, lang_score=score)
        doc._.text = rec.text   # the tokenizer keeps every character, so this is doc.text without rebuilding it
        return to_record(nlp(doc), with_tokens=self.with_tokens)


_worker_analyzer: Analyzer | None = None   # one per worker process, set by the pool initializer


def _init_worker(lang: str, with_tokens: bool = False) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(lang, with_tokens)


def _analyze_in_worker(rec: Record) -> dict | Problem:
    assert _worker_analyzer is not None
    try:
        return _worker_analyzer.analyze(rec)
    except Exception as exc:  # one record's crash must not kill the batch
        return Problem(rec.where or rec.id, f"internal error while analysing ({type(exc).__name__}: {exc})")


def analyze_stream(items: Iterable[Record | Problem], lang: str = "auto",
                   workers: int = 1, with_tokens: bool = False) -> Iterator[tuple[Record | Problem, dict | Problem]]:
    """(input item, result) pairs in input order; reader Problems pass through as their own result."""
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    Analyzer(lang)  # validate the option before any work starts
    if workers == 1:
        _init_worker(lang, with_tokens)
        yield from map(_echo_or_analyze, items)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(lang, with_tokens)) as pool:
        # Problems travel through the pool too, so that imap keeps every item in input order.
        yield from pool.imap(_echo_or_analyze, items, chunksize=4)


def _echo_or_analyze(item: Record | Problem) -> tuple[Record | Problem, dict | Problem]:
    return item, item if isinstance(item, Problem) else _analyze_in_worker(item)
