#!/usr/bin/env python3
"""Validate the actor knowledge base (src/kronika/kb/data/actors.tsv, aliases.tsv).

Run from anywhere: ``python scripts/check_kb.py``. Standard library only, so it can run before the
venv exists. Exits 1 and lists every problem when a check fails. The cross-check against the
licensed countries table in ../shared is skipped (with a message) when that folder is absent.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "kronika" / "kb" / "data"
SHARED_CANDIDATES = (
    ROOT.parent / "shared" / "data" / "countries" / "countries_pl_en_derived.tsv",
    Path("/work/shared/data/countries/countries_pl_en_derived.tsv"),
)

ACTOR_COLUMNS = ["code", "kind", "name_en", "name_pl", "iso2", "parent", "notes"]
ALIAS_COLUMNS = ["code", "lang", "kind", "form", "sector", "flags"]
ACTOR_KINDS = {"state", "historical_state", "igo", "region"}
ALIAS_KINDS = {"name", "official", "short", "alias", "adjective", "demonym", "capital", "seat", "body"}
LANGS = {"pl", "en"}
FLAGS = {"ambiguous", "case_sensitive", "metonym", "subnational"}
SECTORS = set("GOV MIL REB OPP JUD LEG COP SPY PTY MED BUS CVL REL EDU LAB REF CRM ELI UAF".split())
SCORED_CODES = set(
    "NATO EU UN OSCE CSTO EAEU CIS G7 G20 OPEC IMF WORLDBANK WTO WHO AU ASEAN ARABLEAGUE COE ICC IAEA "
    "BRICS SCO EUR WST AFR ASI MEA SUN YUG CSK DDR SCG XKX PSE VAT TWN".split()
)
# Kinds every sovereign state must have in both languages.
REQUIRED_KINDS = ("name", "adjective", "demonym", "capital")
SOURCE_CODE_FIXES = {"UNK": "XKX"}  # the countries data gives Kosovo a placeholder code


def read_tsv(path: Path, columns: list[str], errors: list[str]) -> list[dict[str, str]]:
    """Read a kb TSV: '#' comment lines first, then one header row, then tab-separated rows."""
    if not path.exists():
        errors.append(f"{path}: missing")
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    if i == 0:
        errors.append(f"{path.name}: no '#' comment header naming source/licence")
    if i >= len(lines) or lines[i].split("\t") != columns:
        errors.append(f"{path.name}: header row must be {columns}")
        return []
    rows: list[dict[str, str]] = []
    for n, line in enumerate(lines[i + 1:], start=i + 2):
        if not line:
            continue
        if line.startswith("#"):
            errors.append(f"{path.name}:{n}: comment after the header row")
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            errors.append(f"{path.name}:{n}: {len(cells)} cells, expected {len(columns)}")
            continue
        if any(c != c.strip() for c in cells):
            errors.append(f"{path.name}:{n}: leading/trailing whitespace in a cell")
        rows.append(dict(zip(columns, cells)))
    return rows


def check_actors(actors: list[dict[str, str]], errors: list[str]) -> set[str]:
    """Check actor rows; return the set of codes."""
    codes: set[str] = set()
    for r in actors:
        c = r["code"]
        if c in codes:
            errors.append(f"actors: duplicate code {c}")
        codes.add(c)
        if r["kind"] not in ACTOR_KINDS:
            errors.append(f"actors: {c}: bad kind {r['kind']!r}")
        if r["kind"] in ("state", "historical_state") and not (len(c) == 3 and c.isalpha() and c.isupper()):
            errors.append(f"actors: {c}: state code must be 3 capital letters")
        if not r["name_en"] or not r["name_pl"]:
            errors.append(f"actors: {c}: missing name_en/name_pl")
    for r in actors:
        if r["parent"] and r["parent"] not in codes:
            errors.append(f"actors: {r['code']}: unknown parent {r['parent']}")
    for c in sorted(SCORED_CODES - codes):
        errors.append(f"actors: required code {c} missing")
    return codes


def check_aliases(aliases: list[dict[str, str]], codes: set[str], errors: list[str]) -> None:
    """Check alias rows: known codes, allowed values, no duplicates."""
    seen: set[tuple[str, str, str, str]] = set()
    for r in aliases:
        key = (r["code"], r["lang"], r["kind"], r["form"])
        where = "aliases: " + "/".join(key)
        if key in seen:
            errors.append(f"{where}: duplicate row")
        seen.add(key)
        if r["code"] not in codes:
            errors.append(f"{where}: code not in actors.tsv")
        if r["lang"] not in LANGS:
            errors.append(f"{where}: bad lang")
        if r["kind"] not in ALIAS_KINDS:
            errors.append(f"{where}: bad kind")
        if not r["form"]:
            errors.append(f"{where}: empty form")
        if r["sector"] and r["sector"] not in SECTORS:
            errors.append(f"{where}: bad sector {r['sector']!r}")
        flags = [f for f in r["flags"].split(",") if f] if r["flags"] else []
        bad = [f for f in flags if f not in FLAGS]
        if bad or len(flags) != len(set(flags)):
            errors.append(f"{where}: bad flags {r['flags']!r}")


def sovereign_codes(actors: list[dict[str, str]]) -> tuple[set[str], str]:
    """UN members per the shared countries table, or per actors.tsv notes when ../shared is absent."""
    for path in SHARED_CANDIDATES:
        if path.exists():
            with path.open(encoding="utf-8") as f:
                rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
            members = {SOURCE_CODE_FIXES.get(r["cca3"], r["cca3"]) for r in rows if r["unMember"] == "True"}
            allc = {SOURCE_CODE_FIXES.get(r["cca3"], r["cca3"]) for r in rows}
            return members | {"_ALL_"} | {"_ISO_" + c for c in allc}, str(path)
    print("check_kb: /work/shared countries table not found; skipping the cross-check against it "
          "(using actors.tsv notes 'UN member state' instead)")
    return {r["code"] for r in actors if r["notes"].startswith("UN member state")}, ""


def check_coverage(actors: list[dict[str, str]], aliases: list[dict[str, str]], codes: set[str],
                   errors: list[str]) -> int:
    """Every sovereign state needs pl+en name, adjective, demonym and capital; every ISO code an actor row."""
    members, source = sovereign_codes(actors)
    if "_ALL_" in members:
        iso = {c[5:] for c in members if c.startswith("_ISO_")}
        members = {c for c in members if not c.startswith("_")}
        for c in sorted(iso - codes):
            errors.append(f"coverage: {c} from {source} missing in actors.tsv")
    have: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in aliases:
        have[r["code"]].add((r["lang"], r["kind"]))
    for c in sorted(members):
        missing = [f"{lang}:{k}" for lang in sorted(LANGS) for k in REQUIRED_KINDS if (lang, k) not in have[c]]
        if missing:
            errors.append(f"coverage: {c} lacks {', '.join(missing)}")
    for c in sorted(codes):
        if not any(lang == "pl" and k == "name" for lang, k in have[c]) or ("en", "name") not in have[c]:
            errors.append(f"coverage: {c} lacks a pl or en name alias")
    return len(members)


NAMED_COLUMNS = ["name", "label", "lang", "kind", "aliases", "flags"]
NAMED_FLAGS = {"ambiguous", "context_only", "any_case", "case_sensitive"}


def check_named(rows: list[dict[str, str]], errors: list[str]) -> None:
    """named_things.tsv: EVT/PRO labels, languages, flags, one row per name and language, well-formed braces."""
    seen: set[tuple[str, str]] = set()
    for r in rows:
        where = f"named_things: {r['name']}/{r['lang']}"
        for lang in (("pl", "en") if r["lang"] == "*" else (r["lang"],)):
            if (r["name"], lang) in seen:
                errors.append(f"{where}: duplicate name for {lang}")
            seen.add((r["name"], lang))
        if r["label"] not in ("EVT", "PRO"):
            errors.append(f"{where}: bad label {r['label']!r}")
        if r["lang"] not in ("pl", "en", "*"):
            errors.append(f"{where}: bad lang")
        if not r["name"] or not r["kind"]:
            errors.append(f"{where}: empty name or kind")
        flags = [f for f in r["flags"].split(",") if f]
        if any(f not in NAMED_FLAGS for f in flags):
            errors.append(f"{where}: bad flags {r['flags']!r}")
        for a in (x for x in r["aliases"].split("|") if x):
            if a.count("{") != a.count("}") or a.count("{") > 1 or a != a.strip():
                errors.append(f"{where}: bad alias {a!r}")
        if "context_only" in flags and "{" not in r["aliases"] and not r["aliases"]:
            errors.append(f"{where}: context_only without aliases")


def main() -> int:
    """Run all checks and print a summary."""
    errors: list[str] = []
    actors = read_tsv(DATA / "actors.tsv", ACTOR_COLUMNS, errors)
    aliases = read_tsv(DATA / "aliases.tsv", ALIAS_COLUMNS, errors)
    codes = check_actors(actors, errors)
    check_aliases(aliases, codes, errors)
    n_sov = check_coverage(actors, aliases, codes, errors)
    named = read_tsv(DATA / "named_things.tsv", NAMED_COLUMNS, errors)
    check_named(named, errors)
    for e in errors:
        print(e)
    status = "FAILED" if errors else "OK"
    print(f"check_kb: {status}: {len(actors)} actors, {len(aliases)} aliases, {n_sov} sovereign states checked, "
          f"{len(named)} named things, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
