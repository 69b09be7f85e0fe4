"""The `kronika` command: a thin typer layer that parses options, calls the library and prints.

Exit codes: 0 every record analysed; 1 some records were bad (each reported on stderr) and skipped; 2 usage error
(bad option, or no input could be read); 70 internal error. Messages are one line; tracebacks never reach the user.
"""
from __future__ import annotations

import json
import sys
import time
from typing import List, Optional

import typer
from rich.console import Console

from kronika.errors import EXIT_INTERNAL, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, KronikaError, Problem, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="kronika reads news and writes down who did what to whom.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
FORMATS = ("table", "json", "jsonl", "conllu")
PROGRESS_AFTER_S = 2.0


def _report(problem: Problem) -> None:
    err.print(f"kronika: skipped {problem}", markup=False)


def _progress_stream(pairs, enabled: bool):
    """Pass items through; after a few seconds show a progress line on stderr (only on a terminal)."""
    if not enabled:
        yield from pairs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    t0, progress, task, n = time.monotonic(), None, None, 0
    try:
        for item in pairs:
            n += 1
            if progress is None and time.monotonic() - t0 > PROGRESS_AFTER_S:
                progress = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"),
                                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err,
                                    transient=True)
                progress.start()
                task = progress.add_task("analyse", total=None, rate="")
            if progress is not None:
                rate = n / max(time.monotonic() - t0, 1e-6)
                progress.update(task, completed=n, rate=f"{rate:.1f}/s")
            yield item
    finally:
        if progress is not None:
            progress.stop()


@app.command()
def analyze(
    paths: List[str] = typer.Argument(..., help="files, folders, or - for stdin (text, JSONL, HTML, WARC, RSS/Atom; "
                                                "gzipped too)"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table | json | jsonl | conllu (tokens with "
                                                                    "lemmas, features, entities; default: table on a "
                                                                    "terminal, jsonl otherwise)"),
    lang: str = typer.Option("auto", "--lang", "-l", help="auto | pl | en"),
    workers: int = typer.Option(1, "--workers", "-w", help="worker processes; output is identical to one worker"),
    input_format: str = typer.Option("auto", "--input-format", help="auto | text | jsonl | html | warc | feed"),
) -> None:
    """Analyse articles and print one result per input record, in input order."""
    from kronika.analysis import analyze_stream
    from kronika.readers import FORMATS as IN_FORMATS, iter_records

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if input_format not in IN_FORMATS:
        raise UsageError(f"--input-format must be one of {', '.join(IN_FORMATS)}, not {input_format!r}")
    if all_inputs_missing(paths):
        raise UsageError(f"no such file or folder: {', '.join(paths)}")
    out = Console(highlight=False, soft_wrap=False) if fmt == "table" else None
    good = bad = 0
    collected: list[dict] = []
    stream = analyze_stream(iter_records(paths, input_format), lang=lang, workers=workers,
                            with_tokens=fmt == "conllu")
    for _item, result in _progress_stream(stream, enabled=err.is_terminal and fmt != "table"):
        if isinstance(result, Problem):
            bad += 1
            _report(result)
            continue
        good += 1
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif fmt == "json":
            collected.append(result)
        elif fmt == "conllu":
            from kronika.render import conllu

            sys.stdout.write(conllu(result) + "\n")
        else:
            from kronika.render import print_record

            print_record(out, result)
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    if not good and bad:
        err.print(f"kronika: no record could be analysed ({bad} skipped)")
        raise typer.Exit(EXIT_SKIPPED)
    raise typer.Exit(EXIT_SKIPPED if bad else EXIT_OK)


def all_inputs_missing(paths: List[str]) -> bool:
    from pathlib import Path

    return all(p != "-" and not Path(p).exists() for p in paths)


@app.command("eval")
def evaluate(
    gold: str = typer.Argument(..., help="gold JSON Lines (shared/eval/FORMAT.md)"),
    show_errors: int = typer.Option(10, "--show-errors", help="list up to N differences"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as one JSON object"),
    lang: str = typer.Option("auto", "--lang", "-l", help="auto | pl | en"),
) -> None:
    """Analyse a gold file's texts and print precision, recall and F1 per layer, with the errors."""
    from kronika.evaluation import evaluate_file, print_report

    report = evaluate_file(gold, lang=lang, show_errors=show_errors)
    if as_json:
        sys.stdout.write(json.dumps(report["scores"], ensure_ascii=False) + "\n")
    else:
        print_report(Console(highlight=False), report)


from kronika.cli_kb import kb_app  # noqa: E402

app.add_typer(kb_app, name="kb")
from kronika.cli_store import register as _register_store  # noqa: E402

_register_store(app)   # ingest, articles, article, events, quotes, actors, relations, export
from kronika.cli_serve import register as _register_serve  # noqa: E402

_register_serve(app)   # serve: the API and the web workbench


@app.command()
def version() -> None:
    """Print kronika's version."""
    from kronika import __version__

    typer.echo(__version__)


def _is_cli_usage_error(exc: Exception) -> bool:
    """Click's errors (typer vendors its own copy of click, so match by shape, not by class)."""
    return hasattr(exc, "format_message") and hasattr(exc, "exit_code") or type(exc).__name__ == "Abort"


def _usage_exit(exc: Exception) -> int:
    if type(exc).__name__ == "Abort":
        err.print("kronika: interrupted")
        return 130
    err.print(f"kronika: {exc.format_message()}", markup=False)
    return EXIT_USAGE


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: runs the typer app and turns every failure into one line and an exit code."""
    try:
        rc = app(args=argv, standalone_mode=False)   # click returns the code of ctx.exit() in this mode
        sys.exit(rc or EXIT_OK)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except UsageError as exc:
        err.print(f"kronika: {exc}", markup=False)
        sys.exit(EXIT_USAGE)
    except KronikaError as exc:
        err.print(f"kronika: {exc}", markup=False)
        sys.exit(EXIT_SKIPPED)
    except KeyboardInterrupt:
        err.print("kronika: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if _is_cli_usage_error(exc):
            sys.exit(_usage_exit(exc))
        err.print(f"kronika: internal error ({type(exc).__name__}: {exc}); please report it", markup=False)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
