#!/usr/bin/env python3
"""Validate the gazetteer src/kronika/kb/data/places.tsv against actors.tsv and aliases.tsv.

Run from anywhere: ``python scripts/check_places.py``. Standard library only. Exits 1 and lists
every problem when a check fails. The cross-file checks exist because a place name that is also
another actor's capital or name (Kingston, Georgia, Tripoli) would silently assign an article to
the wrong state unless the row is flagged ``ambiguous``, and a form already in aliases.tsv for the
same state is redundant and would be matched twice.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "kronika" / "kb" / "data"
PLACE_COLUMNS = ["code", "lang", "kind", "form", "flags"]
LANGS = {"pl", "en"}
KINDS = {"city", "region"}
FLAGS = {"ambiguous"}


def read_rows(path: Path, columns: list[str] | None, errors: list[str]) -> list[list[str]]:
    """Return the data rows of a kb TSV ('#' comment lines, one header row, tab-separated rows)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    if i == 0:
        errors.append(f"{path.name}: no '#' comment header naming source/licence")
    header = lines[i].split("\t") if i < len(lines) else []
    if columns is not None and header != columns:
        errors.append(f"{path.name}: header row must be {columns}, got {header}")
    rows = []
    for n, line in enumerate(lines[i + 1 :], start=i + 2):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            errors.append(f"{path.name}:{n}: {len(fields)} columns, expected {len(header)}: {line!r}")
            continue
        rows.append([str(n)] + fields)
    return rows


def check(errors: list[str]) -> int:
    """Run every check, append problems to ``errors`` and return the number of place rows."""
    actors = read_rows(DATA / "actors.tsv", None, errors)
    state_codes = {r[1] for r in actors if r[2] in ("state", "historical_state")}
    alias_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in read_rows(DATA / "aliases.tsv", None, errors):
        alias_codes[(r[2], r[4].casefold())].add(r[1])

    places = read_rows(DATA / "places.tsv", PLACE_COLUMNS, errors)
    place_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    seen: dict[tuple[str, str, str], str] = {}
    langs_by_code: dict[str, set[str]] = defaultdict(set)
    for n, code, lang, kind, form, flags in places:
        where = f"places.tsv:{n}"
        if code not in state_codes:
            errors.append(f"{where}: code {code!r} is not a state in actors.tsv")
        if lang not in LANGS:
            errors.append(f"{where}: lang {lang!r} not in {sorted(LANGS)}")
        if kind not in KINDS:
            errors.append(f"{where}: kind {kind!r} not in {sorted(KINDS)}")
        if not form or form != form.strip() or "  " in form:
            errors.append(f"{where}: empty form or stray whitespace: {form!r}")
        bad = {f for f in flags.split(",") if f} - FLAGS
        if bad:
            errors.append(f"{where}: unknown flags {sorted(bad)}")
        key = (code, lang, form.casefold())
        if key in seen:
            errors.append(f"{where}: duplicate of line {seen[key]} ({code} {lang} {form!r})")
        seen[key] = n
        place_codes[(lang, form.casefold())].add(code)
        langs_by_code[code].add(lang)

    for n, code, lang, _kind, form, flags in places:
        where = f"places.tsv:{n}"
        fkey = (lang, form.casefold())
        if code in alias_codes.get(fkey, ()):
            errors.append(f"{where}: {form!r} is already in aliases.tsv for {code}; drop it here")
        others = (alias_codes.get(fkey, set()) | place_codes[fkey]) - {code}
        if others and "ambiguous" not in flags.split(","):
            errors.append(f"{where}: {form!r} ({code}) also names {sorted(others)}: flag it ambiguous")
    for code, langs in sorted(langs_by_code.items()):
        if langs != LANGS:  # legitimate when the other language's form is already in aliases.tsv
            print(f"warning: places.tsv: {code} has rows in {sorted(langs)} only", file=sys.stderr)
    return len(places)


def main() -> int:
    """Print problems (exit 1) or a one-line summary (exit 0)."""
    errors: list[str] = []
    n = check(errors)
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s) in places.tsv", file=sys.stderr)
        return 1
    print(f"places.tsv OK: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
