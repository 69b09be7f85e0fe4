"""`kronika kb ...`: ask the knowledge base, rebuild its generated forms, check its data files."""
from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.table import Table

from kronika.errors import UsageError

kb_app = typer.Typer(add_completion=False, no_args_is_help=True, help="The knowledge base: states, organisations, "
                                                                     "office holders.")


@kb_app.command("lookup")
def kb_lookup(
    query: str = typer.Argument(..., help='a name in any form ("Tokajewa", "Kremla", "szef MSZ Węgier") or a code'),
    date: str = typer.Option(None, "--date", "-d", help="YYYY-MM-DD: who held office then"),
    lang: str = typer.Option("pl", "--lang", "-l", help="pl | en"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """What a name stands for: actor code, sector, and for people the office they held on the date."""
    from kronika.kb.lookup import lookup

    if lang not in ("pl", "en"):
        raise UsageError(f"--lang must be pl or en, not {lang!r}")
    if date and not (len(date) in (4, 7, 10) and date[:4].isdigit()):
        raise UsageError(f"--date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    answers = lookup(query, lang, date)
    if as_json:
        sys.stdout.write(json.dumps([a.__dict__ for a in answers], ensure_ascii=False) + "\n")
        return
    if not answers:
        Console(stderr=True).print(f"kronika: nothing in the knowledge base matches {query!r}", markup=False)
        raise typer.Exit(1)
    t = Table(show_edge=False)
    for col in ("as written", "code", "actor", "kind", "sector", "base form", "office"):
        t.add_column(col)
    for a in answers:
        t.add_row(a.text, a.code, a.name, a.kind, a.sector or "", a.base, a.holder or "")
    Console(highlight=False).print(t)


@kb_app.command("build")
def kb_build() -> None:
    """Regenerate the inflected forms (kb/data/generated/) after editing kb/data/*.tsv."""
    from kronika.kb import forms, named, outlets

    for module in (forms, outlets, named):
        for lang in ("pl", "en"):
            n = module.write_generated(lang)
            typer.echo(f"{module.generated_path(lang)}: {n:,} forms")
