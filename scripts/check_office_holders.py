#!/usr/bin/env python3
"""Validate kb/data/office_holders.tsv (and roles.tsv if present).

Standard library only, so it can run before the venv exists. Checks the column header,
date formats, start <= end, actor codes, PLOVER sectors, role names, and that single-holder
offices (head of state/government, foreign/defence minister) do not overlap by more than
7 days within one polity. Exit status 1 on any error.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "kronika" / "kb" / "data"

COLUMNS = ["code", "sector", "role", "name_en", "name_pl", "aliases", "start", "end", "notes"]
ROLE_COLUMNS = ["lang", "form", "role", "sector", "needs_polity", "notes"]
IGO_CODES = {
    "NATO", "EU", "UN", "OSCE", "CSTO", "EAEU", "CIS", "G7", "G20", "OPEC", "IMF", "WORLDBANK", "WTO",
    "WHO", "AU", "ASEAN", "ARABLEAGUE", "COE", "ICC", "IAEA", "BRICS", "SCO",
}
REGION_CODES = {"EUR", "WST", "AFR", "ASI", "MEA"}
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "JUD", "LEG", "COP", "SPY", "PTY", "MED", "BUS", "CVL", "REL", "EDU",
    "LAB", "REF", "CRM", "ELI", "UAF",
}
ROLES = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "spokesperson",
    "chief_of_staff_military", "speaker_of_parliament", "deputy_head_of_government", "other",
    "secretary_general", "commission_president", "high_representative", "council_president",
    "parliament_president",
}
GENERIC_ROLES = {"official", "military", "diplomat", "institution"}
SINGLE_HOLDER = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOLERANCE_DAYS = 7


def parse_date(text: str, upper: bool) -> dt.date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; partial dates widen to the end (upper) or start of the period."""
    if not DATE_RE.match(text):
        raise ValueError(f"bad date {text!r}")
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not upper:
            return dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if upper else dt.date(parts[0], 1, 1)


def read_tsv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return (header, [(line_no, fields)]) skipping the leading '#' comment block."""
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not header:
                if line.startswith("#") or not line.strip():
                    continue
                header = line.split("\t")
                continue
            if not line.strip():
                continue
            rows.append((no, line.split("\t")))
    return header, rows


def valid_code(code: str) -> bool:
    """A state (3 uppercase letters), an IGO code from the project list, or a region code."""
    return bool(re.fullmatch(r"[A-Z]{3}", code)) or code in IGO_CODES or code in REGION_CODES


def check_office_holders(path: Path) -> tuple[list[str], list[str]]:
    """Return (errors, notes) for office_holders.tsv."""
    errors: list[str] = []
    notes: list[str] = []
    header, rows = read_tsv(path)
    if header != COLUMNS:
        return [f"{path.name}: header {header} != {COLUMNS}"], notes
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, int, str, str]]] = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    today = dt.date.today()
    for no, f in rows:
        where = f"{path.name}:{no}"
        if len(f) != len(COLUMNS):
            errors.append(f"{where}: {len(f)} fields, expected {len(COLUMNS)}")
            continue
        rec = dict(zip(COLUMNS, f))
        if any(v != v.strip() for v in f):
            errors.append(f"{where}: stray whitespace")
        if not valid_code(rec["code"]):
            errors.append(f"{where}: bad code {rec['code']!r}")
        if rec["sector"] not in SECTORS:
            errors.append(f"{where}: bad sector {rec['sector']!r}")
        if rec["role"] not in ROLES:
            errors.append(f"{where}: bad role {rec['role']!r}")
        if not rec["name_en"] or not rec["name_pl"]:
            errors.append(f"{where}: empty name")
        if any(not a.strip() for a in rec["aliases"].split("|")) and rec["aliases"]:
            errors.append(f"{where}: empty alias")
        key = tuple(rec[c] for c in ("code", "role", "name_en", "start"))
        if key in seen:
            errors.append(f"{where}: duplicate row {key}")
        seen.add(key)
        try:
            start = parse_date(rec["start"], upper=False)
            end = parse_date(rec["end"], upper=True) if rec["end"] else today
            start_hi = parse_date(rec["start"], upper=True)
            end_lo = parse_date(rec["end"], upper=False) if rec["end"] else today
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
            continue
        if rec["end"] and start > end:
            errors.append(f"{where}: start {rec['start']} after end {rec['end']}")
        if rec["role"] in SINGLE_HOLDER:
            # Partial dates are uncertain: compare the narrowest interval they allow.
            spans[(rec["code"], rec["role"])].append((start_hi, end_lo, no, rec["name_en"], rec["notes"]))
    for (code, role), items in sorted(spans.items()):
        items.sort()
        for i, (s1, e1, n1, name1, notes1) in enumerate(items):
            for s2, e2, n2, name2, notes2 in items[i + 1:]:
                if s2 > e1:
                    break
                overlap = (min(e1, e2) - s2).days
                if overlap <= TOLERANCE_DAYS:
                    continue
                msg = (f"{code} {role}: {name1} (line {n1}) and {name2} (line {n2}) overlap {overlap} days")
                if "acting" in notes1 + notes2 or "caretaker" in notes1 + notes2 or "disputed" in notes1 + notes2:
                    notes.append(msg)
                else:
                    errors.append(msg)
    return errors, notes


def check_roles(path: Path) -> list[str]:
    """Return errors for roles.tsv."""
    errors: list[str] = []
    header, rows = read_tsv(path)
    if header != ROLE_COLUMNS:
        return [f"{path.name}: header {header} != {ROLE_COLUMNS}"]
    seen: set[tuple[str, str, str]] = set()
    for no, f in rows:
        where = f"{path.name}:{no}"
        if len(f) != len(ROLE_COLUMNS):
            errors.append(f"{where}: {len(f)} fields, expected {len(ROLE_COLUMNS)}")
            continue
        rec = dict(zip(ROLE_COLUMNS, f))
        if rec["lang"] not in {"pl", "en"}:
            errors.append(f"{where}: bad lang {rec['lang']!r}")
        if not rec["form"] or rec["form"] != rec["form"].strip():
            errors.append(f"{where}: bad form {rec['form']!r}")
        if rec["role"] not in ROLES | GENERIC_ROLES:
            errors.append(f"{where}: bad role {rec['role']!r}")
        if rec["sector"] not in SECTORS:
            errors.append(f"{where}: bad sector {rec['sector']!r}")
        if rec["needs_polity"] not in {"yes", "no"}:
            errors.append(f"{where}: needs_polity must be yes/no")
        polity = re.search(r"polity=([A-Z]+)", rec["notes"])
        if rec["needs_polity"] == "no" and not polity:
            errors.append(f"{where}: needs_polity=no but no polity=CODE in notes")
        if polity and not valid_code(polity.group(1)):
            errors.append(f"{where}: bad polity code {polity.group(1)!r}")
        key = (rec["lang"], rec["form"], rec["role"])
        if key in seen:
            errors.append(f"{where}: duplicate {key}")
        seen.add(key)
    return errors


def main(argv: list[str] | None = None) -> int:
    """Run both checks; print errors and overlap notes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--quiet", action="store_true", help="do not list tolerated acting overlaps")
    args = ap.parse_args(argv)
    errors, notes = check_office_holders(args.data / "office_holders.tsv")
    roles_path = args.data / "roles.tsv"
    if roles_path.exists():
        errors += check_roles(roles_path)
    if not args.quiet:
        for n in notes:
            print("note:", n)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(notes)} tolerated acting/caretaker overlaps")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
