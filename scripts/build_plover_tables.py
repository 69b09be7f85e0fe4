#!/usr/bin/env python3
"""Build src/kronika/plover/data/cameo.tsv from the licensed CAMEO/PLOVER tables in ../shared.

Why a build step: the inputs live outside the package (shared/data/cameo_plover, read-only,
with their own attribution), while kronika ships only the joined TSV. Run it again when the
inputs or cameo_overrides.tsv change:

    python scripts/build_plover_tables.py [--shared /work/shared] [--out src/kronika/plover/data]

Joins, per CAMEO code: the GDELT code list (name), the GDELT Goldstein table (weight) and the
PLOVER CAMEO2PLOVER-2021 table (type, mode, context), then applies kronika's overrides
(cameo_overrides.tsv). Standard library only. Also checks that every type and mode used
appears in types.tsv / modes.tsv.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "kronika" / "plover" / "data"

_MAP_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


def read_two_col(path: Path) -> dict[str, str]:
    """Read a GDELT lookup (header row, then CODE<TAB>VALUE) keeping file order."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                out[parts[0].strip()] = parts[1].strip()
    return out


def read_cameo2plover(path: Path) -> dict[str, dict[str, str]]:
    """Parse CAMEO2PLOVER-2021.txt ('code: TYPE, mode, context # description').

    The first mapping of a code wins (root 08 is listed as CONCEDE and again as RETREAT;
    175 is listed twice). Leading/trailing blanks and the stray 'pro_autocracy' that sits in
    the mode slot of 175 (a context word) are normalised.
    """
    out: dict[str, dict[str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = _MAP_LINE.match(raw.strip())
        if not m:
            continue
        code, body, comment = m.group(1), m.group(2), (m.group(3) or "").strip()
        fields = [f.strip() for f in body.split(",")]
        fields += [""] * (3 - len(fields))
        ptype, mode, context = fields[0].upper(), fields[1], fields[2]
        context = " ".join(context.split()).replace("; ", ";")
        if mode == "pro_autocracy":  # context word in the mode slot of 175
            mode, context = "", ";".join(x for x in ("pro_autocracy", context) if x)
        note = ""
        if "no longer a mode" in comment:
            comment, note = comment.split("21.09.17")[0].strip(), "mode 'ease' retired 2021-09-17"
        if code not in out:
            out[code] = {"type": ptype, "mode": mode, "context": context, "desc": comment, "note": note}
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a kronika TSV: '#' comment lines, then a header row."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def parent_goldstein(code: str, gold: dict[str, str]) -> str:
    """Goldstein of the nearest ancestor code (for codes GDELT's table lacks)."""
    for n in range(len(code) - 1, 1, -1):
        if code[:n] in gold:
            return gold[code[:n]]
    return ""


def clean_name(name: str, fallback: str) -> str:
    """GDELT's 044 carries Mac-Roman quote mojibake; use PLOVER's wording then."""
    if any(ch in name for ch in "ÒÓÔÕ\ufffd"):
        return fallback or re.sub(r"[ÒÓÔÕ\ufffd]", "'", name)
    return " ".join(name.split())


def build(shared: Path, out_dir: Path) -> list[list[str]]:
    """Return the cameo.tsv rows (without header) joined from the three sources plus overrides."""
    src = shared / "data" / "cameo_plover"
    names = read_two_col(src / "CAMEO.eventcodes.txt")
    gold = read_two_col(src / "CAMEO.goldsteinscale.txt")
    plover = read_cameo2plover(src / "CAMEO2PLOVER-2021.txt")
    overrides = {r["cameo"]: r for r in read_tsv(out_dir / "cameo_overrides.tsv")}

    codes = list(names)
    codes += [c for c in plover if c not in names]
    codes.sort(key=lambda c: (c[:2], c.ljust(4, " ")))
    rows: list[list[str]] = []
    for code in codes:
        p = plover.get(code, {})
        name = clean_name(names.get(code, ""), p.get("desc", "")) or p.get("desc", "")
        ptype, mode, ctx = p.get("type", ""), p.get("mode", ""), p.get("context", "")
        origin = ["CAMEO2PLOVER-2021" if p else "dropped"]
        if code in overrides:
            o = overrides[code]
            ptype, mode, ctx = o["plover_type"], o["plover_mode"], o["plover_context"]
            origin = ["kronika-override" if p else "kronika-extension"]
        g = gold.get(code, "")
        if not g:
            g = parent_goldstein(code, gold)
            origin.append("goldstein-from-parent")
        if p.get("note"):
            origin.append(p["note"])
        origin_s = ";".join(origin)
        rows.append([code, name, g, ptype, mode, ctx, origin_s])
    return rows


def check(rows: list[list[str]], out_dir: Path) -> list[str]:
    """Types and modes used must be declared in types.tsv / modes.tsv."""
    problems: list[str] = []
    types = {r["type"] for r in read_tsv(out_dir / "types.tsv")}
    modes = {(r["type"], r["mode"]) for r in read_tsv(out_dir / "modes.tsv")}
    for code, _n, _g, ptype, mode, _c, _o in rows:
        if ptype and ptype not in types:
            problems.append(f"{code}: unknown type {ptype}")
        if mode and (ptype, mode) not in modes:
            problems.append(f"{code}: mode {mode!r} not declared for {ptype}")
    return problems


HEADER = """\
# CAMEO event codes joined with Goldstein weights and PLOVER types/modes.
# Generated by scripts/build_plover_tables.py -- do not edit by hand; edit cameo_overrides.tsv and rebuild.
# Sources:
#  - cameo, name: GDELT CAMEO event code lookup (CAMEO.eventcodes.txt as distributed with GDELT 1.0, via
#    github.com/mpiccirilli/UNDP-BCPR-Project @ e009a802). GDELT data: free for unrestricted use with attribution --
#    "Data from the GDELT Project (gdeltproject.org)"; CAMEO codebook: Schrodt et al., Penn State / Parus Analytics.
#  - goldstein: GDELT Goldstein scale lookup (CAMEO.goldsteinscale.txt, same source; Goldstein 1992, -10..+10).
#  - plover_type, plover_mode, plover_context: PLOVER CAMEO2PLOVER-2021.txt (Draft 0.8, 17-Sep-2021, ed. P. Schrodt),
#    github.com/openeventdata/PLOVER @ 5e0c24fb, (c) Open Event Data Alliance, licensed CC BY-SA 4.0; this table is
#    a derived work and is shared under CC BY-SA 4.0.
#  - rows whose origin starts with kronika-: kronika's own overrides/extensions (cameo_overrides.tsv, reason there).
# Columns: cameo (2-4 digit code, keep leading zero), name (English description), goldstein (float),
#  plover_type (blank = dropped by PLOVER: CAMEO 01 statements), plover_mode (blank = none), plover_context
#  (';'-separated), origin (CAMEO2PLOVER-2021 | kronika-override | kronika-extension | dropped; ';goldstein-from-parent'
#  when GDELT lacks the code and the parent's weight is used)."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows = build(args.shared, args.out)
    cols = ["cameo", "name", "goldstein", "plover_type", "plover_mode", "plover_context", "origin"]
    text = HEADER + "\n" + "\t".join(cols) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    (args.out / "cameo.tsv").write_text(text, encoding="utf-8")
    problems = check(rows, args.out)
    for p in problems:
        print("WARNING", p, file=sys.stderr)
    print(f"wrote {len(rows)} rows to {args.out / 'cameo.tsv'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
